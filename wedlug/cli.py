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
    return parser


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


def main(argv: list[str] | None = None) -> int:
    """Run the command line."""
    args = build_parser().parse_args(argv)
    if args.command == "analyze":
        if args.output:
            with open(args.output, "w", encoding="utf-8") as out:
                return run_analyze(args, out)
        return run_analyze(args, sys.stdout)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
