"""A progress bar for long audits: tqdm when installed, else one self-rewriting stderr line."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol

_DELAY = 1.0  # seconds before a bar appears: short runs stay quiet
_INTERVAL = 0.5


class _Bar(Protocol):
    def update(self, n: int) -> Any: ...


class _Line:
    """`replykit audit: 12,345/100,000 rows (12%), 4,321 rows/s` rewritten in place."""

    def __init__(self, total: int | None) -> None:
        self.total = total
        self.done = 0
        self.start = time.monotonic()
        self.shown = 0.0

    def update(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if now - self.start >= _DELAY and now - self.shown >= _INTERVAL:
            self.shown = now
            self._write(now)

    def _write(self, now: float) -> None:
        rate = self.done / max(now - self.start, 1e-9)
        of = f"/{self.total:,} rows ({self.done / self.total:.0%})" if self.total else " rows"
        sys.stderr.write(f"\rreplykit audit: {self.done:,}{of}, {rate:,.0f} rows/s ")
        sys.stderr.flush()

    def close(self) -> None:
        if self.shown:
            self._write(time.monotonic())
            sys.stderr.write("\n")
            sys.stderr.flush()


class _Off:
    def update(self, n: int) -> None:
        pass


def _interactive(stream: Any) -> bool:
    """A person is watching: a terminal, or a Jupyter kernel's output (not a log or a pipe)."""
    return bool(stream.isatty()) or type(stream).__module__.startswith("ipykernel")


@contextmanager
def progress_bar(enabled: bool | None, total: int | None) -> Iterator[_Bar]:
    """A bar counting input rows; `enabled=None` shows it on a terminal or in a notebook only."""
    if enabled is None:
        enabled = _interactive(sys.stderr)
    if not enabled:
        yield _Off()
        return
    try:
        from tqdm.auto import tqdm
    except ImportError:
        line = _Line(total)
        try:
            yield line
        finally:
            line.close()
        return
    with tqdm(total=total, unit="rows", desc="replykit audit", delay=_DELAY, mininterval=_INTERVAL) as bar:
        yield bar
