"""Score the statements step on the gold splits: content P/R/F1, speaker and polarity
accuracy on matched pairs, strict F1.

    python scripts/eval_statements.py                 # seed, dev and test figures
    python scripts/eval_statements.py --errors        # and dev's misses and false alarms
    python scripts/eval_statements.py --calibrate     # dev precision per rule (for confidence.py)

The test split is for reporting only: errors are never listed for it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from wedlug import analyze
from wedlug.evaluation.statements import (
    ArticleScore,
    GoldArticle,
    match_article,
    read_gold,
    summarise,
    text_matches,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "gold" / "statements"
SPLITS = ("seed", "dev", "test")


def _score_split(docs: list[str], gold: dict[str, GoldArticle]) -> list[tuple[ArticleScore, str]]:
    """Analyse and score every document of a split that has gold and matching text."""
    scored = []
    for doc in docs:
        entry = gold.get(doc)
        path = SHARED / doc
        if entry is None or not path.exists():
            print(f"skip {doc}: no gold or no text", file=sys.stderr)
            continue
        text = path.read_bytes().decode("utf-8-sig")
        if not text_matches(entry, text):
            print(f"skip {doc}: text differs from the gold's sha256", file=sys.stderr)
            continue
        article = analyze(text, source=doc)
        scored.append((match_article(article, entry, article.statements), text))
    return scored


def _denials(scored: list[tuple[ArticleScore, str]]) -> str:
    """Return `found/total` for required gold denials matched with polarity deny."""
    pairs = [p for s, _ in scored for p in s.pairs if p.gold.polarity == "deny"]
    missed = [g for s, _ in scored for g in s.missed if g.polarity == "deny"]
    return f"{sum(p.polarity_ok for p in pairs)}/{len(pairs) + len(missed)}"


def _print_errors(scored: list[tuple[ArticleScore, str]]) -> None:
    """List misses, false alarms and wrong speakers or polarity of a split."""
    for score, text in scored:
        lines = []
        for g in score.missed:
            who = text[g.speaker[0]:g.speaker[1]] if g.speaker else None
            lines.append(f"  MISS  [{g.kind}] {who!r}: {text[g.content[0]:g.content[1]][:110]!r}")
        for p in score.false_alarms:
            who = p["speaker"]["text"] if p["speaker"] else None
            lines.append(f"  FALSE [{p['kind']} {p['cue']['text']!r} {p['confidence']}] {who!r}: "
                         f"{p['content']['text'][:110]!r}")
        for pair in score.pairs:
            if pair.speaker_ok and pair.polarity_ok:
                continue
            g, p = pair.gold, pair.predicted
            who = text[g.speaker[0]:g.speaker[1]] if g.speaker else None
            said = p["speaker"]["text"] if p["speaker"] else None
            lines.append(f"  WRONG speaker {said!r} (gold {who!r}) polarity {p['polarity']} "
                         f"(gold {g.polarity}) cue {p['cue']['text']!r}: {p['content']['text'][:70]!r}")
        if lines:
            print(score.doc)
            print("\n".join(lines))


def _calibration(scored: list[tuple[ArticleScore, str]]) -> None:
    """Print, per confidence value, how often predictions were strictly right."""
    right: dict[float, list[int]] = defaultdict(lambda: [0, 0])
    for score, _ in scored:
        for pair in score.pairs:
            cell = right[pair.predicted["confidence"]]
            cell[0] += pair.speaker_ok and pair.polarity_ok
            cell[1] += 1
        for p in score.false_alarms:
            right[p["confidence"]][1] += 1
    for value in sorted(right):
        ok, total = right[value]
        print(f"  confidence {value:.2f}: {ok}/{total} strictly right ({ok / total:.2f})")


def main(argv: list[str] | None = None) -> int:
    """Print the figures of every split (and dev's errors on request)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms (never for test)")
    parser.add_argument("--calibrate", action="store_true", help="print dev precision per confidence")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--splits", default=",".join(SPLITS), help="comma-separated splits to score")
    args = parser.parse_args(argv)
    if not SHARED.exists():
        print(f"no {SHARED}: the gold articles live there", file=sys.stderr)
        return 2
    gold = read_gold(GOLD)
    splits = json.loads((GOLD / "splits.json").read_text(encoding="utf-8"))
    results = {}
    for split in args.splits.split(","):
        scored = _score_split(splits.get(split, []), gold)
        figures = summarise(s for s, _ in scored)
        figures["denials"] = _denials(scored)  # type: ignore[assignment]
        results[split] = figures
        if not args.json:
            print(f"{split:5} articles {figures['articles']:3} gold {figures['gold']:4} "
                  f"predicted {figures['predicted']:4} | content P {figures['precision']:.3f} "
                  f"R {figures['recall']:.3f} F1 {figures['f1']:.3f} | speaker {figures['speaker']:.3f} "
                  f"polarity {figures['polarity']:.3f} | strict F1 {figures['strict_f1']:.3f} "
                  f"| denials {figures['denials']}")
        if split != "test" and args.errors:
            _print_errors(scored)
        if split != "test" and args.calibrate:
            _calibration(scored)
    if args.json:
        print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
