"""The one writer: every change to the store goes through it, in batched transactions.

An article, its entities, mentions, statements, amounts, times, MinHash bands and its
source row are written in the same transaction, so a process killed at any moment leaves
either all of them or none; the next run redoes what was lost. Batching commits (every
`batch_size` sources or `max_seconds`) keeps the store's share of ingest time small.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from wedlug.store import schema
from wedlug.store.base import Database
from wedlug.store.schema import SourceRow, StoredArticle

CHILD_TABLES = ("mentions", "statements", "amounts", "times", "minhashes", "minhash_bands")

UPSERT_SOURCE = """
INSERT INTO sources (key, kind, content_hash, article_id, status, error_code, error_message,
                     attempts, etag, last_modified, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, content_hash = excluded.content_hash,
    article_id = excluded.article_id, status = excluded.status, error_code = NULL,
    error_message = NULL, attempts = sources.attempts + 1, etag = excluded.etag,
    last_modified = excluded.last_modified, updated_at = excluded.updated_at"""

# A failure keeps what an earlier success stored (article, hash, validators): only the
# status and the error change, so the next run tries again and nothing is lost meanwhile.
UPSERT_FAILURE = """
INSERT INTO sources (key, kind, content_hash, article_id, status, error_code, error_message,
                     attempts, updated_at)
VALUES (?, ?, ?, NULL, 'failed', ?, ?, 1, ?)
ON CONFLICT (key) DO UPDATE SET status = 'failed', error_code = excluded.error_code,
    error_message = excluded.error_message, attempts = sources.attempts + 1,
    updated_at = excluded.updated_at"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Writer:
    """Write sources and articles; commit every `batch_size` writes or `max_seconds`."""

    def __init__(self, db: Database, *, batch_size: int = 64, max_seconds: float = 2.0) -> None:
        self.db = db
        self.batch_size = batch_size
        self.max_seconds = max_seconds
        self.pending = 0
        self.started = 0.0

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if error is None:
            self.flush()
        else:
            self.db.rollback()

    def _open(self) -> None:
        if not self.db.in_transaction:
            self.db.begin()
            self.started = time.monotonic()

    def _written(self) -> None:
        self.pending += 1
        if self.pending >= self.batch_size or time.monotonic() - self.started >= self.max_seconds:
            self.flush()

    def flush(self) -> None:
        """Commit what is pending."""
        if self.db.in_transaction:
            self.db.commit()
        self.pending = 0

    def put_article(self, source: SourceRow, article: StoredArticle | None) -> bool:
        """Store a source and its article (None: the article is stored already).

        Return True when the article's rows were written now, False when it was there.
        """
        self._open()
        previous = self.db.query("SELECT article_id FROM sources WHERE key = ?", (source.key,))
        inserted = False
        if article is not None and not self.db.query(
                "SELECT 1 FROM articles WHERE id = ?", (article.id,)):
            self._insert_article(article)
            inserted = True
        now = _now()
        self.db.execute(UPSERT_SOURCE, (
            source.key, source.kind, source.content_hash, source.article_id, "ok", None, None,
            source.etag, source.last_modified, now))
        old = previous[0]["article_id"] if previous else None
        if old and old != source.article_id:
            self._drop_if_orphan(old)
        self._written()
        return inserted

    def put_failure(self, source: SourceRow) -> None:
        """Record that a source failed, with its error code and message."""
        self._open()
        self.db.execute(UPSERT_FAILURE, (source.key, source.kind, source.content_hash,
                                         source.error_code, source.error_message, _now()))
        self._written()

    def _insert_article(self, article: StoredArticle) -> None:
        record, db = article.record, self.db
        db.execute("""INSERT INTO articles (id, source, url, title, published, site, author, text,
                      lemmas, record, dup_of, similarity, ingested_at)
                      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                   schema.article_row(article, _now()))
        entities, mentions = schema.entity_rows(record)
        if entities:
            db.executemany("""INSERT INTO entities (id, name, type, kb, actor) VALUES (?, ?, ?, ?, ?)
                              ON CONFLICT (id) DO NOTHING""", entities)
        self._many("mentions", 6, mentions)
        self._many("statements", 13, schema.statement_rows(record, article.speaker_bases))
        self._many("amounts", 13, schema.amount_rows(record))
        self._many("times", 7, schema.time_rows(record))
        if article.signature is not None:
            db.execute("INSERT INTO minhashes (article_id, signature) VALUES (?, ?)",
                       (article.id, article.signature))
            self._many("minhash_bands", 3, [(band, bucket, article.id) for band, bucket in article.bands])

    def _many(self, table: str, width: int, rows: list[tuple[object, ...]]) -> None:
        if rows:
            marks = ", ".join("?" * width)
            self.db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)

    def _drop_if_orphan(self, article_id: str) -> None:
        """Delete an article no source refers to any more (its source's text changed)."""
        if self.db.query("SELECT 1 FROM sources WHERE article_id = ?", (article_id,)):
            return
        for table in CHILD_TABLES:
            self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        copies = self.db.query("SELECT id FROM articles WHERE dup_of = ? ORDER BY ingested_at, id",
                               (article_id,))
        if copies:
            # The earliest copy becomes the group's original; the rest point at it.
            first = copies[0]["id"]
            self.db.execute("UPDATE articles SET dup_of = NULL, similarity = NULL WHERE id = ?", (first,))
            self.db.execute("UPDATE articles SET dup_of = ? WHERE dup_of = ?", (first, article_id))
