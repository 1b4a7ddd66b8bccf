"""The examples in public docstrings are run, so the documentation cannot drift from the code."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "replykit",
    "replykit.greetings.build",
    "replykit.names.build",
    "replykit.names.inflect",
    "replykit.names.person",
    "replykit.formality.build",
    "replykit.bundling.build",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
