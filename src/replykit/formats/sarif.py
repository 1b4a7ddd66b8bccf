"""SARIF 2.1.0, the format code-scanning dashboards read."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from replykit.formats._position import line_col
from replykit.models import Report, Severity

_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_DOCS = "https://github.com/replykit/replykit/blob/main/docs/rules.md"


def render_sarif(checked: Sequence[tuple[str, Report]]) -> str:
    from replykit import __version__
    from replykit.api import rules

    catalogue = rules()
    index = {info.code: i for i, info in enumerate(catalogue)}
    results: list[dict[str, Any]] = []
    for path, report in checked:
        for f in report.findings:
            end_line, end_col = line_col(report.text, f.end)
            result: dict[str, Any] = {
                "ruleId": f.code,
                "ruleIndex": index.get(f.code, -1),
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": path},
                            "region": {
                                "startLine": f.line,
                                "startColumn": f.column,
                                "endLine": end_line,
                                "endColumn": end_col,
                                "charOffset": f.start,
                                "charLength": f.end - f.start,
                                "snippet": {"text": f.excerpt},
                            },
                        }
                    }
                ],
            }
            if f.fixes:
                result["fixes"] = [
                    {
                        "description": {"text": "safe fix" if fx.safe else "suggested fix"},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": path},
                                "replacements": [
                                    {
                                        "deletedRegion": {"charOffset": fx.start, "charLength": fx.end - fx.start},
                                        "insertedContent": {"text": fx.replacement},
                                    }
                                ],
                            }
                        ],
                    }
                    for fx in f.fixes
                ]
            results.append(result)
    log = {
        "$schema": _SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "replykit",
                        "version": __version__,
                        "informationUri": _DOCS,
                        "rules": [
                            {
                                "id": info.code,
                                "name": info.name,
                                "shortDescription": {"text": info.summary},
                                "fullDescription": {"text": info.why},
                                "helpUri": f"{_DOCS}#{info.code.lower()}-{info.name}",
                                "defaultConfiguration": {"level": _LEVEL[info.severity]},
                            }
                            for info in catalogue
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
