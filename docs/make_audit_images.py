"""Draw the pictures of docs/audit.md from examples/sample_export.csv into docs/img/.

    PYTHONPATH=src python docs/make_audit_images.py

Needs the `plot` extra (matplotlib). The audit is the tutorial's, step for step.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import replykit  # noqa: E402

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
    print(result)


if __name__ == "__main__":
    main()
