"""Named-entity mentions: a CRF over each sentence's tokens finds persons, organisations, places.

The model (`data/ner.model.gz`, trained by `scripts/train_ner.py` on NKJP-1M's outer
named-entity level) labels tokens B/I/O for four types: persName, orgName, placeName,
geogName. Its features are the word's spelling (form, shape, affixes, capitals), its
neighbours', Morfeusz's name qualifiers (`nazwisko`, `imię`, `nazwa_geograficzna`, …) and
two name lists packed into the artifact (first names, SGJP geographic forms), so nothing
outside the package is read at run time.

`predict_sentence` is pure (forms in, labelled spans out); `find_mentions` applies it to an
article's sentences and returns character spans. Word features are cached per word form:
news repeats its words, so a batch pays for each distinct form once.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

import numpy as np

from wedlug.article import Article, Token
from wedlug.lang.pl.morphology import Analyser

MODEL = "ner.model.gz"
TYPES = ("persName", "orgName", "placeName", "geogName")
MAGIC = b"wedlug-ner/2\n"
# Morfeusz qualifiers that say nothing about a name; the rest (`nazwisko`, `imię`,
# `nazwa_geograficzna`, `nazwa_firmy`, …) are features.
_PLAIN = frozenset(("nazwa_pospolita",))
# Neighbour offsets whose words are features of a token.
OFFSETS = (-2, -1, 1, 2)
# A word's capital class feature: all capitals, a capital, a digit, lower case, other.
CAPS = ("c=U", "c=C", "c=d", "c=l", "c=p")
# Enough distinct word forms for a few thousand articles; past it the cache starts over.
CACHE_LIMIT = 300_000


class Mention(NamedTuple):
    """A named-entity mention: character offsets into `article.text` and its type."""

    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Name lists used as features: lower-cased first names and geographic word forms."""

    first_names: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()

    def to_json(self) -> dict[str, list[str]]:
        """Return the lists as plain sorted data."""
        return {"first_names": sorted(self.first_names), "places": sorted(self.places)}

    @classmethod
    def from_json(cls, data: dict[str, list[str]]) -> Lexicon:
        """Rebuild the lists from `to_json`'s data."""
        return cls(frozenset(data["first_names"]), frozenset(data["places"]))


def shape(form: str) -> str:
    """Return the word's shape with runs collapsed: `Kowalski` -> `Xx`, `F-16` -> `X-d`."""
    out: list[str] = []
    for ch in form:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out[:6])


@dataclass
class Featurizer:
    """Turn a sentence's word forms into CRF features; word-level parts are cached."""

    lexicon: Lexicon
    analyser: Analyser = field(default_factory=Analyser)
    # Tuples of strings: the garbage collector stops visiting them once it has seen them.
    _own: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict, repr=False)
    _near: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, repr=False)
    _lemmas: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict, repr=False)

    def names(self, form: str, next_form: str) -> tuple[list[str], str, list[str]]:
        """Morfeusz's name qualifiers over all readings of the word, plus `cmn`/`ign` marks,
        the lemma of its first proper-name reading (`Tuska` -> `tusk`) or ``, and the
        lemmas of its common-word readings (`Ministerstwa` -> `ministerstwo`), at most
        three."""
        readings = self.analyser.word_readings(form, next_form)
        found: set[str] = set()
        lemma = ""
        common: set[str] = set()
        for r in readings:
            if r.tag == "ign":
                found.add("ign")
            elif r.names and not _PLAIN.issuperset(r.names):
                found.update(n for n in r.names if n not in _PLAIN)
                lemma = lemma or r.lemma.lower()
            elif r.lemma[:1].islower() and r.tag[:6] not in ("interp", "brev:n", "brev:p"):
                found.add("cmn")
                common.add(r.lemma)
        return sorted(found), lemma, sorted(common)[:3]

    def own(self, form: str, next_form: str) -> tuple[str, ...]:
        """Features of the word itself (its next word matters only for `.` and `-`)."""
        key = (form, next_form if next_form in (".", "-") else "")
        cached = self._own.get(key)
        if cached is not None:
            return cached
        if len(self._own) >= CACHE_LIMIT:
            self._own.clear()
            self._near.clear()
            self._lemmas.clear()
        lower = form.lower()
        cap = "U" if form.isupper() and len(form) > 1 else "C" if form[:1].isupper() else (
            "d" if form[:1].isdigit() else "l" if form[:1].isalpha() else "p")
        names, lemma, common = self.names(form, key[1])
        found = ["b", "w=" + lower, "s=" + shape(form), "c=" + cap,
                 "p2=" + lower[:2], "p3=" + lower[:3],
                 "x2=" + lower[-2:], "x3=" + lower[-3:], "x4=" + lower[-4:],
                 "n=" + "+".join(names), "nc=" + "+".join(names) + cap]
        found += ["m=" + n for n in names]
        if lemma:
            found.append("lm=" + lemma)
        if len(form) > 1 and lower in self.lexicon.first_names:
            found.append("L=first" + cap)
        if lower in self.lexicon.places:
            found.append("L=place" + cap)
        if "-" in form[1:]:
            found.append("hy")
        lemmas = self._lemmas[key] = tuple("lw=" + c for c in common)
        found += lemmas
        own = self._own[key] = tuple(found)
        return own

    def near(self, form: str) -> tuple[tuple[str, ...], ...]:
        """Features a word gives its neighbours, one list per offset in `OFFSETS`."""
        found = self._near.get(form)
        if found is None:
            own = self.own(form, "")
            base = [own[1], own[2], own[9]]  # w=, s=, n=
            # and x3= and the common lemmas (lw=) for the next-door words
            close = base + [own[7], *self._lemmas[(form, "")]]
            found = self._near[form] = tuple(
                tuple(f"{k}{f}" for f in (close if abs(k) == 1 else base)) for k in OFFSETS)
        return found

    def sentence(self, forms: Sequence[str]) -> list[list[str]]:
        """Return one feature list per word of a sentence."""
        n = len(forms)
        owns = [self.own(f, forms[i + 1] if i + 1 < n else "") for i, f in enumerate(forms)]
        nears = [self.near(f) for f in forms]
        out = []
        for i in range(n):
            feats = list(owns[i])
            for slot, k in enumerate(OFFSETS):
                j = i + k
                if 0 <= j < n:
                    feats += nears[j][slot]
                else:
                    feats.append(f"{k}edge")
            if i == 0:
                feats.append("first" + owns[i][3])
            if i > 0:
                feats.append("pw=" + owns[i - 1][1][2:] + "|" + owns[i][3])
            out.append(feats)
        return out


def spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Turn B/I/O labels into (first token, end token, type); a stray I- opens a span."""
    out: list[tuple[int, int, str]] = []
    current: list[Any] | None = None
    for i, label in enumerate(labels):
        kind = label[2:]
        if label.startswith("I-") and current is not None and current[2] == kind:
            current[1] = i + 1
            continue
        if current is not None:
            out.append((current[0], current[1], current[2]))
            current = None
        if label != "O":
            current = [i, i + 1, kind]
    if current is not None:
        out.append((current[0], current[1], current[2]))
    return out


class Model:
    """The trained CRF as weight tables, scored with numpy.

    Every feature belongs to one word at one offset, so a word's summed weights (for itself
    and for each neighbour slot) are cached as label vectors; a sentence's emissions are a
    few array additions, and Viterbi runs over the nine labels. This gives the same labels
    as crfsuite's tagger (scripts/train_ner.py checks it) at a fraction of the cost.
    """

    def __init__(self, labels: Sequence[str], attributes: Sequence[str], weights: np.ndarray,
                 transitions: np.ndarray, lexicon: Lexicon, meta: dict[str, Any]) -> None:
        self.label_names = list(labels)
        self.index = {a: i for i, a in enumerate(attributes)}
        # A zero row at the end stands for "no feature" (see `_add`).
        self.weights = np.vstack([weights, np.zeros((1, weights.shape[1]), dtype=weights.dtype)])
        self.transitions = transitions
        from wedlug.lang.pl.words import default_analyser

        # The tokens step's analyser: its cache already holds most of the article's words.
        self.featurizer = Featurizer(lexicon, default_analyser())
        self.meta = meta
        self._zero = np.zeros(len(self.label_names), dtype=np.float32)
        self._firsts = np.stack([self.vector(["first" + cap]) for cap in CAPS])
        self._edge = np.stack([self.vector([f"{k}edge"]) for k in OFFSETS])
        self._forget()

    def _forget(self) -> None:
        """Empty the word tables (at start, and when they reach `CACHE_LIMIT` words)."""
        labels = len(self.label_names)
        # Row k of the tables holds word k's own weights, its weights for each neighbour
        # slot, its capital class (an index into CAPS) and, by the next word's capital
        # class, the weight row of the feature `pw=` it gives that word; `_rows` maps a
        # form to k.
        self._rows: dict[str, int] = {}
        self._own = np.zeros((1024, labels), dtype=np.float32)
        self._near = np.zeros((1024, len(OFFSETS), labels), dtype=np.float32)
        self._caps = np.zeros(1024, dtype=np.intp)
        self._after = np.zeros((1024, len(CAPS)), dtype=np.intp)
        self._dotted: dict[tuple[str, str], np.ndarray] = {}

    def vector(self, features: Sequence[str]) -> np.ndarray:
        """Summed label weights of some features (unknown features weigh nothing)."""
        rows = [self.index[f] for f in features if f in self.index]
        if not rows:
            return self._zero
        return np.asarray(self.weights[rows].sum(axis=0), dtype=np.float32)

    def _add(self, forms: Sequence[str]) -> None:
        """Give new words their rows: their own weights and their weights for each neighbour
        slot, summed in one gather and one reduceat for all of them (a padded zero row keeps
        every group non-empty)."""
        index, zero = self.index, len(self.weights) - 1
        rows: list[int] = []
        starts = []
        first = len(self._rows)
        count = first + len(forms)
        while count > len(self._own):
            self._own = np.concatenate([self._own, np.zeros_like(self._own)])
            self._near = np.concatenate([self._near, np.zeros_like(self._near)])
            self._caps = np.concatenate([self._caps, np.zeros_like(self._caps)])
            self._after = np.concatenate([self._after, np.zeros_like(self._after)])
        for k, form in enumerate(forms, first):
            own = self.featurizer.own(form, "")
            for group in (own, *self.featurizer.near(form)):
                starts.append(len(rows))
                rows += [r for r in map(index.get, group) if r is not None]
                rows.append(zero)
            self._rows[form] = k
            self._caps[k] = CAPS.index(own[3])
            previous = "pw=" + form.lower() + "|"
            self._after[k] = [index.get(previous + cap, zero) for cap in CAPS]
        sums = np.add.reduceat(self.weights[rows], starts, axis=0).reshape(len(forms), 1 + len(OFFSETS), -1)
        self._own[first:count] = sums[:, 0]
        self._near[first:count] = sums[:, 1:]

    def _own_before(self, form: str, next_form: str) -> np.ndarray:
        """A word's own weights when `.` or `-` follows it (`r` `.`, `biało` `-`)."""
        found = self._dotted.get((form, next_form))
        if found is None:
            found = self._dotted[(form, next_form)] = self.vector(self.featurizer.own(form, next_form))
        return found

    def emissions(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """Return the (words, labels) state scores of all words of some sentences, in order."""
        forms = [form for words in sentences for form in words]
        if len(self._rows) + len(forms) > CACHE_LIMIT:
            self._forget()  # before any row of this call is taken, never in the middle
        table = self._rows
        new = [form for form in dict.fromkeys(forms) if form not in table]
        if new:
            self._add(new)
        rows = np.fromiter((table[form] for form in forms), dtype=np.intp, count=len(forms))
        lengths = [len(words) for words in sentences]
        firsts = np.cumsum([0] + lengths[:-1])
        own = self._own[rows]
        near = self._near[rows]  # (words, offsets, labels)
        caps = self._caps[rows]
        sentence = np.repeat(np.arange(len(sentences)), lengths)
        total = len(forms)
        index = np.arange(total)
        for slot, k in enumerate(OFFSETS):
            other = np.clip(index + k, 0, total - 1)
            inside = (index + k == other) & (sentence[other] == sentence)
            own += np.where(inside[:, None], near[other, slot], self._edge[slot])
        # `pw=`: the previous word with this word's capital class (none for a first word).
        previous = self._after[np.roll(rows, 1), caps]
        previous[firsts] = len(self.weights) - 1
        own += self.weights[previous]
        own[firsts] += self._firsts[caps[firsts]]
        starts = set(firsts.tolist())
        for i in [i for i, form in enumerate(forms) if form in (".", "-") and i and i not in starts]:
            own[i - 1] += self._own_before(forms[i - 1], forms[i]) - self._own[rows[i - 1]]
        return own

    def label_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Return one B/I/O label per word: the best sequence under the CRF, per sentence.

        Viterbi runs over all sentences at once (padded, longest first, so that the ones
        still going at a position are a prefix), so numpy's per-call cost is paid once per
        position of the longest sentence, not once per word.
        """
        original, sentences = sentences, [forms for forms in sentences if forms]
        if not sentences:
            return [[] for _ in original]
        scores = self.emissions(sentences)
        lengths = np.array([len(forms) for forms in sentences])
        count, longest, labels = len(sentences), int(lengths.max()), len(self.label_names)
        # Sentences longest first: at position t the ones still going are a prefix.
        order = np.argsort(-lengths, kind="stable")
        ranked = lengths[order]
        going = np.searchsorted(-ranked, -np.arange(longest), side="left")  # lengths > t
        padded = np.zeros((count, longest, labels), dtype=np.float32)
        padded[np.arange(longest)[None, :] < lengths[:, None]] = scores
        padded = padded[order]
        delta = padded[:, 0].copy()
        back = np.zeros((count, longest, labels), dtype=np.intp)
        for t in range(1, longest):
            a = going[t]
            total = delta[:a, :, None] + self.transitions
            back[:a, t] = total.argmax(axis=1)
            delta[:a] = total.max(axis=1) + padded[:a, t]
        current = delta.argmax(axis=1)
        path = np.zeros((count, longest), dtype=np.intp)
        for t in range(longest - 1, -1, -1):
            a = going[t]
            path[:a, t] = current[:a]
            if t:
                current[:a] = back[np.arange(a), t, current[:a]]
        names = self.label_names
        labelled: list[list[str]] = [[] for _ in range(count)]
        for r, n in enumerate(order):  # back to the sentences' own order
            labelled[n] = [names[j] for j in path[r, :ranked[r]]]
        found = iter(labelled)
        return [next(found) if forms else [] for forms in original]

    def labels(self, forms: Sequence[str]) -> list[str]:
        """Return one B/I/O label per word of one sentence."""
        return self.label_sentences([forms])[0] if forms else []

    def predict(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[int, int, str]]]:
        """Return (first word, end word, type) for every mention, per sentence."""
        return [spans(labels) for labels in self.label_sentences(sentences)]

    def predict_sentence(self, forms: Sequence[str]) -> list[tuple[int, int, str]]:
        """Return (first word, end word, type) for every mention in one sentence."""
        return self.predict([forms])[0]

    @classmethod
    def from_bytes(cls, data: bytes) -> Model:
        """Unpack an artifact written by `pack`."""
        raw = gzip.decompress(data)
        if not raw.startswith(MAGIC):
            raise ValueError("not a wedlug NER model: retrain it with scripts/train_ner.py")
        raw = raw[len(MAGIC):]
        size = int.from_bytes(raw[:8], "big")
        header = json.loads(raw[8:8 + size])
        arrays = np.load(io.BytesIO(raw[8 + size:]))
        return cls(header["labels"], header["attributes"], arrays["weights"],
                   arrays["transitions"], Lexicon.from_json(header["lexicon"]), header["meta"])


def pack(labels: Sequence[str], state: dict[tuple[str, str], float],
         transitions: dict[tuple[str, str], float], lexicon: Lexicon, meta: dict[str, Any]) -> bytes:
    """Build the single-file artifact: CRF weight tables, name lists and training notes.

    `state` maps (attribute, label) to a weight and `transitions` (label, label) to a
    weight, as crfsuite's `Tagger.info()` gives them.
    """
    label_index = {label: j for j, label in enumerate(labels)}
    attributes = sorted({a for a, _ in state})
    row = {a: i for i, a in enumerate(attributes)}
    weights = np.zeros((len(attributes), len(labels)), dtype=np.float32)
    for (attribute, label), w in state.items():
        weights[row[attribute], label_index[label]] = w
    trans = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (a, b), w in transitions.items():
        trans[label_index[a], label_index[b]] = w
    buffer = io.BytesIO()
    np.savez(buffer, weights=weights, transitions=trans)
    header = json.dumps({"labels": list(labels), "attributes": attributes, "lexicon": lexicon.to_json(),
                         "meta": meta}, ensure_ascii=False).encode()
    return gzip.compress(MAGIC + len(header).to_bytes(8, "big") + header + buffer.getvalue(),
                         compresslevel=9, mtime=0)


@cache
def default_model() -> Model:
    """Load the shipped model once per process."""
    from wedlug.lang.pl.words import default_analyser

    data = resources.files("wedlug.lang.pl").joinpath("data/" + MODEL).read_bytes()
    model = Model.from_bytes(data)
    model.featurizer.analyser = default_analyser()  # share the tokens step's chunk cache
    return model


def sentence_groups(tokens: Sequence[Token]) -> list[list[Token]]:
    """Group tokens by sentence, keeping their order."""
    groups: list[list[Token]] = []
    last = None
    for token in tokens:
        if token.sentence != last:
            groups.append([])
            last = token.sentence
        groups[-1].append(token)
    return groups


def find_mentions(article: Article, model: Model | None = None) -> list[Mention]:
    """Return the named-entity mentions of an article's (non-removed) tokens, in text order."""
    model = model or default_model()
    groups = sentence_groups(article.tokens)
    out: list[Mention] = []
    for group, found in zip(groups, model.predict([[t.text for t in g] for g in groups])):
        for first, end, kind in found:
            # A name has letters: a stray symbol (`Ø`) the model labels is not one.
            if any(t.text[:1].isalpha() for t in group[first:end]):
                out.append(Mention(group[first].start, group[end - 1].end, kind))
    return out
