"""Score amounts and times against offset gold (gold/amounts/*.jsonl).

Amounts: a predicted amount matches a gold one when their spans overlap and the value
agrees (for ranges and vague amounts, whose value is null, `low` and `high` agree).
Optional gold neither rewards nor punishes: a prediction matching it is not counted.
Object accuracy is measured on matched amounts whose gold has an object base form.
Times: a predicted time matches a gold one when their spans overlap; normalisation
accuracy is the share of matched times whose value equals the gold value (null included).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import wedlug
from wedlug.evaluation.counts import MatchCounts

# Values are floats parsed from text: `1,6 mln` may come out as 1600000.0000000002.
REL_TOLERANCE = 1e-6


@dataclass
class Tally(MatchCounts):
    """Counts for one kind of span (amounts or times) over a set of articles."""

    checked: int = 0  # matched pairs with something to check (object base, time value)
    correct: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Share of checked matched pairs that are right (object base, time value)."""
        return self.correct / self.checked if self.checked else 0.0


def load_gold(folder: Path) -> dict[str, dict[str, Any]]:
    """Return gold records by document path, from every *.jsonl in the folder."""
    gold: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                gold[record["doc"]] = record
    return gold


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=REL_TOLERANCE, abs_tol=1e-9)


def value_agrees(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Tell whether a predicted amount's value (or low/high when gold has none) is gold's."""
    if gold.get("value") is not None:
        return _close(pred.get("value"), gold["value"])
    return _close(pred.get("low"), gold.get("low")) and _close(pred.get("high"), gold.get("high"))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


Record = dict[str, Any]


def _match(preds: list[Record], golds: list[Record], agrees: Callable[[Record, Record], bool]
           ) -> tuple[list[tuple[Record, Record]], list[Record], list[Record]]:
    """Pair predictions with gold one to one: required gold first; return (pairs, extra, missed)."""
    free = list(preds)
    pairs, missed = [], []
    for gold in sorted(golds, key=lambda g: bool(g.get("optional"))):
        span = (gold["span"][0], gold["span"][1])
        hit = next((p for p in free if _overlap((p["start"], p["end"]), span) and agrees(p, gold)), None)
        if hit is None:
            if not gold.get("optional"):
                missed.append(gold)
            continue
        free.remove(hit)
        if not gold.get("optional"):
            pairs.append((hit, gold))
    return pairs, free, missed


def _show(text: str, start: int, end: int) -> str:
    return f"{text[start:end]!r} @{start}  …{text[max(0, start - 40):end + 30]!r}".replace("\\n", " ")


def score_article(text: str, article: wedlug.Article, gold: dict[str, Any],
                  amounts: Tally, times: Tally, objects: Tally) -> None:
    """Add one article's matches to the tallies, with error lines."""
    doc = gold["doc"]
    pairs, extra, missed = _match(article.amounts, gold.get("amounts", []), value_agrees)
    amounts.true_pos += len(pairs)
    amounts.false_pos += len(extra)
    amounts.false_neg += len(missed)
    for p in extra:
        amounts.errors.append(f"{doc}: extra amount {_show(text, p['start'], p['end'])} "
                              f"value={p['value']} low={p['low']} high={p['high']}")
    for g in missed:
        near = [p for p in article.amounts if _overlap((p["start"], p["end"]), tuple(g["span"]))]
        got = f" (got {near[0]['text']!r} value={near[0]['value']} low={near[0]['low']} " \
              f"high={near[0]['high']})" if near else ""
        amounts.errors.append(f"{doc}: missed amount {_show(text, *g['span'])} value={g['value']} "
                              f"low={g.get('low')} high={g.get('high')}{got}")
    for p, g in pairs:
        if g.get("object_base"):
            objects.checked += 1
            base = (p.get("object") or {}).get("base")
            if base == g["object_base"]:
                objects.correct += 1
            else:
                objects.errors.append(f"{doc}: object of {p['text']!r}: {base!r} != {g['object_base']!r}")
    tpairs, textra, tmissed = _match(article.times, gold.get("times", []), lambda p, g: True)
    times.true_pos += len(tpairs)
    times.false_pos += len(textra)
    times.false_neg += len(tmissed)
    times.errors += [f"{doc}: extra time {_show(text, p['start'], p['end'])} value={p['value']}"
                     for p in textra]
    times.errors += [f"{doc}: missed time {_show(text, *g['span'])} value={g['value']}" for g in tmissed]
    for p, g in tpairs:
        times.checked += 1
        if p["value"] == g.get("value"):
            times.correct += 1
        else:
            times.errors.append(f"{doc}: time {p['text']!r} value {p['value']!r} != {g.get('value')!r}")


def score_split(docs: Iterable[str], gold: dict[str, dict[str, Any]], shared: Path
                ) -> dict[str, Tally]:
    """Analyse every gold article of a split and return its tallies."""
    tallies = {"amounts": Tally(), "objects": Tally(), "times": Tally()}
    for doc in docs:
        record = gold.get(doc)
        if record is None:
            continue
        raw = (shared / doc).read_bytes()
        if hashlib.sha256(raw).hexdigest() != record.get("sha256", hashlib.sha256(raw).hexdigest()):
            tallies["amounts"].errors.append(f"{doc}: text differs from the annotated one")
        text = raw.decode("utf-8-sig")
        article = wedlug.analyze(text, published=record.get("published"), source=doc)
        score_article(text, article, record, tallies["amounts"], tallies["times"], tallies["objects"])
    return tallies


GOLD = Path(__file__).resolve().parents[2] / "gold" / "amounts"


def gold_files(shared: Path) -> list[Path]:
    """The amounts gold lines and split list, and the articles they annotate."""
    gold = load_gold(GOLD)
    return sorted(GOLD.glob("*.jsonl")) + [GOLD / "splits.json"] + [shared / doc for doc in gold]


def gate_metrics(shared: Path) -> dict[str, float]:
    """Amount value F1, object base-form accuracy, time F1 and normalisation per split."""
    gold = load_gold(GOLD)
    splits = json.loads((GOLD / "splits.json").read_text(encoding="utf-8"))
    out: dict[str, float] = {}
    for name in ("seed", "dev", "test"):
        tallies = score_split([d for d in splits.get(name, []) if d in gold], gold, shared)
        out[f"{name}.amount_f1"] = tallies["amounts"].f1
        out[f"{name}.object_accuracy"] = tallies["objects"].accuracy
        out[f"{name}.time_f1"] = tallies["times"].f1
        out[f"{name}.time_value_accuracy"] = tallies["times"].accuracy
    return out
