"""The knowledge base (data/kb.json.gz, built by scripts/build_kb.py) and its gazetteer.

Names are matched on lemmas: each word of a KB name carries every lemma Morfeusz gives
it, each token of the text every lemma of its readings, and a name matches where each of
its words shares a lemma with the token in its place (`Korei Południowej` matches
`Korea Południowa`). Capitalised name words need capitalised tokens, acronyms need
upper-case ones, so `unia` is not `Unia` and `pap` is not `PAP`.
"""

from __future__ import annotations

import gzip
import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from wedlug.article import Token
from wedlug.lang.pl.entities.names import first_name_base
from wedlug.lang.pl.lexicon import rows
from wedlug.lang.pl.morphology import WORD_CACHE

KB_FILE = "kb.json.gz"


def word_lemmas(word: str) -> frozenset[str]:
    """Every lemma Morfeusz gives a word, lower-cased, with the word itself (from the
    tokens step's analyser, which has usually seen the word already)."""
    from wedlug.lang.pl.words import default_analyser

    return default_analyser().lemmas(word)


def name_words(name: str) -> list[list[Any]]:
    """Split a name as Morfeusz segments it: [[spelling, [lemmas]], ...]."""
    from wedlug.lang.pl.words import default_analyser

    out: list[list[Any]] = []
    for start, end, _ in default_analyser().stretch(name, 0, len(name)):
        word = name[start:end]
        out.append([word, sorted(word_lemmas(word))])
    return out


@dataclass(frozen=True, slots=True)
class Entry:
    """One KB entity."""

    id: str
    name: str
    type: str
    qid: str | None
    country: str | None
    actor: str | None
    adjectives: tuple[str, ...]
    roles: tuple[str, ...]
    institution: str | None
    metonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Pattern:
    """A KB name as a gazetteer pattern."""

    entry: Entry
    name: str
    mode: str  # "" a name; "~" only once the entity is named; "@" an inhabitant name; "role"
    words: tuple[tuple[str, frozenset[str]], ...]
    order: int = 0  # its place in the KB: ties between hits on one span go by it


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer hit: tokens [first, last) of a sentence's tokens."""

    first: int
    last: int
    pattern: Pattern


class KnowledgeBase:
    """Entries by id, a lemma index of their names, and the institution patterns."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.entries: dict[str, Entry] = {}
        self.index: dict[str, list[Pattern]] = {}
        self.by_name: dict[str, Entry] = {}
        self.by_adjective: dict[str, Entry] = {}
        self.institutions: dict[tuple[str, str], Entry] = {}
        self.countries: dict[str, Entry] = {}
        # Patterns a word may open, per (spelling, tagger's lemma): most words open none.
        self._openers: dict[tuple[str, str], tuple[Pattern, ...]] = {}
        order = itertools.count()  # the patterns' places in the KB
        for raw in data["entities"]:
            entry = Entry(raw["id"], raw["name"], raw["type"], raw.get("qid"), raw.get("country"),
                          raw.get("actor"), tuple(raw.get("adjectives", ())), tuple(raw.get("roles", ())),
                          raw.get("institution"), tuple(raw.get("metonyms", ())))
            if entry.id in self.entries:
                continue
            self.entries[entry.id] = entry
            if entry.type == "country" and entry.country and entry.country not in self.countries:
                self.countries[entry.country] = entry
            if entry.institution and entry.country:
                self.institutions.setdefault((entry.country, entry.institution), entry)
            for adjective in entry.adjectives:
                if entry.type == "country" or adjective not in self.by_adjective:
                    self.by_adjective[adjective] = entry
            words = raw.get("words", {})
            for name, mode in raw["names"]:
                self.by_name.setdefault(name, entry)
                self._add(Pattern(entry, name, mode, tuple(
                    (w, frozenset(lemmas)) for w, lemmas in words.get(name) or name_words(name)),
                    next(order)))
            for role in entry.roles:
                self._add(Pattern(entry, role, "role", tuple(
                    (w, frozenset(lemmas)) for w, lemmas in name_words(role)), next(order)))

    def _add(self, pattern: Pattern) -> None:
        if not pattern.words:
            return
        for lemma in pattern.words[0][1]:
            self.index.setdefault(lemma, []).append(pattern)

    def match(self, tokens: Sequence[Token]) -> list[Match]:
        """Every gazetteer hit in a sentence, longest first at each position.

        A lower-case word opens a name by the tagger's lemma or its own form (`rosyjski`
        MSZ); a capitalised one, whose case the tagger may misread, by every lemma
        Morfeusz gives it (`Korei`). Words inside a name are checked on all their lemmas,
        looked up only where a name may continue."""
        lemmas: list[frozenset[str] | None] = [None] * len(tokens)

        def all_lemmas(j: int) -> frozenset[str]:
            found_lemmas = lemmas[j]
            if found_lemmas is None:
                found_lemmas = lemmas[j] = token_lemmas(tokens[j])
            return found_lemmas

        found = []
        openers = self._openers
        for i, token in enumerate(tokens):
            patterns = openers.get((token.text, token.lemma))
            if patterns is None:
                patterns = self._opened_by(token)
            if not patterns:
                continue
            for pattern in patterns:
                words = pattern.words
                n = len(words)
                if i + n > len(tokens) or not _fits(words[0], token, all_lemmas(i), 0, n):
                    continue
                if n == 1 or all(_fits(words[k], tokens[i + k], all_lemmas(i + k), k, n)
                                 for k in range(1, n)):
                    found.append(Match(i, i + n, pattern))
        # A capitalised word's lemmas are a set: the KB's order, not theirs, breaks ties.
        found.sort(key=lambda m: (m.first, -(m.last - m.first), m.pattern.order))
        return found

    def _opened_by(self, token: Token) -> tuple[Pattern, ...]:
        """The patterns a word may open (see `match`), kept per spelling and lemma."""
        index, text = self.index, token.text
        if text[:1].islower():
            groups = [g for g in (index.get(token.lemma.lower()), index.get(text.lower())) if g]
        else:
            groups = [index[lemma] for lemma in token_lemmas(token) if lemma in index]
        found = tuple(groups[0]) if len(groups) == 1 else tuple(
            {id(p): p for group in groups for p in group}.values())
        if len(self._openers) >= WORD_CACHE:
            self._openers.clear()
        self._openers[(text, token.lemma)] = found
        return found


def _fits(word: tuple[str, frozenset[str]], token: Token, lemmas: frozenset[str], k: int, n: int) -> bool:
    spelling, options = word
    if not (options & lemmas):
        return False
    if k and tokens_glued(spelling):
        return token.text == spelling
    if len(spelling) > 1 and spelling.isupper():
        return token.text.isupper() or token.text == spelling
    if spelling[:1].isupper():
        return token.text[:1].isupper()
    # A lower-case word of a name (`rosyjski MSZ`) may be capitalised at a sentence start.
    return True


def tokens_glued(spelling: str) -> bool:
    """Punctuation inside a name (`W.`, `Nord Stream-2`) must match as written."""
    return not any(ch.isalnum() for ch in spelling)


@lru_cache(maxsize=WORD_CACHE)
def _lemmas_of(text: str, lemma: str) -> frozenset[str]:
    found = word_lemmas(text) | {lemma.lower()}
    if text[:1].isupper() and text.isalpha() and not text.isupper() and len(found) <= 2:
        # Unknown to Morfeusz (`Ryanaira`): the tagger's guesses from name endings.
        from wedlug.lang.pl.words import default_tagger

        found |= {r.lemma.lower() for r in default_tagger().guesser.guess(text)}
        first = first_name_base(text)  # `Theresy` -> `Theresa`
        if first:
            found |= {first.lower()}
    return found


def token_lemmas(token: Token) -> frozenset[str]:
    """Every lemma a token may have (the tagger's choice among them)."""
    return _lemmas_of(token.text, token.lemma)


@cache
def default_kb() -> KnowledgeBase:
    """Load the shipped KB once per process."""
    blob = resources.files("wedlug.lang.pl").joinpath("data", KB_FILE).read_bytes()
    return KnowledgeBase(json.loads(gzip.decompress(blob).decode("utf-8")))


@dataclass(frozen=True, slots=True)
class Institution:
    """An institution noun phrase of institutions.tsv."""

    lemmas: tuple[str, ...]
    key: str
    role: str
    display: str


@cache
def institutions() -> dict[str, list[Institution]]:
    """Institution phrases by their first lemma (data/institutions.tsv)."""
    table: dict[str, list[Institution]] = {}
    for lemmas, key, role, display in rows("institutions.tsv"):
        inst = Institution(tuple(lemmas.split()), key, role, display)
        table.setdefault(inst.lemmas[0], []).append(inst)
    return table
