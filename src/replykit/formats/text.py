"""`path:line:col: CODE message` lines for people, and JSON for programs."""

from __future__ import annotations

import json
from collections.abc import Sequence

from replykit.models import Report


def render_text(checked: Sequence[tuple[str, Report]]) -> str:
    lines = []
    total = 0
    for path, report in checked:
        for f in report.findings:
            total += 1
            lines.append(f"{path}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}")
        card = report.scorecard
        if card is not None and report.findings:
            failed = f" — fails on {', '.join(card.critical)}" if card.failed else ""
            lines.append(f"{path}: score {card.score:.0f}/100{failed}")
    files = len(checked)
    lines.append(f"Found {total} finding{'s' if total != 1 else ''} in {files} file{'s' if files != 1 else ''}.")
    return "\n".join(lines) + "\n"


def render_json(checked: Sequence[tuple[str, Report]]) -> str:
    payload = []
    for path, report in checked:
        data = report.to_dict()
        data.pop("text", None)
        payload.append({"path": path, **data})
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
