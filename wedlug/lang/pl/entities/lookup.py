"""Find the entity behind a stretch of text (for the statements step's speakers)."""

from __future__ import annotations

from wedlug.article import Article


def entity_at(article: Article, start: int, end: int) -> str | None:
    """The id of the entity whose mention overlaps [start, end) most, or None."""
    best, overlap = None, 0
    for entity in article.entities:
        for mention in entity["mentions"]:
            shared = min(end, mention["end"]) - max(start, mention["start"])
            if shared > overlap:
                best, overlap = entity["id"], shared
    return best
