"""A `Document`: one article's text as a source gave it, with what is known of its origin."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from wedlug.article import ArticleError

_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")


@dataclass(slots=True)
class Document:
    """A text to analyse, or the reason there is none.

    `key` names the source for good (a path, a URL, `file.jsonl:12`): the store keeps one
    row per key. `content_hash` is the sha256 of what the source gave; the same hash as
    last time means the source is unchanged and is not analysed again.
    """

    key: str
    kind: str
    text: str | None = None
    content_hash: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    site: str | None = None
    author: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: ArticleError | None = None
    unchanged: bool = False
    skipped: str | None = None


def sha256(data: bytes | str) -> str:
    """Return the hex sha256 of bytes, or of a string's UTF-8."""
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def iso_date(value: object) -> str | None:
    """Return the YYYY-MM-DD a date-like string begins with, else None."""
    if not isinstance(value, str):
        return None
    match = _DATE.match(value.strip())
    return match.group(1) if match else None


def failed(key: str, kind: str, code: str, message: str) -> Document:
    """Return the document of a source that could not be read."""
    return Document(key, kind, error=ArticleError(code, message))
