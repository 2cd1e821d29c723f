"""Questions to the store: search, said, about, stats, export."""

from wedlug.query.export import export
from wedlug.query.reports import about, said, stats
from wedlug.query.search import Filters, search

__all__ = ["Filters", "about", "export", "said", "search", "stats"]
