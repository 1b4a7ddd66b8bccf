"""The replykit command: formats, exit codes, template vs sent mode, rules and explain."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from replykit.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(capsys, *argv, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def templates(tmp_path):
    (tmp_path / "ok.txt").write_text("Здравствуйте, {{ name }}!\n\nЗаказ отправлен.\n\nС уважением,\nАнна", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "bad.md").write_text("Привет!\nЗаказ отправлен.\n\nПока!", encoding="utf-8")
    (tmp_path / "skip.bin").write_bytes(b"\x00\x01")
    return tmp_path


def test_text_output_and_exit_code(capsys, templates):
    code, out, _ = run(capsys, "check", str(templates))
    assert code == 1
    assert "bad.md:1:1: RK107" in out and "bad.md:4:1: RK108" in out
    assert "bad.md: score " in out and "ok.txt: score" not in out
    assert "ok.txt" not in out.replace("Found", "")


def test_clean_files_exit_zero(capsys, templates):
    code, out, _ = run(capsys, "check", str(templates / "ok.txt"))
    assert code == 0 and "Found 0 findings in 1 file." in out


def test_fail_on_threshold(capsys, templates):
    code, _, _ = run(capsys, "check", "--fail-on", "error", str(templates))
    assert code == 0


def test_json_output(capsys, templates):
    _, out, _ = run(capsys, "check", "--format", "json", str(templates / "sub"))
    data = json.loads(out)
    assert data[0]["language"] == "ru"
    assert {f["code"] for f in data[0]["findings"]} == {"RK107", "RK108"}


def test_sarif_output(capsys, templates):
    _, out, _ = run(capsys, "check", "--format", "sarif", str(templates))
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    run0 = log["runs"][0]
    ids = {r["id"] for r in run0["tool"]["driver"]["rules"]}
    assert {res["ruleId"] for res in run0["results"]} <= ids
    region = run0["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 1 and region["startColumn"] == 1


def test_github_output(capsys, templates):
    _, out, _ = run(capsys, "check", "--format", "github", str(templates / "sub" / "bad.md"))
    assert out.startswith("::warning file=")
    assert "title=RK107 familiar-greeting::" in out


def test_stdin_is_a_sent_reply(capsys, monkeypatch):
    code, out, _ = run(capsys, "check", "--select", "RK107", stdin="Привет! Готово.", monkeypatch=monkeypatch)
    assert code == 1 and "-:1:1: RK107" in out


def test_usage_and_config_errors_exit_two(capsys, templates):
    assert run(capsys, "check", "--select", "NOPE", str(templates))[0] == 2
    assert run(capsys, "check", str(templates / "missing.txt"))[0] == 2
    (templates / "latin1.txt").write_bytes("Привет".encode("cp1251"))
    code, _, err = run(capsys, "check", str(templates / "latin1.txt"))
    assert code == 2 and "not UTF-8" in err
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "xml"])
    assert exc.value.code == 2


def test_config_file_is_used(capsys, templates):
    (templates / "replykit.toml").write_text('ignore = ["RK107", "RK108"]\n', encoding="utf-8")
    code, _, _ = run(capsys, "check", "--config", str(templates / "replykit.toml"), str(templates))
    assert code == 0


def test_rules_and_explain(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "RK101  missing-greeting" in out
    code, out, _ = run(capsys, "explain", "RK106")
    assert code == 0 and "wrong-time-of-day" in out and "| ru |" in out
    assert run(capsys, "explain", "RK000")[0] == 2


def test_docs_rule_catalogue_is_current():
    from replykit.catalogue import markdown

    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == markdown(), (
        "docs/rules.md is stale: run `replykit rules --format markdown > docs/rules.md`"
    )


def test_python_dash_m():
    result = subprocess.run(
        [sys.executable, "-m", "replykit", "check", "--sent", str(ROOT / "examples" / "reply_ru.txt")],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 1 and "RK107" in result.stdout
