"""`fix`: apply every safe fix, round after round, until the text stops changing.

A fix may reveal another (a corrected greeting lets a later rule see the reply's opening), so
the checks run again on the fixed text, at most `_MAX_ROUNDS` times. A fix that would edit
inside a template slot (`{{ name }}`, `{% if %}`) or HTML markup, or remove one, is dropped,
whatever rule offered it: slots and markup stay as they are. Unsafe fixes are never applied; `check` suggests them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from typing import Any

from replykit.api import CheckInput, _check, _unpack
from replykit.config import Config, make_config
from replykit.document import Document
from replykit.fixes import apply_fixes
from replykit.models import Customer, Finding, Fix, Report

_MAX_ROUNDS = 8
_UNCOPIED = re.compile(b"\x00+")


def fix(
    text: CheckInput,
    *,
    locale: str | None = None,
    customer: Customer | None = None,
    config: Config | Mapping[str, Any] | None = None,
    template: bool = False,
    html: bool | None = None,
) -> str:
    """The reply with every safe fix applied; slots and markup are left as they are.

    `text` may also be a `Message` or a `Conversation` (whose last agent reply is fixed in the
    context of the messages before it). Applying `fix` to its own result changes nothing.
    """
    return fix_report(text, locale, customer, config, template, html)[0]


def fix_report(  # fmt: skip
    text: CheckInput, locale: str | None, customer: Customer | None,
    config: Config | Mapping[str, Any] | None, template: bool, html: bool | None,
) -> tuple[str, Report]:
    """`fix`, and the report on the fixed text: what is left (suggestions, unfixable findings)."""
    cfg = make_config(config)
    message, history, conversation = _unpack(text, cfg)
    customer = customer or (conversation.customer if conversation else None)
    locale = locale or (conversation.locale if conversation else None)
    seen = {message.text}
    for _ in range(_MAX_ROUNDS):
        report, ctx = _check(message, history, customer=customer, locale=locale, cfg=cfg, template=template, html=html)
        fixed = apply_fixes(message.text, _safe_outside(report.findings, _protected(ctx.doc), message.text))
        if fixed in seen:  # nothing left to fix (or a rule would undo another's fix)
            return message.text, report
        seen.add(fixed)
        message = message.model_copy(update={"text": fixed})
    report, _ = _check(message, history, customer=customer, locale=locale, cfg=cfg, template=template, html=html)
    return message.text, report


def _safe_outside(findings: tuple[Finding, ...], protected: list[tuple[int, int]], text: str) -> list[Finding]:
    """Findings reduced to their safe fixes that leave every protected span of `text` intact."""
    starts = [a for a, _ in protected]
    out = []
    for finding in findings:
        fixes = tuple(fx for fx in finding.fixes if fx.safe and not _breaks(fx, protected, starts, text))
        if fixes:
            out.append(finding.model_copy(update={"fixes": fixes}))
    return out


def _breaks(fx: Fix, protected: list[tuple[int, int]], starts: list[int], text: str) -> bool:
    """True if the fix would edit inside a protected span, cut one, or drop one.

    A fix may cover whole spans when its replacement carries each of them verbatim and in
    order ("Уважаемый {{ name }}" → "Здравствуйте, {{ name }}").
    """
    if fx.start == fx.end:  # an insertion must not land inside a span
        i = bisect.bisect_left(starts, fx.start) - 1
        return i >= 0 and fx.start < protected[i][1]
    j = bisect.bisect_left(starts, fx.start)
    if j > 0 and protected[j - 1][1] > fx.start:  # a span begins before the fix and reaches into it
        return True
    pos = 0
    while j < len(protected) and protected[j][0] < fx.end:
        a, b = protected[j]
        if b > fx.end:
            return True
        found = fx.replacement.find(text[a:b], pos)
        if found < 0:
            return True
        pos = found + b - a
        j += 1
    return False


def _protected(doc: Document) -> list[tuple[int, int]]:
    """Sorted, merged original spans that fixes must not touch: slots and HTML markup."""
    spans = [doc.to_original(s.start, s.end) for s in doc.slots]
    plain = doc.plain
    if plain.starts is not None and plain.ends is not None:
        # Characters not copied one-to-one into the plain text are tags, entities or
        # invisible characters.
        copied = bytearray(len(doc.original))
        text, original = plain.text, doc.original
        for i, (s, e) in enumerate(zip(plain.starts, plain.ends)):
            if e == s + 1 and original[s] == text[i]:
                copied[s] = 1
        spans.extend(m.span() for m in _UNCOPIED.finditer(copied))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged
