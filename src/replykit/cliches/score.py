"""The plainness score: 0–10, higher is plainer (formula in docs/cliches.md)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from replykit.cliches.rules import categories, debris_weight
from replykit.config import Config, make_config
from replykit.document import Document
from replykit.errors import InputError
from replykit.models import Report

_MIN_WORDS = 20  # a short reply is judged as if it had this many words
_HALF_AT = 10.0  # weighted findings per 100 words at which the score halves


def cliche_score(
    value: str | Report,
    *,
    locale: str | None = None,
    config: Config | Mapping[str, Any] | None = None,
) -> float:
    """Plainness of one reply, 0–10 (10: no clichés or leftovers found).

    From text, the RK5xx rules are run (with `config`'s other settings); from a `Report`, its
    RK5xx findings are counted, so a report checked without those rules scores 10.
    score = 10 / (1 + D / 10), where D = 100 · Σ weights / max(words, 20).
    """
    if isinstance(value, Report):
        report = value
    elif isinstance(value, str):
        from replykit.api import check

        cfg = make_config(config)
        report = check(value, locale=locale, config=cfg.merged(select=("RK5",)))
    else:
        raise InputError(f"cliche_score() takes the reply text or a Report, not {type(value).__name__}")
    weights = {c.code: c.weight for c in categories().values()}
    debris = debris_weight()
    total = sum(weights.get(f.code, debris) for f in report.findings if f.code.startswith("RK5"))
    if not total:
        return 10.0
    doc = Document(report.text, language=report.language, max_chars=max(len(report.text), 1))
    words = sum(1 for t in doc.words if t.segment == "own")
    density = 100.0 * total / max(words, _MIN_WORDS)
    return round(10.0 / (1.0 + density / _HALF_AT), 1)
