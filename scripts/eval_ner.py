"""Score the named-entity mention detector: PolEval 2018 (all 1,828 documents) and NKJP held out.

    python scripts/eval_ner.py               # full figures
    python scripts/eval_ner.py --step 4      # every 4th PolEval document, as the gate does
    python scripts/eval_ner.py --errors 40   # and some outer-gold misses and extra mentions

PolEval runs the full `wedlug.analyze` on each document's text; see
wedlug/evaluation/ner.py for the category mapping and what is skipped.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from wedlug.evaluation.ner import NKJP, POLEVAL, Counts, load_poleval, nkjp_heldout, score_poleval

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def line(name: str, counts: Counts) -> str:
    """One row of figures."""
    return (f"{name:24} P {counts.precision:.4f} R {counts.recall:.4f} F1 {counts.f1:.4f} "
            f"({counts.true_pos}/{counts.false_pos}/{counts.false_neg})")


def main(argv: list[str]) -> int:
    """Print PolEval exact/overlap and NKJP held-out figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--step", type=int, default=1, help="score every STEP-th PolEval document")
    parser.add_argument("--errors", type=int, default=0, help="list up to N misses and extras")
    parser.add_argument("--no-nkjp", action="store_true", help="skip the NKJP held-out figures")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"no {SHARED}: the gold data lives there", file=sys.stderr)
        return 2
    docs = load_poleval(SHARED / "data" / POLEVAL)[::args.step]
    began = time.time()
    result = score_poleval(docs, errors=args.errors)
    seconds = time.time() - began
    print(f"PolEval 2018: {result.documents} documents, {seconds:.0f} s (full analyze included)")
    print(line("exact", result.exact))
    print(line("overlap", result.overlap))
    print(line("outer gold, exact", result.outer_exact))
    print(line("outer gold, overlap", result.outer_overlap))
    for kind, counts in result.by_type.items():
        print(line(f"  {kind} exact", counts))
    if not args.no_nkjp:
        print(line("NKJP held-out exact", nkjp_heldout(SHARED / "data" / NKJP)))
    for error in result.errors:
        print(" ", error)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
