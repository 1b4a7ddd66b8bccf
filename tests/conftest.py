from __future__ import annotations

from replykit._examples import example_input

__all__ = ["example_input"]
