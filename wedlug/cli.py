"""The `wedlug` command: a thin layer over the library."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from typing import IO, Any

from wedlug import __version__

EXAMPLES = """\
examples:
  wedlug analyze examples/artykul.txt               one article, one JSON record
  wedlug analyze --format text examples/artykul.txt statements grouped by speaker
  wedlug analyze corpus/ --format jsonl -o out.jsonl every *.txt below corpus/, in path order
  cat artykul.txt | wedlug analyze - --published 2024-09-15
  wedlug analyze --tokens artykul.txt               add each token's lemma and tag

Input may be UTF-8 (with or without BOM), CP1250 or ISO-8859-2. A file that cannot be
read gives a record with "error": {"code", "message"} and a line on stderr; the rest
of the batch goes on, and the exit status is 1 when any file failed.
"""


def _date(value: str) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {value!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the `wedlug` command."""
    parser = argparse.ArgumentParser(
        prog="wedlug", description="Who says what, according to whom: read Polish news.")
    parser.add_argument("--version", action="version", version=f"wedlug {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    analyze = commands.add_parser(
        "analyze", help="analyse articles and print their records",
        description="Analyse Polish news articles and print one record per article "
                    "(statements, entities, amounts; see CONTRACT.md).",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    analyze.add_argument("inputs", nargs="*", default=["-"], metavar="FILE|DIR|-",
                         help="files, directories (every *.txt below), or - for standard input")
    analyze.add_argument("--format", choices=("json", "jsonl", "text"), default=None,
                         help="json (default for one input), jsonl (default for several), "
                              "text (for a person)")
    analyze.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                         help="publication date, anchors relative dates (wczoraj, w czerwcu)")
    analyze.add_argument("--tokens", action="store_true",
                         help="add tokens with lemma, NKJP tag and sentence index")
    analyze.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    analyze.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no warnings")
    _add_store_commands(commands)
    return parser


DB_HELP = "the store: a SQLite file (default wedlug.db) or a postgresql:// URL"

INGEST_EXAMPLES = """\
examples:
  wedlug ingest corpus/ --db news.db              every .txt .html .rss .xml .warc .jsonl below corpus/
  wedlug ingest page.html crawl.warc.gz --db news.db
  wedlug ingest https://example.pl/rss.xml --db news.db --delay 2
  wedlug ingest dump.jsonl --text-field body --id-field uuid --db news.db
  wedlug ingest corpus/ --db postgresql://user@127.0.0.1/news

Run it again at will: unchanged sources are skipped (content hash; ETag/Last-Modified for
pages), failed ones are tried again, and a run killed half-way loses nothing. The summary
counts new, unchanged, near-duplicate and failed sources; the exit status is 1 when any failed.
"""

SEARCH_EXAMPLES = """\
examples:
  wedlug search Putin --db news.db                finds Putina, Putinem, Putinowi too
  wedlug search "pocisk" --since 2024-01-01       base forms: finds pocisków, pociskami
  wedlug search sankcje --speaker "Donald Tusk" --polarity deny
  wedlug search "" --entity NATO --kind direct --format json
  wedlug search brexit --source-site "Portal Przykładowy" --format csv > hits.csv
"""

SAID_EXAMPLES = """\
examples:
  wedlug said "Theresa May" --db news.db          everything she said, newest first
  wedlug said Tusk --since 2024-09-01 --format csv
  wedlug about "Unia Europejska"                  articles that mention it, most mentions first
  wedlug stats --format json
  wedlug export --what statements --format parquet -o statements.parquet
"""


def _store_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", default="wedlug.db", metavar="FILE|URL", help=DB_HELP)
    return parent


def _add_store_commands(commands: Any) -> None:
    """Add ingest, then the commands that read the store."""
    raw = argparse.RawDescriptionHelpFormatter
    store = _store_parent()
    ingest = commands.add_parser(
        "ingest", parents=[store], help="read sources into the store, each exactly once",
        description="Analyse text files, saved HTML pages, RSS/Atom feeds (file or URL), WARC "
                    "files and JSONL dumps, and store their records.",
        epilog=INGEST_EXAMPLES, formatter_class=raw)
    ingest.add_argument("sources", nargs="+", metavar="SOURCE", help="files, directories or feed URLs")
    ingest.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                        help="publication date for text files (pages bring their own)")
    ingest.add_argument("--text-field", default="text", help="JSONL: the field with the text (text)")
    ingest.add_argument("--id-field", help="JSONL: a field that names each item for good")
    ingest.add_argument("--delay", type=float, default=1.0, help="seconds between requests to one host (1)")
    ingest.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for a server (20)")
    ingest.add_argument("--retries", type=int, default=3, help="tries after a failed request (3)")
    ingest.add_argument("--user-agent", help="the User-Agent sent (default names wedlug)")
    ingest.add_argument("--ignore-robots", action="store_true",
                        help="fetch what robots.txt disallows (only for your own sites)")
    ingest.add_argument("--batch", type=int, default=64, help="sources per transaction (64)")
    ingest.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    _add_query_commands(commands, store)


def _add_query_commands(commands: Any, store: argparse.ArgumentParser) -> None:
    """Add search, said, about, stats and export."""
    from wedlug.query.export import FORMATS as EXPORT_FORMATS
    from wedlug.query.export import WHAT
    from wedlug.query.output import FORMATS

    raw = argparse.RawDescriptionHelpFormatter
    search = commands.add_parser(
        "search", parents=[store], help="full-text search in base forms, with filters",
        description="Find stored articles by the base forms of their words: a query for Putin\n"
                    "finds Putinem. Near-duplicate copies are shown once. Results are ranked by\n"
                    "relevance (BM25 in SQLite, ts_rank in PostgreSQL) among the newest --window\n"
                    "matches; reach older ones with --until or narrower filters. Without words,\n"
                    "newest first.",
        epilog=SEARCH_EXAMPLES, formatter_class=raw)
    search.add_argument("query", metavar="QUERY", help="words, all of which must occur; \"\" for any")
    search.add_argument("--speaker", help="only articles where this speaker said something")
    search.add_argument("--entity", help="only articles that mention this entity")
    search.add_argument("--kind", choices=("direct", "indirect", "mixed", "according_to"))
    search.add_argument("--polarity", choices=("assert", "deny"))
    search.add_argument("--since", type=_date, metavar="YYYY-MM-DD")
    search.add_argument("--until", type=_date, metavar="YYYY-MM-DD")
    search.add_argument("--source-site", metavar="SITE", help="only articles from this site")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--window", type=int, default=1000, metavar="N",
                        help="rank the newest N matches (default 1000; 0 ranks all, slower on "
                             "large stores)")
    search.add_argument("--format", choices=FORMATS, default="table")

    for name, helptext in (("said", "what a person or body said"),
                           ("about", "articles that mention an entity")):
        command = commands.add_parser(name, parents=[store], help=helptext, description=helptext + ".",
                                      epilog=SAID_EXAMPLES, formatter_class=raw)
        command.add_argument("entity", metavar="ENTITY", help="a name (any case form) or entity id")
        if name == "said":
            command.add_argument("--since", type=_date, metavar="YYYY-MM-DD")
            command.add_argument("--until", type=_date, metavar="YYYY-MM-DD")
        command.add_argument("--limit", type=int, default=100)
        command.add_argument("--format", choices=FORMATS, default="table")

    stats = commands.add_parser("stats", parents=[store], help="the store in numbers",
                                description="Counts of articles, copies, sources, statements; top "
                                            "speakers and entities.",
                                epilog=SAID_EXAMPLES, formatter_class=raw)
    stats.add_argument("--format", choices=("table", "json"), default="table")

    export = commands.add_parser("export", parents=[store], help="write records or tables to a file",
                                 description="Export records, statements, entities, amounts or times.",
                                 epilog=SAID_EXAMPLES, formatter_class=raw)
    export.add_argument("--what", choices=WHAT, default="records")
    export.add_argument("--format", choices=EXPORT_FORMATS, default="jsonl")
    export.add_argument("-o", "--output", metavar="FILE", help="write here (needed for parquet)")


def _progress(items: list[Any], quiet: bool) -> Iterator[Any]:
    if quiet or len(items) < 20 or not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, unit="article", file=sys.stderr)


def run_analyze(args: argparse.Namespace, out: IO[str]) -> int:
    """Analyse every input, write the records, return the exit status."""
    from wedlug.api import analyze
    from wedlug.pipeline import failed
    from wedlug.reading import iter_inputs
    from wedlug.render import render_text
    from wedlug.runtime import tune_for_batches

    tune_for_batches()
    inputs = list(iter_inputs(args.inputs))
    fmt = args.format or ("json" if len(inputs) == 1 else "jsonl")
    status = 0
    records = []
    for item in _progress(inputs, args.quiet):
        if item.error is not None or item.text is None:
            article = failed(item.source, item.error)  # type: ignore[arg-type]
            print(f"wedlug: {article.error.message}", file=sys.stderr)  # type: ignore[union-attr]
            status = 1
        else:
            article = analyze(item.text, published=args.published, source=item.source)
            if not args.quiet:
                for warning in article.warnings:
                    print(f"wedlug: {item.source}: {warning.message}", file=sys.stderr)
        record = article.to_dict(tokens=args.tokens)
        if fmt == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif fmt == "text":
            out.write(render_text(record) + "\n")
        else:
            records.append(record)
    if fmt == "json":
        payload = records[0] if len(records) == 1 else records
        out.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    return status


def run_ingest(args: argparse.Namespace) -> int:
    """Ingest the sources and print the summary; 1 when any source failed."""
    from wedlug.ingest import FetchOptions, IngestOptions, SourceOptions, ingest
    from wedlug.runtime import tune_for_batches

    tune_for_batches()
    fetch = FetchOptions(timeout=args.timeout, retries=args.retries, delay=args.delay,
                         robots=not args.ignore_robots,
                         **({"user_agent": args.user_agent} if args.user_agent else {}))
    sources = SourceOptions(published=args.published, text_field=args.text_field,
                            id_field=args.id_field, fetch=fetch)
    options = IngestOptions(sources=sources, batch_size=args.batch, progress=False if args.quiet else None)
    summary = ingest(args.sources, args.db, options)
    for line in summary.lines():
        print(f"wedlug: {line}", file=sys.stderr)
    return 1 if summary.counts["failed"] else 0


def run_query(args: argparse.Namespace, out: IO[str]) -> int:
    """Run search, said, about or stats and print the answer."""
    from wedlug import query
    from wedlug.query.output import search_table, stats_text, write_rows
    from wedlug.store import open_store

    store = open_store(args.db)
    try:
        if args.command == "search":
            filters = query.Filters(args.speaker, args.entity, args.kind, args.polarity,
                                    args.since, args.until, args.source_site)
            rows = query.search(store, args.query, filters, limit=args.limit, window=args.window or None)
            if args.format == "table":
                out.write(search_table(rows) + "\n")
            else:
                write_rows(rows, args.format, out, [])
        elif args.command == "said":
            rows = query.said(store, args.entity, since=args.since, until=args.until, limit=args.limit)
            write_rows(rows, args.format, out, ["published", "speaker", "cue", "content"])
        elif args.command == "about":
            rows = query.about(store, args.entity, limit=args.limit)
            write_rows(rows, args.format, out, ["published", "mentions", "site", "title"])
        else:
            summary = query.stats(store)
            out.write((json.dumps(summary, ensure_ascii=False, indent=1) if args.format == "json"
                       else stats_text(summary)) + "\n")
    finally:
        store.close()
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Export one table of the store to a file or standard output."""
    from wedlug.query import export
    from wedlug.store import open_store

    if args.format == "parquet" and not args.output:
        print("wedlug: parquet is binary: give a file with -o/--output", file=sys.stderr)
        return 2
    store = open_store(args.db)
    try:
        if args.output and args.format == "parquet":
            with open(args.output, "wb") as binary:
                count = export(store, args.what, args.format, binary)
        elif args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as text:
                count = export(store, args.what, args.format, text)
        else:
            count = export(store, args.what, args.format, sys.stdout)
    finally:
        store.close()
    print(f"wedlug: exported {count} {args.what}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line."""
    args = build_parser().parse_args(argv)
    if args.command == "analyze":
        if args.output:
            with open(args.output, "w", encoding="utf-8") as out:
                return run_analyze(args, out)
        return run_analyze(args, sys.stdout)
    if args.command == "ingest":
        return run_ingest(args)
    if args.command in ("search", "said", "about", "stats"):
        return run_query(args, sys.stdout)
    if args.command == "export":
        return run_export(args)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
