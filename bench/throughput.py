"""Print the speed of wedlug: per step, against Morfeusz alone, and start-up.

    python bench/throughput.py [--limit N]

Reads the shared SlavicNER articles (../shared/data/news/slavicner/raw), or the bundled
example when they are absent. Figures are seconds on this machine, one core, one run;
the language layer's cost is given as a ratio to Morfeusz's own analyse() on the same
texts, measured in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wedlug.article import Article  # noqa: E402
from wedlug.lang.pl.morphology import morfeusz  # noqa: E402
from wedlug.lang.pl.words import default_analyser, default_tagger  # noqa: E402
from wedlug.pipeline import Pipeline, default_pipeline  # noqa: E402

FOUNDATION = ("paragraphs", "boilerplate", "sentences", "tokens", "language")


def corpus(limit: int) -> list[str]:
    raw = ROOT.parent / "shared" / "data" / "news" / "slavicner" / "raw"
    files = sorted(raw.rglob("*.txt"))[:limit] if raw.is_dir() else []
    files = files or [ROOT / "examples" / "artykul.txt"]
    return [f.read_text(encoding="utf-8") for f in files]


def per_step(texts: list[str]) -> dict[str, float]:
    """Seconds spent in each step over all texts (a second pass, caches warm)."""
    pipeline = default_pipeline()
    spent = dict.fromkeys(pipeline.names, 0.0)
    for text in texts:
        article = Article(text=text)
        for step in pipeline.steps:
            t0 = time.perf_counter()
            article = step.run(article)
            spent[step.name] += time.perf_counter() - t0
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=10_000)
    args = parser.parse_args()
    texts = corpus(args.limit)
    chars = sum(map(len, texts))
    default_tagger(), default_analyser()
    m = morfeusz()
    t0 = time.perf_counter()
    for text in texts:
        m.analyse(text)
    morfeusz_s = time.perf_counter() - t0
    cold = per_step(texts)   # first pass: Morfeusz and feature caches fill up
    warm = per_step(texts)
    print(f"articles {len(texts)}, characters {chars:,}")
    print(f"morfeusz analyse() alone          {morfeusz_s:8.3f} s")
    for label, spent in (("first pass", cold), ("second pass", warm)):
        layer = sum(spent[s] for s in FOUNDATION if s in spent)
        total = sum(spent.values())
        print(f"\n{label}: language layer {layer:.3f} s = {layer / morfeusz_s:.2f}x Morfeusz; "
              f"whole analyze {total:.3f} s, {chars / total / 1000:.0f}k chars/s")
        for name, seconds in spent.items():
            extra = "" if name in FOUNDATION else f"   (+{seconds / layer:.0%} of the language layer)"
            print(f"  {name:12s} {seconds:8.3f} s{extra}")
    sized = [t for t in texts if 2500 <= len(t) <= 3500][:50] or texts[:1]
    full = default_pipeline()
    foundation = Pipeline([s for s in full.steps if s.name in FOUNDATION])
    for label, pipeline in (("foundation steps", foundation), ("all steps", full)):
        times = []
        for text in sized:
            t0 = time.perf_counter()
            pipeline(Article(text=text))
            times.append(time.perf_counter() - t0)
        print(f"\nanalyze of a ~3,000-character article, {label} (warm, {len(sized)} articles): "
              f"median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms")
    walls = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "wedlug", "analyze", str(ROOT / "examples" / "artykul.txt")],
                       check=True, capture_output=True)
        walls.append(time.perf_counter() - t0)
    print(f"`wedlug analyze examples/artykul.txt` wall time: best {min(walls):.2f} s of 3")


if __name__ == "__main__":
    main()
