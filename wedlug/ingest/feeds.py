"""RSS and Atom feeds (feedparser), from a file or a URL: each item's page is fetched
politely and read as HTML."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from wedlug.ingest.document import Document, failed
from wedlug.ingest.fetch import Fetcher, FetchError
from wedlug.ingest.html import from_html

#: Given a source key, return its stored row (with `status`, `etag`, `last_modified`) or None.
Lookup = Callable[[str], dict[str, Any] | None]


def from_feed_bytes(raw: bytes, name: str, fetcher: Fetcher, lookup: Lookup) -> Iterator[Document]:
    """Yield the document of every item's page in a feed."""
    import feedparser

    parsed = feedparser.parse(raw)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None) or "no items"
        yield failed(name, "feed", "bad_feed", f"{name}: not an RSS or Atom feed with items ({reason})")
        return
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        yield fetch_page(link, fetcher, lookup, entry)


def from_feed_file(path: Path, fetcher: Fetcher, lookup: Lookup) -> Iterator[Document]:
    """Yield the documents of a feed saved in a file."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        yield failed(str(path), "feed", "unreadable", f"{path}: {err.strerror or err}")
        return
    yield from from_feed_bytes(raw, str(path), fetcher, lookup)


def from_url(url: str, fetcher: Fetcher, lookup: Lookup) -> Iterator[Document]:
    """Yield the documents of a feed's items, or of the page itself when `url` is a page."""
    try:
        page = fetcher.get(url)
    except FetchError as err:
        yield failed(url, "feed", err.code, str(err))
        return
    if "html" in page.content_type and b"<rss" not in page.body[:2000]:
        doc = from_html(page.body, key=url, kind="page", url=url)
        doc.etag, doc.last_modified = page.etag, page.last_modified
        yield doc
        return
    yield from from_feed_bytes(page.body, url, fetcher, lookup)


def fetch_page(url: str, fetcher: Fetcher, lookup: Lookup, entry: Any = None) -> Document:
    """Fetch one item's page, conditionally when it is stored already, and read it."""
    known = lookup(url)
    etag = last_modified = None
    if known is not None and known.get("status") == "ok":
        etag, last_modified = known.get("etag"), known.get("last_modified")
    try:
        page = fetcher.get(url, etag=etag, last_modified=last_modified)
    except FetchError as err:
        if err.code == "robots_disallowed":
            return Document(url, "feed", skipped=str(err))
        return failed(url, "feed", err.code, str(err))
    if page.status == 304:
        return Document(url, "feed", unchanged=True, etag=etag, last_modified=last_modified)
    doc = from_html(page.body, key=url, kind="feed", url=url)
    doc.url = url
    doc.etag, doc.last_modified = page.etag, page.last_modified
    if entry is not None:
        doc.title = doc.title or entry.get("title")
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if doc.published is None and stamp:
            doc.published = time.strftime("%Y-%m-%d", stamp)
    return doc
