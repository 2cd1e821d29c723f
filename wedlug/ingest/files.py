"""Plain text files, read and decoded as `wedlug analyze` reads them."""

from __future__ import annotations

from pathlib import Path

from wedlug.ingest.document import Document, failed, sha256
from wedlug.reading import MAX_BYTES, decode


def from_text_file(path: Path, *, published: str | None = None) -> Document:
    """Return the document of one text file (UTF-8, CP1250 or ISO-8859-2)."""
    key = str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raw = b"x" * (MAX_BYTES + 1)
        else:
            raw = path.read_bytes()
    except OSError as err:
        return failed(key, "text", "unreadable", f"{path}: {err.strerror or err}")
    decoded = decode(raw, key)
    return Document(key, "text", text=decoded.text, content_hash=sha256(raw),
                    published=published, error=decoded.error)
