"""User changes to the cliché lexicons and the template-debris patterns."""

from __future__ import annotations

from typing import Literal

import regex
from pydantic import Field, field_validator

from replykit._options import _Options

Category = Literal["service", "bureaucratese", "intensifier", "salutation", "idiom"]
LANGUAGES = frozenset({"ru", "uk", "bg", "hu", "en", "de"})


class ClicheEntry(_Options):
    """One lexicon entry, in the format of replykit/cliches/data/<lang>.toml."""

    phrase: str = Field(min_length=1, max_length=200)
    category: Category
    alternative: str | None = None
    order: Literal["strict", "free"] | None = None
    gap: int | None = Field(default=None, ge=0, le=3)
    unless: tuple[str, ...] = ()
    start: bool = False
    fire: str | None = None
    miss: str | None = None

    @field_validator("phrase")
    @classmethod
    def _words(cls, value: str) -> str:
        words = value.split()
        if not words or any(w in ("*", "=") for w in words):
            raise ValueError(f"phrase {value!r} needs at least one word (a lone '*' or '=' is not one)")
        return " ".join(words)


class ClichesOptions(_Options):
    """`add`: extra or replacing entries per language (an entry with the phrase of a built-in
    one overrides it); `remove`: phrases to drop per language; `placeholders`: extra regular
    expressions for template debris in sent replies."""

    add: dict[str, list[ClicheEntry]] = Field(default_factory=dict)
    remove: dict[str, list[str]] = Field(default_factory=dict)
    placeholders: tuple[str, ...] = ()

    @field_validator("add", "remove")
    @classmethod
    def _languages(cls, value: dict[str, object]) -> dict[str, object]:
        unknown = sorted(set(value) - LANGUAGES)
        if unknown:
            raise ValueError(f"unknown language(s) {unknown}; use one of {sorted(LANGUAGES)}")
        return value

    @field_validator("placeholders")
    @classmethod
    def _patterns(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in value:
            try:
                regex.compile(pattern)
            except regex.error as exc:
                raise ValueError(f"placeholder pattern {pattern!r} is not a valid regular expression: {exc}") from None
        return value
