"""Builders: a greeting and a farewell for a customer, the channel and their local time."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from replykit.errors import ConfigError, InputError
from replykit.greetings.lexicon import Lexicon, lexicon
from replykit.models import Channel, Customer

_COMMA_STYLE = frozenset({"en", "de"})  # "Hello Anna," opens a letter; elsewhere "!"


def _lexicon(language: str) -> Lexicon:
    lex = lexicon(language)
    if lex is None:
        raise ConfigError(f"no greeting data for language {language!r}")
    return lex


def _local(at: datetime | None, customer: Customer | None) -> datetime | None:
    if at is None:
        return None
    if at.utcoffset() is None:
        raise InputError("`at` must be timezone-aware, e.g. datetime(..., tzinfo=ZoneInfo('Europe/Moscow'))")
    if customer is not None and customer.timezone:
        return at.astimezone(ZoneInfo(customer.timezone))
    return at


def salutation_name(customer: Customer | None, language: str) -> str | None:
    """How the customer is named in a greeting (their preferred address, else the language's
    convention: name and patronymic, "Frau Müller", "Kovács Anna"), in the vocative where
    the language has one."""
    if customer is None:
        return None
    from replykit.names.build import address, conventions

    case = "voct" if conventions().get(language, {}).get("vocative") else "nomn"
    try:
        return address(customer, case=case, honorific=False, locale=language)
    except InputError:
        return None


def greeting_text(
    language: str, *, customer: Customer | None = None, at: datetime | None = None, channel: Channel = "email"
) -> str:
    lex = _lexicon(language)
    local = _local(at, customer)
    words = lex.build[lex.day_part(local)] if local is not None else lex.build["neutral"]
    name = salutation_name(customer, language)
    if language in _COMMA_STYLE:
        end = "," if channel == "email" else "!"
        if name:
            return f"{words} {name}{end}" if language == "en" else f"{words}, {name}{end}"
        return f"{words}{end}"
    return f"{words}, {name}!" if name else f"{words}!"


def farewell_phrase(language: str) -> str:
    """A neutral closing wish without final punctuation ("Всего доброго")."""
    return str(_lexicon(language).build["chat_farewell"]).rstrip("!. ")


def sign_off_text(language: str, *, channel: Channel = "email", at: datetime | None = None) -> str:
    lex = _lexicon(language)
    if channel == "email":
        return str(lex.build["sign_off"])
    return str(lex.build["wish"][lex.day_part(at)] if at is not None else lex.build["chat_farewell"])


def _language(locale: str | None, customer: Customer | None) -> str:
    from replykit.api import language_of

    return language_of(locale or (customer.locale if customer else None) or "ru")


def greeting(
    customer: Customer | None = None,
    *,
    at: datetime | None = None,
    channel: Channel = "email",
    locale: str | None = None,
) -> str:
    """A greeting for `customer`: time-of-day words for their local time when `at` is given.

    >>> greeting(Customer(first_name="Мария", patronymic="Ивановна", timezone="Europe/Moscow"),
    ...          at=datetime(2026, 1, 15, 18, 30, tzinfo=ZoneInfo("UTC")))
    'Добрый вечер, Мария Ивановна!'
    """
    return greeting_text(_language(locale, customer), customer=customer, at=at, channel=channel)


def farewell(
    customer: Customer | None = None,
    *,
    at: datetime | None = None,
    channel: Channel = "email",
    locale: str | None = None,
    signature: str | None = None,
) -> str:
    """A closing: a sign-off (and `signature`) for email, a time-of-day wish for chats.

    >>> farewell(locale="ru", signature="Анна, служба поддержки")
    'С уважением,\\nАнна, служба поддержки'
    """
    language = _language(locale, customer)
    local = _local(at, customer)
    closing = sign_off_text(language, channel=channel, at=local)
    if signature:
        return f"{closing}\n{signature.strip()}"
    return closing.rstrip(",:") if channel == "email" else closing
