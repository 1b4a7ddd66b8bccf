"""Rule examples as check() input: shared by the example tests and the generated fix list."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from replykit.models import Conversation, Customer, Message


def example_input(text: str, context: dict[str, Any]) -> tuple[Message | Conversation, dict[str, Any]]:
    """Build check() arguments from a rule example's context (see engine.Example)."""
    channel = context.get("channel", "email")
    at = context.get("at")
    sent_at = datetime.fromisoformat(at) if at else None
    message = Message(role="agent", text=text, channel=channel, sent_at=sent_at)
    customer = Customer(**context["customer"]) if "customer" in context else None
    kwargs: dict[str, Any] = {"customer": customer, "template": context.get("template", False)}
    if "config" in context:
        kwargs["config"] = context["config"]
    history = context.get("history")
    if history is None:
        return message, kwargs
    earlier = [
        Message(
            role=m["role"],
            text=m["text"],
            channel=m.get("channel", channel),
            sent_at=datetime.fromisoformat(m["at"]) if "at" in m else None,
        )
        for m in history
    ]
    return Conversation(messages=(*earlier, message), customer=customer), kwargs
