"""SQLite: a file in WAL mode, `BEGIN IMMEDIATE` for the one writer, FTS5 for full text."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

from wedlug.store.base import Database, Params, Row
from wedlug.store.migrations import search_key


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


class SqliteDatabase(Database):
    """A SQLite file (or `:memory:`) with explicit transactions."""

    dialect = "sqlite"
    types = {"FLOAT": "REAL", "BLOB": "BLOB"}

    def __init__(self, path: str) -> None:
        super().__init__(path)
        # isolation_level=None: no implicit transactions; `begin` and `commit` say where they are.
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        if path != ":memory:":
            self.conn.execute("PRAGMA journal_mode=WAL")
        # WAL with synchronous=NORMAL survives a killed process intact; only a power cut may
        # lose the last commits, never corrupt the file.
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA busy_timeout=30000")
        self.conn.execute("PRAGMA cache_size=-65536")

    def execute(self, sql: str, params: Params = ()) -> None:
        """Run one statement."""
        self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        """Run one statement for every row of parameters."""
        self.conn.executemany(sql, rows)

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        """Run a query and return its rows as dicts."""
        return [dict(r) for r in self.conn.execute(sql, params).fetchall()]

    def stream(self, sql: str, params: Params = ()) -> Iterator[Row]:
        """Yield a query's rows one by one."""
        for row in self.conn.execute(sql, params):
            yield dict(row)

    def begin(self) -> None:
        """Take the write lock at once, so two writers queue instead of failing half-way."""
        self.conn.execute("BEGIN IMMEDIATE")
        self.in_transaction = True

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def tables(self) -> set[str]:
        """Return the names of the tables that exist."""
        rows = self.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        return {r[0] for r in rows}

    def full_text(self, terms: list[list[str]]) -> tuple[str, str, str]:
        """Search the FTS5 index of base forms (keyed by search key, originals only); BM25.

        This form reads one article at a time; `wedlug.query.search` reads the index newest
        first instead, and gives the same answers.
        """
        match = " AND ".join("(" + " OR ".join(_quote(w) for w in alts) + ")" for alts in terms)
        key = search_key("a")
        return (f"{key} IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
                f"-(SELECT bm25(articles_fts) FROM articles_fts WHERE articles_fts MATCH ? "
                f"AND articles_fts.rowid = {key})",
                match)
