"""What a record becomes in the store: one row per article, entity, mention, statement,
amount and time, with the record's JSON kept whole beside them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from wedlug.article import Token

# Tokens whose part of speech carries no content are left out of the search index.
UNINDEXED_UPOS = frozenset({"PUNCT", "SYM", "X"})


@dataclass(slots=True)
class SourceRow:
    """Where an article came from (a path, URL, WARC record or JSONL line) and how it went."""

    key: str
    kind: str
    content_hash: str | None = None
    article_id: str | None = None
    status: str = "ok"
    error_code: str | None = None
    error_message: str | None = None
    etag: str | None = None
    last_modified: str | None = None


@dataclass(slots=True)
class StoredArticle:
    """A record ready for the store, with what the store adds to it."""

    record: dict[str, Any]
    lemmas: str
    speaker_bases: list[str | None] = field(default_factory=list)
    url: str | None = None
    site: str | None = None
    author: str | None = None
    dup_of: str | None = None
    similarity: float | None = None
    signature: bytes | None = None
    bands: list[tuple[int, int]] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The record's id: the sha256 of its text."""
        return str(self.record["id"])


def clean_lemma(lemma: str) -> str:
    """Return a lemma without Morfeusz qualifiers (`rząd:Sm3` -> `rząd`), lower-cased."""
    return lemma.split(":", 1)[0].lower() if lemma != ":" else lemma


def base_forms(tokens: Sequence[Token]) -> str:
    """Return the text's base forms, space-separated, in order: what full text indexes."""
    words = []
    for token in tokens:
        if token.upos in UNINDEXED_UPOS or not any(ch.isalnum() for ch in token.text):
            continue
        words.append(clean_lemma(token.lemma or token.text))
    return " ".join(words)


def span_base(tokens: Sequence[Token], start: int, end: int) -> str | None:
    """Return the base forms of the tokens inside [start, end), or None when there are none."""
    words = [clean_lemma(t.lemma or t.text) for t in tokens
             if start <= t.start and t.end <= end and any(ch.isalnum() for ch in t.text)]
    return " ".join(words) or None


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _text(value: Any) -> str | None:
    """Return the text of a span-shaped field (or the string itself), else None."""
    if isinstance(value, dict):
        return value.get("base") or value.get("text")
    return value if isinstance(value, str) else None


def article_row(article: StoredArticle, now: str) -> tuple[Any, ...]:
    """Return the `articles` row of a stored article."""
    record = article.record
    return (article.id, record.get("source") or "-", article.url, record.get("title"),
            record.get("published"), article.site, article.author, record["text"],
            article.lemmas, json.dumps(record, ensure_ascii=False), article.dup_of,
            article.similarity, now)


def entity_rows(record: dict[str, Any]) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Return the `entities` rows and the `mentions` rows of a record."""
    entities, mentions = [], []
    for entity in record.get("entities") or []:
        entity_id = entity.get("id") or entity.get("name")
        if not entity_id:
            continue
        entities.append((entity_id, entity.get("name") or entity_id, entity.get("type"),
                         entity.get("kb"), entity.get("actor")))
        for mention in entity.get("mentions") or []:
            mentions.append((record["id"], entity_id, mention.get("start"), mention.get("end"),
                             mention.get("text"), mention.get("base")))
    return entities, mentions


def statement_rows(record: dict[str, Any], speaker_bases: list[str | None]) -> list[tuple[Any, ...]]:
    """Return the `statements` rows of a record (speaker's base form from the tokens)."""
    rows = []
    for idx, statement in enumerate(record.get("statements") or []):
        speaker = statement.get("speaker") or {}
        content = statement.get("content") or {}
        cue = statement.get("cue") or {}
        base = speaker_bases[idx] if idx < len(speaker_bases) else None
        rows.append((record["id"], idx, speaker.get("text"), base, speaker.get("entity"),
                     cue.get("text"), content.get("text"), statement.get("kind"),
                     statement.get("polarity"), _text(statement.get("source")),
                     _number(statement.get("confidence")), content.get("start"), content.get("end")))
    return rows


def amount_rows(record: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Return the `amounts` rows of a record."""
    return [(record["id"], idx, a.get("start"), a.get("end"), a.get("text"), _number(a.get("value")),
             _number(a.get("low")), _number(a.get("high")), int(bool(a.get("approx"))), a.get("unit"),
             a.get("currency"), _text(a.get("object")), a.get("statement"))
            for idx, a in enumerate(record.get("amounts") or [])]


def time_rows(record: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Return the `times` rows of a record."""
    return [(record["id"], idx, t.get("start"), t.get("end"), t.get("text"),
             None if t.get("value") is None else str(t.get("value")), t.get("type"))
            for idx, t in enumerate(record.get("times") or [])]
