"""Search latency on a large store built at run time from the shared articles.

    python bench/search.py [--articles 100000] [--db PATH] [--keep]

How the corpus is made: the shared articles (../shared/data/news/slavicner/raw) are
ingested once (analysis, base forms, statements, entities); then `--articles` synthetic
articles are written straight through SQL, each one shared article A followed by the
first part (a random fraction) of another article B, with A's base forms followed by the
same fraction of B's, A's statements, entities and amounts (their offsets stay valid:
A's text comes first), a random date in 2018-2024 and one of 20 site names. Every text
is distinct, so every article is its own original. Nothing is committed to the repo.

The synthetic rows go in through plain SQL, so the store's triggers keep the full-text
index and the search facts (wedlug.store.migrations, 0003) exactly as an ingest would.

It then times `wedlug.query.search` (including the query's own tokenisation) for a
mix of queries, each repeated, and prints p50, p95 and max (target p95 <= 50 ms), and the
slowest queries. Search ranks the newest 1,000 matches (wedlug.query.search's doc): the
common words (`rząd`, `premier`, `Niemcy`: 30-50k matches each) are there on purpose, as
are filters that keep few of many matches (`gaz` and denials, `Pakistan` on one site).
The last two are modelled on the README's examples: several filters; filters without words.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RAW = ROOT.parent / "shared" / "data" / "news" / "slavicner" / "raw"

from wedlug.ingest import IngestOptions, ingest  # noqa: E402
from wedlug.query import Filters, search  # noqa: E402
from wedlug.store import Store, open_store  # noqa: E402

QUERIES: list[tuple[str, Filters]] = [
    ("Putin", Filters()), ("pocisk", Filters()), ("Theresa May", Filters()), ("szczepionka", Filters()),
    ("gazociąg", Filters()), ("samolot", Filters()), ("Ryanair", Filters()), ("Asia Bibi", Filters()),
    ("rząd", Filters()), ("premier", Filters()), ("Unia Europejska", Filters()), ("Niemcy", Filters()),
    ("minister zdrowia", Filters()), ("kara śmierci", Filters()), ("strajk pilotów", Filters()),
    ("koronawirus", Filters(since="2020-01-01")), ("brexit", Filters(until="2019-12-31")),
    ("Tusk", Filters(speaker="Donald Tusk")), ("gaz", Filters(polarity="deny")),
    ("umowa", Filters(kind="direct")), ("Pakistan", Filters(site="site-3.pl")),
    ("Nord Stream", Filters(entity="Rosja")), ("szpital", Filters()), ("lotnisko", Filters()),
    ("sankcje", Filters(speaker="Tusk", polarity="deny", since="2020-01-01")),
    ("", Filters(entity="NATO", kind="direct")),
]
SITES = [f"site-{i}.pl" for i in range(20)]
CHILDREN = {"statements": 13, "mentions": 6, "amounts": 13}


def synthesise(store: Store, total: int, seed: int = 1) -> None:
    """Write `total` synthetic articles made of pairs of stored ones (see the module doc)."""
    rng = random.Random(seed)
    db = store.db
    base = db.query("SELECT id, source, title, text, lemmas, record FROM articles WHERE dup_of IS NULL")
    children = {t: {} for t in CHILDREN}  # type: dict[str, dict[str, list[dict[str, object]]]]
    for table in CHILDREN:
        for row in db.query(f"SELECT * FROM {table}"):
            children[table].setdefault(str(row["article_id"]), []).append(row)
    made = 0
    while made < total:
        db.begin()
        for _ in range(min(5000, total - made)):
            a, b = rng.choice(base), rng.choice(base)
            share = rng.uniform(0.1, 0.6)
            text = a["text"] + "\n\n" + b["text"][: int(len(b["text"]) * share)]
            words = b["lemmas"].split()
            lemmas = a["lemmas"] + " " + " ".join(words[: int(len(words) * share)])
            new_id = hashlib.sha256(f"{made}:{text}".encode()).hexdigest()
            record = json.loads(a["record"])
            day = f"{rng.randint(2018, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            record.update(id=new_id, text=text, source=f"synthetic/{made}", published=day)
            db.execute("""INSERT INTO articles (id, source, url, title, published, site, author, text, lemmas,
                          record, dup_of, similarity, ingested_at) VALUES (?, ?, NULL, ?, ?, ?, NULL, ?, ?, ?,
                          NULL, NULL, '2026-01-01')""",
                       (new_id, record["source"], a["title"], record["published"], rng.choice(SITES), text,
                        lemmas, json.dumps(record, ensure_ascii=False)))
            for table, width in CHILDREN.items():
                rows = [(new_id, *list(r.values())[1:width]) for r in children[table].get(a["id"], [])]
                if rows:
                    db.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * width)})", rows)
            made += 1
        db.commit()
        print(f"  {made} synthetic articles", file=sys.stderr)


def measure(store: Store, repeats: int) -> dict[int, list[float]]:
    """Return the latencies of each query (by index), in milliseconds (after one warm-up pass)."""
    for query, filters in QUERIES:
        search(store, query, filters)
    timings: dict[int, list[float]] = {i: [] for i in range(len(QUERIES))}
    for _ in range(repeats):
        for i, (query, filters) in enumerate(QUERIES):
            started = time.perf_counter()
            search(store, query, filters)
            timings[i].append(1000 * (time.perf_counter() - started))
    return timings


def describe(query: str, filters: Filters) -> str:
    """Return a query as a person would type it: `gaz --polarity deny`."""
    options = " ".join(f"--{name.replace('site', 'source-site')} {value}"
                       for name, value in dataclasses.asdict(filters).items() if value)
    return " ".join(part for part in (repr(query) if not query else query, options) if part)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", help="a store to reuse (built there when empty)")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wedlug-search-"))
    db = args.db or str(work / "search.db")
    try:
        store = open_store(db)
        if store.count("articles") == 0:
            started = time.perf_counter()
            store.close()
            ingest(sorted(str(p) for p in RAW.rglob("*.txt")), db, IngestOptions(progress=False))
            store = open_store(db)
            synthesise(store, max(0, args.articles - store.count("articles")))
            store.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
            print(f"built {store.count('articles')} articles in {time.perf_counter() - started:.0f} s")
        by_query = measure(store, args.repeats)
        timings = sorted(t for times in by_query.values() for t in times)
        p95 = timings[int(0.95 * (len(timings) - 1))]
        print(f"store: {store.count('articles')} articles; {len(timings)} searches of {len(QUERIES)} queries")
        slowest = sorted(by_query, key=lambda i: -statistics.median(by_query[i]))[:3]
        print("slowest (median): " + "; ".join(
            f"{describe(*QUERIES[i])} {statistics.median(by_query[i]):.1f} ms" for i in slowest))
        print(f"search latency: p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, "
              f"max {timings[-1]:.1f} ms  (target p95 <= 50 ms)")
        store.close()
    finally:
        if not args.db:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
