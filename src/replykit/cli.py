"""The `replykit` command: lint canned responses and replies in CI.

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 usage, config
or input error.
"""

from __future__ import annotations

import argparse
import codecs
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, get_args

from replykit.errors import ReplykitError
from replykit.models import Channel

if TYPE_CHECKING:
    from replykit.config import Config
    from replykit.models import Message

T = TypeVar("T")

TEMPLATE_SUFFIXES = frozenset(
    {".txt", ".md", ".html", ".htm", ".j2", ".jinja", ".jinja2", ".liquid", ".hbs", ".mustache", ".tmpl", ".tpl"}
)


def _input_options(command: argparse.ArgumentParser) -> None:
    """How `check` and `fix` read their input: config, language, template or sent, channel."""
    command.add_argument("--config", type=Path, help="replykit.toml or pyproject.toml to read")
    command.add_argument("--locale", help="language of the texts instead of detecting it (e.g. ru, de_DE)")
    mode = command.add_mutually_exclusive_group()
    mode.add_argument("--template", dest="template", action="store_true", default=None, help="treat input as templates (default for files)")
    mode.add_argument("--sent", dest="template", action="store_false", help="treat input as sent replies (default for stdin)")
    command.add_argument("--channel", choices=get_args(Channel), default="email")


def _rule_options(command: argparse.ArgumentParser) -> None:
    """Which rules run and which findings fail, over what the config file says."""
    command.add_argument("--select", help="comma-separated codes or prefixes to run (e.g. RK1,RK201)")
    command.add_argument("--ignore", help="comma-separated codes or prefixes to skip")
    command.add_argument("--fail-on", choices=("info", "warning", "error"), help="lowest severity that fails (default: warning)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="replykit", description="Check the replies you send to customers.")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check files, folders or stdin")
    check.add_argument("paths", nargs="*", help="files or folders; '-' or nothing reads stdin")
    check.add_argument("--format", choices=("text", "json", "sarif", "github"), default="text")
    _rule_options(check)
    _input_options(check)

    fix = sub.add_parser("fix", help="apply the safe fixes to files in place (slots and markup kept)")
    fix.add_argument("paths", nargs="+", help="files or folders; '-' reads stdin and writes the result to stdout")
    fix.add_argument("--diff", action="store_true", help="print a unified diff instead of rewriting; exit 1 if any")
    _input_options(fix)

    audit = sub.add_parser(
        "audit",
        help="audit an export of past replies (CSV or JSON Lines, one row per message)",
        description="Check every agent reply of a helpdesk export in the context of its conversation and print "
        "one row per finding (or per reply with --rows summary) as CSV or JSON Lines; totals go to stderr.",
    )
    audit.add_argument("export", help="a .csv or .jsonl file; '-' reads stdin")
    audit.add_argument("--input-format", choices=("csv", "jsonl"), help="the export's format (default: from its suffix, else CSV)")
    audit.add_argument("--columns", type=Path, metavar="FILE", help="TOML file mapping message fields to the export's columns (see docs/audit.md)")
    audit.add_argument(
        "--column", action="append", default=[], metavar="FIELD=COLUMN",
        help="one mapping, e.g. text=body or customer.first_name=requester_name; repeatable, wins over --columns",
    )  # fmt: skip
    audit.add_argument("--rows", choices=("findings", "summary"), default="findings", help="one row per finding (default) or per reply")
    audit.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    audit.add_argument("--workers", type=int, help="processes (default: every core; 1 runs in this process)")
    audit.add_argument("--config", type=Path, help="replykit.toml or pyproject.toml to read")
    audit.add_argument("--locale", help="language of replies whose row names none (e.g. ru, de_DE)")
    _rule_options(audit)

    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=("text", "json", "markdown", "fixes"), default="text")

    explain = sub.add_parser("explain", help="explain one rule")
    explain.add_argument("code")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "fix":
            return _fix(args)
        if args.command == "audit":
            from replykit.auditing.cli import audit_command

            return audit_command(args, _config(args))
        if args.command == "rules":
            return _rules(args.format)
        from replykit.catalogue import explain

        sys.stdout.write(explain(args.code))
        return 0
    except ReplykitError as exc:
        print(f"replykit: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `replykit audit ... | head`: the reader has all it wants
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 1


def _rules(fmt: str) -> int:
    from replykit import catalogue

    if fmt == "markdown":
        sys.stdout.write(catalogue.markdown())
    elif fmt == "fixes":
        sys.stdout.write(catalogue.fixes_markdown())
    elif fmt == "json":
        import json

        from replykit.api import rules

        data = [
            {
                "code": i.code,
                "name": i.name,
                "family": i.family,
                "severity": i.severity.value,
                "languages": sorted(i.languages) if i.languages else None,
                "summary": i.summary,
                "default": i.default,
            }
            for i in rules()
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(catalogue.table())
    return 0


def _config(args: argparse.Namespace) -> Config:
    """The config file's settings, with --select, --ignore and --fail-on over them where given."""
    from replykit.config import load_config

    config = load_config(args.config) if args.config else load_config(start=Path.cwd())
    changes = {key: value for key in ("select", "ignore", "fail_on") if (value := getattr(args, key, None))}
    return config.merged(**changes) if changes else config


def _check(args: argparse.Namespace) -> int:
    from replykit.api import check
    from replykit.formats import FORMATS
    from replykit.models import Severity

    config = _config(args)
    done, failed_inputs = _each(args, lambda message, template: check(message, locale=args.locale, config=config, template=template))
    checked = [(name, report) for name, _, _, report in done]
    sys.stdout.write(FORMATS[args.format](checked))
    if failed_inputs:
        return 2
    threshold = Severity(config.fail_on)
    failing = any(f.severity >= threshold for _, report in checked for f in report.findings)
    return 1 if failing else 0


def _fix(args: argparse.Namespace) -> int:
    """Rewrite the named files with the safe fixes applied, or print the diff with --diff."""
    import difflib

    from replykit.autofix import fix_report

    config = _config(args)
    done, failed = _each(args, lambda message, template: fix_report(message, args.locale, None, config, template, None))
    changed = 0
    for name, text, is_file, (fixed, report) in done:
        suggested = sum(1 for f in report.findings if f.fixes)
        if suggested:
            what = "1 suggested fix needs" if suggested == 1 else f"{suggested} suggested fixes need"
            print(f"{name}: {what} review (see `replykit check`)", file=sys.stderr)
        if fixed != text:
            changed += 1
        if args.diff:
            for line in difflib.unified_diff(text.splitlines(True), fixed.splitlines(True), name, name):
                sys.stdout.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
        elif not is_file:
            sys.stdout.write(fixed)
        elif fixed != text:
            _rewrite(Path(name), fixed)
    if failed:
        return 2
    return 1 if args.diff and changed else 0


def _each(args: argparse.Namespace, work: Callable[[Message, bool], T]) -> tuple[list[tuple[str, str, bool, T]], int]:
    """`work(message, template)` on every input: (name, text, is_file, result)s and the failure count."""
    from replykit.models import Message

    done = []
    failed = 0
    for name, text, is_file in _inputs(args.paths):
        if text is None:
            failed += 1
            continue
        template = args.template if args.template is not None else is_file
        try:
            done.append((name, text, is_file, work(Message(role="agent", text=text, channel=args.channel), template)))
        except ReplykitError as exc:
            print(f"{name}: error: {exc}", file=sys.stderr)
            failed += 1
    return done, failed


def _rewrite(path: Path, text: str) -> None:
    """Write `text` back as UTF-8, keeping a byte-order mark if the file had one."""
    bom = codecs.BOM_UTF8 if path.read_bytes().startswith(codecs.BOM_UTF8) else b""
    path.write_bytes(bom + text.encode("utf-8"))


def _inputs(paths: Sequence[str]) -> Iterator[tuple[str, str | None, bool]]:
    if not paths or list(paths) == ["-"]:
        yield "-", sys.stdin.read(), False
        return
    for raw in paths:
        if raw == "-":
            yield "-", sys.stdin.read(), False
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEMPLATE_SUFFIXES)
        elif path.is_file():
            files = [path]
        else:
            print(f"{raw}: error: no such file or folder", file=sys.stderr)
            yield raw, None, True
            continue
        for file in files:
            try:
                yield str(file), file.read_bytes().decode("utf-8-sig"), True
            except UnicodeDecodeError as exc:
                print(f"{file}: error: not UTF-8 text ({exc.reason} at byte {exc.start})", file=sys.stderr)
                yield str(file), None, True
            except OSError as exc:
                print(f"{file}: error: cannot read: {exc.strerror}", file=sys.stderr)
                yield str(file), None, True


if __name__ == "__main__":
    raise SystemExit(main())
