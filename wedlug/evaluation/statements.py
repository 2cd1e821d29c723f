"""Score found statements against offset-only gold, as shared/ANNOTATION.md describes.

Matching: a prediction and a gold statement match when their content spans overlap
by at least half of the shorter span; pairs are taken one-to-one, greedily, largest
overlap first. A prediction matched to an *optional* gold statement is dropped from
both counts; unmatched optional gold is never a miss.

Speaker: with no entity linking yet, a predicted speaker is counted right when
(a) its span overlaps the gold speaker span by at least half of the shorter one, or
(b) it shares a base form (token lemma of a noun, name or unknown word, lower-cased)
with any gold speaker mention carrying the same `speaker_id` in that article (so
`Putinem` at one place and `Putin` at another agree), or (c) both are null.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wedlug.article import Article

# Parts of speech whose lemmas identify a speaker; function words and titles in
# lower case (`minister`) are kept out only when they are not nouns.
NAME_POS = frozenset({"NOUN", "PROPN", "X"})


@dataclass(frozen=True, slots=True)
class GoldStatement:
    """One gold statement, offsets only."""

    content: tuple[int, int]
    speaker: tuple[int, int] | None
    speaker_id: str | None
    polarity: str
    kind: str
    optional: bool


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """The gold statements of one article and where its text lives."""

    doc: str
    sha256: str
    statements: tuple[GoldStatement, ...]


@dataclass(slots=True)
class Pair:
    """A matched (gold, prediction) pair and what was right about it."""

    gold: GoldStatement
    predicted: dict[str, Any]
    speaker_ok: bool
    polarity_ok: bool


@dataclass(slots=True)
class ArticleScore:
    """What one article contributed: pairs, misses and false alarms."""

    doc: str
    pairs: list[Pair] = field(default_factory=list)
    missed: list[GoldStatement] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)


def _pair(value: Sequence[int] | None) -> tuple[int, int] | None:
    return (int(value[0]), int(value[1])) if value else None


def read_gold(directory: Path) -> dict[str, GoldArticle]:
    """Read every `*.jsonl` gold file of a directory, keyed by document path."""
    found: dict[str, GoldArticle] = {}
    for path in sorted(directory.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            statements = tuple(
                GoldStatement(content=(s["content"][0], s["content"][1]),
                              speaker=_pair(s.get("speaker")), speaker_id=s.get("speaker_id"),
                              polarity=s["polarity"], kind=s["kind"],
                              optional=bool(s.get("optional")))
                for s in record["statements"])
            found[record["doc"]] = GoldArticle(record["doc"], record.get("sha256", ""), statements)
    return found


def text_matches(gold: GoldArticle, text: str) -> bool:
    """Tell whether a text is the one the gold offsets were written against."""
    return not gold.sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest() == gold.sha256


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Return how many characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_match(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Tell whether two spans overlap by at least half of the shorter one."""
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and 2 * overlap(a, b) >= shorter


def _span(record: dict[str, Any] | None) -> tuple[int, int] | None:
    return (record["start"], record["end"]) if record else None


def _base_forms(article: Article, span: tuple[int, int]) -> set[str]:
    """Return the lower-cased lemmas of the name-like tokens inside a span."""
    return {t.lemma.split(":")[0].lower() for t in article.tokens
            if span[0] <= t.start and t.end <= span[1]
            and (t.upos in NAME_POS or t.text[:1].isupper()) and t.text.isalnum()}


def speaker_right(article: Article, gold: GoldStatement, predicted: dict[str, Any],
                  mentions: dict[str, list[tuple[int, int]]]) -> bool:
    """Tell whether a predicted speaker refers to the gold statement's speaker."""
    said = _span(predicted.get("speaker"))
    if gold.speaker is None or said is None:
        return gold.speaker is None and said is None
    if spans_match(said, gold.speaker):
        return True
    forms = _base_forms(article, said)
    spans = mentions.get(gold.speaker_id or "", [gold.speaker])
    return any(forms & _base_forms(article, m) for m in spans)


def match_article(article: Article, gold: GoldArticle,
                  predicted: Sequence[dict[str, Any]]) -> ArticleScore:
    """Pair predictions with gold statements one-to-one, greedily by overlap."""
    mentions: dict[str, list[tuple[int, int]]] = {}
    for g in gold.statements:
        if g.speaker and g.speaker_id:
            mentions.setdefault(g.speaker_id, []).append(g.speaker)
    candidates = sorted(
        ((overlap(g.content, _span(p["content"]) or (0, 0)), gi, pi)
         for gi, g in enumerate(gold.statements) for pi, p in enumerate(predicted)
         if spans_match(g.content, _span(p["content"]) or (0, 0))),
        reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    score = ArticleScore(gold.doc)
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        g, p = gold.statements[gi], predicted[pi]
        if not g.optional:
            score.pairs.append(Pair(g, p, speaker_right(article, g, p, mentions),
                                    p["polarity"] == g.polarity))
    score.missed = [g for gi, g in enumerate(gold.statements)
                    if gi not in used_gold and not g.optional]
    score.false_alarms = [p for pi, p in enumerate(predicted) if pi not in used_pred]
    return score


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def summarise(scores: Iterable[ArticleScore]) -> dict[str, float]:
    """Return content P/R/F1, speaker and polarity accuracy and strict F1."""
    scores = list(scores)
    pairs = [p for s in scores for p in s.pairs]
    matched = len(pairs)
    gold = matched + sum(len(s.missed) for s in scores)
    predicted = matched + sum(len(s.false_alarms) for s in scores)
    strict = sum(p.speaker_ok and p.polarity_ok for p in pairs)
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    strict_p = strict / predicted if predicted else 0.0
    strict_r = strict / gold if gold else 0.0
    return {"articles": len(scores), "gold": gold, "predicted": predicted,
            "precision": precision, "recall": recall, "f1": _f1(precision, recall),
            "speaker": sum(p.speaker_ok for p in pairs) / matched if matched else 0.0,
            "polarity": sum(p.polarity_ok for p in pairs) / matched if matched else 0.0,
            "strict_precision": strict_p, "strict_recall": strict_r,
            "strict_f1": _f1(strict_p, strict_r)}


GOLD = Path(__file__).resolve().parents[2] / "gold" / "statements"


def gold_files(shared: Path) -> list[Path]:
    """The statement gold lines and split list, and the articles they annotate."""
    return sorted(GOLD.glob("*.jsonl")) + [GOLD / "splits.json"] + [
        shared / doc for doc in read_gold(GOLD)]


def gate_metrics(shared: Path) -> dict[str, float]:
    """Content F1, speaker accuracy and strict F1 per split (seed, dev, test)."""
    from wedlug import analyze

    gold = read_gold(GOLD)
    splits = json.loads((GOLD / "splits.json").read_text(encoding="utf-8"))
    out: dict[str, float] = {}
    for name in ("seed", "dev", "test"):
        scores = []
        for doc in splits.get(name, []):
            entry = gold.get(doc)
            if entry is None:
                continue
            text = (shared / doc).read_bytes().decode("utf-8-sig")
            if not text_matches(entry, text):
                raise ValueError(f"{doc}: the text differs from the one the gold was made on")
            article = analyze(text, source=doc)
            scores.append(match_article(article, entry, article.statements))
        summary = summarise(scores)
        for metric in ("f1", "speaker", "polarity", "strict_f1"):
            out[f"{name}.{metric}"] = summary[metric]
    return out
