"""`address()`: the customer's name in the right form, case and language conventions."""

from __future__ import annotations

from dataclasses import replace
from functools import cache, lru_cache
from typing import Any, Literal

from replykit._data import read_data
from replykit.errors import InputError
from replykit.models import Conversation, Customer
from replykit.morph import MORPH_LANGUAGES, inflect
from replykit.names.inflect import CASES, Gender, Part, inflect_part
from replykit.names.person import Person, from_fields, is_initial, parse_person

Form = Literal["name_patronymic", "first", "full", "initials", "surname"]
FORMS: tuple[str, ...] = ("name_patronymic", "first", "full", "initials", "surname")
_TITLES = frozenset({"господин", "госпожа", "г-н", "г-жа", "г-жо", "пан", "пані", "пане", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "herr", "frau", "úr", "asszony"})  # fmt: skip


@cache
def conventions() -> dict[str, dict[str, Any]]:
    raw = read_data("replykit.names", "address")
    return dict(raw)


def _convention(lang: str) -> dict[str, Any]:
    try:
        return conventions()[lang]
    except KeyError:
        raise InputError(f"no address conventions for language {lang!r}") from None


def person_of(customer: Customer | str | Person, lang: str) -> Person:
    """The customer's name as a Person; a string is parsed as a free-form full name."""
    if isinstance(customer, Person):
        return customer
    if isinstance(customer, str):
        return parse_person(customer, lang)
    if not isinstance(customer, Customer):
        raise InputError(f"expected a Customer or a name string, got {type(customer).__name__}")
    return _customer_person(customer, lang)


@lru_cache(maxsize=1024)
def _customer_person(customer: Customer, lang: str) -> Person:
    return from_fields(customer.first_name, customer.patronymic, customer.last_name, customer.gender, lang)


def preferred_person(customer: Customer, lang: str) -> tuple[Person, Form] | None:
    """The customer's stated `preferred_address` as a person and the form it implies."""
    if not customer.preferred_address or not customer.preferred_address.strip():
        return None
    return _preferred(customer.preferred_address.strip(), lang, person_of(customer, lang).gender)


@lru_cache(maxsize=1024)
def _preferred(text: str, lang: str, gender: Gender | None) -> tuple[Person, Form]:
    words = text.split()
    titled = bool(words) and words[0].lower() in _TITLES
    if lang == "hu" and words and words[-1].lower() in _TITLES:
        words, titled = words[:-1], True
    person = parse_person(" ".join(words[1:] if titled and lang != "hu" else words), lang)
    person = replace(person, gender=gender or person.gender)
    if titled:
        return person, "surname"
    if person.first and person.middle:
        return person, "name_patronymic"
    if person.first and person.last:
        return person, "full"
    if person.last and not person.first:
        return person, "surname"
    return person, "first"


def auto_form(person: Person, lang: str) -> Form:
    auto = _convention(lang)["auto"]
    if person.full("first") and person.full("middle"):
        return auto["patronymic"]  # type: ignore[no-any-return]
    if person.full("first") and person.last:
        return auto["both"]  # type: ignore[no-any-return]
    if person.full("first"):
        return auto["first"]  # type: ignore[no-any-return]
    if person.last:
        return auto["last"]  # type: ignore[no-any-return]
    raise InputError("the customer has no usable name (first name or surname)")


def address(
    customer: Customer | str,
    case: str = "nomn",
    honorific: bool = True,
    form: Form | None = None,
    *,
    locale: str | None = None,
) -> str:
    """The customer's name for a letter: in `case`, with a polite word in a salutation.

    `case` is a pymorphy3 case name (nomn, gent, datv, accs, ablt, loct; "voct" for the
    Ukrainian vocative). The polite word ("Уважаемая", "Dear", "Sehr geehrte") is added only
    to a nominative salutation and only when it can agree with the customer's gender. `form`
    is one of name_patronymic, first, full, initials, surname; by default the customer's
    `preferred_address`, else what the language's conventions use for what is known.

    >>> address(Customer(first_name="Мария", patronymic="Ивановна"))
    'Уважаемая Мария Ивановна'
    >>> address(Customer(first_name="Мария", patronymic="Ивановна"), case="datv")
    'Марии Ивановне'
    >>> address("ИВАНОВА М.И.", case="gent", form="initials")
    'Ивановой М. И.'
    """
    if case not in CASES and case != "voct":
        raise InputError(f"unknown case {case!r}; use one of {', '.join(CASES)} or voct")
    if form is not None and form not in FORMS:
        raise InputError(f"unknown form {form!r}; use one of {', '.join(FORMS)}")
    from replykit.api import language_of

    lang = language_of(locale or (customer.locale if isinstance(customer, Customer) else None) or "ru")
    conv = _convention(lang)
    person = person_of(customer, lang)
    chosen: Form | None = form
    if isinstance(customer, Customer) and form is None:
        stated = preferred_person(customer, lang)
        if stated is not None:
            person, chosen = stated
    if not person.known:
        raise InputError("the customer has no name to address them by")
    chosen = chosen or auto_form(person, lang)
    salutation = honorific and case in ("nomn", "voct")
    if salutation and conv.get("vocative"):
        case = "voct"
    return render(person, chosen, case, lang, honorific=salutation)


def render(person: Person, form: Form, case: str, lang: str, *, honorific: bool = False) -> str:
    """`person` in `form` and `case` by the conventions of `lang` (no checks of the arguments)."""
    conv = _convention(lang)
    gender = person.gender
    if form == "surname" and not person.last or form == "name_patronymic" and not person.full("middle"):
        form = "first" if person.full("first") else "full"
    if form == "surname" and gender is None and person.full("first"):
        form = "full"  # no title can agree: "Anna Müller", not a bare "Müller"
    if form == "first" and not person.full("first"):
        form = "surname" if person.last else "full"

    def part(which: Part) -> str:
        value = person.part(which) or ""
        if not value or is_initial(value) or lang not in MORPH_LANGUAGES:
            return value
        return inflect_part(value, which, gender, case, lang)

    if form == "name_patronymic":
        words = [part("first"), part("middle")]
    elif form == "first":
        words = [part("first")]
    elif form == "full":
        words = [_order_part(letter, person, part) for letter in conv["full"].split()]
    elif form == "initials":
        words = [_order_part(letter, person, part) for letter in conv["initials"].split()]
    else:
        words = [part("last")]
        title = _title(conv, gender, case, honorific)
        if title:
            words = [*words, title] if conv.get("title_after") else [title, *words]
    text = " ".join(w for w in words if w)
    if honorific:
        table = conv["warm" if form == "first" else "honorific"]
        word = table.get(gender or "") or (table["male"] if table["male"] == table["female"] else table.get("any"))
        if word:
            text = f"{word} {text}"
    return text


def _order_part(letter: str, person: Person, part: Any) -> str:
    which: Part = {"f": "first", "m": "middle", "l": "last"}[letter.lower()]  # type: ignore[assignment]
    if letter.isupper():  # an initial
        value = person.part(which)
        return f"{value[0].upper()}." if value else ""
    return str(part(which))


def _title(conv: dict[str, Any], gender: Gender | None, case: str, salutation: bool) -> str:
    if gender is None:
        return ""
    titles = conv.get("title_voct", conv["title"]) if salutation or case == "voct" else conv["title"]
    title = str(titles[gender])
    if case not in ("nomn", "voct") and title.isalpha():
        title = inflect("ru", title, frozenset({case, "sing"})) or title if conv is _convention("ru") else title
    return title


def parse_name(text: str, *, locale: str = "ru") -> Customer:
    """A free-form name ("ИВАНОВА М.И.", "Иван Петрович Иванов") as Customer name fields.

    >>> parse_name("Иванов Иван Петрович").patronymic
    'Петрович'
    """
    if not isinstance(text, str) or not text.strip():
        raise InputError("expected a non-empty name string")
    from replykit.api import language_of

    person = parse_person(text, language_of(locale))
    return Customer(first_name=person.first, patronymic=person.middle, last_name=person.last, gender=person.gender)


def preferred_address(conversation: Conversation, *, locale: str | None = None) -> str | None:
    """How the customer wants to be addressed, in the nominative, read from their messages.

    `Customer.preferred_address`, when set, wins. Otherwise an explicit request ("можно просто
    Оля", "обращайтесь ко мне по имени") wins over a name the customer used (signature, "меня
    зовут ..."), and later messages win over earlier ones. None when nothing tells.
    """
    from replykit.api import language_of
    from replykit.names.prefer import infer_preference

    customer = conversation.customer
    if customer is not None and customer.preferred_address:
        return customer.preferred_address.strip()
    lang = language_of(locale or conversation.locale or (customer.locale if customer else None) or "ru")
    found = infer_preference((m.text for m in conversation.messages if m.role == "customer"), lang)
    if found is None:
        return None
    known = person_of(customer, lang) if customer is not None else Person()
    if found.name:
        said, said_form = _preferred(found.name, lang, known.gender)
        person, form = (said, found.form or said_form)
        if found.form and known.known:
            person = Person(
                said.first or known.first,
                said.middle or known.middle,
                said.last or known.last,
                said.gender or known.gender,
            )
    elif known.known and found.form:
        person, form = known, found.form
    else:
        return None
    return render(person, form, "nomn", lang)  # type: ignore[arg-type]
