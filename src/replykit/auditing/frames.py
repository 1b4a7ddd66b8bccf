"""One function for distributed engines: a pandas partition of messages in, a table out.

Dask: `ddf.map_partitions(audit_partition, table="findings", meta=audit_meta("findings"))`.
Spark: `sdf.mapInPandas(partial(audit_partition, table="findings"), schema)`: given an
iterator of DataFrames it returns an iterator. Each partition is audited serially (the
engine supplies the parallelism); ids become strings so every partition has one schema.
Rows of one conversation must be in one partition.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Literal

from replykit.auditing.columns import Columns, blank
from replykit.config import Config

Table = Literal["findings", "summary"]
_IDS = ("reply_id", "conversation_id", "agent")


def audit_partition(
    part: Any,
    *,
    table: Table = "findings",
    columns: Columns | Mapping[str, Any] | None = None,
    config: Config | Mapping[str, Any] | None = None,
    locale: str | None = None,
) -> Any:
    """Audit one pandas DataFrame of messages (or each of an iterator of them) into `table`."""
    if not hasattr(part, "itertuples"):
        return _each(part, table, columns, config, locale)
    from replykit.auditing.run import audit

    result = audit(part, workers=1, progress=False, columns=columns, config=config, locale=locale)
    return _stringify_ids(result.findings if table == "findings" else result.summary)


def _each(parts: Any, table: Table, columns: Any, config: Any, locale: str | None) -> Iterator[Any]:
    for part in parts:
        yield audit_partition(part, table=table, columns=columns, config=config, locale=locale)


def audit_meta(table: Table = "findings") -> Any:
    """An empty DataFrame with the columns and dtypes `audit_partition` returns."""
    from replykit.auditing.result import AuditResult, families
    from replykit.models import Severity

    if table not in ("findings", "summary"):
        from replykit.errors import ConfigError

        raise ConfigError(f"table must be 'findings' or 'summary', not {table!r}")
    empty = AuditResult([], families=families(), fail_on=Severity.WARNING)
    return _stringify_ids(empty.findings if table == "findings" else empty.summary)


def _stringify_ids(frame: Any) -> Any:
    for name in _IDS:
        if name in frame.columns:
            frame[name] = frame[name].map(lambda v: None if blank(v) else str(v)).astype("string")
    return frame
