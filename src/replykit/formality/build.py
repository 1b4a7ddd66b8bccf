"""`formalize`: rewrite a text so that it addresses the reader formally."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from replykit.config import Config, make_config
from replykit.fixes import apply_fixes

_MAX_PASSES = 4  # fixes that overlap an applied one wait for the next pass


def formalize(text: str, *, locale: str | None = None, config: Config | Mapping[str, Any] | None = None) -> str:
    """`text` with every address fix applied: тебе → вам, напиши → напишите, du → Sie.

    Fixes marked unsafe (German, where the verb may also need moving) are applied too; the
    result needs a human look when the input was German. Words without an automatic fix
    (slang, some Hungarian forms) are left as they are.

        >>> formalize("Напиши нам, когда тебе будет удобно.", locale="ru")
        'Напишите нам, когда вам будет удобно.'
    """
    from replykit.api import check

    cfg = make_config(config)
    cfg = cfg.merged(select=["RK201", "RK203", "RK205"], ignore=[])
    for _ in range(_MAX_PASSES):
        report = check(text, locale=locale, config=cfg)
        fixed = apply_fixes(text, report.findings, unsafe=True)
        if fixed == text:
            break
        text = fixed
    return text
