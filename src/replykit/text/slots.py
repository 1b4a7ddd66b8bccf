"""Template slots: `{{ customer.first_name }}`, `{name}`, `%NAME%`, `[ИМЯ]`, `*|FNAME|*`, ...

In a template they are recognised and not linted as prose; in a sent reply a leftover slot is
a defect. Which slots hold the customer's name is configurable (`Config.name_slots`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from replykit.text.charsets import is_common, spelt

# Each class escape (\p{L}, \p{Lu}, \d, \s) stands in brackets, so that `_common_slot` can spell it out.
_SLOT_FORM = r"""
      \{\{-?[\s]*(?P<a>[^{}\n]{1,120}?)[\s]*-?\}\}      # {{ customer.first_name }} Jinja, Liquid, Zendesk, Freshdesk
    | \{%-?[\s]*(?P<tag>[^{}\n]{1,200}?)[\s]*-?%\}      # {% if ... %} template logic
    | \{\#(?P<comment>.{0,500}?)\#\}                    # {# comment #}
    | \$\{(?P<b>[\p{L}_][\p{L}\d_.]{0,60})\}            # ${name}
    | \{(?P<c>[\p{L}_][\p{L}\d_.\-]{0,60})\}            # {name}
    | %(?P<d>[\p{L}_][\p{L}\d_.]{0,60})%                # %NAME%
    | \*\|(?P<e>[\p{L}_][\p{L}\d_:]{0,60})\|\*          # *|FNAME|* Mailchimp
    | <<(?P<f>[\p{L}_][\p{L}\d_ .]{0,60})>>             # <<Name>>
    | \[(?P<g>[\p{Lu}\d_][\p{Lu}\d_ .\-]{1,40})\](?!\() # [ИМЯ], [CUSTOMER NAME]; not a Markdown link
    """
_SLOT = regex.compile(_SLOT_FORM, regex.VERBOSE | regex.DOTALL)


@cache
def _common_slot() -> re.Pattern[str]:
    """`_SLOT` for the `re` engine, which finds slots twice as fast in text of common characters."""
    form = _SLOT_FORM
    for escape in (r"\p{Lu}", r"\p{L}", r"\d", r"\s"):
        form = form.replace(escape, spelt(escape))
    return re.compile(form, re.VERBOSE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class Slot:
    start: int
    end: int
    name: str  # normalised: lower case, inner spaces/dashes to "_"; "" for logic tags and comments
    kind: str  # "value", "logic" or "comment"
    text: str


def find_slots(text: str) -> list[Slot]:
    slots = []
    for match in (_common_slot() if is_common(text) else _SLOT).finditer(text):
        form = match.lastgroup or ""  # each form has one group: the one that matched names the form
        if form == "tag":
            kind, raw = "logic", ""
        elif form == "comment":
            kind, raw = "comment", ""
        else:
            kind = "value"
            raw = match.group(form)
            if form == "g" and not any(ch.isalpha() for ch in raw):
                continue  # [2024], [1] are footnotes or numbers, not slots
        slots.append(Slot(match.start(), match.end(), _normalise(raw), kind, match.group()))
    return slots


_SEPARATORS = regex.compile(r"[\s\-]+")


@lru_cache(maxsize=4096)
def _normalise(raw: str) -> str:
    """The slot's name as configured (`customer_name`); slots recur, so it is remembered."""
    name = raw.split("|", 1)[0].strip().lower()  # drop Liquid filters: {{ name | capitalize }}
    return _SEPARATORS.sub("_", name)


def is_name_slot(slot: Slot, name_slots: frozenset[str]) -> bool:
    """True if the slot holds the customer's name: its full name or last dotted part is listed."""
    if slot.kind != "value":
        return False
    return slot.name in name_slots or slot.name.rsplit(".", 1)[-1] in name_slots
