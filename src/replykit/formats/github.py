"""GitHub Actions workflow commands: one `::error file=…` annotation per finding."""

from __future__ import annotations

from collections.abc import Sequence

from replykit.formats._position import line_col
from replykit.models import Report, Severity

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def render_github(checked: Sequence[tuple[str, Report]]) -> str:
    out = []
    for path, report in checked:
        for f in report.findings:
            end_line, end_col = line_col(report.text, f.end)
            props = ",".join(
                [
                    f"file={_prop(path)}",
                    f"line={f.line}",
                    f"col={f.column}",
                    f"endLine={end_line}",
                    f"endColumn={end_col}",
                    f"title={_prop(f'{f.code} {f.rule}')}",
                ]
            )
            out.append(f"::{_LEVEL[f.severity]} {props}::{_data(f.message)}")
    return "\n".join(out) + ("\n" if out else "")
