"""PostgreSQL through psycopg 3: an advisory lock for the one writer, `tsvector` for full text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from wedlug.store.base import Database, Params, Row

# Any fixed number: every wedlug writer takes the same transaction-level advisory lock.
WRITER_LOCK = 0x77656474


def _lexeme(word: str) -> str:
    return "'" + word.replace("'", "''").replace("\\", "\\\\") + "'"


class PostgresDatabase(Database):
    """A PostgreSQL database named by a `postgresql://` URL."""

    dialect = "postgresql"
    types = {"FLOAT": "DOUBLE PRECISION", "BLOB": "BYTEA"}

    def __init__(self, url: str) -> None:
        super().__init__(url)
        import psycopg
        from psycopg.rows import dict_row

        self.conn = psycopg.connect(url, autocommit=True, row_factory=dict_row)

    def sql(self, text: str) -> str:
        """Turn `?` placeholders into psycopg's `%s` (and protect literal percent signs)."""
        return text.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params: Params = ()) -> None:
        """Run one statement."""
        self.conn.execute(self.sql(sql), params or None)  # type: ignore[arg-type]

    def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        """Run one statement for every row of parameters."""
        with self.conn.cursor() as cur:
            cur.executemany(self.sql(sql), list(rows))  # type: ignore[arg-type]

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        """Run a query and return its rows as dicts."""
        return list(self.conn.execute(self.sql(sql), params or None).fetchall())  # type: ignore[arg-type]

    def stream(self, sql: str, params: Params = ()) -> Iterator[Row]:
        """Yield a query's rows through a server-side cursor, a thousand at a time."""
        with self.conn.transaction(), self.conn.cursor(name="wedlug_stream") as cursor:
            cursor.itersize = 1000
            cursor.execute(self.sql(sql), params or None)  # type: ignore[arg-type]
            yield from cursor

    def begin(self) -> None:
        """Begin, and wait for the writer lock so that writers queue."""
        self.conn.execute("BEGIN")
        self.in_transaction = True
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def tables(self) -> set[str]:
        """Return the names of the tables that exist in the current schema."""
        rows = self.query("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        return {r["tablename"] for r in rows}

    def full_text(self, terms: list[list[str]]) -> tuple[str, str, str]:
        """Search the `tsvector` of base forms; rank by `ts_rank`."""
        query = " & ".join("(" + " | ".join(_lexeme(w) for w in alts) + ")" for alts in terms)
        return ("a.search @@ to_tsquery('simple', ?)", "ts_rank(a.search, to_tsquery('simple', ?))", query)


def is_postgres_url(url: str) -> bool:
    """Tell whether `--db` names a PostgreSQL database."""
    return re.match(r"postgres(ql)?://", url) is not None
