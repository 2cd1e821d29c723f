"""The statement lexicons: reporting verbs, denial cues, source phrases, complementizers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from wedlug.lang.pl.lexicon import rows, words

# Words that may stand inside a multi-word cue without breaking it
# (`zwraca on uwagę`, `wyraził też opinię`).
CUE_FILLERS = frozenset({"też", "także", "również", "jednak", "on", "ona", "oni", "one", "przy", "tym",
                         "zaś", "natomiast", "ponadto", "wówczas", "wtedy"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every list the statement rules read, loaded once from `data/`."""

    reporting: dict[tuple[str, ...], str]
    denials: frozenset[tuple[str, ...]]
    sources: dict[tuple[str, ...], str]
    complementizers: frozenset[str]
    cue_heads: frozenset[str]
    speaker_nouns: frozenset[str]
    anaphors: dict[str, frozenset[str]]


@cache
def lexicon() -> Lexicon:
    """Load the statement lexicons from the package's data files."""
    reporting = {tuple(row[0].split()): row[1] for row in rows("reporting_verbs.tsv")}
    denials = frozenset(tuple(row[0].split()) for row in rows("denial_cues.tsv"))
    sources = {tuple(row[0].split()): row[1] for row in rows("source_phrases.tsv")}
    heads = frozenset(seq[0] for seq in (*reporting, *denials))
    nouns = frozenset(w.lower() for w in words("speaker_nouns.tsv"))
    roles: dict[str, set[str]] = {"anaphor": set(), "noun": set(), "verb": set()}
    for row in rows("statement_anaphors.tsv"):
        roles.setdefault(row[1], set()).add(row[0])
    anaphors = {role: frozenset(found) for role, found in roles.items()}
    return Lexicon(reporting, denials, sources, words("complementizers.tsv"), heads, nouns, anaphors)
