"""`check` and `rules`: the entry points most callers need."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from babel import Locale, UnknownLocaleError

from replykit._shared import ConversationMemo
from replykit.config import Config, make_config
from replykit.document import Document
from replykit.engine import Context, RuleInfo, applicable, registry, run, selected_rules
from replykit.errors import ConfigError, InputError, InputTooLargeError
from replykit.models import Conversation, ConversationScore, Customer, Message, Report
from replykit.text.lang import detect_text_language

CheckInput = str | Message | Conversation


def check(
    input: CheckInput,
    *,
    customer: Customer | None = None,
    locale: str | None = None,
    config: Config | Mapping[str, Any] | None = None,
    template: bool = False,
    html: bool | None = None,
) -> Report:
    """Check one agent reply and return its findings.

    `input` is the reply text, a `Message` from the agent, or a `Conversation` whose last
    agent message is checked in the context of the messages before it. `locale` fixes the
    language instead of detecting it. `template=True` treats slots such as `{{name}}` as
    parts of a canned response rather than as leftovers.
    """
    return _check_input(input, make_config(config), customer=customer, locale=locale, template=template, html=html)


def _check_input(
    input: CheckInput,
    cfg: Config,
    *,
    customer: Customer | None = None,
    locale: str | None = None,
    template: bool = False,
    html: bool | None = None,
    shared: ConversationMemo | None = None,
) -> Report:
    """`check` with a validated config; `shared` is the memo of the conversation `input` is a prefix of."""
    message, history, conversation = _unpack(input, cfg)
    customer = customer or (conversation.customer if conversation else None)
    locale = locale or (conversation.locale if conversation else None)
    return _check(message, history, customer=customer, locale=locale, cfg=cfg, template=template, html=html, shared=shared)[0]


def _check(
    message: Message,
    history: tuple[Message, ...],
    *,
    customer: Customer | None,
    locale: str | None,
    cfg: Config,
    template: bool,
    html: bool | None,
    shared: ConversationMemo | None = None,
) -> tuple[Report, Context]:
    """Check one message in the context of `history`; the context is kept for the fixer."""
    from replykit.scoring import score_reply

    locale = locale or (customer.locale if customer else None)
    language = language_of(locale) if locale else None
    shared = shared or ConversationMemo((*history, message))
    doc = Document(
        message.text,
        template=template,
        language=language,
        html=html,
        default_language=_customer_language(shared, len(history), cfg) if language is None else cfg.default_language,
        max_chars=cfg.max_chars,
    )
    ctx = Context(doc, cfg, message=message, history=history, customer=customer, locale=locale, shared=shared)
    selection = selected_rules(cfg)
    rules = applicable(doc, selection)
    findings = run(ctx, selection)  # filters the selection again: remembered, so at no cost
    card = score_reply(ctx, findings, [rule.info for rule in rules])
    report = Report._trusted(findings=tuple(findings), language=doc.language, text=message.text, score=card.score, scorecard=card)
    return report, ctx


def score_conversation(
    conversation: Conversation,
    *,
    customer: Customer | None = None,
    locale: str | None = None,
    config: Config | Mapping[str, Any] | None = None,
    template: bool = False,
    html: bool | None = None,
) -> ConversationScore:
    """Check and score every agent reply in the context of the messages before it.

    The conversation scores the mean of its replies (a failed reply counts as 0) and fails
    when any reply does; `replies` holds each reply's full Report.
    """
    from replykit.scoring import combine

    cfg = make_config(config)
    if not isinstance(conversation, Conversation):
        raise InputError(f"score_conversation() takes a Conversation, not {type(conversation).__name__}")
    _unpack(conversation, cfg)  # the size limit, and at least one agent message
    customer = customer or conversation.customer
    locale = locale or conversation.locale
    messages = conversation.messages
    shared = ConversationMemo(messages)  # what the replies' checks share: a long conversation costs linear time
    reports = [
        _check(m, messages[:i], customer=customer, locale=locale, cfg=cfg, template=template, html=html, shared=shared)[0]
        for i, m in enumerate(messages)
        if m.role == "agent"
    ]
    return combine(reports)


def rules() -> list[RuleInfo]:
    """The rule catalogue: every rule's code, name, severity, languages and documentation."""
    return [rule.info for rule in registry().values()]


def language_of(locale: str) -> str:
    """The language code of a locale ("ru_RU", "ru-RU", "ru" → "ru")."""
    if not isinstance(locale, str) or not locale.strip():
        raise ConfigError(f"locale must be a non-empty string like 'ru' or 'de_DE', not {locale!r}")
    try:
        return Locale.parse(locale.strip().replace("-", "_")).language
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise ConfigError(f"unknown locale {locale!r}: {exc}") from None


def _customer_language(shared: ConversationMemo, upto: int, cfg: Config) -> str:
    """The customer's language: what a reply with too few words of its own is taken to be in."""
    text = shared.fold("api.customer_text", None, _latest_customer_text, upto)
    if text is None:
        return cfg.default_language
    return shared.memo(("api.customer_language", text), lambda: detect_text_language(text, cfg.default_language))


def _latest_customer_text(latest: str | None, message: Message) -> str | None:
    return message.text if message.role == "customer" and message.text.strip() else latest


def _unpack(value: Any, cfg: Config) -> tuple[Message, tuple[Message, ...], Conversation | None]:
    if isinstance(value, str):
        return Message(role="agent", text=value), (), None
    if isinstance(value, Message):
        if value.role != "agent":
            raise InputError("check() takes the agent's reply; this Message has role='customer'")
        return value, (), None
    if isinstance(value, Conversation):
        if len(value.messages) > cfg.max_messages:
            raise InputTooLargeError(
                f"conversation has {len(value.messages):,} messages, more than "
                f"max_messages={cfg.max_messages:,}"
            )
        for i in range(len(value.messages) - 1, -1, -1):
            if value.messages[i].role == "agent":
                return value.messages[i], value.messages[:i], value
        raise InputError("the conversation has no agent message to check")
    if isinstance(value, bytes | bytearray):
        try:
            return Message(role="agent", text=bytes(value).decode("utf-8")), (), None
        except UnicodeDecodeError as exc:
            raise InputError(
                f"bytes are not valid UTF-8 ({exc.reason} at byte {exc.start}); decode them first"
            ) from None
    if value is None:
        raise InputError("nothing to check: got None instead of a reply")
    raise InputError(f"cannot check a {type(value).__name__}; pass a str, Message or Conversation")
