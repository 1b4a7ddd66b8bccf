"""The `bundle()` builder: price, timing and payment in one short paragraph.

Every number, currency, plural, list and date comes from babel (CLDR); the language data
(data/<lang>.toml, [build]) holds only the words around them.
"""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from replykit.errors import ConfigError

if TYPE_CHECKING:
    from babel import Locale

PaymentTiming = Literal["prepayment", "on_delivery", "after_delivery", "invoice"]
PaymentMethod = Literal["card", "cash", "transfer", "invoice", "online"]


class Offer(BaseModel):
    """What the customer needs to decide: price, when it arrives, when and how to pay."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    price: Decimal | None = Field(default=None, ge=0)
    currency: str = Field(default="RUB", description="ISO 4217 code of price and delivery_cost")
    lead_time: timedelta | None = Field(default=None, description="how long until delivery")
    delivery_date: date | None = None
    delivery_cost: Decimal | None = Field(default=None, ge=0, description="0 means free delivery")
    payment_timing: PaymentTiming | None = None
    invoice_due: timedelta | None = Field(default=None, description="payment term of an invoice")
    payment_methods: tuple[PaymentMethod, ...] = ()

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str) -> str:
        from babel.numbers import is_currency

        code = value.strip().upper()
        if not is_currency(code):
            raise ValueError(f"unknown ISO 4217 currency {value!r}")
        return code

    @field_validator("lead_time", "invoice_due")
    @classmethod
    def _positive(cls, value: timedelta | None) -> timedelta | None:
        if value is not None and value <= timedelta(0):
            raise ValueError("must be a positive duration")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Offer:
        if self.lead_time is not None and self.delivery_date is not None:
            raise ValueError("give lead_time or delivery_date, not both")
        if self.invoice_due is not None and self.payment_timing != "invoice":
            raise ValueError("invoice_due needs payment_timing='invoice'")
        if len(set(self.payment_methods)) != len(self.payment_methods):
            raise ValueError("payment_methods repeats a method")
        if not self.model_dump(exclude_defaults=True, exclude={"currency"}):
            raise ValueError("an offer needs at least one fact (price, timing or payment)")
        return self


def _money(amount: Decimal, currency: str, locale: Locale) -> str:
    """The locale's currency format, without decimals for whole amounts (1 500 ₽, not 1 500,00 ₽)."""
    from babel.numbers import format_currency, get_currency_symbol, parse_pattern

    if amount == amount.to_integral_value():
        pattern = parse_pattern(locale.currency_formats["standard"].pattern)
        pattern.frac_prec = (0, 0)
        text = str(pattern.apply(amount, locale, currency=currency, currency_digits=False))
    else:
        text = format_currency(amount, currency, locale=locale)
    return _currency_spacing(text, get_currency_symbol(currency, locale=locale))


def _currency_spacing(text: str, symbol: str) -> str:
    """CLDR's currencySpacing, which babel does not apply: "RUB 1,500", not "RUB1,500".

    A no-break space goes between a digit and a currency symbol whose adjacent character is
    neither a symbol nor a space (a letter: RUB, CHF, US$ on its left), as CLDR's root
    locale — which every locale inherits here — says; "€1,500" and "1 500 ₽" stay as they are.
    """
    if not symbol:
        return text
    if text.startswith(symbol) and text[len(symbol) : len(symbol) + 1].isdigit() and _bare(symbol[-1]):
        return f"{symbol}\u00a0{text[len(symbol):]}"
    if text.endswith(symbol) and text[-len(symbol) - 1 : -len(symbol)].isdigit() and _bare(symbol[0]):
        return f"{text[: -len(symbol)]}\u00a0{symbol}"
    return text


def _bare(char: str) -> bool:
    return unicodedata.category(char)[0] not in "SZ"


def _sentence(clauses: list[str]) -> str:
    text = ", ".join(c for c in clauses if c)
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith(".") else text + "."


def bundle(offer: Offer, *, locale: str = "ru") -> str:
    """One short paragraph answering price, timing, when and how to pay.

    >>> bundle(Offer(price=1500, lead_time=timedelta(days=2), payment_timing="on_delivery",
    ...              payment_methods=("card", "cash", "transfer")), locale="ru")
    'Стоимость — 1\xa0500\xa0₽, доставим через 2 дня. Оплата при получении: картой, наличными или переводом.'
    """
    from babel import Locale, UnknownLocaleError
    from babel.dates import format_skeleton, format_timedelta
    from babel.lists import format_list

    from replykit.bundling.lexicon import language_data

    if not isinstance(offer, Offer):
        raise ConfigError(f"bundle() takes an Offer, not {type(offer).__name__}")
    try:
        loc = Locale.parse(str(locale).strip().replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise ConfigError(f"unknown locale {locale!r}: {exc}") from None
    data = language_data(loc.language)
    words = data.get("build") if data else None
    if not words:
        raise ConfigError(f"no bundle phrases for language {loc.language!r}")

    def period(delta: timedelta, direction: bool) -> str:
        return format_timedelta(delta, granularity="day", threshold=1, add_direction=direction, locale=loc)

    first: list[str] = []
    if offer.price is not None:
        first.append(words["price"].format(price=_money(offer.price, offer.currency, loc)))
    if offer.lead_time is not None:
        first.append(words["lead_time"].format(in_time=period(offer.lead_time, True)))
    if offer.delivery_date is not None:
        first.append(words["date"].format(date=format_skeleton("MMMMd", offer.delivery_date, locale=loc)))
    if offer.delivery_cost is not None:
        cost = offer.delivery_cost
        first.append(
            words["free_delivery"]
            if cost == 0
            else words["delivery"].format(delivery=_money(cost, offer.currency, loc))
        )
    # Payment by invoice already says how to pay: the invoice is not listed again as a method.
    listed = [m for m in offer.payment_methods if not (m == "invoice" and offer.payment_timing == "invoice")]
    methods = (
        format_list([words["invoice_method" if m == "invoice" else m] for m in listed], style="or", locale=loc)
        if listed
        else ""
    )
    second = ""
    if offer.payment_timing is not None:
        due = offer.invoice_due or timedelta(days=7)
        second = words[offer.payment_timing].format(period=period(due, False), in_time=period(due, True))
        if methods:
            second += words["methods_after"].format(methods=methods)
    elif methods:
        second = words["methods_only"].format(methods=methods)
    return " ".join(s for s in (_sentence(first), _sentence([second])) if s)
