"""Options of the RK2xx address family (`[tool.replykit.address]`)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import ConfigDict, Field

from replykit._options import _Options
from replykit.models import Severity


class AddressOptions(_Options):
    """How strictly the reply must use the formal "you".

    `invited_severity`: the severity of informal address once the customer wrote informally
    (or their `preferred_address` is informal); slang stays at full severity regardless.
    `capital_formal`: the capitalised «Вы» house style for letters to one person.
    `extra`: per language, entries added to the data in replykit/formality/data/<lang>.toml
    (lists are extended, tables updated), e.g. {"ru": {"over_familiar": ["кисуня"]}}.
    """

    model_config = ConfigDict(alias_generator=lambda name: name.replace("_", "-"), populate_by_name=True)

    invited_severity: Severity = Severity.INFO
    capital_formal: Literal["require", "forbid", "ignore"] = "ignore"
    informal_preferences: tuple[str, ...] = ("informal", "ты", "ти", "du", "te", "tegező")
    extra: dict[str, dict[str, Any]] = Field(default_factory=dict)
