"""How a batch of many articles runs: with a larger young generation for the collector.

The steps' caches (a chunk's readings, a word's candidates, the chooser's decisions, the
detector's word features) grow by hundreds of thousands of objects over a batch, and each
article allocates tens of thousands more that die with it. With Python's default
thresholds (700, 10, 10) the collector runs every 700 net allocations, promotes an
article's live objects towards the oldest generation, and about once every 45 articles a
full collection walks every cache: 0.3-0.9 s each, about a seventh of a long run here.
The steps leave almost no cyclic garbage to find (24 objects in 100 news articles, measured
with `gc.DEBUG_SAVEALL`); reference counting frees the rest. A young generation of 50,000
lets most of an article's objects die before a collection sees them: over 500 news
articles the collector's pauses fell from 4.4-4.8 s to 1.2 s and the run from 32-35 s to
28-29 s (`bench/throughput.py` prints both settings). Memory is unchanged (430 MB peak).

It is a process-wide setting, so the library never makes it by itself: the batch commands
(`wedlug analyze`, `wedlug ingest`) and the bench do.
"""

from __future__ import annotations

import gc

BATCH_THRESHOLDS = (50_000, 10, 10)


def tune_for_batches() -> None:
    """Set the collector's thresholds for a long run of articles (BATCH_THRESHOLDS)."""
    gc.set_threshold(*BATCH_THRESHOLDS)
