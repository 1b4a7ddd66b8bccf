"""Reading helpdesk exports as streams of rows: CSV and JSON Lines, with the standard library."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from replykit.errors import InputError

Source = str | os.PathLike[str] | IO[str]


@contextmanager
def _open(source: Source, encoding: str) -> Iterator[IO[str]]:
    if isinstance(source, str | os.PathLike):
        try:
            with open(source, encoding=encoding, newline="") as handle:
                yield handle
        except FileNotFoundError:
            raise InputError(f"no such file: {os.fspath(source)}") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"{os.fspath(source)} is not {encoding} ({exc.reason}); pass encoding=...") from None
    else:
        yield source


def read_csv(source: Source, *, encoding: str = "utf-8-sig", **fmtparams: Any) -> Iterator[dict[str, str]]:
    """Stream the rows of a CSV export as dicts keyed by its header (one row at a time)."""
    with _open(source, encoding) as handle:
        reader = csv.DictReader(handle, **fmtparams)
        try:
            yield from reader
        except csv.Error as exc:
            raise InputError(f"CSV line {reader.line_num}: {exc}") from None


def read_jsonl(source: Source, *, encoding: str = "utf-8") -> Iterator[dict[str, Any]]:
    """Stream the objects of a JSON Lines export (one object per line; blank lines skipped)."""
    with _open(source, encoding) as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"JSON Lines line {number}: not valid JSON: {exc.msg}") from None
            if not isinstance(row, dict):
                raise InputError(f"JSON Lines line {number}: expected an object, got {type(row).__name__}")
            yield row
