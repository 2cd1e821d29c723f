"""Score the amounts and times steps on gold/amounts, per split (seed, dev, test).

    python scripts/eval_amounts.py            # figures per split
    python scripts/eval_amounts.py --errors   # and the dev (and seed) misses, one a line

Develop on dev and seed; read test only for a final report.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from wedlug.evaluation.amounts import load_gold, score_split

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "gold" / "amounts"


def main(argv: list[str]) -> int:
    """Print amount value F1, object accuracy, time F1 and normalisation accuracy per split."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the misses of every split but test")
    parser.add_argument("--splits", default="seed,dev,test", help="comma-separated splits")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"no {SHARED}: the gold articles live there", file=sys.stderr)
        return 2
    gold = load_gold(GOLD)
    splits = json.loads((GOLD / "splits.json").read_text(encoding="utf-8"))
    print(f"{'split':6} {'docs':>4} | {'amount P':>8} {'R':>5} {'F1':>5} (tp/fp/fn) | "
          f"{'object':>6} (n) | {'time P':>6} {'R':>5} {'F1':>5} (tp/fp/fn) | {'norm':>5} (n)")
    for name in args.splits.split(","):
        docs = [d for d in splits.get(name, []) if d in gold]
        t = score_split(docs, gold, SHARED)
        a, o, ti = t["amounts"], t["objects"], t["times"]
        print(f"{name:6} {len(docs):>4} | {a.precision:8.3f} {a.recall:5.3f} {a.f1:5.3f} "
              f"({a.true_pos}/{a.false_pos}/{a.false_neg}) | {o.accuracy:6.3f} ({o.checked}) | "
              f"{ti.precision:6.3f} {ti.recall:5.3f} {ti.f1:5.3f} ({ti.true_pos}/{ti.false_pos}/"
              f"{ti.false_neg}) | {ti.accuracy:5.3f} ({ti.checked})")
        if args.errors and name != "test":
            for line in a.errors + o.errors + ti.errors:
                print(f"  [{name}] {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
