"""Print how much the statements step adds to `analyze` on the gold articles.

    python bench/statements_overhead.py [ROUNDS]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from wedlug import analyze
from wedlug.lang.pl.statements import predict_statements
from wedlug.pipeline import Pipeline, default_steps

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main() -> int:
    """Time analyze with and without the statements step and print the overhead."""
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    splits = json.loads((ROOT / "gold" / "statements" / "splits.json").read_text(encoding="utf-8"))
    texts = [(SHARED / d).read_bytes().decode("utf-8-sig") for docs in splits.values() for d in docs
             if (SHARED / d).exists()]
    if not texts:
        print(f"no articles under {SHARED}", file=sys.stderr)
        return 2
    full = Pipeline(default_steps())
    without = Pipeline([s for s in default_steps() if s.name != "statements"])
    for text in texts:                 # warm caches (Morfeusz, tagger, lexicons)
        analyze(text, pipeline=full)
    timings = {}
    for name, pipeline in (("without statements", without), ("with statements", full)):
        start = time.perf_counter()
        for _ in range(rounds):
            for text in texts:
                analyze(text, pipeline=pipeline)
        timings[name] = (time.perf_counter() - start) / (rounds * len(texts))
    articles = [analyze(text, pipeline=without) for text in texts]
    start = time.perf_counter()
    for _ in range(rounds):
        for article in articles:
            predict_statements(article)
    step = (time.perf_counter() - start) / (rounds * len(texts))
    chars = sum(len(t) for t in texts) / len(texts)
    base, total = timings["without statements"], timings["with statements"]
    print(f"{len(texts)} articles, {chars:.0f} characters on average, {rounds} rounds")
    print(f"analyze without statements: {base * 1000:.1f} ms/article")
    print(f"analyze with statements:    {total * 1000:.1f} ms/article")
    print(f"statements add {(total - base) * 1000:.1f} ms ({(total - base) / base:.1%}) end to end")
    print(f"the statements step alone: {step * 1000:.2f} ms/article ({step / base:.1%} of the rest)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
