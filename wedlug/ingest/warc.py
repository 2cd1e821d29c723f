"""WARC files: HTML responses only, Polish pages only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from wedlug.ingest.document import Document, failed
from wedlug.ingest.html import from_html

# py3langid's scores are log-probabilities; with this many characters it is rarely wrong
# about Polish, and the analysis itself warns about mixed texts later.
SAMPLE_CHARS = 3000


def is_polish(text: str) -> bool:
    """Tell whether a text is in Polish (py3langid, on its first few thousand characters)."""
    import py3langid

    language, _ = py3langid.classify(text[:SAMPLE_CHARS])
    return bool(language == "pl")


def from_warc(path: Path) -> Iterator[Document]:
    """Yield a document for each HTML response in a WARC file; non-Polish ones are skipped."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        stream = path.open("rb")
    except OSError as err:
        yield failed(str(path), "warc", "unreadable", f"{path}: {err.strerror or err}")
        return
    with stream:
        try:
            for record in ArchiveIterator(stream):
                doc = _document(record)
                if doc is not None:
                    yield doc
        except Exception as err:  # warcio raises ArchiveLoadFailed and zlib errors on damage
            yield failed(f"{path}#damaged", "warc", "warc_unreadable", f"{path}: {err}")


def _document(record: object) -> Document | None:
    """Return the document of one WARC record, or None when it is not an HTML response."""
    if getattr(record, "rec_type", None) != "response" or record.http_headers is None:  # type: ignore[attr-defined]
        return None
    headers = record.http_headers  # type: ignore[attr-defined]
    if "html" not in (headers.get_header("Content-Type") or "") or headers.get_statuscode() != "200":
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
    raw = record.content_stream().read()  # type: ignore[attr-defined]
    doc = from_html(raw, key=url, kind="warc", url=url)
    if doc.text and not is_polish(doc.text):
        doc.skipped = "not Polish"
    return doc
