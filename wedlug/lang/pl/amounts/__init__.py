"""Amounts and times in Polish news: `find_times(article)` and `find_amounts(article)`."""

from wedlug.lang.pl.amounts.amounts import find_amounts
from wedlug.lang.pl.amounts.times import find_times

__all__ = ["find_amounts", "find_times"]
