"""Output formats for reports: human text, JSON, SARIF 2.1.0 and GitHub annotations."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from replykit.formats.github import render_github
from replykit.formats.sarif import render_sarif
from replykit.formats.text import render_json, render_text
from replykit.models import Report

Checked = tuple[str, Report]  # (path or "-", report)

FORMATS: dict[str, Callable[[Sequence[Checked]], str]] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
}

__all__ = ["FORMATS", "Checked"]
