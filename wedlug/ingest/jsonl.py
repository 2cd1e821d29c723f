"""JSONL dumps: one article per line, its text in a configurable field."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from wedlug.ingest.document import Document, failed, iso_date, sha256

TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("published", "date", "published_at", "pubdate")
SITE_FIELDS = ("site", "source", "sitename", "domain")


def _open(path: Path) -> IO[bytes]:
    if path.suffix == ".gz":
        # A GzipFile opened "rb" reads bytes like any binary file.
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _first(item: dict[str, Any], fields: tuple[str, ...]) -> str | None:
    for name in fields:
        if isinstance(item.get(name), str) and item[name].strip():
            return str(item[name])
    return None


def from_jsonl(path: Path, *, text_field: str = "text", id_field: str | None = None) -> Iterator[Document]:
    """Yield one document per line; the key is `path#ID` with `id_field`, else `path:LINE`."""
    try:
        stream = _open(path)
    except OSError as err:
        yield failed(str(path), "jsonl", "unreadable", f"{path}: {err.strerror or err}")
        return
    with stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            yield _document(path, number, line, text_field, id_field)


def _document(path: Path, number: int, line: bytes, text_field: str, id_field: str | None) -> Document:
    key = f"{path}:{number}"
    try:
        item = json.loads(line)
    except ValueError as err:
        return failed(key, "jsonl", "bad_json", f"{key}: not a JSON object ({err})")
    if not isinstance(item, dict):
        return failed(key, "jsonl", "bad_json", f"{key}: not a JSON object")
    if id_field and item.get(id_field) is not None:
        key = f"{path}#{item[id_field]}"
    text = item.get(text_field)
    if not isinstance(text, str) or not text.strip():
        doc = failed(key, "jsonl", "no_text", f"{key}: no text in field {text_field!r}")
        doc.content_hash = sha256(line)
        return doc
    return Document(key, "jsonl", text=text, content_hash=sha256(line.strip()),
                    title=_first(item, TITLE_FIELDS), url=_first(item, URL_FIELDS),
                    published=iso_date(_first(item, DATE_FIELDS)), site=_first(item, SITE_FIELDS),
                    author=_first(item, ("author",)))
