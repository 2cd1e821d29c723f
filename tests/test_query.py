"""Search in base forms, said, about, stats and export, on SQLite and PostgreSQL; the commands
and their help; near-duplicates found and counted once."""

from __future__ import annotations

import copy
import csv
import hashlib
import importlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.storehelp import (
    entity,
    fresh_postgres,
    put,
    search_index_problems,
    statement,
    stored,
    with_annotations,
)
from wedlug.cli import build_parser, main
from wedlug.query import Filters, about, export, said, search, stats
from wedlug.query.terms import query_terms
from wedlug.store import Store, StoredArticle, open_store

search_module = importlib.import_module("wedlug.query.search")

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


def test_search_dates_and_filters_with_words(news: Store) -> None:
    assert titles(search(news, "Ukraina", Filters(since="2024-03-12", until="2024-03-12"))) == ["nato.txt"]
    assert titles(search(news, "obrona", Filters(since="2024-03-13"))) == ["kreml.txt"]
    assert titles(search(news, "obrona", Filters(until="2024-05-01"))) == ["nato.txt"]
    assert titles(search(news, "obrona", Filters(site="Portal Wschodni", entity="Putin"))) == ["kreml.txt"]
    assert titles(search(news, "obrona", Filters(speaker="Zełenski", kind="direct"))) == ["kreml.txt"]
    assert search(news, "obrona", Filters(speaker="Zełenski", polarity="deny")) == []
    assert search(news, "obrona", Filters(entity="Nikt Taki")) == []


# "pocisk": three times in the oldest, once in each newer one (the newest is the shortest).
RANKED = {
    "stary.txt": ("Pierwszy pocisk spadł na magazyn. Drugi pocisk trafił w most, a trzeci pocisk "
                  "zniszczył stację kolejową.", "2019-01-10"),
    "sredni.txt": ("Wojsko pokazało w czwartek nowy pocisk na defiladzie w stolicy, a minister obiecał "
                   "kolejne zamówienia dla krajowych zakładów.", "2023-06-01"),
    "nowy.txt": ("Rząd kupi pocisk przeciwpancerny od krajowego producenta.", "2024-09-01"),
}


def test_search_ranks_the_newest_window_alike_in_both_databases(store: Store) -> None:
    for key, (text, published) in RANKED.items():
        put(store, key, stored(text, title=key, published=published))
    ranked = [r["title"] for r in search(store, "pocisk", window=None)]
    assert ranked == ["stary.txt", "nowy.txt", "sredni.txt"]  # every match ranked: most relevant first
    assert [r["title"] for r in search(store, "pocisk")] == ranked  # fewer matches than the window
    assert [r["title"] for r in search(store, "pocisk", window=2)] == ["nowy.txt", "sredni.txt"]
    assert [r["title"] for r in search(store, "pocisk", window=1)] == ["nowy.txt"]
    older = search(store, "pocisk", Filters(until="2023-12-31"), window=1)
    assert [r["title"] for r in older] == ["sredni.txt"]
    assert [r["title"] for r in search(store, "")] == ["nowy.txt", "sredni.txt", "stary.txt"]


def test_a_copy_is_found_once_its_original_is_gone(news: Store) -> None:
    put(news, "nato.txt", stored(SEJM + " Posłowie zbiorą się ponownie w grudniu."))
    rows = search(news, "sojusz")
    assert titles(rows) == ["kopia.txt"] and rows[0]["copies"] == 0


# Searches over a corpus of many articles sharing words, dates, sites and facts (below).
CASES = [("sojusz", Filters()), ("Ukraina", Filters(since="2024-02-11", until="2024-04-10")),
         ("aktualizacja", Filters(site="Portal 1")), ("aktualizacja", Filters(entity="Putin")),
         ("obrona", Filters(speaker="Zełenski", kind="direct")), ("sojusz", Filters(polarity="deny")),
         ("aktualizacja", Filters(speaker="Stoltenberg", polarity="deny", site="Portal 2")),
         ("pocisk", Filters(entity="NATO")), ("aktualizacja", Filters(until="2024-03-11")),
         ("", Filters(site="Portal 3")), ("", Filters(polarity="assert")), ("", Filters()),
         ("", Filters(speaker="Siemoniak", since="2024-03-01")),
         ("", Filters(site="Portal 1", until="2024-04-12"))]


@pytest.fixture(scope="module")
def variants() -> list[StoredArticle]:
    """60 articles made from the three above: dates with ties and gaps, four sites, copies."""
    bases = [with_annotations(stored(text, title=key, **meta), statements, entities)
             for key, (text, meta, statements, entities) in ARTICLES.items()]
    out: list[StoredArticle] = []
    originals: list[str] = []
    for i in range(60):
        article = copy.deepcopy(bases[i % 3])
        text = article.record["text"] + f" Aktualizacja {i}." + " Sojusz" * (i % 4)
        article.record.update(id=hashlib.sha256(text.encode()).hexdigest(), text=text,
                              published=None if i % 6 == 0 else f"2024-0{1 + i % 5}-1{i % 3}")
        article.lemmas += f" aktualizacja {i}" + " sojusz" * (i % 4)
        article.site = f"Portal {i % 4}"
        article.signature, article.bands = b"", []
        article.dup_of = originals[i // 2] if i % 7 == 3 else None
        if article.dup_of is None:
            originals.append(article.id)
        out.append(article)
    return out


def write_all(store: Store, articles: list[StoredArticle]) -> Store:
    for i, article in enumerate(articles):
        put(store, f"{i}.txt", article)
    return store


def test_fast_sqlite_search_gives_what_the_plain_query_gives(variants: list[StoredArticle],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # SQLite answers from a date-ordered index and `search_facts`; `_ranked_relational` asks
    # the same question of the tables themselves: windows, ties, undated articles, copies and
    # both ways of checking a filter (a set, or match by match) must give the same answer.
    store = write_all(open_store(":memory:"), variants)
    assert search_index_problems(store) == []
    for set_limit in (1, 4, 10**6):  # every filter checked match by match, some, or all as sets
        monkeypatch.setattr(search_module, "SET_LIMIT", set_limit)
        for query, filters in CASES:
            resolved = search_module._resolve(store, filters)
            terms = query_terms(query) if query else []
            for window in (None, 25, 3):
                if terms:
                    fast = search_module._ranked_sqlite(store, terms, resolved, window, 100)
                    plain = search_module._ranked_relational(store, terms, resolved, window, 100)
                else:
                    fast = search_module._newest_sqlite(store, resolved, 100)
                    plain = search_module._newest_relational(store, resolved, 100)
                case = (query, filters, window, set_limit)
                assert [r["id"] for r in fast] == [r["id"] for r in plain], case
    assert len(search(store, "aktualizacja", window=None, limit=100)) == 51  # every original
    store.close()


def test_both_databases_rank_the_same_window(variants: list[StoredArticle]) -> None:
    # BM25 and ts_rank order a window differently, but the window (the newest matches that
    # pass the filters) is the same; without words the order is the same too.
    urls = fresh_postgres()
    pg_url = next(urls)  # skips when there is no PostgreSQL (fails in CI)
    sqlite, pg = write_all(open_store(":memory:"), variants), write_all(open_store(pg_url), variants)
    try:
        for query, filters in CASES:
            for window in (None, 25, 3):
                limit = 100 if window is None else window
                ids = [[r["id"] for r in search(store, query, filters, window=window, limit=limit)]
                       for store in (sqlite, pg)]
                if query:
                    assert sorted(ids[0]) == sorted(ids[1]), (query, filters, window)
                else:
                    assert ids[0] == ids[1], (query, filters)
    finally:
        sqlite.close()
        pg.close()
        next(urls, None)  # drops the schema


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
    commands: Any = next(a for a in parser._actions if a.dest == "command").choices
    for name in ("ingest", "search", "said", "about", "stats", "export"):
        assert f"wedlug {name}" in readme, name
        assert "examples:" in (commands[name].epilog or ""), name
