"""Who the customer is: a person's name parts and gender, from CRM fields or one free string."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from replykit.morph import MORPH_LANGUAGES, parse
from replykit.names.inflect import Gender, Part, guess_gender, is_particle

_INITIAL = regex.compile(r"^\p{Lu}\.?$")
_SPLIT = regex.compile(r"(?<=\p{L}\.)(?=\p{L})|[\s,]+")
_SURNAME_FIRST = frozenset({"hu"})  # languages that write the family name first


@dataclass(frozen=True, slots=True)
class Person:
    """A person's name. A part that is a bare initial is stored as "М."."""

    first: str | None = None
    middle: str | None = None
    last: str | None = None
    gender: Gender | None = None

    def part(self, which: Part) -> str | None:
        return {"first": self.first, "middle": self.middle, "last": self.last}[which]

    def full(self, which: Part) -> bool:
        """True if the part is known as a whole word, not just an initial."""
        value = self.part(which)
        return bool(value) and not is_initial(value or "")

    @property
    def known(self) -> bool:
        return bool(self.first or self.middle or self.last)


def is_initial(word: str) -> bool:
    return bool(_INITIAL.match(word.strip()))


def tidy(word: str) -> str:
    """Upper-case CRM input in title case ("ИВАНОВА-ПЕТРОВА" → "Иванова-Петрова"); particles lower."""
    word = " ".join(word.split())
    if is_initial(word):
        return word.rstrip(".").upper() + "."
    out = []
    for piece in word.split(" "):
        if is_particle(piece):
            out.append(piece.lower())
        elif piece.isupper() and len(piece) > 1 or piece.islower():
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in piece.split("-")))
        else:
            out.append(piece)
    return " ".join(out)


def detect_gender(person: Person, lang: str = "ru") -> Gender | None:
    """Gender from the patronymic, then the first name, then the surname."""
    for which in ("middle", "first", "last"):
        value = person.part(which)
        if value and not is_initial(value):
            found = guess_gender(value, which, lang)
            if found is not None:
                return found
    return None


def from_fields(
    first: str | None = None,
    middle: str | None = None,
    last: str | None = None,
    gender: Gender | None = None,
    lang: str = "ru",
) -> Person:
    """A person from CRM fields; a whole name typed into one field is split up."""
    fields = [f for f in (first, middle, last) if f and f.strip()]
    if (
        len(fields) == 1
        and len(_SPLIT.split(fields[0].strip())) > 1
        and not any(is_particle(w) for w in fields[0].split())
    ):
        found = parse_person(fields[0], lang)
        return replace(found, gender=gender or found.gender)
    first, middle, last = (tidy(f) if f and f.strip() else None for f in (first, middle, last))
    person = Person(first, middle, last)
    return replace(person, gender=gender or detect_gender(person, lang))


@lru_cache(maxsize=4096)
def parse_person(text: str, lang: str = "ru") -> Person:
    """Split one free string into name parts, in any order.

    >>> parse_person("ИВАНОВА М.И.")
    Person(first='М.', middle='И.', last='Иванова', gender='female')
    """
    words = [w for w in _SPLIT.split(text.strip()) if w]
    words = _join_particles([tidy(w) for w in words])
    initials = [w for w in words if is_initial(w)]
    names = [w for w in words if not is_initial(w)]
    first = middle = last = None
    if lang in MORPH_LANGUAGES:
        patr = next((i for i, w in enumerate(names) if _is_patronymic(w, lang)), None)
        if patr is not None:
            middle = names.pop(patr)
            if patr > 0 and not (len(names) == 1 and _looks_surname(names[0], lang)):
                first = names.pop(patr - 1)  # the first name stands right before the patronymic
        if first is None and names:
            first = _best(names, "first", lang)
            if first is not None and len(names) > 1:
                names.remove(first)
            elif first is not None and last is None and _score(first, "last", lang) > _score(first, "first", lang):
                names.remove(first)
                first, last = None, first
            else:
                names.remove(first) if first is not None else None
        if names:
            last = names[0]
    else:
        if len(names) >= 2:
            if lang in _SURNAME_FIRST:
                last, first = names[0], names[1]
            else:
                first, last = names[0], names[-1]
                middle = " ".join(names[1:-1]) or None
        elif names:
            first = names[0] if not initials else None
            last = names[0] if initials else None
    if initials:
        if first is None:
            first, initials = initials[0], initials[1:]
        if middle is None and initials:
            middle = initials[0]
    person = Person(first, middle, last)
    return replace(person, gender=detect_gender(person, lang))


def _join_particles(words: list[str]) -> list[str]:
    """ "Мамед оглы" is one patronymic; "фон Бисмарк" one surname."""
    out: list[str] = []
    for w in words:
        if is_particle(w) and w.lower() in ("оглы", "кызы", "улы", "уулу", "гызы") and out:
            out[-1] = f"{out[-1]} {w.lower()}"
        elif out and is_particle(out[-1]) and " " not in out[-1]:
            out[-1] = f"{out[-1]} {w}"
        else:
            out.append(w)
    return out


def _is_patronymic(word: str, lang: str) -> bool:
    lower = word.lower()
    if lower.endswith(("оглы", "кызы", "улы", "уулу", "гызы")):
        return True
    if any({"Patr", "nomn"} <= p.tag.grammemes for p in parse(lang, lower)):
        return True
    return lower.endswith(("вич", "вна", "ична", "инична", "ьич"))


def _score(word: str, part: Part, lang: str) -> float:
    tag = {"first": "Name", "last": "Surn"}[part]
    return float(sum(p.score for p in parse(lang, word.lower()) if {tag, "nomn"} <= p.tag.grammemes))


def _best(names: list[str], part: Part, lang: str) -> str | None:
    scored = sorted(names, key=lambda w: -_score(w, part, lang))
    if not scored:
        return None
    if len(scored) > 1 and _score(scored[0], part, lang) == _score(scored[1], part, lang):
        return names[0] if len(names) == 1 else _positional(names, lang)
    return scored[0]


def _looks_surname(word: str, lang: str) -> bool:
    return _score(word, "last", lang) > _score(word, "first", lang) or word.lower().endswith(_SURNAME_ENDINGS)


_SURNAME_ENDINGS = ("ов", "ова", "ев", "ева", "ин", "ина", "ский", "ская", "ко", "юк", "ук", "ян")


def _positional(names: list[str], lang: str) -> str:
    """No morphological clue: a surname-looking word is the surname, else "First Last"."""
    for w in names:
        if w.lower().endswith(_SURNAME_ENDINGS):
            return next(x for x in names if x is not w)
    return names[0]
