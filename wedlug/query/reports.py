"""Who said what (`said`), what is written about whom (`about`), and the store in numbers
(`stats`). Near-duplicate copies count once: only originals are read."""

from __future__ import annotations

from typing import Any

from wedlug.query.search import entity_ids, speaker_condition
from wedlug.query.terms import name_variants
from wedlug.store import Store
from wedlug.store.base import Row


def said(store: Store, speaker: str, *, since: str | None = None, until: str | None = None,
         limit: int = 100) -> list[Row]:
    """Return what `speaker` said, newest first: date, title, cue, content, kind, polarity."""
    condition, params = speaker_condition(store, speaker)
    dates = ""
    for clause, value in ((" AND a.published >= ?", since), (" AND a.published <= ?", until)):
        if value:
            dates += clause
            params.append(value)
    return store.db.query(
        f"""SELECT a.published, a.title, a.site, a.id AS article_id, s.speaker, s.cue, s.content,
                   s.kind, s.polarity
            FROM statements s JOIN articles a ON a.id = s.article_id
            WHERE a.dup_of IS NULL AND {condition}{dates}
            ORDER BY a.published DESC, a.id, s.idx LIMIT ?""", [*params, limit])


def about(store: Store, name: str, *, limit: int = 50) -> list[Row]:
    """Return the articles that mention an entity, most mentions first."""
    ids = entity_ids(store, name)
    variants = name_variants(name)
    marks_ids = ", ".join("?" * len(ids)) or "NULL"
    return store.db.query(
        f"""SELECT a.published, a.title, a.site, a.id AS article_id, COUNT(*) AS mentions
            FROM mentions m JOIN articles a ON a.id = m.article_id
            WHERE a.dup_of IS NULL AND (m.entity_id IN ({marks_ids})
                  OR m.base IN ({', '.join('?' * len(variants))}))
            GROUP BY a.id, a.published, a.title, a.site
            ORDER BY mentions DESC, a.published DESC LIMIT ?""", [*ids, *variants, limit])


def _one(store: Store, sql: str) -> int:
    return int(store.db.query(sql)[0]["n"] or 0)


def stats(store: Store, *, top: int = 10) -> dict[str, Any]:
    """Return the store's counts: articles, copies, sources, statements, top speakers and entities."""
    q = store.db.query
    originals = "JOIN articles a ON a.id = s.article_id AND a.dup_of IS NULL"
    return {
        "articles": _one(store, "SELECT COUNT(*) AS n FROM articles WHERE dup_of IS NULL"),
        "near_duplicates": _one(store, "SELECT COUNT(*) AS n FROM articles WHERE dup_of IS NOT NULL"),
        "sources": {r["status"]: r["n"] for r in q(
            "SELECT status, COUNT(*) AS n FROM sources GROUP BY status ORDER BY status")},
        "statements": _one(store, f"SELECT COUNT(*) AS n FROM statements s {originals}"),
        "statement_kinds": {r["kind"]: r["n"] for r in q(
            f"SELECT s.kind, COUNT(*) AS n FROM statements s {originals} GROUP BY s.kind ORDER BY n DESC")},
        "denials": _one(store, f"SELECT COUNT(*) AS n FROM statements s {originals} "
                               "WHERE s.polarity = 'deny'"),
        "top_speakers": q(
            f"""SELECT COALESCE(e.name, s.speaker_base) AS speaker, COUNT(*) AS statements
                FROM statements s {originals} LEFT JOIN entities e ON e.id = s.speaker_entity
                WHERE COALESCE(e.name, s.speaker_base) IS NOT NULL
                GROUP BY COALESCE(e.name, s.speaker_base) ORDER BY statements DESC, speaker LIMIT ?""",
            (top,)),
        "top_entities": q(
            """SELECT e.name AS entity, e.type, COUNT(DISTINCT m.article_id) AS articles
               FROM mentions m JOIN articles a ON a.id = m.article_id AND a.dup_of IS NULL
               JOIN entities e ON e.id = m.entity_id
               GROUP BY e.id, e.name, e.type ORDER BY articles DESC, entity LIMIT ?""", (top,)),
        "sites": q("""SELECT site, COUNT(*) AS articles FROM articles WHERE dup_of IS NULL
                      AND site IS NOT NULL GROUP BY site ORDER BY articles DESC, site LIMIT ?""", (top,)),
        "amounts": _one(store, "SELECT COUNT(*) AS n FROM amounts s "
                               "JOIN articles a ON a.id = s.article_id AND a.dup_of IS NULL"),
        "failed_sources": q("""SELECT key, error_code, error_message, attempts FROM sources
                               WHERE status = 'failed' ORDER BY key LIMIT ?""", (top,)),
    }
