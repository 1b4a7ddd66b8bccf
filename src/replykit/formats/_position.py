"""1-based line and column of an offset, as editors and CI annotations count them."""

from __future__ import annotations


def line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
