"""A statement while it is being found, before it becomes a record."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wedlug.article import Article

# Agreement features: (number, gender); None where the form does not tell.
Features = tuple[str | None, str | None]


@dataclass(slots=True)
class Mention:
    """A speaker or source mention: character span, token range and agreement."""

    start: int
    end: int
    first: int
    last: int
    features: Features = (None, None)
    resolved: bool = False

    def record(self, article: Article) -> dict[str, Any]:
        """Return the contract form of the mention."""
        return {"start": self.start, "end": self.end, "text": article.text[self.start:self.end],
                "entity": _entity(article, self.start, self.end), "resolved": self.resolved}


@dataclass(slots=True)
class Statement:
    """A found statement: where its cue and content are and how the speaker is sought."""

    cue: tuple[int, int]          # token range of the cue words
    content: tuple[int, int]      # character span of the content
    kind: str
    pattern: str                  # which rule found it; confidence is looked up by it
    side: str                     # where the speaker stands: left, right, colon, pronoun, after
    polarity: str = "assert"
    speaker: Mention | None = None
    source: Mention | None = None
    speaker_hint: tuple[int, int] | None = None   # token range where the speaker must be
    confidence: float = 0.0
    cue_span: tuple[int, int] = (0, 0)            # character span of the cue words
    anchor: Statement | None = None               # the statement a dash paragraph continues

    def record(self, article: Article) -> dict[str, Any]:
        """Return the contract form of the statement."""
        text, cue_span = article.text, self.cue_span
        return {"speaker": self.speaker.record(article) if self.speaker else None,
                "cue": {"start": cue_span[0], "end": cue_span[1], "text": text[cue_span[0]:cue_span[1]]},
                "content": {"start": self.content[0], "end": self.content[1],
                            "text": text[self.content[0]:self.content[1]]},
                "kind": self.kind, "polarity": self.polarity,
                "source": self.source.record(article) if self.source else None,
                "confidence": round(self.confidence, 2)}


def _entity(article: Article, start: int, end: int) -> str | None:
    """Return the id of the entity whose mention overlaps the span most, if an entities
    step ran (`minister X` takes the entity of its mention `X`); malformed or missing
    records are passed over."""
    best: tuple[int, str] | None = None
    for entity in article.entities or ():
        if not isinstance(entity, dict) or entity.get("id") is None:
            continue
        for mention in entity.get("mentions") or ():
            try:
                first, last = int(mention["start"]), int(mention["end"])
            except (KeyError, TypeError, ValueError):
                continue
            shared = min(end, last) - max(start, first)
            if shared > 0 and (best is None or shared > best[0]):
                best = (shared, str(entity["id"]))
    return best[1] if best else None
