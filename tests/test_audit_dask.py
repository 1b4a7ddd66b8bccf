"""Distributed audits: Dask map_partitions on a local cluster, and the Spark mapInPandas shape."""

from __future__ import annotations

import pytest

import replykit

pd = pytest.importorskip("pandas")


def _messages(n_conversations: int = 24):
    rows = []
    for c in range(n_conversations):
        stamp = f"2024-03-{1 + c % 28:02d}T10:%02d:00+00:00"
        rows += [
            {"conversation_id": f"c{c}", "role": "customer", "text": "Где мой заказ?", "sent_at": stamp % 0,
             "channel": "chat"},
            {"conversation_id": f"c{c}", "role": "agent", "text": "Привет! Сейчас проверю.", "sent_at": stamp % 1,
             "channel": "chat", "agent": "anna"},
            {"conversation_id": f"c{c}", "role": "agent", "text": "Здравствуйте! Заказ в пути.",
             "sent_at": stamp % 2, "channel": "chat", "agent": "boris"},
        ]  # fmt: skip
    frame = pd.DataFrame(rows)
    frame["message_id"] = [f"m{i}" for i in range(len(frame))]
    return frame


def _sorted(frame):
    return frame.sort_values(["reply_id", "start", "code"] if "code" in frame else ["reply_id"]).reset_index(drop=True)


def test_dask_map_partitions_on_a_local_cluster_equals_a_serial_audit():
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("dask.distributed")
    frame = _messages()
    serial = replykit.audit(frame, workers=1)
    expected = {t: _sorted(replykit.audit_partition(frame, table=t)) for t in ("findings", "summary")}
    assert len(expected["summary"]) == len(serial.replies) == 48
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        distributed.Client(cluster),
    ):
        # Shuffling by conversation keeps each conversation in one partition; message order
        # inside it may change, and the time stamps restore it.
        messages = dd.from_pandas(frame, npartitions=4).shuffle(on="conversation_id")
        for table in ("findings", "summary"):
            got = messages.map_partitions(replykit.audit_partition, table=table, meta=replykit.audit_meta(table))
            pd.testing.assert_frame_equal(_sorted(got.compute()), expected[table])
    assert "RK105" in set(expected["findings"]["code"])  # the conversation-aware rule saw whole chats


def test_the_same_function_serves_spark_map_in_pandas():
    frame = _messages(6)
    halves = [frame.iloc[:9], frame.iloc[9:]]  # partitions split between conversations
    out = list(replykit.audit_partition(iter(halves), table="findings"))
    assert len(out) == 2
    combined = _sorted(pd.concat(out, ignore_index=True))
    pd.testing.assert_frame_equal(combined, _sorted(replykit.audit_partition(frame, table="findings")))


def test_meta_matches_real_partitions():
    frame = _messages(2)
    for table in ("findings", "summary"):
        real = replykit.audit_partition(frame, table=table)
        assert real.dtypes.to_dict() == replykit.audit_meta(table).dtypes.to_dict()
    with pytest.raises(replykit.ConfigError):
        replykit.audit_meta("everything")
