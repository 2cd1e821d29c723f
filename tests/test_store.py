"""The store: named migrations in a transaction, one writer, every row once, on SQLite and
PostgreSQL alike (PostgreSQL tests fail in CI without a server and skip elsewhere)."""

from __future__ import annotations

import json

import pytest

from tests.storehelp import put, search_index_problems, stored
from wedlug.query import Filters, search
from wedlug.store import Store, connect, open_store
from wedlug.store.migrations import MIGRATIONS, Migration, applied, migrate
from wedlug.store.schema import SourceRow

TEXT = ("Minister zdrowia Adam Nowak powiedział w poniedziałek, że szpitale dostaną 2 mld zł. "
        "Według resortu pieniądze trafią do placówek do końca marca.")
OTHER = ("Premier zapowiedział, że rząd nie podniesie podatków w 2025 r. "
         "Opozycja twierdzi jednak, że deficyt wzrośnie o 30 mld zł.")


def counts(store: Store) -> dict[str, int]:
    return {t: store.count(t) for t in ("sources", "articles", "statements", "mentions", "amounts",
                                        "times", "entities", "minhashes")}


def test_migrations_are_named_applied_once_and_recorded(store_url: str) -> None:
    db = connect(store_url)
    assert migrate(db) == [m.name for m in MIGRATIONS]
    assert migrate(db) == []
    assert applied(db) == [m.name for m in MIGRATIONS]
    assert {"sources", "articles", "entities", "mentions", "statements", "amounts", "times"} <= db.tables()
    db.close()


def test_a_failing_migration_leaves_nothing_behind(store_url: str) -> None:
    db = connect(store_url)
    migrate(db)
    broken = Migration("0099_broken", common=("CREATE TABLE half_done (x INTEGER)", "CREATE TABLE oops ("))
    with pytest.raises(Exception):  # noqa: B017  (sqlite3 and psycopg raise their own kinds)
        migrate(db, (*MIGRATIONS, broken))
    assert "half_done" not in db.tables()
    assert "0099_broken" not in applied(db)
    db.close()


def test_article_and_its_rows_are_written_once(store: Store) -> None:
    article = stored(TEXT, published="2024-03-04")
    put(store, "a.txt", article)
    first = counts(store)
    assert first["articles"] == 1 and first["sources"] == 1 and first["statements"] >= 1
    put(store, "a.txt", article)
    put(store, "copy-of-a.txt", article)
    again = counts(store)
    assert again["articles"] == 1 and again["statements"] == first["statements"]
    assert again["sources"] == 2
    row = store.db.query("SELECT record, published, lemmas FROM articles")[0]
    assert json.loads(row["record"])["text"] == TEXT
    assert row["published"] == "2024-03-04" and "powiedzieć" in row["lemmas"]


def test_a_changed_source_replaces_its_article(store: Store) -> None:
    put(store, "a.txt", stored(TEXT))
    put(store, "a.txt", stored(OTHER))
    rows = store.db.query("SELECT text FROM articles")
    assert [r["text"] for r in rows] == [OTHER]
    orphans = store.db.query("SELECT COUNT(*) AS n FROM statements s WHERE NOT EXISTS "
                             "(SELECT 1 FROM articles a WHERE a.id = s.article_id)")
    assert orphans[0]["n"] == 0


def test_a_failure_is_recorded_then_cleared_by_success(store: Store) -> None:
    writer = store.writer()
    writer.put_failure(SourceRow("b.txt", "text", status="failed", error_code="binary",
                                 error_message="b.txt: this looks like a binary file"))
    writer.put_failure(SourceRow("b.txt", "text", status="failed", error_code="binary",
                                 error_message="b.txt: this looks like a binary file"))
    writer.flush()
    row = store.source("b.txt")
    assert row is not None and row["status"] == "failed" and row["attempts"] == 2
    assert row["error_code"] == "binary"
    put(store, "b.txt", stored(TEXT))
    row = store.source("b.txt")
    assert row is not None and row["status"] == "ok" and row["error_code"] is None


def test_an_error_inside_the_writer_rolls_the_batch_back(store: Store) -> None:
    article = stored(TEXT)
    with pytest.raises(RuntimeError), store.writer(batch_size=100) as writer:
        writer.put_article(SourceRow("a.txt", "text", article_id=article.id), article)
        raise RuntimeError("killed half-way")
    assert counts(store)["articles"] == 0 and counts(store)["statements"] == 0


def test_sqlite_file_uses_wal(tmp_path: object) -> None:
    path = f"{tmp_path}/w.db"
    opened = open_store(path)
    assert opened.db.query("PRAGMA journal_mode")[0]["journal_mode"] == "wal"
    opened.close()


def test_search_index_and_facts_follow_every_write() -> None:
    # SQLite keeps a date-ordered full-text index of the originals and an index of what the
    # filters ask about (search_facts), both by triggers: after each kind of write they must
    # say what the tables say.
    store = open_store(":memory:")
    original = stored(TEXT, published="2024-03-04", site="Portal A")
    put(store, "a.txt", original)
    put(store, "b.txt", stored(OTHER))  # no date: the oldest
    copy = stored(TEXT + " Więcej informacji wkrótce.", published="2024-03-05", site="Portal B")
    copy.signature, copy.dup_of = b"", original.id  # a copy, however the fingerprint would judge it
    put(store, "c.txt", copy)
    assert search_index_problems(store) == []
    rows = search(store, "szpital")
    assert [(r["id"], r["copies"]) for r in rows] == [(original.id, 1)]
    assert search(store, "szpital", Filters(site="Portal B")) == []  # the copy is not searched

    put(store, "a.txt", stored(OTHER + " Rząd odpowie w piątek."))  # the original goes; its copy stays
    assert search_index_problems(store) == []
    rows = search(store, "szpital", Filters(site="Portal B", kind="according_to"))
    assert [r["id"] for r in rows] == [copy.id]

    db = store.db
    db.execute("UPDATE articles SET published = '2023-12-31', site = 'Portal C' WHERE id = ?", (copy.id,))
    assert search_index_problems(store) == []
    rows = search(store, "szpital", Filters(until="2023-12-31", site="Portal C"))
    assert [r["id"] for r in rows] == [copy.id]
    db.execute("DELETE FROM mentions WHERE article_id = ?", (copy.id,))
    db.execute("DELETE FROM statements WHERE rowid = "
               "(SELECT MIN(rowid) FROM statements WHERE article_id = ?)", (copy.id,))
    assert search_index_problems(store) == []
    assert search(store, "szpital", Filters(entity="Adam Nowak")) == []
    db.execute("DELETE FROM articles WHERE id = ?", (copy.id,))
    assert search_index_problems(store) == []
    store.close()


def test_the_search_migration_indexes_what_was_stored_before_it(store_url: str) -> None:
    db = connect(store_url)
    migrate(db, MIGRATIONS[:2])
    store = Store(db)
    put(store, "a.txt", stored(TEXT, published="2024-03-04", site="Portal A"))
    put(store, "b.txt", stored(OTHER, published="2024-05-06"))
    assert migrate(db) == [m.name for m in MIGRATIONS[2:]]
    assert [r["published"] for r in search(store, "szpital", Filters(speaker="Adam Nowak"))] == ["2024-03-04"]
    assert len(search(store, "złoty")) == 2 and len(search(store, "złoty", window=1)) == 1
    if db.dialect == "sqlite":
        assert search_index_problems(store) == []
    else:
        assert db.query("SELECT COUNT(*) AS n FROM articles WHERE seq IS NULL")[0]["n"] == 0
    db.close()
