"""The database connection every store module talks through: one SQL text for both dialects."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

Row = dict[str, Any]
Params = Sequence[Any]


class Database:
    """A connection with `?` placeholders, explicit transactions and rows as dicts.

    SQLite and PostgreSQL subclasses translate what differs (placeholders, types, full text);
    everything else in `wedlug.store` and `wedlug.query` is written once.
    """

    dialect = "base"
    #: SQL type names that differ: REAL is 4 bytes in PostgreSQL, BLOB is BYTEA there.
    types: dict[str, str] = {"FLOAT": "REAL", "BLOB": "BLOB"}

    def __init__(self, url: str) -> None:
        self.url = url
        self.in_transaction = False

    def sql(self, text: str) -> str:
        """Return `text` in this dialect's placeholder style."""
        return text

    def execute(self, sql: str, params: Params = ()) -> None:
        """Run one statement."""
        raise NotImplementedError

    def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        """Run one statement for every row of parameters."""
        raise NotImplementedError

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        """Run a query and return its rows as dicts."""
        raise NotImplementedError

    def stream(self, sql: str, params: Params = ()) -> Iterator[Row]:
        """Yield a query's rows one by one, without holding them all (for exports)."""
        raise NotImplementedError

    def begin(self) -> None:
        """Start a write transaction (the one writer holds the database's write lock)."""
        raise NotImplementedError

    def commit(self) -> None:
        """Commit the transaction begun by `begin`."""
        self.execute("COMMIT")
        self.in_transaction = False

    def rollback(self) -> None:
        """Abandon the transaction begun by `begin`."""
        if self.in_transaction:
            self.execute("ROLLBACK")
            self.in_transaction = False

    def close(self) -> None:
        """Close the connection."""
        raise NotImplementedError

    def tables(self) -> set[str]:
        """Return the names of the tables that exist."""
        raise NotImplementedError

    def full_text(self, terms: list[list[str]]) -> tuple[str, str, str]:
        """Return (condition, score, query) for a search of the articles `a`.

        `terms` is a conjunction of alternatives: every inner list must have one of its words
        among the article's base forms. `condition` holds for the originals that match,
        `score` is the relevance of one (higher is better); both take `query` as their one
        parameter (an FTS5 MATCH expression or a tsquery, as text).
        """
        raise NotImplementedError
