"""Print the speed of wedlug: per step, against Morfeusz alone, and start-up.

    python bench/throughput.py [--limit N]

Reads the first N shared SlavicNER articles (../shared/data/news/slavicner/raw), or the
bundled example when they are absent: the first half warms the caches up, the second
half is measured (unseen articles, as in a long ingest). Figures are seconds on this
machine, one core, one run; the language layer's cost is a ratio to Morfeusz's own
analyse() on the same articles in the same run. Per-article times use ~3,000-character
articles beyond the first N. Run it on a quiet machine: other load skews every figure.
The garbage collector's pauses are printed apart as well: a full collection walks every
cache in the process and lands in whichever step allocates when it is due, so the steady
state is shown once with the pauses in the steps they fell in and once without them.
The collector runs with the thresholds `wedlug analyze` and `wedlug ingest` set for a batch
(wedlug/runtime.py); `--plain-gc` keeps Python's defaults, for comparison.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wedlug.article import Article  # noqa: E402
from wedlug.lang.pl.morphology import morfeusz  # noqa: E402
from wedlug.lang.pl.words import default_analyser, default_tagger  # noqa: E402
from wedlug.pipeline import Pipeline, default_pipeline  # noqa: E402
from wedlug.runtime import tune_for_batches  # noqa: E402

FOUNDATION = ("paragraphs", "boilerplate", "sentences", "tokens", "language")


def corpus(limit: int) -> list[str]:
    raw = ROOT.parent / "shared" / "data" / "news" / "slavicner" / "raw"
    files = sorted(raw.rglob("*.txt"))[:limit] if raw.is_dir() else []
    files = files or [ROOT / "examples" / "artykul.txt"]
    return [f.read_text(encoding="utf-8") for f in files]


def morfeusz_alone(text: str) -> float:
    """Seconds of Morfeusz's own analyse() of a text, with Python's garbage collector held
    off: analyse() allocates a lot, and a collection it triggers walks every cache the
    pipeline has filled, a cost of this process, not of Morfeusz (it made the ratio to
    Morfeusz look 1.3x where it is 1.9x)."""
    gc.disable()
    try:
        t0 = time.perf_counter()
        morfeusz().analyse(text)
        return time.perf_counter() - t0
    finally:
        gc.enable()


class Pauses:
    """The garbage collector's pauses, summed (a `gc.callbacks` hook). A full collection
    walks every cache the process holds and lands in whichever step happens to allocate
    when it is due: 0.5-0.9 s at a time here, so it is counted apart from the steps too."""

    def __init__(self) -> None:
        self.total = 0.0
        self.full = 0
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.total += time.perf_counter() - self._start
            self.full += info["generation"] == 2


class Timing(NamedTuple):
    """Seconds per step, the collector's pauses within each, and how many full collections."""

    spent: dict[str, float]
    paused: dict[str, float]
    full: int


def per_step(texts: list[str], with_morfeusz: bool = False) -> Timing:
    """Seconds spent in each step over all texts, and the collector's pauses within them;
    with `with_morfeusz`, also Morfeusz's own analyse() of each text just before it (key
    `morfeusz`), so that both are timed under the same load, article by article, and
    their ratio is steady on a noisy machine."""
    pipeline = default_pipeline()
    spent = dict.fromkeys(pipeline.names, 0.0)
    paused = dict.fromkeys(pipeline.names, 0.0)
    pauses = Pauses()
    gc.callbacks.append(pauses)
    try:
        for text in texts:
            if with_morfeusz:
                spent["morfeusz"] = spent.get("morfeusz", 0.0) + morfeusz_alone(text)
            article = Article(text=text)
            for step in pipeline.steps:
                t0, p0 = time.perf_counter(), pauses.total
                article = step.run(article)
                spent[step.name] += time.perf_counter() - t0
                paused[step.name] += pauses.total - p0
    finally:
        gc.callbacks.remove(pauses)
    return Timing(spent, paused, pauses.full)


def in_layer(seconds: dict[str, float]) -> float:
    """The seconds of the language layer's steps (FOUNDATION) among some steps'."""
    return sum(seconds[s] for s in FOUNDATION if s in seconds)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=10_000)
    parser.add_argument("--plain-gc", action="store_true",
                        help="keep Python's default collector thresholds instead of the ones the "
                             "batch commands set (wedlug.runtime)")
    args = parser.parse_args()
    if not args.plain_gc:
        tune_for_batches()
    every = corpus(10_000)
    texts = every[:args.limit]
    default_tagger(), default_analyser()
    # Three regimes: the first articles a process sees (every cache empty); then unseen
    # articles after the caches have warmed up on others (what a long ingest sees), the
    # figure the targets are read from; Morfeusz alone is timed on those same articles.
    half = len(texts) // 2 or 1
    warmup, measured = texts[:half], texts[half:] or texts
    chars = sum(map(len, measured))
    cold = per_step(warmup).spent
    block_s = sum(morfeusz_alone(text) for text in measured)
    steady, paused, collections = per_step(measured, with_morfeusz=True)
    morfeusz_s = steady.pop("morfeusz")
    setting = "Python's defaults" if args.plain_gc else "as the batch commands set them"
    print(f"articles {len(texts)}: first {len(warmup)} to warm up, {len(measured)} measured "
          f"({chars:,} characters); collector thresholds {gc.get_threshold()} ({setting})")
    print(f"morfeusz analyse() alone on the measured articles {morfeusz_s:8.3f} s "
          f"(timed article by article next to the pipeline; {block_s:.3f} s in one block before it)")
    for label, spent, base in (("cold start (first articles, empty caches)", cold, None),
                               ("steady state (unseen articles, warmed caches)", steady, morfeusz_s)):
        layer = in_layer(spent)
        total = sum(spent.values())
        ratio = f" = {layer / base:.2f}x Morfeusz ({layer / block_s:.2f}x the block)" if base else ""
        print(f"\n{label}: language layer {layer:.3f} s{ratio}; whole analyze {total:.3f} s")
        for name, seconds in spent.items():
            extra = "" if name in FOUNDATION else f"   (+{seconds / layer:.0%} of the language layer)"
            print(f"  {name:12s} {seconds:8.3f} s{extra}")
    # The same steady state with the collector's pauses taken out of the steps they fell in.
    own = {name: steady[name] - paused[name] for name in steady}
    layer = in_layer(own)
    print(f"\nsteady state without the garbage collector's pauses ({sum(paused.values()):.3f} s in all, "
          f"{collections} full collections; {in_layer(paused):.3f} s in the language layer): "
          f"language layer {layer:.3f} s = {layer / morfeusz_s:.2f}x Morfeusz")
    for name, seconds in own.items():
        if name not in FOUNDATION:
            print(f"  {name:12s} {seconds:8.3f} s   (+{seconds / layer:.0%} of the language layer)")
    # Per-article times on ~3,000-character articles the run has not seen yet.
    sized = [t for t in every[args.limit:] if 2500 <= len(t) <= 3500][:50] \
        or [t for t in texts if 2500 <= len(t) <= 3500][:50] or texts[:1]
    full = default_pipeline()
    foundation = Pipeline([s for s in full.steps if s.name in FOUNDATION])
    # Each pipeline gets its own half of the articles, so neither sees the other's words.
    for label, pipeline, part in (("foundation steps", foundation, sized[0::2]),
                                  ("all steps", full, sized[1::2] or sized)):
        times = []
        for text in part:
            t0 = time.perf_counter()
            pipeline(Article(text=text))
            times.append(time.perf_counter() - t0)
        print(f"\nanalyze of a ~3,000-character article, {label} ({len(part)} unseen articles): "
              f"median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms")
    # The floor under any per-article target: Morfeusz's own analyse() of the same articles.
    alone = [morfeusz_alone(text) for text in sized]
    print(f"\nmorfeusz analyse() alone on those articles: median {statistics.median(alone) * 1000:.1f} ms")
    walls = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "wedlug", "analyze", str(ROOT / "examples" / "artykul.txt")],
                       check=True, capture_output=True)
        walls.append(time.perf_counter() - t0)
    print(f"`wedlug analyze examples/artykul.txt` wall time: best {min(walls):.2f} s of 3")


if __name__ == "__main__":
    main()
