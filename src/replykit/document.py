"""A reply prepared once for every rule: plain text, segments, slots, tokens, language.

Each part is computed on first use and cached, so a rule that needs only the raw text pays
for nothing else, and no rule recomputes what another already did.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from typing import Any, Generic, TypeVar, overload

import regex

from replykit._lookup import Lowered, lowered
from replykit.errors import InputError, InputTooLargeError
from replykit.text.lang import SAMPLE as _SAMPLE
from replykit.text.lang import detect_language
from replykit.text.plain import PlainText, to_plain
from replykit.text.quotes import Segment, segment
from replykit.text.slots import Slot, find_slots
from replykit.text.tokens import WORD, Sentence, Token, tokenize

T = TypeVar("T")

_SURROGATE = regex.compile(r"[\ud800-\udfff]")
# Links and addresses say nothing about the language a reply is written in.
_LINK_HINTS = ("://", "www.", "@")
_LINK = regex.compile(r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")


class _cached(Generic[T]):
    """`functools.cached_property` without its lock: Python 3.11 takes one on every first read, a
    third of a microsecond that a Document pays some ten times per reply. A Document is built and
    read by one caller; were two threads to race, both would compute the same value."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, document: None, owner: type | None = None) -> _cached[T]: ...
    @overload
    def __get__(self, document: object, owner: type | None = None) -> T: ...
    def __get__(self, document: object | None, owner: type | None = None) -> T | _cached[T]:
        if document is None:
            return self
        value = document.__dict__[self.name] = self.compute(document)
        return value


class Document:
    """The checked text. Offsets of tokens, sentences and segments index `plain.text`."""

    def __init__(
        self,
        text: str,
        *,
        template: bool = False,
        language: str | None = None,
        html: bool | None = None,
        default_language: str = "ru",
        max_chars: int = 1_000_000,
    ) -> None:
        if not isinstance(text, str):
            raise InputError(f"expected text as str, got {type(text).__name__}")
        if len(text) > max_chars:
            raise InputTooLargeError(
                f"text has {len(text):,} characters, more than max_chars={max_chars:,}; "
                "raise Config.max_chars to check it"
            )
        if "\x00" in text:
            raise InputError("text contains NUL characters: binary data, not a reply")
        surrogate = None if text.isascii() else _SURROGATE.search(text)
        if surrogate is not None:
            raise InputError(
                f"text contains an unpaired surrogate at offset {surrogate.start()}: it was decoded "
                "from broken bytes; decode with errors='replace' first"
            )
        self.original = text
        self.template = template
        self._language = language
        self._html = html
        self._default_language = default_language

    @_cached
    def plain(self) -> PlainText:
        return to_plain(self.original, html=self._html)

    @_cached
    def text(self) -> str:
        return self.plain.text

    @_cached
    def segments(self) -> list[Segment]:
        return segment(self.plain.text, self.plain.quote_ranges)

    @_cached
    def own_end(self) -> int:
        """End of the agent's own words and signature (where a footer or quoted history starts)."""
        ends = [s.end for s in self.segments if s.kind == "own" or s.kind == "signature"]
        return max(ends) if ends else 0

    @_cached
    def lowered(self) -> Lowered | None:
        """The text in lower case for phrase look-ups (`replykit._lookup`), made once for every rule."""
        return lowered(self.plain.text)

    @_cached
    def slots(self) -> list[Slot]:
        return find_slots(self.plain.text)

    @_cached
    def _tokenized(self) -> tuple[list[Token], list[Sentence]]:
        return tokenize(self.plain.text, self.segments, self.slots)

    # Rules read these many times per reply: cached, a read is a plain attribute lookup.
    @_cached
    def tokens(self) -> list[Token]:
        """Tokens of the agent's own words and signature; quoted history and a footer have none."""
        return self._tokenized[0]

    @_cached
    def sentences(self) -> list[Sentence]:
        return self._tokenized[1]

    @_cached
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.kind == WORD]

    @_cached
    def language(self) -> str:
        if self._language:
            return self._language
        text = self.plain.text
        links = [m.span() for m in _LINK.finditer(text, 0, self.own_end)] if any(h in text for h in _LINK_HINTS) else []
        own = (t for t in self.words if not t.quoted)
        if links:
            own = (t for t in own if not any(s <= t.start < e for s, e in links))
        # Detection reads only the first _SAMPLE words: lower-case no more than those.
        words = [t.text.lower() for t in islice(own, _SAMPLE)]
        return detect_language(words, self._default_language)

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.first_token : sentence.last_token]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.plain.to_original(start, end)

    def in_quote(self, offset: int) -> bool:
        return any(s.kind == "quote" and s.start <= offset < s.end for s in self.segments)
