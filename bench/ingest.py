"""Ingest the shared articles into a fresh SQLite store and print where the time goes.

    python bench/ingest.py [--limit N] [--db PATH]

Prints the total time, the analysis time, the store's time (lookups, near-duplicate
search, writes, commits) and its share of the total (target: at most 15%), then ingests
again and prints the rows that added (target: 0).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RAW = ROOT.parent / "shared" / "data" / "news" / "slavicner" / "raw"

from wedlug.ingest import IngestOptions, ingest  # noqa: E402
from wedlug.store import open_store  # noqa: E402

TABLES = ("sources", "articles", "entities", "mentions", "statements", "amounts", "times")


def rows(db: str) -> dict[str, int]:
    store = open_store(db)
    try:
        return {t: store.count(t) for t in TABLES}
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="only the first N articles (path order)")
    parser.add_argument("--db", help="keep the store here (default: a temporary file)")
    args = parser.parse_args()
    if not RAW.is_dir():
        raise SystemExit(f"needs the shared articles at {RAW}")
    work = Path(tempfile.mkdtemp(prefix="wedlug-bench-"))
    sources = sorted(str(p) for p in RAW.rglob("*.txt"))[: args.limit]
    db = args.db or str(work / "bench.db")
    try:
        first = ingest(sources, db, IngestOptions(progress=False))
        s = first.seconds
        print(f"articles: {len(sources)}  ({', '.join(first.lines()[:1])})")
        rest = s["total"] - s["analysis"] - s["store"] - s["read"]
        print(f"total {s['total']:.1f} s  = analysis {s['analysis']:.1f} s + store {s['store']:.2f} s "
              f"+ reading {s['read']:.2f} s + rest {rest:.2f} s")
        print(f"store share of total: {first.store_share:.1%}  (target <= 15%)")
        print(f"per article: {1000 * s['total'] / len(sources):.1f} ms, store "
              f"{1000 * s['store'] / len(sources):.2f} ms")
        before = rows(db)
        again = ingest(sources, db, IngestOptions(progress=False))
        after = rows(db)
        added = sum(after[t] - before[t] for t in TABLES)
        print(f"re-ingest: {again.lines()[0]}; rows added: {added}  (target 0)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
