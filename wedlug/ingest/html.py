"""Saved or fetched HTML pages: main text and metadata extracted with trafilatura."""

from __future__ import annotations

from pathlib import Path

from wedlug.ingest.document import Document, failed, iso_date, sha256


def from_html(raw: bytes | str, *, key: str, kind: str = "html", url: str | None = None) -> Document:
    """Return the document of an HTML page: its main text, title, date, author, site and URL.

    The text analysed is the extracted text; a page without main text is a failure
    (`no_text`), so it is listed and tried again, not silently dropped.
    """
    # Imported here: trafilatura (and lxml) take a while to load and only HTML needs them.
    import trafilatura

    content_hash = sha256(raw)
    try:
        extracted = trafilatura.bare_extraction(raw, url=url, with_metadata=True,
                                                include_comments=False, include_tables=False)
    except Exception as err:  # trafilatura raises many kinds on broken markup
        doc = failed(key, kind, "html_unreadable", f"{key}: {type(err).__name__}: {err}")
        doc.content_hash = content_hash
        return doc
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        doc = failed(key, kind, "no_text", f"{key}: no main text found in the page")
        doc.content_hash = content_hash
        return doc
    return Document(key, kind, text=text, content_hash=content_hash,
                    title=getattr(extracted, "title", None),
                    url=getattr(extracted, "url", None) or url,
                    published=iso_date(getattr(extracted, "date", None)),
                    site=getattr(extracted, "sitename", None) or getattr(extracted, "hostname", None),
                    author=getattr(extracted, "author", None))


def from_html_file(path: Path) -> Document:
    """Return the document of a saved HTML page."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        return failed(str(path), "html", "unreadable", f"{path}: {err.strerror or err}")
    return from_html(raw, key=str(path))
