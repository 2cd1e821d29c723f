"""wedlug: who says what, according to whom, in Polish news."""

from wedlug.api import analyze
from wedlug.article import Article

__all__ = ["Article", "analyze"]
__version__ = "0.1.0"
