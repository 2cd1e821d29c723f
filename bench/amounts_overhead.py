"""Print what the times and amounts steps add to `analyze` on the dev and seed articles.

    python bench/amounts_overhead.py

Times every step of the default pipeline side by side (CPU time, best of seven warm rounds),
so that load from other processes does not tilt the comparison.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from wedlug.article import Article
from wedlug.pipeline import default_steps

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _step_times(texts: list[str], rounds: int) -> dict[str, float]:
    """Return, per step, its best total over the articles (steps timed side by side)."""
    steps = default_steps()
    best: dict[str, float] = {}
    for _ in range(rounds):
        spent = dict.fromkeys((s.name for s in steps), 0.0)
        for text in texts:
            article = Article(text=text, published="2024-09-15")
            for step in steps:
                start = time.process_time()
                article = step.run(article)
                spent[step.name] += time.process_time() - start
        best = {k: min(v, best.get(k, v)) for k, v in spent.items()}
    return best


def main() -> None:
    """Time every step on the same articles and print what times and amounts add."""
    splits = json.loads((ROOT / "gold" / "amounts" / "splits.json").read_text(encoding="utf-8"))
    docs = splits["seed"] + splits["dev"]
    texts = [(SHARED / d).read_text(encoding="utf-8-sig") for d in docs]
    _step_times(texts, 1)  # warm caches (Morfeusz chunks, lexicons, the generator)
    spent = _step_times(texts, 7)
    ours = spent["times"] + spent["amounts"]
    rest = sum(v for k, v in spent.items() if k not in ("times", "amounts"))
    print(f"{len(texts)} articles, {sum(len(t) for t in texts)} chars; CPU ms, best of 7 rounds")
    for name, value in spent.items():
        print(f"  {name:12} {value * 1000:8.1f} ms  ({value / len(texts) * 1000:.2f} ms/article)")
    print(f"overhead of times+amounts on the other steps: {ours / rest * 100:.1f}%")


if __name__ == "__main__":
    main()
