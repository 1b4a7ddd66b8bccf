"""Configuration: from Python, `[tool.replykit]` in pyproject.toml, or replykit.toml.

Keys may be written kebab-case (as in TOML files) or snake_case. Every value is validated;
a bad one raises ConfigError naming the key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator

from replykit._options import _Options
from replykit._scorecard import ScorecardOptions, default_scorecard
from replykit.bundling.options import BundlingOptions
from replykit.cliches.options import ClichesOptions
from replykit.conversation.options import ConversationOptions
from replykit.errors import ConfigError
from replykit.formality.options import AddressOptions
from replykit.models import Channel, Severity
from replykit.names.options import NamesOptions
from replykit.tone.options import ToneOptions

_DEFAULT_NAME_SLOTS = (
    "name", "first_name", "firstname", "fname", "given_name", "customer_name", "client_name",
    "full_name", "requester.name", "имя", "имя_клиента", "фио", "customer", "client", "клиент",
)  # fmt: skip

ChannelPolicy = Literal["always", "first", "never"]
PhraseKind = Literal["greeting", "farewell"]

_GREETING_POLICY: dict[Channel, ChannelPolicy] = {
    "email": "always", "chat": "first", "messenger": "first",
    "social": "first", "sms": "never", "phone": "never",
}  # fmt: skip
_FAREWELL_POLICY: dict[Channel, ChannelPolicy] = {
    "email": "always", "chat": "never", "messenger": "never",
    "social": "never", "sms": "never", "phone": "never",
}  # fmt: skip


class GreetingOptions(_Options):
    """When a reply must open with a greeting and close with a farewell, per channel.

    "always": every agent message; "first": the agent's first message of the conversation
    (or of the day, in a chat that goes on for days); "never": not required.
    """

    greeting: dict[Channel, ChannelPolicy] = Field(default_factory=_GREETING_POLICY.copy)
    farewell: dict[Channel, ChannelPolicy] = Field(default_factory=_FAREWELL_POLICY.copy)
    time_of_day_grace_minutes: int = Field(default=30, ge=0, le=240)
    repeat_window_hours: float = Field(default=12.0, gt=0)
    extra: dict[str, dict[PhraseKind, list[dict[str, Any]]]] = Field(
        default_factory=dict,
        description="extra phrases per language, in the format of replykit/greetings/data/<lang>.toml",
    )


class Config(_Options):
    """Everything a check can be told. Unknown keys are an error, not silently ignored."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = Field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    default_language: str = "ru"
    name_slots: tuple[str, ...] = _DEFAULT_NAME_SLOTS
    max_chars: int = Field(default=1_000_000, gt=0)
    max_messages: int = Field(default=10_000, gt=0)
    timezone: str | None = None
    greeting: GreetingOptions = Field(default_factory=GreetingOptions)
    conversation: ConversationOptions = Field(default_factory=ConversationOptions)
    names: NamesOptions = Field(default_factory=NamesOptions)
    address: AddressOptions = Field(default_factory=AddressOptions)
    bundling: BundlingOptions = Field(default_factory=BundlingOptions)
    cliches: ClichesOptions = Field(default_factory=ClichesOptions)
    tone: ToneOptions = Field(default_factory=ToneOptions)
    scorecard: ScorecardOptions = Field(default_factory=default_scorecard)

    @field_validator("select", "ignore", mode="before")
    @classmethod
    def _codes(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [v for v in value.replace(",", " ").split() if v]
        return tuple(str(v).strip().upper() for v in value)

    @field_validator("severity", mode="before")
    @classmethod
    def _severity_keys(cls, value: Any) -> Any:
        if isinstance(value, Mapping):
            return {str(k).strip().upper(): v for k, v in value.items()}
        return value

    @field_validator("name_slots", mode="before")
    @classmethod
    def _slot_names(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [value]
        return tuple(str(v).strip().lower() for v in value)

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str | None) -> str | None:
        if value is not None:
            from zoneinfo import ZoneInfo

            try:
                ZoneInfo(value)
            except Exception as exc:
                raise ValueError(f"unknown IANA time zone {value!r}") from exc
        return value

    def merged(self, **changes: Any) -> Config:
        """A copy with `changes` applied and validated."""
        return make_config({**self.model_dump(exclude_unset=True), **changes})


def make_config(value: Config | Mapping[str, Any] | None = None) -> Config:
    """Validate `value` (a Config, a mapping or None) into a Config; errors become ConfigError."""
    if value is None:
        return _default_config()
    if isinstance(value, Config):
        config = value
    elif isinstance(value, Mapping):
        try:
            config = Config.model_validate(_snake(value))
        except ValidationError as exc:
            raise ConfigError(_describe(exc)) from None
    else:
        raise ConfigError(f"config must be a replykit.Config or a mapping, not {type(value).__name__}")
    from replykit.engine import validate_codes

    validate_codes(config)
    return config


_DEFAULT: list[Config] = []


def _default_config() -> Config:
    if not _DEFAULT:
        _DEFAULT.append(Config())
    return _DEFAULT[0]


def load_config(path: str | Path | None = None, *, start: str | Path = ".") -> Config:
    """Read replykit.toml or pyproject.toml's [tool.replykit].

    With `path`, read that file; otherwise look in `start` and its parents, replykit.toml
    winning over pyproject.toml in the same folder. No file found gives the defaults.
    """
    if path is not None:
        return _read(Path(path))
    folder = Path(start).resolve()
    if folder.is_file():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        own = candidate / "replykit.toml"
        if own.is_file():
            return _read(own)
        project = candidate / "pyproject.toml"
        if project.is_file() and _tool_table(project) is not None:
            return _read(project)
    return _default_config()


def _read(path: Path) -> Config:
    if not path.is_file():
        raise ConfigError(f"config file not found: {path}")
    if path.name == "pyproject.toml":
        table = _tool_table(path) or {}
    else:
        table = _load_toml(path)
    try:
        return make_config(table)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def _tool_table(path: Path) -> dict[str, Any] | None:
    tool = _load_toml(path).get("tool", {})
    table = tool.get("replykit") if isinstance(tool, dict) else None
    return table if isinstance(table, dict) else None


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None


_DATA_TABLES = frozenset({"severity", "extra"})  # their keys are codes or phrases, not option names


def _snake(value: Mapping[str, Any]) -> dict[str, Any]:
    """Option names in kebab-case become snake_case at every depth, except inside data tables."""
    out: dict[str, Any] = {}
    for key, item in value.items():
        name = str(key).replace("-", "_")
        if isinstance(item, Mapping) and name not in _DATA_TABLES:
            item = _snake(item)
        out[name] = item
    return out


def _describe(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"]) or "config"
        problems.append(f"{where}: {error['msg']}")
    return "invalid configuration: " + "; ".join(problems)
