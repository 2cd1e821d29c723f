"""Score the entities step and print every figure.

    python scripts/eval_entities.py [--shared ../shared] [--kpwr-split test|tune|train]
                                    [--topics brexit,covid-19,nord_stream] [--skip-kpwr]

KPWr base forms (test split by default: the final score, never a development set), and
SlavicNER mentions, base forms and identity, on the held-out topics (asia_bibi, ryanair)
and on the others (the development topics: brexit, covid-19, nord_stream). `--topics`
scores only the topics named (comma-separated), e.g. the development ones while working.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wedlug.evaluation.entities import HELD_OUT, kpwr_accuracy, score_slavicner  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--kpwr-split", default="test", choices=("test", "tune", "train"))
    parser.add_argument("--skip-slavicner", action="store_true")
    parser.add_argument("--skip-kpwr", action="store_true")
    parser.add_argument("--topics", default="",
                        help="comma-separated SlavicNER topics to score instead of the two groups")
    args = parser.parse_args()
    if not args.skip_kpwr:
        path = args.shared / "data" / "names" / f"kpwr-1.2-ne-{args.kpwr_split}-fix.tsv"
        accuracy, n = kpwr_accuracy(path)
        print(f"KPWr {args.kpwr_split}: base-form exact {accuracy:.4f} on {n} names")
    if args.skip_slavicner:
        return
    groups: tuple[tuple[str, dict[str, tuple[str, ...]]], ...] = (
        ("held-out topics " + "+".join(HELD_OUT), {"topics": HELD_OUT}),
        ("other topics", {"exclude": HELD_OUT}))
    if args.topics:
        topics = tuple(t.strip() for t in args.topics.split(",") if t.strip())
        groups = (("topics " + "+".join(topics), {"topics": topics}),)
    for label, kwargs in groups:
        t0 = time.perf_counter()
        scores = score_slavicner(args.shared, **kwargs)  # type: ignore[arg-type]
        print(f"\nSlavicNER {label} ({time.perf_counter() - t0:.0f} s)")
        for name, value in scores.items():
            print(f"  {name:20s} {value:.4f}")


if __name__ == "__main__":
    main()
