"""Helpers for the store, ingest and query tests: store URLs for both databases, articles."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

import wedlug
from wedlug.store import Store, StoredArticle, open_store
from wedlug.store.schema import SourceRow

PG_ENV = "WEDLUG_TEST_PG"


def postgres_url() -> str:
    """Return the DSN of the test PostgreSQL; fail in CI when there is none, skip elsewhere."""
    url = os.environ.get(PG_ENV)
    reason = (f"PostgreSQL test: {PG_ENV} is not set; `. .ci/postgres.sh` starts a server and sets it")
    if url:
        try:
            import psycopg

            psycopg.connect(url, connect_timeout=5).close()
            return url
        except Exception as err:  # any connection failure means the same: no server
            reason = f"PostgreSQL test: cannot connect to {url}: {err}"
    if os.environ.get("CI") == "true":
        pytest.fail(reason + " (CI must run it)")
    pytest.skip(reason)


def fresh_postgres() -> Iterator[str]:
    """Yield the URL of an empty PostgreSQL schema made for one test, dropped after it."""
    import psycopg

    url = postgres_url()
    schema = f"wedlug_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    joiner = "&" if "?" in url else "?"
    try:
        yield f"{url}{joiner}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: object) -> Iterator[str]:
    """A fresh store of each kind: an in-memory-like SQLite file and a PostgreSQL schema."""
    if request.param == "sqlite":
        yield ":memory:"
    else:
        yield from fresh_postgres()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An open, migrated store of each kind."""
    opened = open_store(store_url)
    try:
        yield opened
    finally:
        opened.close()


def stored(text: str, **meta: str) -> StoredArticle:
    """Analyse a text and return it ready for the writer (the way ingest prepares it)."""
    from wedlug.ingest.document import Document
    from wedlug.ingest.run import prepare

    published = meta.pop("published", None)
    article = wedlug.analyze(text, published=published, source=meta.get("url", "test"))
    fields: dict[str, Any] = dict(meta)  # url, site, title, author
    return prepare(article, Document(meta.get("url", "test"), "text", text=text, **fields))


def span(text: str, part: str) -> dict[str, object]:
    """Return the span of the first `part` in `text`."""
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part}


def statement(text: str, speaker: str | None, cue: str, content: str, kind: str = "indirect",
              polarity: str = "assert", entity: str | None = None) -> dict[str, object]:
    """Return a contract statement over `text` (hand-made, so tests do not hang on the model)."""
    who = {**span(text, speaker), "entity": entity, "resolved": False} if speaker else None
    return {"speaker": who, "cue": span(text, cue), "content": span(text, content), "kind": kind,
            "polarity": polarity, "source": None, "confidence": 0.9}


def entity(text: str, entity_id: str, name: str, kind: str, *forms: str) -> dict[str, object]:
    """Return a contract entity with one mention per form found in `text`."""
    return {"id": entity_id, "name": name, "type": kind, "kb": None, "actor": None,
            "mentions": [{**span(text, f), "base": name} for f in forms]}


def with_annotations(article: StoredArticle, statements: list[dict[str, object]],
                     entities: list[dict[str, object]]) -> StoredArticle:
    """Replace what the model found with hand-made statements and entities."""
    from wedlug.query.terms import base_form

    article.record["statements"], article.record["entities"] = statements, entities
    article.speaker_bases = [base_form(s["speaker"]["text"]) if s["speaker"] else None  # type: ignore[index]
                             for s in statements]
    return article


def put(store: Store, key: str, article: StoredArticle) -> None:
    """Write one article under a source key (as a copy when it is one) and commit."""
    from wedlug.dedup import mark_copy

    if article.signature is None:
        mark_copy(article, store)
    writer = store.writer()
    writer.put_article(SourceRow(key, "text", content_hash=article.id, article_id=article.id), article)
    writer.flush()


def search_index_problems(store: Store) -> list[str]:
    """Return how SQLite's search index and facts differ from what the tables hold (none: [])."""
    from wedlug.store.migrations import FACT_COLUMNS, search_key

    db, key = store.db, search_key("a")
    expected = {(f"site:{r['site']}", r["key"]) for r in db.query(
        f"SELECT a.site, {key} AS key FROM articles a WHERE a.site IS NOT NULL")}
    for table, columns in FACT_COLUMNS.items():
        for prefix, column in columns:
            expected |= {(r["fact"], r["key"]) for r in db.query(
                f"""SELECT '{prefix}' || c.{column} AS fact, {key} AS key FROM {table} c
                    JOIN articles a ON a.id = c.article_id WHERE c.{column} IS NOT NULL""")}
    facts = {(r["fact"], r["key"]) for r in db.query("SELECT fact, key FROM search_facts")}
    problems = [f"missing fact {f}" for f in sorted(expected - facts)]
    problems += [f"stale fact {f}" for f in sorted(facts - expected)]
    originals = {r["key"] for r in db.query(f"SELECT {key} AS key FROM articles a WHERE a.dup_of IS NULL")}
    indexed = {r["id"] for r in db.query("SELECT id FROM articles_fts_docsize")}
    if originals != indexed:
        problems.append(f"full text indexes {sorted(indexed)}, originals are {sorted(originals)}")
    try:
        db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    except Exception as err:  # sqlite3.DatabaseError: the index and its content differ
        problems.append(f"integrity-check: {err}")
    return problems
