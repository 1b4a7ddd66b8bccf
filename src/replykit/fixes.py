"""Applying fixes to text: non-overlapping, in one pass, safe ones only unless asked."""

from __future__ import annotations

from collections.abc import Iterable

from replykit.models import Finding, Fix


def apply_fixes(text: str, findings: Iterable[Finding], *, unsafe: bool = False) -> str:
    """Apply the first fix of each finding; a fix overlapping one already taken is skipped.

    Fixes are taken in order of position, so the result does not depend on rule order.
    """
    chosen: list[Fix] = []
    candidates = sorted(
        (f.fixes[0] for f in findings if f.fixes and (unsafe or f.fixes[0].safe)),
        key=lambda fx: (fx.start, fx.end),
    )
    last_end = -1
    for fx in candidates:
        if fx.start < last_end or (fx.start == last_end and fx.start == fx.end and chosen and chosen[-1].start == fx.start):
            continue
        chosen.append(fx)
        last_end = fx.end
    parts = []
    pos = 0
    for fx in chosen:
        parts.append(text[pos : fx.start])
        parts.append(fx.replacement)
        pos = fx.end
    parts.append(text[pos:])
    return "".join(parts)
