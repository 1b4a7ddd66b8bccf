"""A flat message table (one row per message, as helpdesks export it) back into conversations.

The main process only picks values out of rows and groups them by conversation; turning
those raw values into Messages (roles, channels, time stamps) happens in the worker that
checks them, so a bad value fails the replies it touches instead of the whole audit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, Literal, NamedTuple
from zoneinfo import ZoneInfo

from pydantic import Field, field_validator

from replykit._options import _Options
from replykit.errors import InputError
from replykit.models import Channel, Conversation, Customer, Message, Role

CustomerField = Literal["first_name", "patronymic", "last_name", "gender", "preferred_address", "timezone"]

_ROLES: dict[str, Role | None] = {
    **dict.fromkeys(("customer", "end-user", "end_user", "enduser", "requester", "user", "client",
                     "contact", "incoming", "клиент"), "customer"),
    **dict.fromkeys(("agent", "admin", "staff", "support", "operator", "outgoing", "оператор"), "agent"),
    **dict.fromkeys(("note", "private", "internal", "system", "bot"), None),
}  # fmt: skip
_CHANNELS: dict[str, Channel] = {
    **dict.fromkeys(("email", "mail", "web", "web_form", "portal", "api", "outbound_email"), "email"),
    **dict.fromkeys(("chat", "web_widget", "native_messaging", "mobile_sdk", "live_chat"), "chat"),
    **dict.fromkeys(("messenger", "whatsapp", "telegram", "viber", "line", "wechat"), "messenger"),
    **dict.fromkeys(("social", "twitter", "facebook", "instagram", "x", "vk"), "social"),
    **dict.fromkeys(("sms", "text"), "sms"),
    **dict.fromkeys(("phone", "voice", "call"), "phone"),
}  # fmt: skip
_CUSTOMER_FIELDS: tuple[CustomerField, ...] = (
    "first_name", "patronymic", "last_name", "gender", "preferred_address", "timezone",
)  # fmt: skip
_GENDERS = {"male": "male", "m": "male", "м": "male", "female": "female", "f": "female", "ж": "female"}
_TRUE = frozenset(("true", "1", "yes", "y", "t"))


class Columns(_Options):
    """Where each field of a message is in your table, and how to read its values.

    Columns left at their default are used when the table has them; a column you name
    must exist. Dotted names ("via.channel") reach into nested JSON objects. `roles` and
    `channels` extend the built-in value maps (keys compared case-insensitively); a role
    mapped to None marks rows to skip, such as internal notes.
    """

    text: str = "text"
    message_id: str = "message_id"
    conversation: str = "conversation_id"
    role: str = "role"
    sent_at: str = "sent_at"
    channel: str = "channel"
    agent: str = "agent"
    locale: str = "locale"
    public: str | None = Field(default=None, description="rows whose value is false are internal notes (Zendesk)")
    private: str | None = Field(default=None, description="rows whose value is true are internal notes (Freshdesk)")
    customer: dict[CustomerField, str] = Field(default_factory=lambda: dict[CustomerField, str](zip(_CUSTOMER_FIELDS, _CUSTOMER_FIELDS)))
    roles: dict[str, Role | None] = Field(default_factory=dict)
    channels: dict[str, Channel] = Field(default_factory=dict)
    timezone: str = Field(default="UTC", description="the zone of time stamps written without one")

    @field_validator("roles", "channels")
    @classmethod
    def _lower(cls, value: dict[str, Any]) -> dict[str, Any]:
        return {str(k).strip().lower(): v for k, v in value.items()}

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except Exception as exc:
            raise ValueError(f"unknown IANA time zone {value!r}") from exc
        return value

    def _named(self) -> dict[str, str]:
        """Field → column for every column this table is read from."""
        named = {f: getattr(self, f) for f in _SCALAR}
        named |= {f"customer.{k}": v for k, v in self.customer.items()}
        return {k: v for k, v in named.items() if v is not None}

    def _required(self) -> set[str]:
        """Columns the caller named explicitly: they must exist."""
        required = {getattr(self, f) for f in self.model_fields_set & set(_SCALAR)} | {self.text}
        if "customer" in self.model_fields_set:
            required |= set(self.customer.values())
        return {c for c in required if c is not None}


_SCALAR = ("text", "message_id", "conversation", "role", "sent_at", "channel", "agent", "locale", "public", "private")


def make_columns(value: Columns | Mapping[str, Any] | None) -> Columns:
    from replykit.config import _describe

    if value is None:
        return Columns()
    if isinstance(value, Columns):
        return value
    if not isinstance(value, Mapping):
        raise InputError(f"columns must be a replykit.Columns or a mapping, not {type(value).__name__}")
    from pydantic import ValidationError

    try:
        return Columns.model_validate({str(k).replace("-", "_"): v for k, v in value.items()})
    except ValidationError as exc:
        raise InputError(_describe(exc).replace("configuration", "columns")) from None


# --- main process: rows → raw threads ------------------------------------------------------


class RawMessage(NamedTuple):
    reply_id: Any
    role: Any
    text: Any
    sent_at: Any
    channel: Any
    agent: Any
    public: Any
    private: Any


class Thread(NamedTuple):
    """The raw rows of one conversation, as picked from the table."""

    conversation_id: Any
    locale: Any
    customer: tuple[tuple[str, Any], ...]
    rows: tuple[RawMessage, ...]


def get(row: Mapping[str, Any], key: str) -> Any:
    """row[key], reaching into nested objects for a dotted key; None when absent."""
    if key in row:
        return row[key]
    value: Any = row
    for part in key.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def blank(value: Any) -> bool:
    """Missing in the table: None, NaN, pandas NA/NaT or an empty string."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str):
        return not value.strip()
    return type(value).__name__ in ("NAType", "NaTType")


def check_columns(cols: Columns, present: set[str]) -> None:
    missing = sorted(c for c in cols._required() if c not in present and c.split(".")[0] not in present)
    if missing:
        raise InputError(
            f"no column {', '.join(map(repr, missing))} in the table (it has {', '.join(map(repr, sorted(present)))}); "
            "name the right ones with columns={...}"
        )


def raw_message(row: Mapping[str, Any], position: Any, cols: Columns) -> RawMessage:
    message_id = get(row, cols.message_id)
    return RawMessage(
        position if blank(message_id) else message_id,
        get(row, cols.role),
        get(row, cols.text),
        get(row, cols.sent_at),
        get(row, cols.channel),
        get(row, cols.agent),
        get(row, cols.public) if cols.public else None,
        get(row, cols.private) if cols.private else None,
    )


def thread_of(rows: list[tuple[Mapping[str, Any], Any]], conversation_id: Any, cols: Columns) -> Thread:
    first: dict[str, Any] = {}
    for key, column in (("locale", cols.locale), *cols.customer.items()):
        for row, _ in rows:
            value = get(row, column)
            if not blank(value):
                first[key] = value
                break
    locale = first.pop("locale", None)
    return Thread(conversation_id, locale, tuple(first.items()), tuple(raw_message(r, p, cols) for r, p in rows))


# --- worker: raw values → models -------------------------------------------------------------


class Built(NamedTuple):
    """A thread made into a Conversation, with each message's reply id and agent."""

    conversation: Conversation
    reply_ids: tuple[Any, ...]
    agents: tuple[Any, ...]


def build(thread: Thread, cols: Columns) -> tuple[Built | None, str | None, tuple[RawMessage, ...]]:
    """The conversation, or the reason it cannot be built and the rows that reply to it."""
    kept: list[tuple[RawMessage, Message]] = []
    try:
        for raw in thread.rows:
            if _flag(raw.private) or (raw.public is not None and not blank(raw.public) and not _flag(raw.public)):
                continue
            role = _role(raw.role, cols)
            if role is None:
                continue
            text = "" if blank(raw.text) else raw.text
            if not isinstance(text, str):
                raise InputError(f"message {raw.reply_id!r}: text is a {type(text).__name__}, not a string")
            message = Message(role=role, text=text, sent_at=_stamp(raw.sent_at, cols), channel=_channel(raw.channel, cols))
            kept.append((raw, message))
        if all(m.sent_at is not None for _, m in kept):
            kept.sort(key=lambda pair: pair[1].sent_at)  # type: ignore[arg-type,return-value]
        customer = _customer(dict(thread.customer))
        conversation = Conversation(
            messages=tuple(m for _, m in kept),
            customer=customer,
            locale=None if blank(thread.locale) else str(thread.locale),
        )
    except (InputError, ValueError) as exc:
        return None, _reason(exc), tuple(r for r in thread.rows if _maybe_agent(r.role, cols))
    return Built(conversation, tuple(r.reply_id for r, _ in kept), tuple(r.agent for r, _ in kept)), None, ()


def _reason(exc: Exception) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):  # pydantic ValidationError: keep it to one line
        return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'value'}: {e['msg']}" for e in errors())
    return str(exc)


def _flag(value: Any) -> bool:
    if blank(value):
        return False
    if isinstance(value, bool | int):
        return bool(value)
    return str(value).strip().lower() in _TRUE


def _role(value: Any, cols: Columns) -> Role | None:
    return _lookup(value, "agent", "role", cols.roles, _ROLES)  # type: ignore[no-any-return]


def _maybe_agent(value: Any, cols: Columns) -> bool:
    try:
        return _role(value, cols) == "agent"
    except InputError:
        return True


def _channel(value: Any, cols: Columns) -> Channel:
    return _lookup(value, "email", "channel", cols.channels, _CHANNELS)  # type: ignore[no-any-return]


def _lookup(value: Any, default: str, what: str, own: Mapping[str, Any], builtin: Mapping[str, Any]) -> Any:
    """The value's meaning: the caller's map first, then the built-in one; blank is `default`."""
    if blank(value):
        return default
    key = str(value).strip().lower()
    for table in (own, builtin):
        if key in table:
            return table[key]
    raise InputError(f"unknown {what} {value!r}: map it with columns={{'{what}s': {{{key!r}: {default!r}}}}}")


def _stamp(value: Any, cols: Columns) -> datetime | None:
    if blank(value):
        return None
    if isinstance(value, datetime):
        stamp = value.to_pydatetime() if hasattr(value, "to_pydatetime") else value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, UTC)
    elif isinstance(value, str):
        try:
            stamp = datetime.fromisoformat(value.strip())
        except ValueError:
            raise InputError(f"time stamp {value!r} is not ISO 8601 (like 2024-03-01T10:15:00Z)") from None
    else:
        raise InputError(f"cannot read a time stamp from a {type(value).__name__}")
    return stamp if stamp.utcoffset() is not None else stamp.replace(tzinfo=ZoneInfo(cols.timezone))


def _customer(fields: dict[str, Any]) -> Customer | None:
    if not fields:
        return None
    values: dict[str, str | None] = {k: str(v).strip() for k, v in fields.items()}
    if "gender" in values:  # anything else ("other", "unknown") is not assumed to be either
        values["gender"] = _GENDERS.get(str(values["gender"]).lower())
    return Customer.model_validate(values)
