"""The Python entry point: `analyze(text) -> Article`."""

from __future__ import annotations

import re

from wedlug.article import Article
from wedlug.pipeline import Pipeline, default_pipeline

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def analyze(text: str, *, published: str | None = None, source: str | None = None,
            pipeline: Pipeline | None = None) -> Article:
    """Analyse one Polish article and return it with everything the steps found."""
    if not isinstance(text, str):
        raise TypeError(f"analyze() takes the article's text as str, not {type(text).__name__}; "
                        "decode bytes first (wedlug.reading.decode does it for Polish encodings)")
    if published is not None and not _DATE.fullmatch(published):
        raise ValueError(f"published must be YYYY-MM-DD, not {published!r}")
    article = Article(text=text, source=source or "-", published=published)
    return (pipeline or default_pipeline())(article)
