"""Draw the pictures of docs/audit.md from examples/sample_export.csv into docs/img/.

    PYTHONPATH=src python docs/make_audit_images.py

Needs the `plot` extra (matplotlib). The audit is the tutorial's, step for step. The picture
of the notebook view (a report and the audit as Jupyter shows them) is taken with headless
Chromium when it is installed, and skipped with a message otherwise.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

import replykit

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "img"
COLUMNS = {
    "conversation": "ticket_id",
    "message_id": "comment_id",
    "role": "author_role",
    "agent": "author_name",
    "public": "public",
    "text": "body",
    "sent_at": "created_at",
    "channel": "via_channel",
    "locale": "locale",
    "customer": {"first_name": "requester_first_name", "gender": "requester_gender"},
    "timezone": "Europe/Moscow",
}


def main() -> None:
    result = replykit.audit(replykit.read_csv(ROOT / "examples" / "sample_export.csv"), columns=COLUMNS)
    IMAGES.mkdir(parents=True, exist_ok=True)
    for name, draw in (
        ("audit_by_rule", result.plot_by_rule),
        ("audit_by_agent", result.plot_by_agent),
        ("audit_over_time", result.plot_over_time),
    ):
        ax = draw()
        ax.figure.savefig(IMAGES / f"{name}.png", dpi=90)
        plt.close(ax.figure)
        print(f"wrote {IMAGES / name}.png")
    notebook_view(result, replykit.check(SAMPLE_REPLY, locale="ru"))
    print(result)


SAMPLE_REPLY = "Привет, Мария!\n\nВаш заказ отправлен, курьер позвонит за час.\n\nПока!"


def notebook_view(result: replykit.AuditResult, report: replykit.Report) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        print("skipped notebook_view.png: no Chromium on PATH")
        return
    page = f"<!doctype html><meta charset=utf-8><body>{report._repr_html_()}<hr>{result._repr_html_()}</body>"
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "view.html"
        html.write_text(page, encoding="utf-8")
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=760,420",
             f"--screenshot={IMAGES / 'notebook_view.png'}", html.as_uri()],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
    print(f"wrote {IMAGES / 'notebook_view.png'}")


if __name__ == "__main__":
    main()
