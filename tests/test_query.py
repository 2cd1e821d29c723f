"""Search in base forms, said, about, stats and export, on SQLite and PostgreSQL; the commands
and their help; near-duplicates found and counted once."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.storehelp import entity, put, statement, stored, with_annotations
from wedlug.cli import build_parser, main
from wedlug.query import Filters, about, export, said, search, stats
from wedlug.store import Store

KREML = ("Rosja wystrzeliła w nocy kilkadziesiąt pocisków na Kijów. Prezydent Ukrainy Wołodymyr "
         "Zełenski powiedział, że obrona przeciwlotnicza zestrzeliła większość z nich. „Rozmowy z "
         "Władimirem Putinem nie mają dziś sensu” – stwierdził Zełenski.")
NATO = ("Sekretarz generalny NATO Jens Stoltenberg oświadczył we wtorek, że sojusz nie wyśle wojsk na "
        "Ukrainę. Stoltenberg zaprzeczył, że NATO planuje taką operację. Jak dodał, państwa członkowskie "
        "przekażą Kijowowi kolejne systemy obrony powietrznej i amunicję artyleryjską, a ministrowie "
        "obrony spotkają się w czerwcu w Brukseli.")
SEJM = ("Sejm przyjął ustawę o ochronie ludności. Minister spraw wewnętrznych Tomasz Siemoniak "
        "powiedział, że na schrony trafi 5 mld zł w ciągu trzech lat.")
ARTICLES = {
    "kreml.txt": (KREML, {"published": "2024-05-02", "site": "Portal Wschodni"}, [
        statement(KREML, "Prezydent Ukrainy Wołodymyr Zełenski", "powiedział",
                  "obrona przeciwlotnicza zestrzeliła większość z nich", entity="pl:Wołodymyr Zełenski"),
        statement(KREML, "Zełenski", "stwierdził", "Rozmowy z Władimirem Putinem nie mają dziś sensu",
                  kind="direct", entity="pl:Wołodymyr Zełenski")],
        [entity(KREML, "pl:Wołodymyr Zełenski", "Wołodymyr Zełenski", "person", "Wołodymyr Zełenski"),
         entity(KREML, "pl:Władimir Putin", "Władimir Putin", "person", "Władimirem Putinem")]),
    "nato.txt": (NATO, {"published": "2024-03-12", "site": "Portal Zachodni"}, [
        statement(NATO, "Jens Stoltenberg", "oświadczył", "sojusz nie wyśle wojsk na Ukrainę"),
        statement(NATO, "Stoltenberg", "zaprzeczył", "NATO planuje taką operację", polarity="deny")],
        [entity(NATO, "pl:NATO", "NATO", "organization", "NATO")]),
    "sejm.txt": (SEJM, {"published": "2024-11-20", "site": "Portal Wschodni"}, [
        statement(SEJM, "Minister spraw wewnętrznych Tomasz Siemoniak", "powiedział",
                  "na schrony trafi 5 mld zł w ciągu trzech lat")], []),
}
COPY = NATO + "\nZobacz też: Najnowsze wiadomości z kraju"


@pytest.fixture
def news(store: Store) -> Store:
    for key, (text, meta, statements, entities) in ARTICLES.items():
        put(store, key, with_annotations(stored(text, title=key, **meta), statements, entities))
    copy = stored(COPY, published="2024-03-12", site="Portal Trzeci", title="kopia.txt")
    put(store, "kopia.txt", with_annotations(copy, ARTICLES["nato.txt"][2], ARTICLES["nato.txt"][3]))
    assert copy.dup_of is not None
    return store


def titles(rows: list[dict[str, object]]) -> list[str]:
    return sorted(str(r["title"]) for r in rows)


@pytest.mark.parametrize(("query", "first_word"), [
    ("Putin", "kreml.txt"),          # finds "Putinem"
    ("pocisk", "kreml.txt"),         # finds "pocisków"
    ("ustawy", "sejm.txt"),          # an inflected query finds "ustawę"
    ("schron", "sejm.txt"),
])
def test_search_finds_inflected_forms(news: Store, query: str, first_word: str) -> None:
    assert titles(search(news, query)) == [first_word]


def test_search_shows_a_syndicated_story_once_with_its_copies(news: Store) -> None:
    rows = search(news, "sojusz")
    assert len(rows) == 1 and rows[0]["copies"] == 1


def test_search_filters(news: Store) -> None:
    assert titles(search(news, "", Filters(since="2024-04-01"))) == ["kreml.txt", "sejm.txt"]
    assert titles(search(news, "", Filters(until="2024-04-01"))) == ["nato.txt"]
    assert titles(search(news, "", Filters(site="Portal Wschodni"))) == ["kreml.txt", "sejm.txt"]
    assert titles(search(news, "Ukraina", Filters(polarity="deny"))) == ["nato.txt"]
    rows = search(news, "", Filters(speaker="Zełenski", kind="direct"))
    assert titles(rows) == ["kreml.txt"] and rows[0]["statements"]
    assert all(s["kind"] == "direct" for s in rows[0]["statements"])


def test_said_about_and_stats_count_copies_once(news: Store) -> None:
    rows = said(news, "Stoltenberg")
    assert [r["polarity"] for r in rows] == ["assert", "deny"]  # the copy's statements not again
    assert len(said(news, "Zełenski")) == 2
    assert [r["title"] for r in about(news, "Putin")] == ["kreml.txt"]  # by base form, via its entity
    assert [r["title"] for r in about(news, "NATO")] == ["nato.txt"]
    assert titles(search(news, "", Filters(entity="Władimir Putin"))) == ["kreml.txt"]
    summary = stats(news)
    assert summary["articles"] == 3 and summary["near_duplicates"] == 1
    assert summary["sources"] == {"ok": 4} and summary["statements"] == 5
    assert summary["top_speakers"][0] == {"speaker": "Wołodymyr Zełenski", "statements": 2}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("what", ["records", "statements", "entities", "amounts"])
def test_export(news: Store, what: str, fmt: str) -> None:
    out: io.StringIO | io.BytesIO = io.BytesIO() if fmt == "parquet" else io.StringIO()
    count = export(news, what, fmt, out)
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.getvalue().splitlines()]  # type: ignore[union-attr]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))  # type: ignore[arg-type]
    else:
        import pyarrow.parquet as pq

        rows = pq.read_table(io.BytesIO(out.getvalue())).to_pylist()  # type: ignore[arg-type]
    assert len(rows) == count
    if what == "records":
        assert count == 4
        if fmt == "jsonl":
            assert {r["schema"] for r in rows} == {"wedlug.article/1"}


def test_commands_for_a_person_and_for_scripts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for key, (text, *_) in ARTICLES.items():
        (folder / key).write_text(text, encoding="utf-8")
    db = str(tmp_path / "news.db")
    assert main(["ingest", str(folder), "--db", db, "-q"]) == 0
    capsys.readouterr()
    assert main(["search", "Putin", "--db", db]) == 0
    assert "Rosja wystrzeliła" in capsys.readouterr().out
    assert main(["search", "pocisk", "--db", db, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["source"].endswith("kreml.txt")
    assert main(["said", "Stoltenberg", "--db", db, "--format", "csv"]) == 0
    assert "content" in capsys.readouterr().out.splitlines()[0]
    assert main(["said", "Stoltenberg", "--db", db]) == 0
    assert "speaker" in capsys.readouterr().out
    assert main(["stats", "--db", db]) == 0
    assert "articles: 3" in capsys.readouterr().out
    assert main(["about", "NATO", "--db", db, "--format", "json"]) == 0
    json.loads(capsys.readouterr().out)
    target = tmp_path / "st.parquet"
    assert main(["export", "--what", "statements", "--format", "parquet", "-o", str(target), "--db", db]) == 0
    assert target.stat().st_size > 0


def test_every_store_command_is_in_the_readme_and_teaches_by_example() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices  # type: ignore[union-attr]
    for name in ("ingest", "search", "said", "about", "stats", "export"):
        assert f"wedlug {name}" in readme, name
        assert "examples:" in (commands[name].epilog or ""), name
