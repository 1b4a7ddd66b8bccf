"""The `replykit` command: lint canned responses and replies in CI.

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 usage, config
or input error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from replykit.errors import ReplykitError

TEMPLATE_SUFFIXES = frozenset(
    {".txt", ".md", ".html", ".htm", ".j2", ".jinja", ".jinja2", ".liquid", ".hbs", ".mustache", ".tmpl", ".tpl"}
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="replykit", description="Check the replies you send to customers.")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check files, folders or stdin")
    check.add_argument("paths", nargs="*", help="files or folders; '-' or nothing reads stdin")
    check.add_argument("--format", choices=("text", "json", "sarif", "github"), default="text")
    check.add_argument("--select", help="comma-separated codes or prefixes to run (e.g. RK1,RK201)")
    check.add_argument("--ignore", help="comma-separated codes or prefixes to skip")
    check.add_argument("--config", type=Path, help="replykit.toml or pyproject.toml to read")
    check.add_argument("--fail-on", choices=("info", "warning", "error"), help="lowest severity that fails (default: warning)")
    check.add_argument("--locale", help="language of the texts instead of detecting it (e.g. ru, de_DE)")
    mode = check.add_mutually_exclusive_group()
    mode.add_argument("--template", dest="template", action="store_true", default=None, help="treat input as templates (default for files)")
    mode.add_argument("--sent", dest="template", action="store_false", help="treat input as sent replies (default for stdin)")
    check.add_argument("--channel", choices=("email", "chat", "messenger", "social", "sms", "phone"), default="email")

    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text")

    explain = sub.add_parser("explain", help="explain one rule")
    explain.add_argument("code")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "rules":
            return _rules(args.format)
        from replykit.catalogue import explain

        sys.stdout.write(explain(args.code))
        return 0
    except ReplykitError as exc:
        print(f"replykit: error: {exc}", file=sys.stderr)
        return 2


def _rules(fmt: str) -> int:
    from replykit import catalogue

    if fmt == "markdown":
        sys.stdout.write(catalogue.markdown())
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


def _check(args: argparse.Namespace) -> int:
    from replykit.api import check
    from replykit.config import load_config
    from replykit.formats import FORMATS
    from replykit.models import Message, Severity

    config = load_config(args.config) if args.config else load_config(start=Path.cwd())
    changes: dict[str, object] = {}
    if args.select:
        changes["select"] = args.select
    if args.ignore:
        changes["ignore"] = args.ignore
    if args.fail_on:
        changes["fail_on"] = args.fail_on
    if changes:
        config = config.merged(**changes)

    checked = []
    failed_inputs = 0
    for name, text, is_file in _inputs(args.paths):
        if text is None:
            failed_inputs += 1
            continue
        template = args.template if args.template is not None else is_file
        try:
            message = Message(role="agent", text=text, channel=args.channel)
            checked.append((name, check(message, locale=args.locale, config=config, template=template)))
        except ReplykitError as exc:
            print(f"{name}: error: {exc}", file=sys.stderr)
            failed_inputs += 1
    sys.stdout.write(FORMATS[args.format](checked))
    if failed_inputs:
        return 2
    threshold = Severity(config.fail_on)
    failing = any(f.severity >= threshold for _, report in checked for f in report.findings)
    return 1 if failing else 0


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
