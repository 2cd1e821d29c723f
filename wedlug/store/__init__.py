"""The store: SQLite by default (a file), PostgreSQL for a `postgresql://` URL.

`open_store(url)` connects and applies pending migrations; reads go through `Store`,
writes through its one `Writer` (`store.writer()`).
"""

from __future__ import annotations

from typing import Any

from wedlug.store.base import Database, Row
from wedlug.store.migrations import migrate
from wedlug.store.postgres import is_postgres_url
from wedlug.store.schema import SourceRow, StoredArticle
from wedlug.store.writer import Writer

__all__ = ["Database", "SourceRow", "Store", "StoredArticle", "Writer", "connect", "open_store"]


def connect(url: str) -> Database:
    """Connect to the database `url` names: a PostgreSQL URL, else a SQLite path."""
    if is_postgres_url(url):
        from wedlug.store.postgres import PostgresDatabase

        return PostgresDatabase(url)
    from wedlug.store.sqlite import SqliteDatabase

    return SqliteDatabase(url)


class Store:
    """Reads of the store; `writer()` gives the one object that writes."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._writer: Writer | None = None

    def writer(self, **options: Any) -> Writer:
        """Return the store's writer (one per store)."""
        if self._writer is None:
            self._writer = Writer(self.db, **options)
        return self._writer

    def source(self, key: str) -> Row | None:
        """Return the row of a source, or None when it was never seen."""
        rows = self.db.query("SELECT * FROM sources WHERE key = ?", (key,))
        return rows[0] if rows else None

    def has_article(self, article_id: str) -> bool:
        """Tell whether an article with this id (sha256 of its text) is stored."""
        return bool(self.db.query("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def near_duplicate_candidates(self, bands: list[tuple[int, int]]) -> list[Row]:
        """Return originals (not copies) sharing a MinHash band: `article_id`, `signature`."""
        if not bands:
            return []
        # One indexed lookup per band, and the bands go first (COALESCE keeps the planner off
        # the dup_of index, which would visit every original): the cost does not grow with the store.
        lookups = " UNION ".join("SELECT article_id FROM minhash_bands WHERE band = ? AND bucket = ?"
                                 for _ in bands)
        params = [value for band in bands for value in band]
        return self.db.query(
            f"""SELECT m.article_id, m.signature FROM minhashes m
                JOIN articles a ON a.id = m.article_id
                WHERE m.article_id IN ({lookups}) AND COALESCE(a.dup_of, '') = ''""", params)

    def count(self, table: str) -> int:
        """Return the number of rows of a table."""
        return int(self.db.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"])

    def close(self) -> None:
        """Commit what the writer holds and close the connection."""
        if self._writer is not None:
            self._writer.flush()
        self.db.close()


def open_store(url: str, *, apply_migrations: bool = True) -> Store:
    """Open the store at `url` (SQLite path or `postgresql://…`), migrating it first."""
    db = connect(url)
    if apply_migrations:
        migrate(db)
    return Store(db)
