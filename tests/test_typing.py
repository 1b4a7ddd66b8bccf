"""The package type-checks under `mypy --strict`, and users see its types (py.typed is shipped)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

api = pytest.importorskip("mypy.api")
ROOT = Path(__file__).resolve().parents[1]


def test_package_passes_mypy_strict() -> None:
    out, err, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), str(ROOT / "src" / "replykit")])
    assert status == 0, out + err


def test_users_see_the_public_types() -> None:
    snippet = "\n".join(
        [
            "import replykit",
            'report = replykit.check("Привет")',
            "reveal_type(report)",
            "reveal_type(report.findings[0].fixes)",
            'reveal_type(replykit.greeting(locale="ru"))',
        ]
    )
    # as a user's project sees it: no replykit config, the installed package and its py.typed
    out, err, status = api.run(["--config-file", os.devnull, "--strict", "-c", snippet])
    revealed = [
        line.split("Revealed type is ", 1)[1].strip('"').replace("builtins.", "")
        for line in out.splitlines()
        if "Revealed type is" in line
    ]
    assert revealed == ["replykit.models.Report", "tuple[replykit.models.Fix, ...]", "str"], out + err
    assert "error:" not in out, out + err
