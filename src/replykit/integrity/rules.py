"""RK0xx: mojibake and lost characters.

Mojibake is UTF-8 read with a one-byte code page: "Привет" becomes "РџСЂРёРІРµС‚" (cp1251)
or "ÐŸÑ€Ð¸Ð²ÐµÑ‚" (cp1252), and cp1251 text read as Latin-1 becomes "Ïðèâåò". The damage is
reversible, so the fix re-decodes the span.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from replykit.engine import Context, Edit, Hit, Rule

_CONTINUATION = bytes(range(0x80, 0xC0))


def _class(codec: str) -> str:
    chars = _CONTINUATION.decode(codec, errors="ignore") + "".join(map(chr, range(0x80, 0xA0)))
    return "[" + regex.escape("".join(sorted(set(chars)))) + "]"


# (pattern, how the damaged text was read, how it was written)
_MOJIBAKE = (
    (regex.compile(rf"(?:[РС]{_class('cp1251')}){{3,}}"), "cp1251", "utf-8"),
    (regex.compile(rf"(?:[ÐÑ]{_class('cp1252')}){{2,}}|(?:[ÂÃÅ]{_class('cp1252')})+|â{_class('cp1252')}{{2}}"), "cp1252", "utf-8"),
    (regex.compile(r"(?<![\p{L}\d])[\u00c0-\u00ff]{4,}(?![\p{L}\d])"), "latin-1", "cp1251"),
)


def _repair(text: str, read_as: str, written_as: str) -> str | None:
    try:
        fixed = text.encode(read_as).decode(written_as)
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return fixed if fixed != text else None


def mojibake(ctx: Context) -> Iterator[Hit]:
    text = ctx.doc.text
    if text.isascii():
        return  # every pattern starts with a non-ASCII letter
    end = ctx.doc.own_end
    taken: list[tuple[int, int]] = []
    for pattern, read_as, written_as in _MOJIBAKE:
        for m in pattern.finditer(text, 0, end):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            repaired = _repair(m.group(), read_as, written_as)
            if repaired is None:
                continue
            taken.append((m.start(), m.end()))
            yield Hit(
                m.start(),
                m.end(),
                f"“{m.group()}” is {written_as} text read as {read_as} (mojibake); it should read “{repaired}”.",
                (Edit(m.start(), m.end(), repaired),),
            )


_LOST = regex.compile(r"\ufffd+")


def replacement_character(ctx: Context) -> Iterator[Hit]:
    text = ctx.doc.text
    if "\ufffd" not in text:
        return
    for m in _LOST.finditer(text[: ctx.doc.own_end]):
        yield Hit(m.start(), m.end(), "Characters were lost in decoding (�); restore them from the source text.")


RULES = (
    Rule("RK001", mojibake),
    Rule("RK002", replacement_character),
)
