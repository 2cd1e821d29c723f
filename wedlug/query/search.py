"""Full-text search over base forms, with filters on statements, entities, dates and sites.

Near-duplicate copies are left out: each group is found once, through its original,
with the number of copies shown beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from wedlug.query.terms import base_form, name_variants, query_terms
from wedlug.store import Store
from wedlug.store.base import Row


@dataclass(frozen=True, slots=True)
class Filters:
    """What a result must also satisfy; None means any."""

    speaker: str | None = None
    entity: str | None = None
    kind: str | None = None
    polarity: str | None = None
    since: str | None = None
    until: str | None = None
    site: str | None = None

    @property
    def on_statements(self) -> bool:
        """Tell whether the filters ask for a statement."""
        return any((self.speaker, self.kind, self.polarity))


def entity_ids(store: Store, name: str) -> list[str]:
    """Return the ids of the entities a name stands for: by id, by name, or by a word of the
    name (`Putin` finds `Władimir Putin`), in any case form the tagger knows."""
    variants = name_variants(name)
    marks = ", ".join("?" * len(variants))
    words = list(dict.fromkeys(v for v in variants[:3] if not v.startswith("pl:")))
    like = " OR ".join("(' ' || name || ' ') LIKE ?" for _ in words)
    rows = store.db.query(f"SELECT id FROM entities WHERE id IN ({marks}) OR name IN ({marks}) OR {like}",
                          variants + variants + [f"% {w} %" for w in words])
    return [r["id"] for r in rows]


def speaker_condition(store: Store, speaker: str, alias: str = "s") -> tuple[str, list[Any]]:
    """Return the SQL condition (and params) for statements whose speaker is `speaker`."""
    ids = entity_ids(store, speaker)
    base = base_form(speaker) or speaker.lower()
    parts = [f"(' ' || {alias}.speaker_base || ' ') LIKE ?"]
    params: list[Any] = [f"% {base} %"]
    if ids:
        parts.append(f"{alias}.speaker_entity IN ({', '.join('?' * len(ids))})")
        params += ids
    return "(" + " OR ".join(parts) + ")", params


def _statement_condition(store: Store, filters: Filters) -> tuple[str, list[Any]]:
    parts, params = ["s.article_id = a.id"], []
    if filters.speaker:
        condition, extra = speaker_condition(store, filters.speaker)
        parts.append(condition)
        params += extra
    for column, value in (("kind", filters.kind), ("polarity", filters.polarity)):
        if value:
            parts.append(f"s.{column} = ?")
            params.append(value)
    return " AND ".join(parts), params


def _conditions(store: Store, filters: Filters) -> tuple[list[str], list[Any]]:
    where, params = ["a.dup_of IS NULL"], []
    for clause, value in (("a.published >= ?", filters.since), ("a.published <= ?", filters.until),
                          ("a.site = ?", filters.site)):
        if value:
            where.append(clause)
            params.append(value)
    if filters.entity:
        ids = entity_ids(store, filters.entity)
        variants = name_variants(filters.entity)
        marks_ids = ", ".join("?" * len(ids)) or "NULL"
        where.append(f"""EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND
                         (m.entity_id IN ({marks_ids}) OR m.base IN ({', '.join('?' * len(variants))})))""")
        params += ids + variants
    if filters.on_statements:
        condition, extra = _statement_condition(store, filters)
        where.append(f"EXISTS (SELECT 1 FROM statements s WHERE {condition})")
        params += extra
    return where, params


def search(store: Store, query: str, filters: Filters | None = None, *, limit: int = 20) -> list[Row]:
    """Return the best-matching originals: id, title, published, site, url, snippet, copies."""
    filters = filters or Filters()
    terms = query_terms(query) if query.strip() else []
    where, params = _conditions(store, filters)
    if terms:
        source, match, order, match_params = store.db.full_text(terms)
        where.insert(0, match)
        params = match_params + params
    else:
        source, order = "articles a", "a.published DESC, a.id"
    rows = store.db.query(
        f"""SELECT a.id, a.title, a.published, a.site, a.url, a.source, a.text FROM {source}
            WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ?""", [*params, limit])
    _add_copies(store, rows)
    for row in rows:
        row["snippet"] = snippet(row.pop("text"), terms)
        if filters.on_statements:
            row["statements"] = _matching_statements(store, row["id"], filters)
    return rows


def _add_copies(store: Store, rows: list[Row]) -> None:
    if not rows:
        return
    ids = [r["id"] for r in rows]
    counts = store.db.query(
        f"SELECT dup_of, COUNT(*) AS n FROM articles WHERE dup_of IN ({', '.join('?' * len(ids))}) "
        "GROUP BY dup_of", ids)
    by_id = {r["dup_of"]: r["n"] for r in counts}
    for row in rows:
        row["copies"] = int(by_id.get(row["id"], 0))


def _matching_statements(store: Store, article_id: str, filters: Filters) -> list[Row]:
    condition, params = _statement_condition(store, filters)
    condition = condition.replace("s.article_id = a.id", "s.article_id = ?")
    return store.db.query(
        f"""SELECT s.speaker, s.cue, s.content, s.kind, s.polarity FROM statements s
            WHERE {condition} ORDER BY s.idx""", [article_id, *params])


def snippet(text: str, terms: list[list[str]], width: int = 160) -> str:
    """Return a stretch of the text around the first word that starts like a query term."""
    start = 0
    for alternatives in terms:
        stem = alternatives[0][:-1] if len(alternatives[0]) > 4 else alternatives[0]
        found = re.search(r"\b" + re.escape(stem), text, re.IGNORECASE)
        if found:
            start = max(0, found.start() - width // 3)
            break
    piece = " ".join(text[start:start + width].split())
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")
