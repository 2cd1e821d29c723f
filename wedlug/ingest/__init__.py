"""Ingest: read sources (text, HTML, feeds, WARC, JSONL), analyse, store exactly once."""

from wedlug.ingest.document import Document
from wedlug.ingest.fetch import FetchOptions
from wedlug.ingest.run import IngestOptions, Summary, ingest
from wedlug.ingest.sources import SourceOptions

__all__ = ["Document", "FetchOptions", "IngestOptions", "SourceOptions", "Summary", "ingest"]
