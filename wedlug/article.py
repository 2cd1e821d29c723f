"""The `Article`: one object carried through every analysis step, and its record."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "wedlug.article/1"


@dataclass(slots=True)
class Span:
    """A stretch of the article's text, by character offsets."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """Return the contract form of the span."""
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Removal:
    """A passage that later steps ignore (a video teaser, a share prompt), kept in place."""

    start: int
    end: int
    reason: str


@dataclass(slots=True)
class Paragraph:
    """A non-empty line of the article."""

    start: int
    end: int


@dataclass(slots=True)
class Sentence:
    """A sentence inside one paragraph; `paragraph` is that paragraph's index."""

    start: int
    end: int
    paragraph: int


@dataclass(slots=True)
class Token:
    """A word or punctuation mark with its chosen morphological reading."""

    start: int
    end: int
    text: str
    sentence: int
    lemma: str = ""
    tag: str = ""
    upos: str = ""
    qualifiers: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the `--tokens` form of the token."""
        return {"start": self.start, "end": self.end, "text": self.text,
                "lemma": self.lemma, "tag": self.tag, "upos": self.upos,
                "sentence": self.sentence}


@dataclass(slots=True)
class ArticleError:
    """Why an input could not be analysed: a stable code and a message for a person."""

    code: str
    message: str


@dataclass
class Article:
    """The analysed text and everything the steps found in it."""

    text: str
    source: str = "-"
    published: str | None = None
    title: Span | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    amounts: list[dict[str, Any]] = field(default_factory=list)
    times: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[ArticleError] = field(default_factory=list)
    error: ArticleError | None = None
    done: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The sha256 of the text: the same text gives the same id."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def span(self, start: int, end: int) -> Span:
        """Return the span of the text between two offsets."""
        return Span(start, end, self.text[start:end])

    def is_removed(self, start: int, end: int) -> bool:
        """Tell whether a stretch lies inside a removed passage."""
        return any(r.start <= start and end <= r.end for r in self.removed)

    def sentence_tokens(self, index: int) -> list[Token]:
        """Return the tokens of one sentence."""
        return [t for t in self.tokens if t.sentence == index]

    def to_dict(self, *, tokens: bool = False) -> dict[str, Any]:
        """Return the record of shared/CONTRACT.md."""
        if self.error is not None and not self.text:
            return {"schema": SCHEMA, "id": None, "source": self.source, "title": None,
                    "published": self.published, "text": None, "removed": [], "entities": [],
                    "statements": [], "amounts": [], "times": [], "events": [],
                    "error": {"code": self.error.code, "message": self.error.message}}
        record: dict[str, Any] = {
            "schema": SCHEMA,
            "id": self.id,
            "source": self.source,
            "title": self.title.text if self.title else None,
            "published": self.published,
            "text": self.text,
            "removed": [{"start": r.start, "end": r.end, "reason": r.reason}
                        for r in self.removed],
            "entities": self.entities,
            "statements": self.statements,
            "amounts": self.amounts,
            "times": self.times,
            "events": self.events,
        }
        if self.warnings:
            record["warnings"] = [{"code": w.code, "message": w.message} for w in self.warnings]
        if self.error is not None:
            record["error"] = {"code": self.error.code, "message": self.error.message}
        if tokens:
            record["tokens"] = [t.to_dict() for t in self.tokens]
        return record
