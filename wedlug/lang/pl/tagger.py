"""Choose one Morfeusz reading per token: an averaged perceptron over candidates.

Each token's candidates are Morfeusz's readings with their compact tags expanded
(`adj:sg:nom.acc:m3:pos` -> two tags). A linear model scores every candidate from
features of the word itself (cacheable) and of its neighbours (the previous choice,
the next word), greedily left to right. Unknown words get candidates guessed from
surname and place-name endings, so `Kriworuczka` can come out as `Kriworuczek`.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path
from typing import Any

from wedlug.lang.pl.morphology import Reading

CASES = frozenset("nom gen dat acc inst loc voc".split())
NUMBERS = frozenset(("sg", "pl"))
GENDERS = frozenset("m1 m2 m3 f n".split())
NAME_POS = frozenset(("subst", "depr", "adj"))


@dataclass(frozen=True, slots=True)
class Candidate:
    """One fully specified reading of a token."""

    lemma: str
    tag: str
    pos: str
    case: str
    number: str
    gender: str
    names: tuple[str, ...]
    labels: tuple[str, ...]
    guessed: float

    @property
    def shape(self) -> str:
        """Return the part of speech with case and number, what agreement looks at."""
        return f"{self.pos}:{self.case}:{self.number}"


def expand(reading: Reading) -> list[Candidate]:
    """Expand a compact Morfeusz tag into one candidate per full tag."""
    slots = [part.split(".") for part in reading.tag.split(":")]
    out = []
    for parts in product(*slots):
        case = next((p for p in parts if p in CASES), "")
        number = next((p for p in parts if p in NUMBERS), "")
        gender = next((p for p in parts if p in GENDERS), "")
        out.append(Candidate(reading.lemma, ":".join(parts), parts[0], case, number, gender,
                             reading.names, reading.labels, reading.guessed))
    return out


@dataclass
class NameGuesser:
    """Guess base forms of unknown capitalised words from inflection endings of names."""

    rules: dict[str, list[tuple[str, str, float]]] = field(default_factory=dict)
    longest: int = 0

    def guess(self, word: str) -> list[Reading]:
        """Return guessed readings, the word itself as a nominative first."""
        out = [Reading(word, "subst:sg:nom:m1", ("guess",), (), 1.0)]
        seen = {(word, "subst:sg:nom:m1")}
        for size in range(min(self.longest, len(word) - 2), 0, -1):
            for tag, base_ending, weight in self.rules.get(word[-size:], ()):
                lemma = word[:-size] + base_ending
                if (lemma, tag) not in seen and len(lemma) > 1:
                    seen.add((lemma, tag))
                    out.append(Reading(lemma, tag, ("guess",), (), weight))
            if len(out) > 1:
                break
        return out

    def to_json(self) -> dict[str, Any]:
        """Return the guesser as plain data."""
        return {"rules": self.rules, "longest": self.longest}


@dataclass
class Tagger:
    """Weights of the candidate-scoring perceptron and the part-of-speech table."""

    weights: dict[str, float] = field(default_factory=dict)
    upos: dict[str, str] = field(default_factory=dict)
    guesser: NameGuesser = field(default_factory=NameGuesser)
    _static: dict[tuple[str, Candidate], float] = field(default_factory=dict, repr=False)

    # -- features ---------------------------------------------------------------
    @staticmethod
    def static_features(form: str, cand: Candidate) -> list[str]:
        """Features of a candidate that depend only on the word itself."""
        lower = form.lower()
        cap = "C" if form[:1].isupper() else ("U" if form.isupper() else "l")
        names = "+".join(cand.names)
        return [
            "t|" + cand.tag,
            "p|" + cand.pos,
            "wt|" + lower + "|" + cand.tag,
            "wl|" + lower + "|" + cand.lemma,
            "wp|" + lower + "|" + cand.pos,
            "s3|" + lower[-3:] + "|" + cand.tag,
            "s2|" + lower[-2:] + "|" + cand.pos + cand.case,
            "lab|" + "+".join(cand.labels) + "|" + cand.pos,
            "nm|" + names + "|" + cap + "|" + cand.pos,
            "lc|" + cap + "|" + str(cand.lemma[:1].isupper()) + "|" + cand.pos,
            "lf|" + str(cand.lemma.lower() == lower) + "|" + cand.pos,
            "g|" + str(round(cand.guessed, 1)) + "|" + cand.tag,
        ]

    @staticmethod
    def context_features(prev: Candidate | None, prev2: Candidate | None, prev_form: str,
                         next_form: str, next_pos: str, cand: Candidate) -> list[str]:
        """Features that relate a candidate to its neighbours."""
        pshape = prev.shape if prev else "<s>"
        ppos = prev.pos if prev else "<s>"
        agree = "-"
        if prev and prev.case and cand.case:
            agree = str(prev.case == cand.case) + str(prev.number == cand.number) + str(
                prev.gender == cand.gender)
        return [
            "pp|" + ppos + "|" + cand.pos,
            "ps|" + pshape + "|" + cand.shape,
            "pt|" + (prev.tag if prev else "<s>") + "|" + cand.tag,
            "ag|" + ppos + "|" + cand.pos + "|" + agree,
            "p2|" + (prev2.pos if prev2 else "<s>") + "|" + ppos + "|" + cand.pos,
            "pw|" + prev_form.lower() + "|" + cand.shape,
            "nw|" + next_form.lower() + "|" + cand.shape,
            "np|" + next_pos + "|" + cand.shape,
        ]

    # -- scoring ----------------------------------------------------------------
    def _static_score(self, form: str, cand: Candidate) -> float:
        key = (form, cand)
        score = self._static.get(key)
        if score is None:
            w = self.weights
            score = sum(w.get(f, 0.0) for f in self.static_features(form, cand))
            if len(self._static) > 500_000:
                self._static.clear()
            self._static[key] = score
        return score

    def candidates(self, form: str, readings: Sequence[Reading]) -> list[Candidate]:
        """Return the expanded candidates of a token, guessing for unknown names."""
        if len(readings) == 1 and readings[0].tag == "ign" and form[:1].isupper() and form.isalpha():
            readings = self.guesser.guess(form)
        return [c for r in readings for c in expand(r)]

    def choose(self, forms: Sequence[str], readings: Sequence[Sequence[Reading]]) -> list[Candidate]:
        """Pick one candidate per token of a sentence."""
        cands = [self.candidates(f, r) for f, r in zip(forms, readings)]
        return self.decode(forms, cands)

    def decode(self, forms: Sequence[str], cands: Sequence[Sequence[Candidate]]) -> list[Candidate]:
        """Greedy left-to-right choice among given candidates."""
        w = self.weights
        chosen: list[Candidate] = []
        n = len(forms)
        for i, options in enumerate(cands):
            if len(options) == 1:
                chosen.append(options[0])
                continue
            prev = chosen[i - 1] if i else None
            prev2 = chosen[i - 2] if i > 1 else None
            prev_form = forms[i - 1] if i else "<s>"
            next_form = forms[i + 1] if i + 1 < n else "</s>"
            next_pos = _ambiguity(cands[i + 1]) if i + 1 < n else "</s>"
            best, best_score = options[0], float("-inf")
            for cand in options:
                score = self._static_score(forms[i], cand) + sum(
                    w.get(f, 0.0) for f in self.context_features(
                        prev, prev2, prev_form, next_form, next_pos, cand))
                if score > best_score:
                    best, best_score = cand, score
            chosen.append(best)
        return chosen

    def universal_pos(self, cand: Candidate, form: str) -> str:
        """Map a chosen reading to a Universal Dependencies part of speech."""
        if cand.pos == "subst" and (cand.lemma[:1].isupper() and form[:1].isupper()):
            return self.upos.get("PROPN|" + cand.lemma.lower(), "PROPN")
        return (self.upos.get(cand.pos + "|" + cand.lemma.lower())
                or self.upos.get(cand.pos) or "X")

    # -- storage ----------------------------------------------------------------
    def save(self, path: Path, meta: dict[str, Any]) -> None:
        """Write the model as gzipped JSON."""
        payload = {"meta": meta, "weights": self.weights, "upos": self.upos,
                   "guesser": self.guesser.to_json()}
        with gzip.open(path, "wt", encoding="utf-8") as out:
            json.dump(payload, out, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def load(cls, path: Path) -> Tagger:
        """Read a model written by `save`."""
        with gzip.open(path, "rt", encoding="utf-8") as src:
            payload = json.load(src)
        guesser = NameGuesser({k: [tuple(x) for x in v] for k, v in payload["guesser"]["rules"].items()},
                              payload["guesser"]["longest"])
        return cls(payload["weights"], payload["upos"], guesser)


def _ambiguity(options: Sequence[Candidate]) -> str:
    """Return the sorted set of parts of speech a token may be: its ambiguity class."""
    return "+".join(sorted({c.pos for c in options}))
