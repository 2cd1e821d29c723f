"""Load the Polish data files (lexicons) that ship under `wedlug/lang/pl/data/`."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Return the tab-separated rows of a data file, comments and blank lines skipped."""
    text = resources.files("wedlug.lang.pl").joinpath("data", name).read_text(encoding="utf-8")
    return tuple(tuple(line.split("\t")) for line in text.splitlines()
                 if line.strip() and not line.startswith("#"))


@cache
def words(name: str) -> frozenset[str]:
    """Return the first column of a data file as a set."""
    return frozenset(row[0] for row in rows(name))
