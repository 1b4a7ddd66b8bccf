"""`replykit audit`: an export in, findings or per-reply rows out, the same as `replykit.audit`."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

import replykit
from replykit.auditing.importers import read_csv
from replykit.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SAMPLE = EXAMPLES / "sample_export.csv"
COLUMNS = EXAMPLES / "sample_export_columns.toml"


def run(capsys, *argv):
    code = main(["audit", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def api_audit():
    import tomllib

    columns = tomllib.loads(COLUMNS.read_text(encoding="utf-8"))
    return replykit.audit(read_csv(SAMPLE), columns=columns, workers=1)


def test_findings_csv_matches_the_python_api(capsys):
    code, out, err = run(capsys, SAMPLE, "--columns", COLUMNS, "--workers", 1)
    rows = list(csv.DictReader(io.StringIO(out)))
    expected = [f for r in api_audit().replies for f in r.findings]
    assert code == 1  # the sample has replies that fail at "warning"
    assert len(rows) == len(expected) > 0
    assert [(r["reply_id"], r["code"], int(r["start"]), int(r["end"])) for r in rows] == [
        (str(f.reply_id), f.code, f.start, f.end) for f in expected
    ]
    assert f"{len(api_audit())} replies audited, {len(expected)} findings" in err


def test_summary_jsonl_has_one_row_per_reply(capsys):
    code, out, _ = run(capsys, SAMPLE, "--columns", COLUMNS, "--rows", "summary", "--format", "jsonl", "--workers", 1)
    rows = [json.loads(line) for line in out.splitlines()]
    replies = api_audit().replies
    assert [r["reply_id"] for r in rows] == [str(r.reply_id) for r in replies]
    assert [r["score"] for r in rows] == [r.score for r in replies]
    assert {"greetings", "passed", "failure", "sent_at"} <= rows[0].keys()


def test_column_pairs_override_the_file_and_reach_the_customer(capsys, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("id,who,msg,name\n1,end-user,Здравствуйте! Где заказ?,Мария\n"
                      "1,agent,\"Здравствуйте, Маша! Заказ в пути.\n\nС уважением,\nАнна\",Мария\n", encoding="utf-8")  # fmt: skip
    columns = tmp_path / "columns.toml"
    columns.write_text('conversation = "id"\nrole = "who"\ntext = "wrong"\n', encoding="utf-8")
    code, out, _ = run(capsys, export, "--columns", columns, "--column", "text=msg", "--column", "customer.first_name=name",
                       "--select", "RK3", "--workers", 1)  # fmt: skip
    assert code == 1
    assert "RK302" in out  # the diminutive "Маша" of the customer "Мария": only known from the customer column


def test_skip_role_leaves_rows_out(capsys, tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text('{"role": "bot", "text": "Привет, ты где?"}\n{"role": "agent", "text": "Здравствуйте!"}\n', encoding="utf-8")
    columns = tmp_path / "columns.toml"
    columns.write_text('[roles]\nbot = "skip"\n', encoding="utf-8")
    _, out, err = run(capsys, export, "--columns", columns, "--select", "RK201", "--workers", 1)
    assert "1 reply audited" in err and "RK201" not in out


def test_stdin_json_lines_and_a_passing_audit(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"text": "Заказ отправлен."}\n'))
    code, out, err = run(capsys, "-", "--input-format", "jsonl", "--select", "RK201", "--workers", 1)
    assert code == 0
    assert out == "reply_id,conversation_id,code,rule,family,severity,start,end,excerpt,message\n"
    assert "1 reply audited, 0 findings, 0 failing at warning" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--column", "text"), "--column takes FIELD=COLUMN"),
        (("--column", "text=nosuch"), "no column 'nosuch'"),
        (("--column", "colour=body"), "colour"),
    ],
)
def test_bad_mappings_fail_before_any_output(capsys, argv, message):
    code, out, err = run(capsys, SAMPLE, *argv, "--workers", 1)
    assert code == 2 and out == ""
    assert message in err


def test_missing_export_and_bad_columns_file(capsys, tmp_path):
    code, out, err = run(capsys, tmp_path / "none.csv")
    assert code == 2 and out == "" and "no such file" in err
    bad = tmp_path / "columns.toml"
    bad.write_text("text = [", encoding="utf-8")
    code, out, err = run(capsys, SAMPLE, "--columns", bad)
    assert code == 2 and out == "" and "not valid TOML" in err
