"""Running checks over many replies: serially, or on all cores in ordered, bounded chunks.

The input is read lazily and cut into chunks; at most two chunks per worker are in flight,
so memory stays bounded however long the input is, and results come back in input order.
Workers are started with "spawn" (safe with threads, notebooks and every OS) and load the
rules once, in their initializer.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sized
from itertools import chain, islice
from typing import Any, TypedDict, Unpack

from replykit._shared import ConversationMemo
from replykit.api import _check_input
from replykit.auditing.columns import (
    Columns,
    RawMessage,
    Thread,
    blank,
    build,
    check_columns,
    get,
    make_columns,
    thread_of,
)
from replykit.auditing.progress import progress_bar
from replykit.auditing.result import AuditResult, FindingRow, ReplyAudit, families
from replykit.config import Config, make_config
from replykit.engine import registry
from replykit.errors import ConfigError, InputError, ReplykitError
from replykit.models import Conversation, Message

Unit = tuple[str, Any, Any]  # ("one", reply_id, str | Message | Conversation) or ("thread", None, Thread)

_IN_FLIGHT_PER_WORKER = 2


class AuditOptions(TypedDict, total=False):
    """How `audit` and `iter_audit` run (every key optional).

    workers: processes; None (default) uses every core, 1 runs in this process. Results are
        the same either way and keep the input order.
    config: a Config or mapping, as for `check`.
    columns: where each field of a message row is (see `Columns`).
    locale: the language of replies whose data names none.
    contiguous: rows of one conversation are adjacent in a stream (default True);
        False groups them in memory instead, and their replies come after the others.
    chunk_size: input rows sent to a worker at a time (default 500).
    progress: a progress bar; None (default) shows one on long runs in a terminal or notebook.
    """

    workers: int | None
    config: Config | Mapping[str, Any] | None
    columns: Columns | Mapping[str, Any] | None
    locale: str | None
    contiguous: bool
    chunk_size: int
    progress: bool | None


def audit(data: Iterable[Any], **options: Unpack[AuditOptions]) -> AuditResult:
    """Check many past replies and tabulate the findings (`.findings`, `.summary`).

    `data` is an iterable of replies (str, Message, or Conversation: its last agent message is
    checked, as by `check`), of message rows (mappings; see `Columns`), or a pandas DataFrame
    with one row per message. Rows of a conversation are rebuilt into a Conversation and each
    agent message is checked in the context of the messages before it. See `AuditOptions`.
    """
    cfg = options["config"] = make_config(options.get("config"))
    replies = list(iter_audit(data, **options))
    return AuditResult(replies, families=families(), fail_on=cfg.fail_on)


def iter_audit(
    data: Iterable[Any],
    *,
    workers: int | None = None,
    config: Config | Mapping[str, Any] | None = None,
    columns: Columns | Mapping[str, Any] | None = None,
    locale: str | None = None,
    contiguous: bool = True,
    chunk_size: int = 500,
    progress: bool | None = None,
) -> Iterator[ReplyAudit]:
    """Like `audit`, but yield each reply's result as it is ready, keeping nothing.

    Use it for inputs too large to tabulate in memory. Options: see `AuditOptions`.
    """
    cfg = make_config(config)
    cols = make_columns(columns)
    if workers is None:
        workers = os.cpu_count() or 1
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
        raise ConfigError(f"workers must be a positive integer, not {workers!r}")
    if not isinstance(chunk_size, int) or chunk_size < 1:
        raise ConfigError(f"chunk_size must be a positive integer, not {chunk_size!r}")
    total = len(data) if isinstance(data, Sized) else None
    return _stream(_chunks(_units(_rows(data, cols), cols, contiguous), chunk_size), workers, (cfg, cols, locale), progress, total)


def _stream(
    chunks: Iterator[tuple[int, list[Unit]]],
    workers: int,
    init: tuple[Config, Columns, str | None],
    progress: bool | None,
    total: int | None,
) -> Iterator[ReplyAudit]:
    with progress_bar(progress, total) as bar:
        head = list(islice(chunks, 2))
        if workers == 1 or len(head) < 2:  # one chunk is not worth starting processes for
            auditor = _Auditor(*init)
            results: Iterator[tuple[int, list[ReplyAudit]]] = (
                (n, auditor.chunk(units)) for n, units in chain(head, chunks)
            )
        else:
            results = _parallel(chain(head, chunks), workers, init)
        for n, replies in results:
            yield from replies
            bar.update(n)


# --- input → units -----------------------------------------------------------------------------


def _rows(data: Any, cols: Columns) -> Iterator[tuple[Any, Any]]:
    """(position, item) for each input item or table row; checks the input's shape at once."""
    if isinstance(data, str | bytes | Mapping | Message | Conversation):
        raise InputError(f"audit() takes many replies (an iterable or a DataFrame), not one {type(data).__name__}; "
                         "use check() for a single reply")  # fmt: skip
    if _is_frame(data):
        check_columns(cols, {str(c) for c in data.columns})
        return _frame_rows(data, cols)
    try:
        return enumerate(data)
    except TypeError:
        raise InputError(f"audit() needs an iterable of replies or a DataFrame, not {type(data).__name__}") from None


def _units(rows: Iterator[tuple[Any, Any]], cols: Columns, contiguous: bool) -> Iterator[tuple[int, Unit]]:
    """(input rows consumed, unit of work) in input order."""
    threads: dict[Any, list[tuple[Mapping[str, Any], Any]]] = {}
    seen: set[Any] = set()
    current: list[tuple[Mapping[str, Any], Any]] = []
    current_id: Any = None
    first_row = True

    def flush() -> Iterator[tuple[int, Unit]]:
        if current:
            yield len(current), ("thread", None, thread_of(current, current_id, cols))
            current.clear()

    for position, item in rows:
        if not isinstance(item, Mapping):
            yield from flush()
            yield 1, ("one", position, item)
            continue
        if first_row:
            first_row = False
            check_columns(cols, {str(k) for k in item} | ({cols.text} if get(item, cols.text) is not None else set()))
        conversation_id = get(item, cols.conversation)
        if isinstance(conversation_id, list | dict):
            raise InputError(f"row {position!r}: a conversation id must be a single value, not {conversation_id!r}")
        if blank(conversation_id):
            yield from flush()
            yield 1, ("thread", None, thread_of([(item, position)], None, cols))
            continue
        if not contiguous:
            threads.setdefault(conversation_id, []).append((item, position))
            continue
        if conversation_id != current_id or not current:
            yield from flush()
            if conversation_id in seen:
                raise InputError(
                    f"conversation {conversation_id!r} appears again at row {position!r} after other "
                    "conversations: sort the rows by conversation, or pass contiguous=False to group them in memory"
                )
            seen.add(conversation_id)
            current_id = conversation_id
        current.append((item, position))
    yield from flush()
    for conversation_id, group in threads.items():
        yield len(group), ("thread", None, thread_of(group, conversation_id, cols))


def _is_frame(data: Any) -> bool:
    return type(data).__module__.split(".")[0] == "pandas" and hasattr(data, "itertuples")


def _frame_rows(frame: Any, cols: Columns) -> Iterator[tuple[Any, dict[str, Any]]]:
    """Rows as (index label, {column: value}), each conversation's rows brought together."""
    import numpy as np
    import pandas as pd

    present = {str(c) for c in frame.columns}
    wanted = [c for c in dict.fromkeys(cols._named().values()) if c in present]
    if cols.conversation in present and len(frame):
        codes, _ = pd.factorize(frame[cols.conversation])
        firsts = np.full(codes.max() + 2, -1)
        seen_codes, first_pos = np.unique(codes, return_index=True)
        firsts[seen_codes] = first_pos
        key = np.where(codes >= 0, firsts[codes], np.arange(len(codes)))
        frame = frame.iloc[np.argsort(key, kind="stable")]
    series = [frame[c] for c in wanted]
    for label, *values in zip(frame.index, *series, strict=True):
        yield label, dict(zip(wanted, values, strict=True))


def _chunks(units: Iterator[tuple[int, Unit]], size: int) -> Iterator[tuple[int, list[Unit]]]:
    chunk: list[Unit] = []
    weight = 0
    for n, unit in units:
        chunk.append(unit)
        weight += n
        if weight >= size:
            yield weight, chunk
            chunk, weight = [], 0
    if chunk:
        yield weight, chunk


# --- checking ------------------------------------------------------------------------------------


class _Auditor:
    """Checks units of work; one per process, made once."""

    def __init__(self, config: Config, columns: Columns, locale: str | None) -> None:
        self.config = config
        self.columns = columns
        self.locale = locale
        self.rules = {code: (rule.info.name, rule.info.family) for code, rule in registry().items()}

    def chunk(self, units: list[Unit]) -> list[ReplyAudit]:
        out: list[ReplyAudit] = []
        for kind, reply_id, value in units:
            if kind == "one":
                out.append(self._one(reply_id, value))
            else:
                out.extend(self._thread(value))
        return out

    def _one(self, reply_id: Any, value: Any) -> ReplyAudit:
        message = value if isinstance(value, Message) else None
        if isinstance(value, Conversation):
            agents = [m for m in value.messages if m.role == "agent"]
            message = agents[-1] if agents else None
        return self._check(reply_id, None, None, message, value)

    def _thread(self, thread: Thread) -> Iterator[ReplyAudit]:
        built, failure, failed = build(thread, self.columns)
        if built is None:
            for raw in failed:
                yield _failed(raw, thread, failure or "")
            return
        conversation = built.conversation
        messages = conversation.messages
        shared = ConversationMemo(messages)  # what the checks of its replies share
        for i, message in enumerate(messages):
            if message.role != "agent":
                continue
            prefix = Conversation.model_construct(  # a prefix of a valid conversation is valid
                messages=messages[: i + 1], customer=conversation.customer, locale=conversation.locale
            )
            yield self._check(built.reply_ids[i], thread.conversation_id, built.agents[i], message, prefix, shared)

    def _check(
        self, reply_id: Any, conversation_id: Any, agent: Any, message: Message | None, value: Any,
        shared: ConversationMemo | None = None,
    ) -> ReplyAudit:  # fmt: skip
        channel = message.channel if message else None
        sent_at = message.sent_at if message else None
        try:
            report = _check_input(value, self.config, locale=None if _has_locale(value) else self.locale, shared=shared)
        except ReplykitError as exc:
            return ReplyAudit(reply_id, conversation_id, agent, channel, sent_at, None, None, (), str(exc))
        rows = tuple(
            FindingRow(reply_id, conversation_id, f.code, *self.rules[f.code], f.severity.value,
                       f.start, f.end, f.excerpt, f.message)
            for f in report.findings
        )  # fmt: skip
        return ReplyAudit(reply_id, conversation_id, agent, channel, sent_at, report.language, report.score, rows)


def _has_locale(value: Any) -> bool:
    if not isinstance(value, Conversation):
        return False
    return bool(value.locale or (value.customer and value.customer.locale))


def _failed(raw: RawMessage, thread: Thread, failure: str) -> ReplyAudit:
    return ReplyAudit(raw.reply_id, thread.conversation_id, None if blank(raw.agent) else raw.agent,
                      None, None, None, None, (), failure)  # fmt: skip


# --- processes -----------------------------------------------------------------------------------

_WORKER: list[_Auditor] = []  # set only inside worker processes, by their initializer


def _init_worker(config: Config, columns: Columns, locale: str | None) -> None:
    _WORKER.append(_Auditor(config, columns, locale))


def _audit_chunk(units: list[Unit]) -> list[ReplyAudit]:
    return _WORKER[0].chunk(units)


def _parallel(
    chunks: Iterator[tuple[int, list[Unit]]], workers: int, init: tuple[Config, Columns, str | None]
) -> Iterator[tuple[int, list[ReplyAudit]]]:
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    pool = ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker, initargs=init
    )
    pending: deque[tuple[int, Future[list[ReplyAudit]]]] = deque()
    try:
        for n, units in chunks:
            pending.append((n, pool.submit(_audit_chunk, units)))
            if len(pending) >= workers * _IN_FLIGHT_PER_WORKER:
                n, future = pending.popleft()
                yield n, future.result()
        while pending:
            n, future = pending.popleft()
            yield n, future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
