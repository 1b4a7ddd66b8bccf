"""Reading the linguistic data files shipped inside the package (one reader for every family)."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from typing import Any


def read_data(package: str, name: str) -> dict[str, Any]:
    """`<package>/data/<name>.toml`, which must exist."""
    return tomllib.loads(files(package).joinpath(f"data/{name}.toml").read_text("utf-8"))


def read_language_data(package: str, language: str) -> dict[str, Any] | None:
    """`<package>/data/<language>.toml`, or None when the family has no data for the language."""
    resource = files(package).joinpath(f"data/{language}.toml")
    if not resource.is_file():
        return None
    return tomllib.loads(resource.read_text("utf-8"))
