"""Full-text search over base forms, with filters on statements, entities, dates and sites.

Ranking: the newest `window` matches (1,000 by default) are ranked by relevance, the best
first: BM25 in SQLite, `ts_rank` in PostgreSQL, equal scores newest first. "The newest
matches" are the originals that contain every word and pass every filter, newest by
published date, then by order of ingest (undated articles count as the oldest). When more
match, the older ones are not ranked: `rząd` finds the most relevant of the last thousand
articles about the government, not of all of them; narrow the dates (`--until`) or the
filters to reach further back. `window=None` ranks every match (slow on a big store: each
match is scored). Both databases rank the same window. Without words, the newest come first.

Near-duplicate copies are left out: each group is found once, through its original,
with the number of copies shown beside it.

In SQLite the full-text index is keyed in date order (see wedlug.store.migrations), so FTS5
gives the newest matches first and the search stops when the window is full: only the window
is scored, however many articles match. Filters are answered from `search_facts`, an index of
(fact, article) pairs, not from each article's rows; `_ranked_relational` is the plain form
of the same search, which the tests hold the fast one to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from wedlug.query.terms import base_form, name_variants, query_terms
from wedlug.store import Store
from wedlug.store.base import Row
from wedlug.store.migrations import SEARCH_DAY_SHIFT, search_key

#: How many of the newest matches are ranked by relevance (None: all of them).
WINDOW = 1000
#: How many (fact, article) entries a filter may gather into a set (SQLite); see _fact_filter.
SET_LIMIT = 10000
COLUMNS = "a.id, a.title, a.published, a.site, a.url, a.source, a.text"


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


@dataclass(slots=True)
class _Resolved:
    """The filters with their names looked up once: entity ids, spellings, speaker forms."""

    filters: Filters
    entity_ids: list[str] = field(default_factory=list)
    entity_variants: list[str] = field(default_factory=list)
    speaker_ids: list[str] = field(default_factory=list)
    speaker_base: str = ""


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


def _speaker_sql(ids: list[str], base: str, alias: str) -> tuple[str, list[Any]]:
    parts = [f"(' ' || {alias}.speaker_base || ' ') LIKE ?"]
    params: list[Any] = [f"% {base} %"]
    if ids:
        parts.append(f"{alias}.speaker_entity IN ({', '.join('?' * len(ids))})")
        params += ids
    return "(" + " OR ".join(parts) + ")", params


def speaker_condition(store: Store, speaker: str, alias: str = "s") -> tuple[str, list[Any]]:
    """Return the SQL condition (and params) for statements whose speaker is `speaker`."""
    return _speaker_sql(entity_ids(store, speaker), base_form(speaker) or speaker.lower(), alias)


def _resolve(store: Store, filters: Filters) -> _Resolved:
    resolved = _Resolved(filters)
    if filters.entity:
        resolved.entity_ids = entity_ids(store, filters.entity)
        resolved.entity_variants = name_variants(filters.entity)
    if filters.speaker:
        resolved.speaker_ids = entity_ids(store, filters.speaker)
        resolved.speaker_base = base_form(filters.speaker) or filters.speaker.lower()
    return resolved


def _statement_condition(r: _Resolved, article: str) -> tuple[str, list[Any]]:
    """Return the condition on statements `s` of the article `article` (an SQL expression)."""
    parts, params = [f"s.article_id = {article}"], []
    if r.filters.speaker:
        condition, extra = _speaker_sql(r.speaker_ids, r.speaker_base, "s")
        parts.append(condition)
        params += extra
    for column, value in (("kind", r.filters.kind), ("polarity", r.filters.polarity)):
        if value:
            parts.append(f"s.{column} = ?")
            params.append(value)
    return " AND ".join(parts), params


def _conditions(r: _Resolved) -> tuple[list[str], list[Any]]:
    """Return the filters as conditions on the articles `a` (the plain relational form)."""
    filters = r.filters
    where, params = ["a.dup_of IS NULL"], []
    for clause, value in (("a.published >= ?", filters.since), ("a.published <= ?", filters.until),
                          ("a.site = ?", filters.site)):
        if value:
            where.append(clause)
            params.append(value)
    if filters.entity:
        marks_ids = ", ".join("?" * len(r.entity_ids)) or "NULL"
        where.append(f"""EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND
                         (m.entity_id IN ({marks_ids})
                          OR m.base IN ({', '.join('?' * len(r.entity_variants))})))""")
        params += r.entity_ids + r.entity_variants
    if filters.on_statements:
        condition, extra = _statement_condition(r, "a.id")
        where.append(f"EXISTS (SELECT 1 FROM statements s WHERE {condition})")
        params += extra
    return where, params


def search(store: Store, query: str, filters: Filters | None = None, *, limit: int = 20,
           window: int | None = WINDOW) -> list[Row]:
    """Return the best-matching originals: id, title, published, site, url, snippet, copies.

    The newest `window` matches are ranked (None: all); see the module's doc.
    """
    resolved = _resolve(store, filters or Filters())
    terms = query_terms(query) if query.strip() else []
    if not terms:
        newest = _newest_sqlite if store.db.dialect == "sqlite" else _newest_relational
        rows = newest(store, resolved, limit)
    elif store.db.dialect == "sqlite":
        rows = _ranked_sqlite(store, terms, resolved, window, limit)
    else:
        rows = _ranked_relational(store, terms, resolved, window, limit)
    _add_copies(store, rows)
    statements = _statement_condition(resolved, "?") if resolved.filters.on_statements else None
    for row in rows:
        row["snippet"] = snippet(row.pop("text"), terms)
        if statements:
            row["statements"] = _matching_statements(store, row["id"], statements)
    return rows


def _no_limit(store: Store) -> int | None:
    """Return what LIMIT takes for "no limit": -1 in SQLite, NULL in PostgreSQL."""
    return -1 if store.db.dialect == "sqlite" else None


def _order_of_ingest(store: Store) -> str:
    return "a.rowid" if store.db.dialect == "sqlite" else "a.seq"


def _newest_relational(store: Store, r: _Resolved, limit: int) -> list[Row]:
    """Return the newest originals that pass the filters (a search without words)."""
    where, params = _conditions(r)
    return store.db.query(
        f"""SELECT {COLUMNS} FROM articles a WHERE {' AND '.join(where)}
            ORDER BY a.published DESC NULLS LAST, {_order_of_ingest(store)} DESC LIMIT ?""",
        [*params, limit])


def _ranked_relational(store: Store, terms: list[list[str]], r: _Resolved, window: int | None,
                       limit: int) -> list[Row]:
    """Rank the newest `window` matches with the database's own score (PostgreSQL; in SQLite,
    the slow reference that `_ranked_sqlite` must agree with)."""
    match, score, text_query = store.db.full_text(terms)
    where, params = _conditions(r)
    seq = _order_of_ingest(store)
    # Only the window is scored, and only the best `limit` articles are read whole.
    return store.db.query(
        f"""SELECT {COLUMNS} FROM (
                SELECT hit.id, hit.published, hit.seq, {score} AS score FROM (
                    SELECT a.id, a.published, {seq} AS seq FROM articles a
                    WHERE {match} AND {' AND '.join(where)}
                    ORDER BY a.published DESC NULLS LAST, {seq} DESC LIMIT ?) hit
                JOIN articles a ON a.id = hit.id
                ORDER BY score DESC, hit.published DESC NULLS LAST, hit.seq DESC LIMIT ?) best
            JOIN articles a ON a.id = best.id
            ORDER BY best.score DESC, best.published DESC NULLS LAST, best.seq DESC""",
        [text_query, text_query, *params, _no_limit(store) if window is None else window, limit])


@dataclass(slots=True)
class _FactFilter:
    """One filter as facts of `search_facts` (SQLite): the article must hold one of them."""

    held: int  # (fact, article) entries, each fact counted up to SET_LIMIT
    facts: list[str]  # those held by some article
    condition: str  # on the search key `{key}`
    params: list[str]


@dataclass(slots=True)
class _SqlitePlan:
    """The filters in SQLite's terms: a range of search keys and the fact filters, narrowest first."""

    low: int | None
    high: int | None
    facts: list[_FactFilter]
    verify: tuple[str, list[Any]] | None  # an exact statements check on `{key}`, for combined filters

    def conditions(self, key: str) -> tuple[list[str], list[Any]]:
        """Return the conditions on the search key expression `key`, and their params."""
        where: list[str] = []
        params: list[Any] = []
        for clause, bound in ((f"{key} >= ?", self.low), (f"{key} < ?", self.high)):
            if bound is not None:
                where.append(clause)
                params.append(bound)
        for fact in self.facts:
            where.append(fact.condition.format(key=key))
            params += fact.params
        if self.verify:
            where.append(self.verify[0].format(key=key))
            params += self.verify[1]
        return where, params


def _sqlite_plan(store: Store, r: _Resolved) -> _SqlitePlan | None:
    """Return the filters as a plan on search keys, or None when no article passes them."""
    filters = r.filters
    groups = []
    if filters.site:
        groups.append([f"site:{filters.site}"])
    if filters.entity:
        groups.append([f"e:{i}" for i in r.entity_ids] + [f"b:{v}" for v in r.entity_variants])
    if filters.speaker:
        bases = store.db.query("SELECT base FROM search_speakers WHERE (' ' || base || ' ') LIKE ?",
                               (f"% {r.speaker_base} %",))
        groups.append([f"se:{i}" for i in r.speaker_ids] + [f"sb:{b['base']}" for b in bases])
    for prefix, value in (("k:", filters.kind), ("p:", filters.polarity)):
        if value:
            groups.append([prefix + value])
    facts = []
    for group in groups:
        fact = _fact_filter(store, group)
        if fact is None:
            return None
        facts.append(fact)
    verify = None
    if sum(1 for value in (filters.speaker, filters.kind, filters.polarity) if value) > 1:
        # The facts say the article has such a speaker and such a kind; one statement must have both.
        condition, params = _statement_condition(
            r, f"(SELECT id FROM articles WHERE rowid = {{key}} % {SEARCH_DAY_SHIFT})")
        verify = f"EXISTS (SELECT 1 FROM statements s WHERE {condition})", params
    # Day 0 holds the undated articles: `--until` leaves them out, as `published <= ?` does.
    first_day = _day(filters.since) if filters.since else 1 if filters.until else None
    return _SqlitePlan(
        low=None if first_day is None else first_day * SEARCH_DAY_SHIFT,
        high=(_day(filters.until) + 1) * SEARCH_DAY_SHIFT if filters.until else None,
        # Narrowest first: SQLite checks the conditions in this order.
        facts=sorted(facts, key=lambda f: f.held), verify=verify)


def _fact_filter(store: Store, facts: list[str]) -> _FactFilter | None:
    """Return "the article holds one of these facts" as a condition on `{key}`, or None when
    no article holds any.

    Facts held by few articles become a set the matches are checked against; the broad ones
    are looked up match by match (a few index seeks each; the window fills quickly). The
    answer is the same either way; only the cost differs.
    """
    values = ", ".join("(?)" for _ in facts)
    counts = store.db.query(
        f"""SELECT column1 AS fact, (SELECT COUNT(*) FROM (SELECT 1 FROM search_facts WHERE fact = column1
                                                         LIMIT ?)) AS n FROM (VALUES {values})""",
        [SET_LIMIT, *facts])
    small, broad, held = [], [], 0
    for row in sorted(counts, key=lambda r: r["n"]):
        if row["n"] and held + row["n"] < SET_LIMIT:
            small.append(row["fact"])
        elif row["n"]:
            broad.append(row["fact"])
        held += row["n"]
    if not held:
        return None
    parts = []
    if small:
        # `+` keeps FTS5 from being asked for each key of the set in turn.
        marks = ", ".join("?" * len(small))
        parts.append(f"+{{key}} IN (SELECT key FROM search_facts WHERE fact IN ({marks}))")
    if broad:
        marks = ", ".join("?" * len(broad))
        parts.append(f"EXISTS (SELECT 1 FROM search_facts x WHERE x.fact IN ({marks}) AND x.key = {{key}})")
    return _FactFilter(held, small + broad, "(" + " OR ".join(parts) + ")", small + broad)


def _ranked_sqlite(store: Store, terms: list[list[str]], r: _Resolved, window: int | None,
                   limit: int) -> list[Row]:
    """Rank the newest `window` matches by BM25, reading FTS5 newest first (keys sort by date)."""
    plan = _sqlite_plan(store, r)
    if plan is None:
        return []
    _, _, text_query = store.db.full_text(terms)
    where, params = plan.conditions("f.rowid")
    # The window is scored inside the index; only the best `limit` articles are then read.
    return store.db.query(
        f"""SELECT {COLUMNS} FROM (
                SELECT key, score FROM (
                    SELECT f.rowid AS key, bm25(articles_fts) AS score FROM articles_fts f
                    WHERE {' AND '.join(['articles_fts MATCH ?', *where])} ORDER BY f.rowid DESC LIMIT ?)
                ORDER BY score, key DESC LIMIT ?) best
            JOIN articles a ON a.rowid = best.key % {SEARCH_DAY_SHIFT}
            ORDER BY best.score, best.key DESC""",
        [text_query, *params, _no_limit(store) if window is None else window, limit])


def _newest_sqlite(store: Store, r: _Resolved, limit: int) -> list[Row]:
    """Return the newest originals that pass the filters: from the narrowest filter's facts when
    it is narrow, else down the index of dates (where the first `limit` come soon)."""
    plan = _sqlite_plan(store, r)
    if plan is None:
        return []
    copies = f"{{key}} % {SEARCH_DAY_SHIFT} NOT IN (SELECT rowid FROM articles WHERE dup_of IS NOT NULL)"
    if plan.facts and plan.facts[0].held < SET_LIMIT:
        first = plan.facts.pop(0)
        where, params = plan.conditions("d.key")
        marks = ", ".join("?" * len(first.facts))
        return store.db.query(
            f"""SELECT {COLUMNS} FROM (
                    SELECT DISTINCT d.key FROM search_facts d
                    WHERE {' AND '.join([f'd.fact IN ({marks})', *where, copies.format(key='d.key')])}
                    ORDER BY d.key DESC LIMIT ?) n
                JOIN articles a ON a.rowid = n.key % {SEARCH_DAY_SHIFT} ORDER BY n.key DESC""",
            [*first.facts, *params, limit])
    key = search_key("a")
    where, params = plan.conditions(key)
    for clause, value in (("a.published >= ?", r.filters.since), ("a.published <= ?", r.filters.until)):
        if value:
            where.append(clause)
            params.append(value)
    return store.db.query(
        f"""SELECT {COLUMNS} FROM (
                SELECT a.rowid AS r FROM articles a
                WHERE {' AND '.join([*where, copies.format(key=key)])}
                ORDER BY a.published DESC, a.rowid DESC LIMIT ?) n
            JOIN articles a ON a.rowid = n.r ORDER BY a.published DESC, a.rowid DESC""",
        [*params, limit])


def _day(date: str) -> int:
    """Return a YYYY-MM-DD date as the number YYYYMMDD (the day part of a search key)."""
    return int(date[:10].replace("-", ""))


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


def _matching_statements(store: Store, article_id: str, statements: tuple[str, list[Any]]) -> list[Row]:
    condition, params = statements
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
