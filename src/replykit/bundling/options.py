"""User topics, bundles and phrases for the bundling checks (`[tool.replykit.bundling]`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from replykit._options import _Options

ValueKind = Literal["money", "duration", "date"]


class TopicPhrases(_Options):
    """Phrases of one topic in one language, in the syntax of replykit/bundling/data/<lang>.toml."""

    ask: tuple[str, ...] = ()
    answer: tuple[str, ...] = ()
    cue: tuple[str, ...] = ()
    exclude: tuple[str, ...] = Field(default=(), description="phrases that cancel an ask or cue match starting with them")
    mute: tuple[str, ...] = Field(default=(), description="phrases within which an ask or answer match does not count")
    ask_alone: tuple[str, ...] = Field(default=(), description="ask only in a question that names no other topic")
    answer_when_asked: tuple[str, ...] = Field(default=(), description="answer only once the customer asked")
    ask_with_date: tuple[str, ...] = Field(default=(), description="ask in a question clause that holds a date")

    @field_validator("ask", "answer", "cue", "exclude", "mute", "ask_alone", "answer_when_asked", "ask_with_date")
    @classmethod
    def _non_empty(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not p.strip() for p in value):
            raise ValueError("a phrase must not be empty")
        return value


class TopicOptions(_Options):
    """A new topic, or extra phrases for a built-in one (then only `phrases` may be given)."""

    label: str | None = None
    claims: tuple[ValueKind, ...] = ()
    claims_with_cue: tuple[ValueKind, ...] = ()
    claims_when_asked: tuple[ValueKind, ...] = ()
    shadows: tuple[str, ...] = ()
    shadows_questions: tuple[str, ...] = ()
    past_answers: bool = True
    yes_answers: bool = False
    asked_by: tuple[ValueKind, ...] = ()
    yields: tuple[str, ...] = ()
    takes_over: tuple[str, ...] = ()
    phrases: dict[str, TopicPhrases] = Field(default_factory=dict, description="per language code")


class BundleOptions(_Options):
    """Topics that travel together; asking about one of `triggers` (default: any member) asks for all."""

    members: tuple[str, ...] = Field(min_length=1)
    triggers: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _triggers_are_members(self) -> BundleOptions:
        stray = set(self.triggers) - set(self.members)
        if stray:
            raise ValueError(f"triggers {sorted(stray)} are not members of the bundle")
        return self


class BundlingOptions(_Options):
    topics: dict[str, TopicOptions] = Field(default_factory=dict)
    bundles: dict[str, BundleOptions] = Field(
        default_factory=dict, description="added to the built-in bundles; the same name replaces one"
    )
    builtin_bundles: bool = Field(default=True, description="false: only the bundles given here")
    deflect: dict[str, tuple[str, ...]] = Field(default_factory=dict, description="extra phrases per language")
    lookback: int = Field(
        default=50, ge=1, description="how many earlier messages (of each side) can settle or cover a topic"
    )

    @model_validator(mode="after")
    def _known_topics(self) -> BundlingOptions:
        from replykit.bundling.lexicon import LANGUAGES, builtin_topics

        builtin = builtin_topics()
        languages = {lang for t in self.topics.values() for lang in t.phrases} | self.deflect.keys()
        if languages - set(LANGUAGES):
            raise ValueError(f"no bundling data for languages {sorted(languages - set(LANGUAGES))}; use {LANGUAGES}")
        for name, topic in self.topics.items():
            if name in builtin and topic.model_dump(exclude={"phrases"}, exclude_defaults=True):
                raise ValueError(f"topic {name!r} is built in: give only its extra `phrases`")
            if name not in builtin and not topic.phrases:
                raise ValueError(f"topic {name!r} needs `phrases` in at least one language")
        known = builtin.keys() | self.topics.keys()
        for name, topic in self.topics.items():
            for key in ("shadows", "shadows_questions", "takes_over", "yields"):
                if set(getattr(topic, key)) - known:
                    raise ValueError(
                        f"topic {name!r}: {key} names unknown topics {sorted(set(getattr(topic, key)) - known)}"
                    )
        for name, bundle in self.bundles.items():
            unknown = sorted(set(bundle.members) - known)
            if unknown:
                raise ValueError(f"bundle {name!r} has unknown topics {unknown}; known: {sorted(known)}")
        return self
