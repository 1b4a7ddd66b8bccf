"""The labelled bundling pairs: the detectors must keep their precision and recall."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from replykit.bundling.lexicon import LANGUAGES

_SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "bundling_eval.py"
_spec = importlib.util.spec_from_file_location("bundling_eval", _SCRIPT)
assert _spec is not None and _spec.loader is not None
evaluation = importlib.util.module_from_spec(_spec)
sys.modules["bundling_eval"] = evaluation  # its dataclasses look their module up
_spec.loader.exec_module(evaluation)

MINIMUM_PAIRS = {"ru": 150, "uk": 40, "bg": 40, "hu": 40, "en": 40, "de": 40}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_labelled_pairs_are_detected(lang):
    pairs = evaluation.load_pairs(lang)
    assert len(pairs) >= MINIMUM_PAIRS[lang]
    known = {"price", "lead_time", "payment_timing", "payment_method", "availability", "warranty", "delivery_cost"}
    assert all(set(p["asked"]) | set(p["answered"]) <= known for p in pairs)
    asked, answered, _, _ = evaluation.score_language(lang)
    for side in (asked, answered):
        # a floor against regressions; the figures themselves are in docs/bundling.md
        assert side.precision() >= 0.93 and side.recall() >= 0.93, "\n".join(side.lines(lang))


def test_bitext_is_skipped_cleanly_when_absent(tmp_path):
    assert evaluation.score_bitext(tmp_path / "absent") is None
    assert evaluation.main(["--lang", "uk", "--bitext", str(tmp_path / "absent")]) == 0
