"""How the customer wants to be addressed, read from their own messages.

An explicit request ("можно просто Оля", "обращайтесь ко мне по имени") wins over a name the
customer merely used (their signature "С уважением, Мария Ивановна", "меня зовут ...");
within each kind, a later message wins over an earlier one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from replykit.morph import MORPH_LANGUAGES, parse
from replykit.names.lexicon import NameLexicon, name_lexicon

_NAME_LINE = regex.compile(r"^\s*(\p{Lu}[\p{L}\-’']*(?:[ \t]+\p{Lu}[\p{L}\-’'.]*){0,2})\s*[.!]?\s*$")


@dataclass(frozen=True, slots=True)
class Preference:
    """`name` as the customer wrote it (nominative), `form` a form name, `explicit` if asked for."""

    name: str | None
    form: str | None
    explicit: bool


# What the messages read so far tell: the name or the form explicitly asked for, the name used.
Read = tuple[str | None, str | None, str | None]
NOTHING_READ: Read = (None, None, None)


def infer_preference(messages: Iterable[str], language: str, lexicon: NameLexicon | None = None) -> Preference | None:
    """The customer's preferred address from their messages (oldest first), or None."""
    lex = lexicon or name_lexicon(language)
    if lex is None:
        return None
    read = NOTHING_READ
    for text in messages:
        read = read_preference(read, text, lex)
    return preference_of(read)


def read_preference(read: Read, text: str, lex: NameLexicon) -> Read:
    """What is known after one more customer message (a step of `infer_preference`)."""
    explicit_name, explicit_form, used = read
    for kind, name, form in _findings(text, lex):
        if kind == "explicit":
            explicit_name, explicit_form = name, None
        elif kind == "explicit_form":
            explicit_name, explicit_form = None, form  # the later request wins
        else:
            used = name
    return explicit_name, explicit_form, used


def preference_of(read: Read) -> Preference | None:
    explicit_name, explicit_form, used = read
    if explicit_name is not None or explicit_form is not None:
        return Preference(explicit_name or used, explicit_form, True)
    if used is not None:
        return Preference(used, None, False)
    return None


def _findings(text: str, lex: NameLexicon) -> list[tuple[str, str | None, str | None]]:
    """(kind, name, form) in the order they occur in `text`."""
    found: list[tuple[int, str, str | None, str | None]] = []
    if lex.explicit is not None:
        for m in lex.explicit.finditer(text):
            if _is_name(m.group("name"), lex.language):
                found.append((m.start(), "explicit", m.group("name"), None))
    for pattern, form in lex.explicit_form:
        for m in pattern.finditer(text):
            if not any(start <= m.start() < start + 60 and kind == "explicit_form" for start, kind, *_ in found):
                found.append((m.start(), "explicit_form", None, form))
    if lex.introduce is not None:
        for m in lex.introduce.finditer(text):
            if _is_name(m.group("name"), lex.language):
                found.append((m.start(), "used", m.group("name"), None))
    signed = _signature(text, lex)
    if signed is not None:
        found.append((signed[0], "used", signed[1], None))
    found.sort(key=lambda f: f[0])
    return [(kind, name, form) for _, kind, name, form in found]


def _signature(text: str, lex: NameLexicon) -> tuple[int, str] | None:
    """The name under the customer's sign-off ("С уважением,\\nМария Ивановна")."""
    if lex.sign_off is None:
        return None
    lines = text.splitlines()
    offset = 0
    starts = []
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    for i in range(len(lines) - 1, -1, -1):
        m = lex.sign_off.match(lines[i].strip())
        if m is None:
            continue
        rest = lines[i].strip()[m.end() :].lstrip(" ,!.:—-")
        candidates = [rest] if rest else [line for line in lines[i + 1 : i + 3] if line.strip()][:1]
        for candidate in candidates:
            nm = _NAME_LINE.match(candidate)
            if nm and _is_name(nm.group(1), lex.language):
                return starts[i], nm.group(1).strip()
        return None
    return None


def _is_name(text: str, language: str) -> bool:
    """At least one word is known as a first name, patronymic or surname (Cyrillic languages)."""
    words = text.split()
    if not words or len(words) > 3:
        return False
    if language not in MORPH_LANGUAGES:
        return all(w[:1].isupper() for w in words)
    return any(
        any({"Name", "Patr", "Surn"} & p.tag.grammemes for p in parse(language, w.lower().rstrip("."))) for w in words
    )
