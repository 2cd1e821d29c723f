"""The command line: inputs, formats, errors that let a batch go on, help that teaches."""

from __future__ import annotations

import gc
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from wedlug.cli import build_parser, main
from wedlug.runtime import BATCH_THRESHOLDS

EXAMPLE = ROOT / "examples" / "artykul.txt"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    out, err = capsys.readouterr()
    return status, out, err


def test_one_file_gives_one_json_record(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["analyze", str(EXAMPLE)], capsys)
    record = json.loads(out)
    assert status == 0
    assert record["schema"] == "wedlug.article/1"
    assert record["source"] == str(EXAMPLE)
    assert record["title"].startswith("Spór o elektrownię")
    assert {r["reason"] for r in record["removed"]} == {"video teaser", "see also"}
    assert "tokens" not in record


def test_a_batch_runs_with_a_larger_young_generation(capsys: pytest.CaptureFixture[str]) -> None:
    """`wedlug analyze` sets the collector's thresholds for a batch (wedlug/runtime.py);
    the library alone leaves Python's."""
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        from wedlug import analyze
        analyze("Premier zapowiedział w piątek nowe przepisy.")
        assert gc.get_threshold() == (700, 10, 10)
        status, _, _ = run(["analyze", str(EXAMPLE)], capsys)
        assert status == 0 and gc.get_threshold() == BATCH_THRESHOLDS
    finally:
        gc.set_threshold(*before)


def test_tokens_flag_adds_tokens(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["analyze", "--tokens", str(EXAMPLE)], capsys)
    tokens = json.loads(out)["tokens"]
    assert {"start", "end", "text", "lemma", "tag", "sentence"} <= tokens[0].keys()


def test_batch_goes_on_past_a_bad_file_and_exits_non_zero(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Sejm przyjął ustawę o mediach publicznych.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary\x00")
    (tmp_path / "c.txt").write_bytes("Senat odrzucił poprawki, zażółć gęślą jaźń.".encode("iso-8859-2"))
    status, out, err = run(["analyze", str(tmp_path)], capsys)
    records = [json.loads(line) for line in out.splitlines()]
    assert status == 1
    assert [r.get("error", {}).get("code") for r in records] == [None, "binary", None]
    assert records[2]["text"].startswith("Senat odrzucił")
    assert "binary" in err


def test_output_file_and_text_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.txt"
    status, out, _ = run(["analyze", "--format", "text", "-o", str(target), str(EXAMPLE)], capsys)
    assert status == 0 and out == ""
    shown = target.read_text(encoding="utf-8")
    assert "Title: Spór o elektrownię" in shown and "Statements:" in shown


def test_standard_input_and_published(monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    raw = "Minister zapowiedział reformę.".encode("cp1250")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    status, out, _ = run(["analyze", "-", "--published", "2024-09-15"], capsys)
    record = json.loads(out)
    assert status == 0
    assert (record["source"], record["published"]) == ("-", "2024-09-15")
    assert record["text"] == "Minister zapowiedział reformę."


def test_bad_date_is_refused_with_the_expected_form(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["analyze", "--published", "15.09.2024", str(EXAMPLE)])
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_english_text_gets_a_not_polish_warning(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    english = tmp_path / "en.txt"
    english.write_text("The minister said on Thursday that the government would not raise taxes "
                       "next year, according to a spokesman.", encoding="utf-8")
    status, out, err = run(["analyze", str(english)], capsys)
    assert status == 0
    assert json.loads(out)["warnings"][0]["code"] == "not_polish"
    assert "Polish" in err


def test_help_teaches_every_option() -> None:
    parser = build_parser()
    sub = parser._subparsers._group_actions[0].choices["analyze"]  # type: ignore[union-attr]
    text = sub.format_help()
    for option in ("--format", "--published", "--tokens", "--output", "--quiet", "examples:"):
        assert option in text


def test_readme_commands_are_the_ones_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "wedlug analyze examples/artykul.txt" in readme
    test_command = "python -m pytest"
    assert test_command in readme and test_command in ci


def test_module_entry_point_runs() -> None:
    done = subprocess.run([sys.executable, "-m", "wedlug", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "analyze" in done.stdout
