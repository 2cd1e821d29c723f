"""Every span in every record is exactly the text at its offsets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DATA, ROOT, needs_shared
from wedlug import analyze


def spans(node: Any) -> Iterator[dict[str, Any]]:
    """Yield every dict with start, end and text anywhere in a record."""
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys():
            yield node
        for value in node.values():
            yield from spans(value)
    elif isinstance(node, list):
        for value in node:
            yield from spans(value)


def check_record(text: str) -> int:
    record = analyze(text).to_dict(tokens=True)
    assert record["text"] == text
    count = 0
    for span in spans({k: v for k, v in record.items() if k != "text"}):
        assert text[span["start"]:span["end"]] == span["text"], span
        count += 1
    for removal in record["removed"]:
        assert 0 <= removal["start"] < removal["end"] <= len(text)
    return count


POLISH_PIECES = ["Premier", " powiedział", ", że", " „", "”", '"', " - ", " – ", ".", " r.", " ok.",
                 " 1,6 mln", "\n", "\n\n", " Według", " PAP", " zaprzecza", " m.in.", "Zobacz też:",
                 " Kim Dzong Un", " Putinem", "\u00a0", "\t", "  ", "zrobiłem", "(KCNA)", "…", "?!"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(POLISH_PIECES), st.text(max_size=12)), max_size=40))
def test_offsets_hold_on_random_text(pieces: list[str]) -> None:
    check_record("".join(pieces))


def test_offsets_hold_on_the_bundled_example() -> None:
    text = (ROOT / "examples" / "artykul.txt").read_text(encoding="utf-8")
    assert check_record(text) > 100


@needs_shared
def test_offsets_hold_on_every_shared_article() -> None:
    files = sorted((DATA / "news" / "slavicner" / "raw").rglob("*.txt"))
    files.append(DATA.parent / "examples" / "seed-kcna.txt")
    assert len(files) > 900
    total = sum(check_record(Path(f).read_text(encoding="utf-8")) for f in files)
    assert total > 300_000


@pytest.mark.parametrize("text", [
    " Według",                       # a source phrase with nothing after it (found by hypothesis)
    "Zdaniem",
    "Minister powiedział:",
    "– zaznaczył.",
    "Pod koniec maja",
    "w wieku od 9 lat",
    "cytowany przez",
])
def test_records_of_truncated_text(text: str) -> None:
    assert check_record(text) >= 0
