"""Run the accuracy gate: every gold set scored against the floors in eval_baseline.json.

    python scripts/eval_gate.py                 # check; exit 1 on a regression
    python scripts/eval_gate.py --update        # re-pin floors (raise only)
    python scripts/eval_gate.py --update --allow-lower   # lower a floor, on purpose
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wedlug.evaluation.gate import check  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--baseline", type=Path, default=ROOT / "eval_baseline.json")
    parser.add_argument("--update", action="store_true", help="pin the current scores as floors")
    parser.add_argument("--allow-lower", action="store_true", help="with --update: allow lowering")
    args = parser.parse_args()
    result = check(args.baseline, args.shared, update=args.update, allow_lower=args.allow_lower,
                   progress=lambda name: print(f"scoring {name} …", file=sys.stderr))
    for metric, value in sorted(result.scores.items()):
        print(f"{metric:45s} {value:.4f}")
    for failure in result.failures:
        print("FAIL", failure)
    return 1 if result.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
