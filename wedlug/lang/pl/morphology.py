"""Morfeusz 2 readings for each token, with character offsets into the text.

Morfeusz analyses one whitespace-free chunk at a time (`Putinem.`, `(KCNA),`); its
segments become tokens, their offsets found from the segments' spellings. Chunks
repeat across articles (Zipf), so their analyses are cached: a batch of news pays
Morfeusz's price once per distinct chunk.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

import morfeusz2

from wedlug.lang.pl.lexicon import rows, words

# Enough distinct chunks for a few thousand articles; past it the cache starts over.
CACHE_LIMIT = 400_000
# Results per word that later steps keep (functools.lru_cache): enough for the working
# vocabulary of a long ingest, so memory stays bounded over a whole archive.
WORD_CACHE = 100_000
_SPACE = re.compile(r"\S+")


class Reading(NamedTuple):
    """One candidate analysis: lemma (qualifier stripped), NKJP tag, name qualifiers."""

    lemma: str
    tag: str
    names: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    guessed: float = 0.0


class Segment(NamedTuple):
    """A token's place inside its chunk and its candidate readings."""

    start: int
    end: int
    readings: tuple[Reading, ...]


def strip_qualifier(lemma: str) -> str:
    """Drop Morfeusz's homonym qualifier: `rząd:Sm3~ądu` -> `rząd`, `o:P` -> `o`."""
    if len(lemma) > 1 and ":" in lemma[1:]:
        return lemma[: lemma.index(":", 1)]
    return lemma


@cache
def morfeusz() -> morfeusz2.Morfeusz:
    """Return the one Morfeusz instance of this process (SGJP, compact tags)."""
    return morfeusz2.Morfeusz(expand_tags=False)


def _choose_path(edges: dict[int, dict[int, list[Reading]]], last: int) -> list[tuple[int, int]]:
    """Pick one segmentation where Morfeusz offers several (`miałem`: noun or `miał`+`em`).

    The path with the fewest segments wins (`czym` is a pronoun, not `czy`+`m`), except
    that a past-tense verb with its personal ending beats a lone noun (`miałem`).
    """
    paths: list[list[tuple[int, int]]] = [[]]
    finished: list[list[tuple[int, int]]] = []
    while paths:
        path = paths.pop()
        node = path[-1][1] if path else 0
        if node == last:
            finished.append(path)
            continue
        for target in edges.get(node, {}):
            paths.append(path + [(node, target)])
        if len(finished) + len(paths) > 64:  # pathological chunk: keep what we have
            break

    def verbal(path: list[tuple[int, int]]) -> bool:
        return any(any(r.tag.startswith("praet") for r in edges[a][b])
                   and any(r.tag.startswith("aglt") for r in edges[c][d])
                   for (a, b), (c, d) in zip(path, path[1:]))

    finished = finished or [min(paths, key=len)]
    return min(finished, key=lambda p: (not verbal(p), len(p)))


_TAGS: dict[int, str] = {}
_NAMES: dict[int, tuple[str, ...]] = {}
_LABELS: dict[int, tuple[str, ...]] = {}


def interpretations(chunk: str) -> list[tuple[int, int, str, str, str, tuple[str, ...], tuple[str, ...]]]:
    """Morfeusz's interpretations of a chunk, as `morfeusz2.Morfeusz.analyse` gives them
    (compact tags, DAG order), with tags, names and labels looked up once per id: the
    wrapper asks the dictionary for them on every interpretation."""
    wrapper = morfeusz()
    raw = wrapper._morfeusz_obj
    out = []
    for interp in raw.analyse(chunk):
        tag = _TAGS.get(interp.tagId)
        if tag is None:
            tag = _TAGS[interp.tagId] = interp.getTag(raw)
        names = _NAMES.get(interp.nameId)
        if names is None:
            names = _NAMES[interp.nameId] = tuple(interp.getName(raw))
        labels = _LABELS.get(interp.labelsId)
        if labels is None:
            labels = _LABELS[interp.labelsId] = tuple(interp.getLabels(raw))
        out.append((interp.startNode, interp.endNode, interp.orth, interp.lemma, tag, names, labels))
    return out


@cache
def _scripture_books() -> tuple[str, ...]:
    return tuple(sorted(words("scripture_books.txt")))


def analyse_chunk(chunk: str, lemmas: set[str] | None = None) -> tuple[Segment, ...]:
    """Return the segments of a whitespace-free chunk with their readings; add every
    lemma of every interpretation, lower-cased, to `lemmas` when it is given."""
    edges: dict[int, dict[int, list[Reading]]] = {}
    orths: dict[tuple[int, int], str] = {}
    last = 0
    scripture = _scripture_books()
    for i, j, orth, lemma, tag, names, labels in interpretations(chunk):
        if tag.startswith("brev") and lemma.startswith(scripture):
            lemma = orth  # `KO` is a party, not List_do_Koryntian (data/scripture_books.txt)
        reading = Reading(strip_qualifier(lemma), tag, names, labels)
        edges.setdefault(i, {}).setdefault(j, []).append(reading)
        if lemmas is not None:
            lemmas.add(reading.lemma.lower())
        orths[(i, j)] = orth
        last = max(last, j)
    path = _choose_path(edges, last)
    segments, offset = [], 0
    for i, j in path:
        orth = orths[(i, j)]
        if not chunk.startswith(orth, offset):
            # Morfeusz spelled a segment differently from the text: keep offsets honest
            # by giving up on its segmentation for this chunk.
            return (Segment(0, len(chunk), (Reading(chunk, "ign"),)),)
        segments.append(Segment(offset, offset + len(orth), tuple(edges[i][j])))
        offset += len(orth)
    if offset != len(chunk):
        return (Segment(0, len(chunk), (Reading(chunk, "ign"),)),)
    return tuple(segments)


class Abbreviation(NamedTuple):
    """An abbreviation's expansion lemma, its full form's UD part of speech, where it applies."""

    lemma: str
    upos: str
    dot: str


@cache
def abbreviations() -> dict[str, Abbreviation]:
    """Abbreviations and unit symbols with their expansion lemmas (data/abbreviation_lemmas.tsv)."""
    return {row[0]: Abbreviation(row[1], row[2], row[3]) for row in rows("abbreviation_lemmas.tsv")}


@cache
def abbreviation_upos() -> dict[str, str]:
    """UD part of speech of an abbreviation's expansion lemma."""
    return {a.lemma: a.upos for a in abbreviations().values()}


def abbreviate(form: str, readings: tuple[Reading, ...], dotted: bool) -> tuple[Reading, ...]:
    """Readings of a possible abbreviation: the table's expansion, or Morfeusz's `brev` ones.

    `dotted` says a full stop follows the form (`r` `.`); then a `brev` reading wins
    over a homograph (`ul.` is `ulica`, not a beehive), a lone capital is an initial.
    """
    table = abbreviations()
    entry = table.get(form)
    if entry is None and len(form) > 1 and form[:1].isupper():
        entry = table.get(form.lower())
    if entry is not None and (dotted or entry.dot != "pun"):
        return (Reading(entry.lemma, "brev:pun" if dotted else "brev:npun"),)
    if dotted:
        if len(form) == 1 and form.isupper():
            return (Reading(form, "brev:pun"),)
        brev = tuple(r for r in readings if r.tag.startswith("brev"))
        if brev:
            return brev
    return readings


def _with_abbreviations(chunk: str, segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
    out = []
    for k, seg in enumerate(segments):
        dotted = k + 1 < len(segments) and chunk[segments[k + 1].start:segments[k + 1].end] == "."
        form = chunk[seg.start:seg.end]
        if dotted or form in abbreviations() or any(r.tag.startswith("brev") for r in seg.readings):
            readings = abbreviate(form, seg.readings, dotted)
            if readings is not seg.readings:
                seg = Segment(seg.start, seg.end, readings)
        out.append(seg)
    return tuple(out)


# A web address or a name built on one (`Onet.pl`, `wPolityce.pl`, `Leave.EU`): one token,
# which Morfeusz would split at its dots (`Leave` `.` `EU`, the last read as the Union).
_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?\w[\w-]*(?:\.[\w-]+)*\.(?:pl|com|eu|EU|net|org|info|de|uk|ru|ua|tv|fm|io)"
                     r"(?![\w.-]*\w)(?:/[^\s,;:!?)\]}\"”]*[^\s,;:!?.)\]}\"”])?")


def web_address(text: str) -> bool:
    """Whether a token is a web address as a whole (`Money.pl`, `https://gov.pl/web`)."""
    found = _DOMAIN.match(text)
    return found is not None and found.end() == len(text)


def _with_domain(chunk: str, lemmas: set[str] | None) -> tuple[Segment, ...] | None:
    """Segments of a chunk that opens with a web address: the address as one indeclinable
    noun named by itself, then what follows it (`Money.pl,` -> `Money.pl` `,`)."""
    found = _DOMAIN.match(chunk)
    if found is None:
        return None
    end = found.end()
    head = Segment(0, end, (Reading(chunk[:end], _INDECLINABLE),))
    rest = chunk[end:]
    tail = _with_abbreviations(rest, analyse_chunk(rest, lemmas)) if rest else ()
    return (head,) + tuple(Segment(s.start + end, s.end + end, s.readings) for s in tail)


# Punctuation that only opens or closes a word inside a chunk (not `.`, which may make an
# abbreviation, nor `-`, which may join a compound).
_OPENING = frozenset(("", "(", "„", "\"", "«", "[", "‘", "“"))
_CLOSING = frozenset(("", ",", ")", "”", "\"", "»", ";", ":", "!", "?", "]", "’"))


class Analyser:
    """Morfeusz analysis of text stretches, cached by chunk."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[Segment, ...]] = {}
        self._lemmas: dict[str, frozenset[str]] = {}
        self._words: dict[str, tuple[Reading, ...]] = {}

    def chunk(self, chunk: str) -> tuple[Segment, ...]:
        """Return the (cached) segments of one chunk."""
        found = self._cache.get(chunk)
        if found is None:
            # A capitalised chunk's lemmas are kept on the way (the entities step asks for
            # them: a name's case may be misread), saving Morfeusz a second look.
            found = self._analyse(chunk, keep_lemmas=chunk[:1].isupper())
        return found

    def lemmas(self, word: str) -> frozenset[str]:
        """Every lemma Morfeusz gives a word (over all its interpretations), lower-cased,
        with the word itself."""
        found = self._lemmas.get(word)
        if found is None:
            self._analyse(word, keep_lemmas=True)
            found = self._lemmas[word]
        return found

    def _analyse(self, chunk: str, *, keep_lemmas: bool) -> tuple[Segment, ...]:
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
            self._lemmas.clear()
        lemmas = {chunk.lower()} if keep_lemmas else None
        found = self._cache[chunk] = _with_domain(chunk, lemmas) or _with_abbreviations(
            chunk, analyse_chunk(chunk, lemmas))
        if lemmas is not None:
            self._lemmas[chunk] = frozenset(lemmas)
        if len(found) > 1:
            self._keep_words(chunk, found)
        return found

    def _keep_words(self, chunk: str, segments: tuple[Segment, ...]) -> None:
        """Keep the readings of a word that punctuation only opens or closes inside a chunk
        (`Putina,`, `(KCNA)`), for `word_readings`."""
        for k, seg in enumerate(segments):
            word = chunk[seg.start:seg.end]
            if not word.isalpha() or word in self._words or word in clitic_readings():
                continue
            before = chunk[segments[k - 1].start:segments[k - 1].end] if k else ""
            after = chunk[segments[k + 1].start:segments[k + 1].end] if k + 1 < len(segments) else ""
            if before in _OPENING and after in _CLOSING:
                if len(self._words) >= CACHE_LIMIT:
                    self._words.clear()
                self._words[word] = seg.readings

    def word_readings(self, word: str, next_word: str = "") -> tuple[Reading, ...]:
        """The readings of a word as the entities step's features ask for them: those the
        word had inside a chunk already analysed (`Putina` of `Putina,`), else `word`'s. Not
        for the chooser: Morfeusz may order a word's readings otherwise inside a chunk (41 of
        9,035 such words in the SlavicNER news), which changes the detector's features of
        one of them (`Zielone`: the first proper-name lemma) and no record."""
        found = self._words.get(word) if next_word not in (".", "-") else None
        return found if found is not None else self.word(word, next_word)

    def stretch(self, text: str, start: int, end: int) -> list[tuple[int, int, tuple[Reading, ...]]]:
        """Return (start, end, readings) for every token between two offsets of `text`."""
        out = []
        for match in _SPACE.finditer(text, start, end):
            base = match.start()
            for seg in self.chunk(match.group()):
                out.append((base + seg.start, base + seg.end, seg.readings))
        return out

    def word(self, word: str, next_word: str = "") -> tuple[Reading, ...]:
        """Return the readings of one word as a treebank or tokenizer split it.

        An abbreviation split from its full stop (`r` `.`) is analysed with it, and a
        split-off personal ending (`em`) gets its verbal reading.
        """
        if next_word == "-" and word.endswith("o") and word.isalpha():
            # The first part of a compound adjective split at its hyphen (`biało` `-`
            # `czerwony`): Morfeusz gives its `adja` reading only with the hyphen.
            segments = self.chunk(word + "-")
            if len(segments) == 2:
                readings = segments[0].readings
                clitic = clitic_readings().get(word)
                return readings + clitic if clitic else readings
        dotted = next_word == "."
        segments = self.chunk(word + "." if dotted else word)
        readings = segments[0].readings if segments else ()
        if dotted and not any(r.tag.startswith("brev") for r in readings):
            dotted = False
            segments = self.chunk(word)
        if len(segments) != 1:
            # Segments of the word alone (not an abbreviation with its full stop).
            joined = None if dotted else _joined(word, segments)
            if joined is not None:
                return joined
            # A token Morfeusz would split (`m.in`): keep its longest segment's readings.
            segments = (max(segments, key=lambda s: s.end - s.start),)
        readings = segments[0].readings
        clitic = clitic_readings().get(word)
        return readings + clitic if clitic else readings


# Readings of a whole token whose parts no longer say its case (`KC-135`, `94/85/WE`).
_INDECLINABLE = "subst:sg:nom.gen.dat.acc.inst.loc.voc:n:ncol"
_PUNCTUATION = frozenset(("interp", "sym"))


def _joined(word: str, segments: tuple[Segment, ...]) -> tuple[Reading, ...] | None:
    """Readings of one token that Morfeusz splits at punctuation inside it.

    Treebanks keep such a token whole and so does its lemma: the lemma is the token with
    its last word brought to base form (`6-9-letni`, `pl.sci.filozofia`, `Kórniku-Bninie`
    -> `Kórnik-Bnin` where both parts agree), an acronym without its hyphenated ending
    (`GROM-u` -> `GROM`), or the token itself where its end is a code, a number or
    punctuation (`KC-135`, `94/85/WE`, `2+`, `’’`). `None` where no punctuation splits it
    (`tyłem` is `tył` + `em`).
    """
    kinds = [all(r.tag.split(":", 1)[0] in _PUNCTUATION for r in s.readings) for s in segments]
    if not any(kinds):
        return None
    if all(kinds):
        return (Reading(word, "interp"),)
    head, _, ending = word.rpartition("-")
    if ending.isalpha() and ending.islower() and len(ending) <= 3 and head.isupper() and "-" not in head:
        return (Reading(head, "subst:sg:nom.gen.dat.acc.inst.loc.voc:m3"),)
    last = segments[-1]
    form = word[last.start:]
    if kinds[-1] or not form.isalpha() or form.isupper() or any(r.tag == "ign" for r in last.readings):
        return (Reading(word, "dig" if word[:1].isdigit() else _INDECLINABLE),)
    out = []
    before = segments[-3] if len(segments) >= 3 and kinds[-2] else None
    for reading in last.readings:
        lemma = reading.lemma
        if form[:1].isupper() and lemma[:1] == form[:1].lower():
            lemma = form[:1] + lemma[1:]
        agreeing = next((r.lemma for r in before.readings if r.tag == reading.tag), None) if before else None
        if before is not None and agreeing:
            prefix = word[:before.start] + agreeing + word[before.end:last.start]
        else:
            prefix = word[:last.start]
        out.append(reading._replace(lemma=prefix + lemma))
    return tuple(dict.fromkeys(out))


@cache
def clitic_readings() -> dict[str, tuple[Reading, ...]]:
    """Readings of split-off personal endings (data/clitics.tsv)."""
    table: dict[str, tuple[Reading, ...]] = {}
    for form, lemma, tag in rows("clitics.tsv"):
        table[form] = table.get(form, ()) + (Reading(lemma, tag),)
    return table
