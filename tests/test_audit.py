"""replykit.audit: many replies or exported message tables in, findings and summary tables out."""

from __future__ import annotations

import io
import json
import sys
from collections import Counter
from datetime import datetime
from itertools import count, islice
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import replykit
from replykit import Columns, InputError, Message
from replykit.auditing import progress, run
from replykit.auditing.result import summary_columns

REPLIES = [
    "Привет! Заказ отправлен.",
    "Здравствуйте!\n\nВаш заказ отправлен, трек-номер пришлём завтра.\n\nС уважением, Анна",
    "Your order has shipped today.\n\nKind regards,\nAnna",
    "Hello Maria,\n\nYour order has shipped today.\n\nKind regards,\nAnna",
    "Ihre Bestellung wurde heute versandt.",
]


def _codes_by_reply(result):
    return {r.reply_id: [f.code for f in r.findings] for r in result.replies}


def _chat(conversation, *, first="Привет! Сейчас проверю.", second="Здравствуйте! Заказ в пути.", minute=0):
    """A chat: the customer asks, the agent greets twice (the second greeting repeats)."""
    stamp = f"2024-03-01T10:{minute:02d}:%02d+00:00"
    return [
        {"conversation_id": conversation, "role": "customer", "text": "Где мой заказ?", "sent_at": stamp % 0,
         "channel": "chat", "message_id": f"{conversation}-1"},
        {"conversation_id": conversation, "role": "agent", "text": first, "sent_at": stamp % 10,
         "channel": "chat", "agent": "anna", "message_id": f"{conversation}-2"},
        {"conversation_id": conversation, "role": "agent", "text": second, "sent_at": stamp % 20,
         "channel": "chat", "agent": "boris", "message_id": f"{conversation}-3"},
    ]  # fmt: skip


# --- results equal check() -----------------------------------------------------------------------


def test_each_reply_gets_what_check_finds():
    result = replykit.audit(REPLIES, workers=1)
    assert _codes_by_reply(result) == {i: replykit.check(t).codes() for i, t in enumerate(REPLIES)}
    assert [r.score for r in result.replies] == [replykit.check(t).score for t in REPLIES]
    assert len(result) == len(REPLIES)


def test_summary_counts_findings_by_family_and_severity():
    result = replykit.audit(REPLIES, workers=1, progress=False)
    family = {info.code: info.family for info in replykit.rules()}
    for reply, row in zip(result.replies, _rows(result.summary), strict=True):
        expected = Counter(family[f.code] for f in reply.findings)
        assert row["total"] == len(reply.findings)
        for name in {info.family for info in replykit.rules()}:
            assert row[name] == expected[name]
        assert row["warning"] == sum(f.severity == "warning" for f in reply.findings)
        assert row["passed"] is not any(replykit.Severity(f.severity) >= replykit.Severity.WARNING for f in reply.findings)


def test_conversation_items_check_their_last_agent_reply_like_check():
    conversation = replykit.Conversation(
        messages=(
            Message(role="customer", text="Где заказ?", channel="chat"),
            Message(role="agent", text="Здравствуйте! Проверяю.", channel="chat"),
            Message(role="agent", text="Здравствуйте! Заказ в пути.", channel="chat"),
        )
    )
    message = Message(role="agent", text="Привет!")
    result = replykit.audit([conversation, message], workers=1)
    assert _codes_by_reply(result) == {0: replykit.check(conversation).codes(), 1: replykit.check(message).codes()}
    assert result.replies[0].channel == "chat"


def test_bad_items_become_failures_not_crashes():
    result = replykit.audit(["Здравствуйте!", 42, "a\x00b", None], workers=1)
    failures = [r.failure for r in result.replies]
    assert failures[0] is None
    assert all(failures[1:]) and "NUL" in failures[2]
    assert result.counts["failed"] == 3
    assert not any(r.passed(replykit.Severity.INFO) for r in result.replies[1:])


@pytest.mark.parametrize("value", ["one reply", b"bytes", {"text": "row"}, 42])
def test_a_single_reply_is_not_an_audit(value):
    with pytest.raises(InputError):
        list(replykit.iter_audit(value, workers=1))


@pytest.mark.parametrize("kwargs", [{"workers": 0}, {"workers": True}, {"chunk_size": 0}])
def test_bad_run_settings(kwargs):
    with pytest.raises(replykit.ConfigError):
        replykit.iter_audit(REPLIES, **kwargs)


def test_config_applies_to_every_reply():
    result = replykit.audit(REPLIES, workers=1, config={"select": ["RK107"]})
    assert {f.code for r in result.replies for f in r.findings} == {"RK107"}


# --- parallel ------------------------------------------------------------------------------------


_real_parallel = run._parallel


def test_parallel_run_equals_serial_run_in_order(monkeypatch):
    rows = [row for c in range(30) for row in _chat(f"c{c}", minute=c % 60)]
    data = [*REPLIES * 20, *rows]
    serial = replykit.audit(data, workers=1)
    pools = []
    monkeypatch.setattr(run, "_parallel", lambda *args: pools.append(args[1]) or _real_parallel(*args))
    parallel_result = replykit.audit(data, workers=2, chunk_size=16)
    assert pools == [2]  # it did start worker processes
    assert parallel_result.replies == serial.replies
    assert [r.reply_id for r in parallel_result.replies][:5] == [0, 1, 2, 3, 4]


def test_one_chunk_is_checked_without_starting_workers(monkeypatch):
    monkeypatch.setattr(run, "_parallel", None)  # calling it would fail
    assert len(replykit.audit(REPLIES, chunk_size=len(REPLIES))) == len(REPLIES)


def test_streaming_reads_input_only_a_bounded_way_ahead():
    consumed = count()

    def endless():
        for i in consumed:
            yield REPLIES[i % len(REPLIES)]

    first = list(islice(replykit.iter_audit(endless(), workers=1, chunk_size=10), 25))
    assert [r.reply_id for r in first] == list(range(25))
    assert next(consumed) <= 40  # a chunk or so ahead, not the whole (endless) input


def test_parallel_streaming_keeps_a_bounded_number_of_chunks_in_flight():
    consumed = count()

    def endless():
        for i in consumed:
            yield REPLIES[i % len(REPLIES)]

    stream = replykit.iter_audit(endless(), workers=2, chunk_size=10)
    first = list(islice(stream, 25))
    stream.close()  # stops the workers
    assert [r.reply_id for r in first] == list(range(25))
    assert next(consumed) <= 10 * (2 * 2 + 4)  # two chunks per worker in flight, a few being handed over


# --- message tables --------------------------------------------------------------------------------


def test_conversation_rebuilt_from_rows_lets_conversation_rules_fire():
    result = replykit.audit(_chat("c1"), workers=1)
    assert [r.reply_id for r in result.replies] == ["c1-2", "c1-3"]  # customer rows are context only
    assert "RK105" in [f.code for f in result.replies[1].findings]  # greets again in the same chat
    assert [r.agent for r in result.replies] == ["anna", "boris"]
    assert all(r.conversation_id == "c1" for r in result.replies)


def test_messages_are_ordered_by_time_within_a_conversation():
    rows = _chat("c1")
    shuffled = [rows[2], rows[0], rows[1]]
    assert replykit.audit(shuffled, workers=1).replies == replykit.audit(rows, workers=1).replies


def test_interleaved_conversations_need_grouping():
    rows = _chat("c1") + _chat("c2")
    interleaved = [rows[0], rows[3], rows[1], rows[4], rows[2], rows[5]]
    with pytest.raises(InputError, match="contiguous=False"):
        replykit.audit(interleaved, workers=1)
    grouped = replykit.audit(interleaved, workers=1, contiguous=False)
    assert grouped.replies == replykit.audit(rows, workers=1).replies


def test_column_mapping_nested_values_and_notes():
    rows = [
        {"ticket": 7, "id": 1, "author": {"role": "end-user"}, "body": "Hi, where is my order?", "public": True,
         "via": {"channel": "web"}, "created_at": "2024-03-01T10:00:00Z", "requester_first_name": "Maria"},
        {"ticket": 7, "id": 2, "author": {"role": "admin"}, "body": "Internal: check the warehouse",
         "public": False, "via": {"channel": "web"}, "created_at": "2024-03-01T10:05:00Z"},
        {"ticket": 7, "id": 3, "author": {"role": "agent"}, "body": "Hey!\n\nYour order has shipped.\n\nKind regards,\nAnna",
         "public": "true", "via": {"channel": "web"}, "created_at": "2024-03-01T10:10:00Z"},
    ]  # fmt: skip
    columns = {"conversation": "ticket", "message_id": "id", "role": "author.role", "text": "body",
               "public": "public", "channel": "via.channel", "sent_at": "created_at",
               "customer": {"first_name": "requester_first_name"}}  # fmt: skip
    result = replykit.audit(rows, workers=1, columns=columns)
    assert [r.reply_id for r in result.replies] == [3]  # the internal note is not a reply
    assert result.replies[0].channel == "email"
    assert result.replies[0].language == "en"
    assert "RK107" in [f.code for f in result.replies[0].findings]


def test_private_flag_and_custom_role_values():
    rows = [
        {"conversation_id": 1, "incoming": "true", "text": "Где заказ?", "private": "false"},
        {"conversation_id": 1, "incoming": "false", "text": "Привет! Уже едет.", "private": "false"},
        {"conversation_id": 1, "incoming": "false", "text": "Привет! Заметка.", "private": "true"},
    ]
    columns = Columns(role="incoming", private="private", roles={"TRUE": "customer", "false": "agent"})
    result = replykit.audit(rows, workers=1, columns=columns)
    assert [r.reply_id for r in result.replies] == [1]


def test_bad_values_fail_only_their_conversation():
    rows = [*_chat("good"), *_chat("bad")]
    rows[4] = {**rows[4], "sent_at": "yesterday"}
    result = replykit.audit(rows, workers=1)
    by_id = {r.reply_id: r for r in result.replies}
    assert by_id["good-2"].failure is None and by_id["good-3"].failure is None
    assert "ISO 8601" in by_id["bad-2"].failure and "ISO 8601" in by_id["bad-3"].failure
    rows = [{"text": "Привет!", "role": "bot-ish"}, {"text": "Привет!", "channel": "pigeon"}]
    failures = [r.failure for r in replykit.audit(rows, workers=1).replies]
    assert "unknown role" in failures[0] and "unknown channel" in failures[1]


def test_naive_time_stamps_take_the_configured_zone():
    rows = [{"text": "Здравствуйте!", "sent_at": "2024-03-01 10:00:00"}]
    [reply] = replykit.audit(rows, workers=1, columns={"timezone": "Europe/Moscow"}).replies
    assert reply.sent_at.utcoffset().total_seconds() == 3 * 3600


def test_a_named_column_must_exist():
    with pytest.raises(InputError, match="body"):
        replykit.audit([{"text": "Здравствуйте!"}], workers=1, columns={"text": "body"})
    with pytest.raises(InputError, match="columns"):
        replykit.audit(REPLIES, workers=1, columns={"txt": "body"})


# --- importers -------------------------------------------------------------------------------------


def test_csv_and_jsonl_importers_stream_rows(tmp_path):
    rows = _chat("c1") + _chat("c2")
    csv_path = tmp_path / "export.csv"
    fields = sorted({k for r in rows for k in r})
    csv_path.write_text(
        ",".join(fields) + "\n" + "".join(",".join(json.dumps(r.get(f, ""), ensure_ascii=False) for f in fields) + "\n"
                                           for r in rows),
        encoding="utf-8",
    )  # fmt: skip
    jsonl_path = tmp_path / "export.jsonl"
    jsonl_path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n", encoding="utf-8")
    expected = replykit.audit(rows, workers=1).replies
    assert replykit.audit(replykit.read_csv(csv_path), workers=1).replies == expected
    assert replykit.audit(replykit.read_jsonl(jsonl_path), workers=1).replies == expected
    assert list(replykit.read_jsonl(io.StringIO('{"text": "a"}\n'))) == [{"text": "a"}]


def test_importer_errors_name_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ok"}\n{"text": \n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        list(replykit.read_jsonl(path))
    path.write_text('{"text": "ok"}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2: expected an object"):
        list(replykit.read_jsonl(path))
    with pytest.raises(InputError, match="no such file"):
        list(replykit.read_csv(tmp_path / "missing.csv"))
    (tmp_path / "latin.csv").write_bytes("text\n\xe9t\xe9\n".encode("latin-1"))
    with pytest.raises(InputError, match="encoding"):
        list(replykit.read_csv(tmp_path / "latin.csv"))


# --- tables with and without pandas -------------------------------------------------------------------


def _rows(table):
    return table.to_dict("records") if hasattr(table, "to_dict") else table


def test_tables_without_pandas_are_typed_rows(monkeypatch):
    with_pandas = replykit.audit(REPLIES, workers=1)
    monkeypatch.setitem(sys.modules, "pandas", None)
    plain = replykit.audit(REPLIES, workers=1)
    assert all(isinstance(row, replykit.FindingRow) for row in plain.findings)
    assert [f.code for f in plain.findings] == [f.code for r in with_pandas.replies for f in r.findings]
    assert list(plain.summary[0]) == list(summary_columns(plain.families))
    assert [row["total"] for row in plain.summary] == [len(r.findings) for r in with_pandas.replies]


def test_dataframe_input_matches_rows_and_reorders_conversations():
    pd = pytest.importorskip("pandas")
    rows = _chat("c1") + _chat("c2")
    interleaved = [rows[0], rows[3], rows[1], rows[4], rows[2], rows[5]]
    frame = pd.DataFrame(interleaved)
    result = replykit.audit(frame, workers=1)
    assert result.replies == replykit.audit(rows, workers=1).replies
    findings = result.findings
    assert list(findings.columns) == list(replykit.FindingRow._fields)
    assert len(findings) == sum(len(r.findings) for r in result.replies)
    summary = result.summary
    assert str(summary["sent_at"].dtype) == "datetime64[ns, UTC]"
    assert summary["total"].tolist() == [len(r.findings) for r in result.replies]


def test_dataframe_without_message_ids_uses_its_index():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"text": REPLIES[:2]}, index=[10, 20])
    assert [r.reply_id for r in replykit.audit(frame, workers=1).replies] == [10, 20]


# --- progress ------------------------------------------------------------------------------------------


def test_progress_line_without_tqdm(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    monkeypatch.setattr(progress, "_DELAY", 0.0)
    monkeypatch.setattr(progress, "_INTERVAL", 0.0)
    replykit.audit(REPLIES * 4, workers=1, chunk_size=5, progress=True)
    err = capsys.readouterr().err
    assert "replykit audit: 20/20 rows (100%)" in err and err.endswith("\n")


def test_progress_is_off_by_default_when_not_a_terminal(capsys):
    replykit.audit(REPLIES, workers=1)
    assert capsys.readouterr().err == ""


# --- the shipped sample export, end to end --------------------------------------------------------------

SAMPLE = Path(__file__).parents[1] / "examples" / "sample_export.csv"
ZENDESK = {
    "conversation": "ticket_id", "message_id": "comment_id", "role": "author_role", "agent": "author_name",
    "public": "public", "text": "body", "sent_at": "created_at", "channel": "via_channel", "locale": "locale",
    "customer": {"first_name": "requester_first_name", "gender": "requester_gender"}, "timezone": "Europe/Moscow",
}  # fmt: skip


def test_sample_export_audits_the_same_from_csv_and_from_pandas():
    pd = pytest.importorskip("pandas")
    streamed = replykit.audit(replykit.read_csv(SAMPLE), columns=ZENDESK, workers=1)
    framed = replykit.audit(pd.read_csv(SAMPLE), columns=ZENDESK, workers=1)
    assert len(streamed) == sum(1 for r in replykit.read_csv(SAMPLE) if r["author_role"] == "agent" and r["public"] == "true")
    assert not streamed.counts["failed"]
    assert [(str(r.reply_id), [f.code for f in r.findings], r.sent_at) for r in streamed.replies] == [
        (str(r.reply_id), [f.code for f in r.findings], r.sent_at) for r in framed.replies
    ]
    assert {"RK105", "RK107"} <= {code for code, _ in streamed.counts["by_rule"]}


def test_a_conversation_id_must_be_a_value():
    with pytest.raises(InputError, match="single value"):
        replykit.audit([{"text": "Здравствуйте!", "conversation_id": ["a", "b"]}], workers=1)


# --- messy exports never crash an audit -------------------------------------------------------------

_VALUES = {
    "text": st.one_of(st.text(max_size=40), st.none(), st.integers(), st.just(float("nan")), st.just("Привет!\x00")),
    "role": st.sampled_from(["agent", "customer", "end-user", "Admin", "note", "robot", None, 1, True, ""]),
    "sent_at": st.sampled_from(["2024-03-01T10:00:00Z", "2024-03-01 09:00", "yesterday", None, 1_700_000_000,
                                float("nan"), "2024-02-30T10:00:00Z"]),
    "channel": st.sampled_from(["chat", "EMAIL", "whatsapp", "pigeon", None, 7]),
    "conversation_id": st.sampled_from([None, "a", "b", 1, float("nan")]),
    "locale": st.sampled_from([None, "ru", "en_US", "xx-yy", "", 5]),
    "first_name": st.sampled_from([None, "Мария", "", 3]),
    "gender": st.sampled_from([None, "f", "M", "other"]),
    "timezone": st.sampled_from([None, "Europe/Berlin", "Mars/Olympus"]),
}  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.fixed_dictionaries({}, optional=_VALUES), min_size=1, max_size=8))
def test_any_message_table_is_audited_or_explained(rows):
    for row in rows:
        row.setdefault("text", "")  # the text column must exist; its values may be anything
    result = replykit.audit(rows, workers=1, contiguous=False)
    for reply in result.replies:
        assert (reply.failure is None) == (reply.language is not None), reply
    assert len(_rows(result.summary)) == len(result.replies)


def test_customer_fields_reach_the_checks():
    rows = [{"text": "Здравствуйте, Мария!", "first_name": "Ольга", "gender": "Ж"},
            {"text": "Здравствуйте, Мария!", "first_name": "Ольга", "gender": "other"}]  # fmt: skip
    expected = replykit.check(rows[0]["text"], customer=replykit.Customer(first_name="Ольга", gender="female"))
    assert expected.codes() != replykit.check(rows[0]["text"]).codes()  # the customer matters here
    first, second = replykit.audit(rows, workers=1).replies
    assert [f.code for f in first.findings] == expected.codes()
    assert second.failure is None  # a gender that is neither is not assumed, not an error


def test_progress_shows_by_default_in_a_notebook(monkeypatch):
    class KernelStream(io.StringIO):  # what ipykernel puts in sys.stderr: not a terminal
        pass

    KernelStream.__module__ = "ipykernel.iostream"
    stream = KernelStream()
    monkeypatch.setattr(sys, "stderr", stream)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    monkeypatch.setattr(progress, "_DELAY", 0.0)
    monkeypatch.setattr(progress, "_INTERVAL", 0.0)
    replykit.audit(REPLIES, workers=1, chunk_size=1)
    assert "replykit audit: 5/5 rows (100%)" in stream.getvalue()


def test_the_documented_freshdesk_mapping(tmp_path):
    freshdesk = {
        "conversation": "ticket_id", "message_id": "id", "text": "body_text", "role": "incoming",
        "private": "private", "sent_at": "created_at", "channel": "ticket_source", "agent": "user_id",
        "roles": {"true": "customer", "false": "agent"},
        "channels": {"1": "email", "2": "email", "3": "phone", "7": "chat", "10": "email"},
    }  # fmt: skip
    rows = [
        {"id": 1, "ticket_id": 9, "incoming": True, "private": False, "body_text": "Где заказ?",
         "created_at": "2024-03-01T10:00:00Z", "ticket_source": 7, "user_id": 501},
        {"id": 2, "ticket_id": 9, "incoming": False, "private": True, "body_text": "Проверить склад",
         "created_at": "2024-03-01T10:01:00Z", "ticket_source": 7, "user_id": 77},
        {"id": 3, "ticket_id": 9, "incoming": False, "private": False, "body_text": "Привет! Заказ в пути.",
         "created_at": "2024-03-01T10:02:00Z", "ticket_source": 7, "user_id": 77},
    ]  # fmt: skip
    path = tmp_path / "freshdesk.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    [reply] = replykit.audit(replykit.read_jsonl(path), columns=freshdesk, workers=1).replies
    assert (reply.reply_id, reply.agent, reply.channel, reply.failure) == (3, 77, "chat", None)
    at = [datetime.fromisoformat(r["created_at"]) for r in rows]
    conversation = replykit.Conversation(messages=(  # the note is not part of it
        Message(role="customer", text=rows[0]["body_text"], channel="chat", sent_at=at[0]),
        Message(role="agent", text=rows[2]["body_text"], channel="chat", sent_at=at[2]),
    ))  # fmt: skip
    assert [f.code for f in reply.findings] == replykit.check(conversation).codes()
