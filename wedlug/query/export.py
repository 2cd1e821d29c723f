"""Export records, statements, entities, amounts or times as JSONL, CSV or Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any

from wedlug.store import Store
from wedlug.store.base import Row

TABLES = {
    "records": "SELECT record FROM articles ORDER BY ingested_at, id",
    "articles": """SELECT id, source, url, title, published, site, author, dup_of, similarity,
                          ingested_at, text FROM articles ORDER BY ingested_at, id""",
    "statements": """SELECT s.article_id, a.published, a.site, a.dup_of, s.idx, s.speaker,
                            s.speaker_base, s.speaker_entity, s.cue, s.content, s.kind, s.polarity,
                            s.source, s.confidence, s.start_char, s.end_char
                     FROM statements s JOIN articles a ON a.id = s.article_id
                     ORDER BY a.ingested_at, s.article_id, s.idx""",
    "entities": """SELECT e.id, e.name, e.type, e.kb, e.actor, COUNT(DISTINCT m.article_id) AS articles,
                          COUNT(m.article_id) AS mentions
                   FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id
                   GROUP BY e.id, e.name, e.type, e.kb, e.actor ORDER BY articles DESC, e.id""",
    "amounts": """SELECT m.article_id, a.published, a.dup_of, m.idx, m.text, m.value, m.low, m.high,
                         m.approx, m.unit, m.currency, m.object, m.statement, m.start_char, m.end_char
                  FROM amounts m JOIN articles a ON a.id = m.article_id
                  ORDER BY a.ingested_at, m.article_id, m.idx""",
    "times": """SELECT t.article_id, a.published, a.dup_of, t.idx, t.text, t.value, t.type,
                       t.start_char, t.end_char
                FROM times t JOIN articles a ON a.id = t.article_id
                ORDER BY a.ingested_at, t.article_id, t.idx""",
}
WHAT = tuple(TABLES)
INTEGERS = frozenset({"idx", "start_char", "end_char", "statements", "entities", "amounts",
                      "articles", "mentions", "approx", "statement"})
FLOATS = frozenset({"value", "low", "high", "confidence", "similarity"})
FORMATS = ("jsonl", "csv", "parquet")


def rows(store: Store, what: str) -> Iterator[Row]:
    """Yield the rows of one export; a record is the stored JSON, whole, as a dict."""
    for row in store.db.stream(TABLES[what]):
        if what == "records":
            yield json.loads(row["record"])
        else:
            yield row


def export(store: Store, what: str, fmt: str, out: IO[Any]) -> int:
    """Write an export to `out` (text for jsonl/csv, binary for parquet); return the row count."""
    if what not in TABLES:
        raise ValueError(f"cannot export {what!r}; choose one of {', '.join(WHAT)}")
    if fmt == "jsonl":
        count = 0
        for row in rows(store, what):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
        return count
    flat = (_flat_record(r) for r in rows(store, what)) if what == "records" else rows(store, what)
    if fmt == "csv":
        return _csv(flat, out)
    if fmt == "parquet":
        return _parquet(flat, out)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _flat_record(record: dict[str, Any]) -> Row:
    """A record as one row: its scalar fields, counts, and the whole record as JSON."""
    return {"id": record.get("id"), "source": record.get("source"), "url": record.get("url"),
            "title": record.get("title"), "published": record.get("published"),
            "site": record.get("site"), "statements": len(record.get("statements") or []),
            "entities": len(record.get("entities") or []), "amounts": len(record.get("amounts") or []),
            "text": record.get("text"), "record": json.dumps(record, ensure_ascii=False)}


def _csv(flat: Iterator[Row], out: IO[str]) -> int:
    writer: csv.DictWriter[str] | None = None
    count = 0
    for row in flat:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        count += 1
    return count


def _parquet(flat: Iterator[Row], out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    count, batch = 0, []
    for row in flat:
        batch.append(row)
        if len(batch) == 5000:
            writer = _write_batch(pa, pq, writer, batch, out)
            count, batch = count + len(batch), []
    if batch or writer is None:
        writer = _write_batch(pa, pq, writer, batch, out)
        count += len(batch)
    writer.close()
    return count


def _column_type(pa: Any, name: str) -> Any:
    """Columns are typed by name, so a first batch of nulls cannot fix a wrong type."""
    if name in INTEGERS:
        return pa.int64()
    return pa.float64() if name in FLOATS else pa.string()


def _write_batch(pa: Any, pq: Any, writer: Any, batch: list[Row], out: IO[bytes]) -> Any:
    if writer is None:
        names = list(batch[0]) if batch else ["id"]
        schema = pa.schema([(name, _column_type(pa, name)) for name in names])
        writer = pq.ParquetWriter(out, schema)
    columns = {name: [row.get(name) for row in batch] for name in writer.schema.names}
    writer.write_table(pa.Table.from_pydict(columns, schema=writer.schema))
    return writer
