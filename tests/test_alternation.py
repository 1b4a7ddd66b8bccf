"""Alternation scans branch by branch but must yield exactly what the joined pattern's finditer does."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from replykit.cliches.rules import _debris
from replykit.text.alternation import Alternation

_ATOMS = ["XXX", "xxxx", "ХХХ", "___", "__", "lorem ipsum", "Insert the customer name here", "[вставить имя]",
          "name einfügen", "<FIRST NAME>", "TODO", "xTODO", "FIXME", "#NAME#", "$FIRST_NAME", "Уважаем(ая)",
          " ", "\n", "a", "Б", "_", "x", "X", "(", ")", "[", "]", "<", ">", "#", "$", "-", "1"]  # fmt: skip


def _same(alt: Alternation, text: str, pos: int, end: int) -> None:
    split = [(b, m.span(), m.group()) for b, m in alt.finditer(text, pos, end)]
    joined = [(b, m.span(), m.group()) for b, m in alt._joined(text, pos, end)]
    assert split == joined


def test_debris_patterns_match_like_one_pattern() -> None:
    alt, _ = _debris(())
    assert alt.parts is not None  # the built-in patterns are scanned branch by branch
    rnd = random.Random(3)
    for _ in range(2000):
        text = "".join(rnd.choice(_ATOMS) for _ in range(rnd.randint(0, 25)))
        _same(alt, text, 0, len(text))
        _same(alt, text, min(2, len(text)), len(text) // 2 + 1)


@given(st.text(alphabet="ab\n_X", max_size=30))
@settings(max_examples=200, deadline=None)
def test_overlapping_and_empty_branches(text: str) -> None:
    for branches in (["a+", "ab", "b*"], ["(?s)a.b", "b"], ["(?<=a)b", "\\bX", "_+"]):
        alt = Alternation(branches)
        _same(alt, text, 0, len(text))


def test_a_global_flag_or_a_partial_branch_keeps_the_joined_pattern() -> None:
    assert Alternation(["(?s)a.b", "b"]).parts is None
    assert Alternation(["a", "a)|(b"]).parts is None
    assert Alternation(["a", "(?i:b)"]).parts is not None
