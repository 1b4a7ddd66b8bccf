"""Plain text with a map back to the caller's original string.

HTML mail is turned into text and invisible characters (zero-width spaces, soft hyphens,
BOMs) are dropped, but every plain character remembers where it came from, so a finding's
span can always be reported against the original input.
"""

from __future__ import annotations

import html as _html
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate, chain

import regex

_INVISIBLE = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
_HTML_HINT = regex.compile(
    r"<(?:html|body|p|div|br|span|table|td|tr|li|ul|ol|blockquote|b|i|strong|em|a|font|h[1-6])(?:\s[^<>]{0,500})?/?>|</(?:p|div|span|td|li|blockquote|html|body)>",
    regex.IGNORECASE,
)
_HTML_TOKEN = regex.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(?P<raw>script|style|head|title)\b[^>]*>.*?(?:</(?P=raw)\s*>|\Z)"
    r"|<(?P<close>/?)(?P<tag>[a-zA-Z][a-zA-Z0-9]*)(?P<attrs>[^<>]*)>"
    r"|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});",
    regex.DOTALL | regex.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    "p div br li ul ol tr table h1 h2 h3 h4 h5 h6 blockquote pre hr section article header footer".split()
)
_QUOTE_CLASS = regex.compile(r"""class\s*=\s*["']?[^"'>]*(?:gmail_quote|moz-cite-prefix|yahoo_quoted)""", regex.I)
_SPACE_RUN = regex.compile(r"[ \t\r\n\f\v]+")
_SPACE_SPLIT = regex.compile(r"([ \t\r\n\f\v]+)")


@dataclass(slots=True)
class PlainText:
    """`text` is what rules read; `starts[i]`/`ends[i]` give the original span of text[i]."""

    text: str
    starts: array[int] | None = None
    ends: array[int] | None = None
    quote_ranges: list[tuple[int, int]] = field(default_factory=list)
    is_html: bool = False

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if self.starts is None or self.ends is None:
            return start, end
        if not self.text:
            return 0, 0
        start = min(max(start, 0), len(self.text) - 1)
        end = min(max(end, start + 1), len(self.text))
        return self.starts[start], self.ends[end - 1]


class _Builder:
    __slots__ = ("parts", "starts", "ends", "length")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts = array("q")
        self.ends = array("q")
        self.length = 0

    def copy(self, source: str, start: int, end: int) -> None:
        """Append source[start:end] unchanged, one-to-one."""
        if end <= start:
            return
        self.parts.append(source[start:end])
        self.starts.extend(range(start, end))
        self.ends.extend(range(start + 1, end + 1))
        self.length += end - start

    def emit(self, chunk: str, start: int, end: int) -> None:
        """Append `chunk`, every character of it standing for source[start:end]."""
        if not chunk:
            return
        self.parts.append(chunk)
        self.starts.extend([start] * len(chunk))
        self.ends.extend([end] * len(chunk))
        self.length += len(chunk)

    def collapse(self, source: str, start: int, end: int) -> None:
        """Append source[start:end] with each run of spaces as one space (none right after a space
        or a line break), in one go: the words between the runs are copied one-to-one and each
        space stands for its whole run."""
        parts = _SPACE_SPLIT.split(source[start:end])  # word, spaces, word, ..., word
        if len(parts) > 1 and not parts[0] and self.last_char() in " \n":
            parts, start = parts[2:], start + len(parts[1])  # the leading run adds no space
        text = " ".join(parts[::2])
        if not text:
            return
        offsets = list(accumulate(map(len, parts), initial=start))  # where each part starts
        word_starts, word_ends = offsets[0:-1:2], offsets[1::2]
        pieces: list[Iterable[int]] = [()] * len(parts)
        pieces[::2] = map(range, word_starts, word_ends)  # a word maps char by char
        pieces[1::2] = zip(offsets[1:-1:2])  # a run's one space maps to the whole run
        self.starts.extend(chain.from_iterable(pieces))
        pieces[::2] = (range(a + 1, b + 1) for a, b in zip(word_starts, word_ends))
        pieces[1::2] = zip(offsets[2:-1:2])
        self.ends.extend(chain.from_iterable(pieces))
        self.parts.append(text)
        self.length += len(text)

    def last_char(self) -> str:
        return self.parts[-1][-1] if self.parts else "\n"

    def build(self, **kwargs: object) -> PlainText:
        return PlainText("".join(self.parts), self.starts, self.ends, **kwargs)  # type: ignore[arg-type]


def looks_like_html(text: str) -> bool:
    return _HTML_HINT.search(text, endpos=min(len(text), 20_000)) is not None


def to_plain(text: str, *, html: bool | None = None) -> PlainText:
    """Return the text rules read. `html=None` detects HTML mail."""
    if html is None:
        html = looks_like_html(text)
    if html:
        return _html_to_plain(text)
    if text.isascii() or _INVISIBLE.search(text) is None:  # invisible characters are not ASCII
        return PlainText(text)
    builder = _Builder()
    pos = 0
    for match in _INVISIBLE.finditer(text):
        builder.copy(text, pos, match.start())
        pos = match.end()
    builder.copy(text, pos, len(text))
    return builder.build()


def _html_to_plain(source: str) -> PlainText:
    builder = _Builder()
    quote_depth = 0
    quote_open_at = 0
    quote_ranges: list[tuple[int, int]] = []
    stack: list[bool] = []  # for each open quoting container: was it a quote?
    pos = 0

    def text_run(start: int, end: int) -> None:
        # Collapse whitespace as a browser would, keeping the map to the first character.
        if _INVISIBLE.search(source, start, end) is None:
            builder.collapse(source, start, end)
            return
        last = start
        for ws in _SPACE_RUN.finditer(source, start, end):
            _copy_visible(builder, source, last, ws.start())
            if builder.last_char() not in " \n":
                builder.emit(" ", ws.start(), ws.end())
            last = ws.end()
        _copy_visible(builder, source, last, end)

    for match in _HTML_TOKEN.finditer(source):
        text_run(pos, match.start())
        pos = match.end()
        token = match.group()
        if token.startswith("&"):
            builder.emit(_html.unescape(token), match.start(), match.end())
            continue
        tag = (match.group("tag") or "").lower()
        if not tag:
            continue  # comment, script, style
        closing = bool(match.group("close"))
        if tag in ("blockquote", "div"):
            if closing:
                was_quote = stack.pop() if stack else False
                if was_quote:
                    quote_depth -= 1
                    if quote_depth == 0:
                        quote_ranges.append((quote_open_at, builder.length))
            else:
                is_quote = tag == "blockquote" or bool(_QUOTE_CLASS.search(match.group("attrs") or ""))
                stack.append(is_quote)
                if is_quote:
                    if quote_depth == 0:
                        quote_open_at = builder.length
                    quote_depth += 1
        if tag in _BLOCK_TAGS and builder.last_char() != "\n":
            if builder.last_char() == " ":
                builder.parts[-1] = builder.parts[-1][:-1]
                builder.starts.pop()
                builder.ends.pop()
                builder.length -= 1
            builder.emit("\n", match.start(), match.end())
    text_run(pos, len(source))
    if quote_depth > 0:
        quote_ranges.append((quote_open_at, builder.length))
    return builder.build(quote_ranges=quote_ranges, is_html=True)


def _copy_visible(builder: _Builder, source: str, start: int, end: int) -> None:
    last = start
    for match in _INVISIBLE.finditer(source, start, end):
        builder.copy(source, last, match.start())
        last = match.end()
    builder.copy(source, last, end)
