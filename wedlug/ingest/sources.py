"""Which reader takes which source: by URL scheme and file suffix; directories are walked."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from wedlug.ingest.document import Document, failed
from wedlug.ingest.feeds import Lookup, from_feed_file, from_url
from wedlug.ingest.fetch import Fetcher, FetchOptions
from wedlug.ingest.files import from_text_file
from wedlug.ingest.html import from_html_file
from wedlug.ingest.jsonl import from_jsonl
from wedlug.ingest.warc import from_warc

KINDS = {
    ".txt": "text", ".html": "html", ".htm": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".jsonl": "jsonl", ".ndjson": "jsonl",
}


@dataclass(frozen=True, slots=True)
class SourceOptions:
    """How to read sources: the JSONL fields, a default date for text files, HTTP manners."""

    published: str | None = None
    text_field: str = "text"
    id_field: str | None = None
    fetch: FetchOptions = field(default_factory=FetchOptions)


def kind_of(path: Path) -> str | None:
    """Return the kind of source a file is, by its suffix (`.warc.gz`, `.jsonl.gz` too)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes[-1:] == [".gz"] and len(suffixes) > 1:
        return KINDS.get(suffixes[-2]) if suffixes[-2] in (".warc", ".jsonl", ".ndjson") else None
    return KINDS.get(suffixes[-1]) if suffixes else None


def is_url(name: str) -> bool:
    """Tell whether a source name is an http(s) URL."""
    return name.startswith(("http://", "https://"))


def list_files(names: list[str]) -> list[Path]:
    """Return the files the names stand for, directories walked in path order."""
    files: list[Path] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and kind_of(p)))
        elif not is_url(name):
            files.append(path)
    return files


def estimate(names: list[str]) -> int | None:
    """Return how many documents the sources hold, when that is cheap to know (for the ETA)."""
    if any(is_url(n) for n in names):
        return None
    total = 0
    for path in list_files(names):
        kind = kind_of(path)
        if kind in ("feed", "warc"):
            return None
        if kind == "jsonl" and path.suffix != ".gz":
            with path.open("rb") as stream:
                total += sum(1 for line in stream if line.strip())
        else:
            total += 1
    return total


def iter_documents(names: list[str], options: SourceOptions, fetcher: Fetcher,
                   lookup: Lookup) -> Iterator[Document]:
    """Yield the documents of every source named: files, directories, feed URLs."""
    for name in names:
        if is_url(name):
            yield from from_url(name, fetcher, lookup)
        elif Path(name).is_dir():
            for path in list_files([name]):
                yield from read_file(path, options, fetcher, lookup)
        elif Path(name).exists():
            yield from read_file(Path(name), options, fetcher, lookup)
        else:
            yield failed(name, "missing", "not_found", f"{name}: no such file or directory")


def read_file(path: Path, options: SourceOptions, fetcher: Fetcher, lookup: Lookup) -> Iterator[Document]:
    """Yield the documents of one file, by its kind."""
    kind = kind_of(path) or "text"
    if kind == "text":
        yield from_text_file(path, published=options.published)
    elif kind == "html":
        yield from_html_file(path)
    elif kind == "feed":
        yield from from_feed_file(path, fetcher, lookup)
    elif kind == "warc":
        yield from from_warc(path)
    else:
        yield from from_jsonl(path, text_field=options.text_field, id_field=options.id_field)
