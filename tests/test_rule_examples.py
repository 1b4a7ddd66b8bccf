"""Every documented example of every rule: each `bad` fires its rule, each `good` does not."""

from __future__ import annotations

import pytest

import replykit
from replykit.engine import iter_examples

from .conftest import example_input

EXAMPLES = list(iter_examples())


@pytest.mark.parametrize(
    ("info", "example"),
    EXAMPLES,
    ids=[f"{i.code}-{e.lang}-{'bad' if e.fires else 'good'}-{n}" for n, (i, e) in enumerate(EXAMPLES)],
)
def test_example(info, example):
    value, kwargs = example_input(example.text, example.context)
    kwargs["config"] = {**kwargs.get("config", {}), "select": [info.code]}
    report = replykit.check(value, locale=example.lang, **kwargs)
    codes = report.codes()
    if example.fires:
        assert info.code in codes, f"{info.code} should fire on: {example.text!r}"
    else:
        assert info.code not in codes, f"{info.code} should not fire on: {example.text!r}: {report.findings}"


def test_every_rule_has_examples_in_each_language_it_claims():
    for info in replykit.rules():
        langs = info.languages or {e.lang for e in info.examples}
        for lang in langs:
            kinds = {e.fires for e in info.examples if e.lang == lang}
            assert kinds == {True, False}, f"{info.code} lacks a bad or a good example in {lang}"


def test_reports_built_without_validation_are_what_validation_makes():
    """The engine builds findings, reports and scorecards from its own values without validating them
    again (`_trusted`): on every bad example they must be exactly what strict validation makes of them."""
    for _, example in EXAMPLES:
        if not example.fires:
            continue
        value, kwargs = example_input(example.text, example.context)
        report = replykit.check(value, locale=example.lang, **kwargs)
        card = report.scorecard
        scored = (card, *card.categories, *([card.readability] if card.readability else [])) if card else ()
        for built in (report, *report.findings, *(fix for f in report.findings for fix in f.fixes), *scored):
            validated = type(built).model_validate(dict(built), strict=True)
            assert built == validated
            assert list(built.__dict__) == list(type(built).model_fields)
            assert built.model_fields_set == validated.model_fields_set
            assert built.model_dump_json() == validated.model_dump_json()
