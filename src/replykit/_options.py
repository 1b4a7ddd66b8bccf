"""The base of every options model, apart from config.py so family options can import it first."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class _Options(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
