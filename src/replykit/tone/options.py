"""Options of the tone family (`[tool.replykit.tone]`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from replykit._options import _Options

MarkerKind = Literal["thanks", "apology", "acknowledgement", "further_help", "upset"]


class ToneOptions(_Options):
    """Readability thresholds and extra empathy markers per language."""

    max_sentence_words: int = Field(default=25, ge=5, description="RK711: longer sentences are reported")
    max_long_words: int = Field(default=3, ge=1, description="RK712: more long words in one sentence are reported")
    min_reading_ease: float = Field(default=40.0, ge=-100, le=120, description="RK713: a reply scoring lower is hard")
    min_words: int = Field(default=20, ge=1, description="RK713 judges replies of at least this many words")
    extra: dict[str, dict[MarkerKind, list[str]]] = Field(
        default_factory=dict,
        description="extra marker phrases per language, in the format of replykit/tone/data/<lang>.toml",
    )
