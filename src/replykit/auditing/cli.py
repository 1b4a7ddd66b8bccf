"""`replykit audit`: an export in, a table of findings (or of replies) out, streaming."""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tomllib
from collections.abc import Callable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import IO, Any

from replykit.auditing.columns import Columns, make_columns
from replykit.auditing.importers import read_csv, read_jsonl
from replykit.auditing.result import FINDING_COLUMNS, families, summary_columns, summary_row
from replykit.auditing.run import iter_audit
from replykit.config import Config
from replykit.errors import ConfigError, InputError
from replykit.models import Severity


def audit_command(args: argparse.Namespace, config: Config) -> int:
    """Exit 0 when every reply passes at the config's fail_on, 1 when one does not, as `check` does."""
    columns = column_map(args.columns, args.column)
    rows = _read(args.export, args.input_format)
    names = families()
    fail_on = Severity(config.fail_on)
    if args.rows == "summary":
        header: Sequence[str] = summary_columns(names)
    else:
        header = FINDING_COLUMNS
    results = iter_audit(rows, workers=args.workers, config=config, columns=columns, locale=args.locale)
    first = next(results, None)  # a missing file or column fails here, before any output
    write = _writer(args.format, header, sys.stdout)
    replies = findings = failing = unchecked = 0
    for reply in chain([first] if first else [], results):
        replies += 1
        findings += len(reply.findings)
        failing += not reply.passed(fail_on)
        unchecked += reply.failure is not None
        if args.rows == "summary":
            write(summary_row(reply, names, fail_on))
        else:
            for finding in reply.findings:
                write(finding)
    print(
        f"replykit: {replies:,} repl{'y' if replies == 1 else 'ies'} audited, {findings:,} findings, {failing:,} failing at {fail_on.value}"
        + (f", {unchecked:,} could not be checked" if unchecked else ""),
        file=sys.stderr,
    )
    return 1 if failing else 0


def column_map(path: Path | None, pairs: Sequence[str]) -> Columns:
    """`Columns` from a TOML file and FIELD=COLUMN pairs ("customer.first_name=name" reaches into the customer map)."""
    table: dict[str, Any] = {}
    if path is not None:
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"cannot read columns file {path}: {exc.strerror}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"columns file {path} is not valid TOML: {exc}") from None
    if isinstance(table.get("roles"), dict):  # TOML has no null: "skip" marks rows to leave out
        table["roles"] = {k: None if v == "skip" else v for k, v in table["roles"].items()}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise ConfigError(f"--column takes FIELD=COLUMN (like text=body), not {pair!r}")
        field, column = field.strip(), column.strip()
        if field.startswith("customer."):
            table["customer"] = {**table.get("customer", {}), field.removeprefix("customer."): column}
        else:
            table[field] = column
    try:
        return make_columns(table)
    except InputError as exc:
        raise ConfigError(str(exc)) from None


def _read(export: str, fmt: str | None) -> Iterator[dict[str, Any]]:
    source: str | IO[str] = sys.stdin if export == "-" else export
    if fmt is None:
        fmt = "jsonl" if Path(export).suffix.lower() in (".jsonl", ".ndjson") else "csv"
    return read_jsonl(source) if fmt == "jsonl" else read_csv(source)


def _writer(fmt: str, header: Sequence[str], out: IO[str]) -> Callable[[Sequence[Any]], object]:
    """A function writing one row; the CSV header is written at once, so an empty audit still has one."""
    if fmt == "jsonl":
        return lambda row: out.write(json.dumps(dict(zip(header, row, strict=True)), ensure_ascii=False, default=str) + "\n")
    table = csv.writer(out, lineterminator="\n")
    table.writerow(header)
    return lambda row: table.writerow(["" if value is None else value for value in row])
