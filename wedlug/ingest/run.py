"""The ingest run: read sources, analyse what is new or changed, store it exactly once."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from wedlug.article import Article
from wedlug.dedup import mark_copy
from wedlug.ingest.document import Document
from wedlug.ingest.fetch import Fetcher
from wedlug.ingest.sources import SourceOptions, estimate, iter_documents
from wedlug.store import Store, open_store
from wedlug.store.schema import SourceRow, StoredArticle, base_forms, span_base

OUTCOMES = ("new", "changed", "unchanged", "duplicate", "near_duplicate", "skipped", "failed")


@dataclass
class Summary:
    """What an ingest run did, source by source, and where its time went."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=lambda: {"read": 0.0, "analysis": 0.0,
                                                               "store": 0.0, "total": 0.0})

    @property
    def store_share(self) -> float:
        """The store's share of the total time (lookups, near-duplicates, writes, commits)."""
        return self.seconds["store"] / self.seconds["total"] if self.seconds["total"] else 0.0

    def lines(self) -> list[str]:
        """Return the summary for a person: counts, then every failure with its reason."""
        counts = self.counts
        head = (f"{counts['new']} new, {counts['unchanged']} unchanged, "
                f"{counts['near_duplicate']} near-duplicate, {counts['failed']} failed")
        extra = [f"{counts[k]} {k.replace('_', ' ')}" for k in ("changed", "duplicate", "skipped")
                 if counts[k]]
        out = [head + (f" ({', '.join(extra)})" if extra else "") +
               f" in {self.seconds['total']:.1f} s"]
        out += [f"failed: {key}: [{code}] {message}" for key, code, message in self.failures]
        out += [f"skipped: {key}: {reason}" for key, reason in self.skipped[:20]]
        if len(self.skipped) > 20:
            out.append(f"skipped: … and {len(self.skipped) - 20} more")
        return out


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Options of an ingest run."""

    sources: SourceOptions = field(default_factory=SourceOptions)
    batch_size: int = 64
    progress: bool | None = None  # None: a bar when standard error is a terminal


def _source_row(doc: Document, article_id: str | None = None) -> SourceRow:
    row = SourceRow(doc.key, doc.kind, doc.content_hash, article_id, etag=doc.etag,
                    last_modified=doc.last_modified)
    if doc.error is not None:
        row.status, row.error_code, row.error_message = "failed", doc.error.code, doc.error.message
    return row


def _is_unchanged(doc: Document, known: dict[str, Any] | None) -> bool:
    if known is None or known["status"] != "ok":
        return False
    return doc.unchanged or (doc.content_hash is not None and known["content_hash"] == doc.content_hash)


def prepare(article: Article, doc: Document) -> StoredArticle:
    """Return the record of an analysed document with the base forms the store indexes."""
    record = article.to_dict()
    if doc.title:
        record["title"] = doc.title
    for name in ("url", "site", "author"):
        if getattr(doc, name):
            record[name] = getattr(doc, name)
    speakers = []
    for statement in record["statements"]:
        speaker = statement.get("speaker")
        speakers.append(span_base(article.tokens, speaker["start"], speaker["end"]) if speaker else None)
    return StoredArticle(record, base_forms(article.tokens), speakers, url=doc.url, site=doc.site,
                         author=doc.author)


class Ingest:
    """One run over the sources, writing through the store's one writer."""

    def __init__(self, store: Store, options: IngestOptions) -> None:
        self.store = store
        self.options = options
        self.writer = store.writer(batch_size=options.batch_size)
        self.summary = Summary()

    def _fail(self, doc: Document, code: str, message: str) -> str:
        row = _source_row(doc)
        row.status, row.error_code, row.error_message = "failed", code, message
        self.writer.put_failure(row)
        self.summary.failures.append((doc.key, code, message))
        return "failed"

    def handle(self, doc: Document) -> str:
        """Store one document (or its failure) and return its outcome, one of OUTCOMES."""
        from wedlug.api import analyze

        if doc.skipped:
            self.summary.skipped.append((doc.key, doc.skipped))
            return "skipped"
        started = time.perf_counter()
        known = self.store.source(doc.key)
        self.summary.seconds["store"] += time.perf_counter() - started
        if doc.error is not None:
            return self._timed_store(lambda: self._fail(doc, doc.error.code, doc.error.message))  # type: ignore[union-attr]
        if _is_unchanged(doc, known):
            return "unchanged"
        started = time.perf_counter()
        try:
            article = analyze(doc.text or "", published=doc.published, source=doc.url or doc.key)
            stored = prepare(article, doc)
        except Exception as err:  # one bad article must not stop a run of thousands
            reason = f"{type(err).__name__}: {err}"
            return self._timed_store(lambda: self._fail(doc, "analysis_failed", reason))
        finally:
            self.summary.seconds["analysis"] += time.perf_counter() - started
        return self._timed_store(lambda: self._store(doc, stored, known))

    def _timed_store(self, work: Any) -> str:
        started = time.perf_counter()
        try:
            return str(work())
        finally:
            self.summary.seconds["store"] += time.perf_counter() - started

    def _store(self, doc: Document, stored: StoredArticle, known: dict[str, Any] | None) -> str:
        row = _source_row(doc, stored.id)
        if self.store.has_article(stored.id):
            self.writer.put_article(row, None)
            return "duplicate" if known is None or known["article_id"] != stored.id else "unchanged"
        mark_copy(stored, self.store, replacing=known["article_id"] if known is not None else None)
        self.writer.put_article(row, stored)
        if stored.dup_of is not None:
            return "near_duplicate"
        return "changed" if known is not None and known["status"] == "ok" else "new"


def _timed(documents: Iterator[Document], summary: Summary) -> Iterator[Document]:
    """Yield the documents, counting the time spent reading, extracting and fetching them."""
    while True:
        started = time.perf_counter()
        doc = next(documents, None)
        summary.seconds["read"] += time.perf_counter() - started
        if doc is None:
            return
        yield doc


def ingest(sources: list[str], db: str, options: IngestOptions | None = None) -> Summary:
    """Ingest every source into the store at `db`; return what happened."""
    from tqdm import tqdm

    options = options or IngestOptions()
    began = time.perf_counter()
    store = open_store(db)
    fetcher = Fetcher(options.sources.fetch)
    run = Ingest(store, options)
    show = options.progress if options.progress is not None else sys.stderr.isatty()
    try:
        documents = iter_documents(sources, options.sources, fetcher, store.source)
        with tqdm(_timed(documents, run.summary), total=estimate(sources), unit="src",
                  disable=not show, file=sys.stderr, dynamic_ncols=True) as bar:
            for doc in bar:
                outcome = run.handle(doc)
                run.summary.counts[outcome] += 1
                if outcome in ("new", "failed", "near_duplicate"):
                    bar.set_postfix_str(f"new {run.summary.counts['new']} failed "
                                        f"{run.summary.counts['failed']}", refresh=False)
        started = time.perf_counter()
        run.writer.flush()
        run.summary.seconds["store"] += time.perf_counter() - started
    finally:
        fetcher.close()
        store.close()
    run.summary.seconds["total"] = time.perf_counter() - began
    return run.summary
