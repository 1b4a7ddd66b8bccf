"""User options of the RK3xx checks (`[tool.replykit.names]`)."""

from __future__ import annotations

from pydantic import Field

from replykit._options import _Options


class NamesOptions(_Options):
    """Extend the name data without editing the package."""

    diminutives: dict[str, dict[str, list[str]]] = Field(
        default_factory=dict,
        description='more short forms per language: { ru = { "Мария" = ["Муся"] } }',
    )
    generic: dict[str, list[str]] = Field(
        default_factory=dict,
        description='more generic salutations per language: { ru = ["уважаем* жилец*"] }',
    )
