"""Decoding and input handling: encodings, bad input, batches."""

from __future__ import annotations

from pathlib import Path

import pytest

from wedlug.reading import MAX_BYTES, decode, iter_inputs

POLISH = ("Rzecznik rządu zapewnił, że żadna decyzja w sprawie podwyżek cen gazu "
          "jeszcze nie zapadła. Źródła w ministerstwie mówią o październiku.")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1250", "iso-8859-2"])
def test_polish_text_decodes_from_every_encoding(encoding: str) -> None:
    decoded = decode(POLISH.encode(encoding))
    assert decoded.error is None
    assert decoded.text == POLISH


@pytest.mark.parametrize("short", ["Łódź", "Żółć gęsi.", "Świętokrzyskie, ślą źle"])
@pytest.mark.parametrize("encoding", ["cp1250", "iso-8859-2"])
def test_short_legacy_texts_decode(short: str, encoding: str) -> None:
    assert decode(short.encode(encoding)).text == short


@pytest.mark.parametrize(("raw", "code"), [
    (b"", "empty"),
    (b"   \n\t\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    (b"\x00\x01\x02\x03" * 50, "binary"),
])
def test_bad_input_gives_an_error_with_a_code(raw: bytes, code: str) -> None:
    decoded = decode(raw, "plik.txt")
    assert decoded.text is None
    assert decoded.error is not None and decoded.error.code == code
    assert "plik.txt" in decoded.error.message


def test_huge_input_is_refused_with_advice() -> None:
    decoded = decode(b"a" * (MAX_BYTES + 1))
    assert decoded.error is not None and decoded.error.code == "too_large"
    assert "ingest" in decoded.error.message


def test_directory_yields_txt_files_in_path_order_and_goes_on_past_bad_ones(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Drugi tekst po polsku.", encoding="utf-8")
    (tmp_path / "a.txt").write_bytes("Pierwszy tekst, zażółć gęślą jaźń.".encode("cp1250"))
    (tmp_path / "c.txt").write_bytes(b"\x00\xff\x00binary")
    (tmp_path / "ignored.json").write_text("{}", encoding="utf-8")
    inputs = list(iter_inputs([str(tmp_path), str(tmp_path / "missing.txt")]))
    assert [Path(i.source).name for i in inputs] == ["a.txt", "2.txt", "c.txt", "missing.txt"]
    assert [i.error.code if i.error else None for i in inputs] == [None, None, "binary", "not_found"]
    assert inputs[0].encoding == "cp1250"
