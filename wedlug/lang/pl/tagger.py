"""Choose one Morfeusz reading per token: an averaged perceptron over candidates.

Each token's candidates are Morfeusz's readings with their compact tags expanded
(`adj:sg:nom.acc:m3:pos` -> two tags). A linear model scores every candidate from
features of the word itself (cacheable) and of its neighbours (the previous choice,
the next word), greedily left to right. Unknown words get candidates guessed from
surname and place-name endings, so `Kriworuczka` can come out as `Kriworuczek`. After
decoding, the rules of `context_rules.py` set right what the greedy choice misses.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import count, product
from pathlib import Path
from typing import Any

from wedlug.lang.pl import conventions
from wedlug.lang.pl.context_rules import CONTEXT_RULES, passive_auxiliaries
from wedlug.lang.pl.digits import digit_upos
from wedlug.lang.pl.morphology import Reading, abbreviation_upos

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
    gap: int = 0  # how far this lemma's corpus frequency falls below the token's commonest
    shape: str = ""  # the part of speech with case and number, what agreement looks at


class Options(list[Candidate]):
    """A token's candidates as `Tagger.candidates` made them, numbered once: the number
    stands for the list in the chooser's caches (an `id` may be reused once a list dies)."""

    __slots__ = ("serial",)

    def __init__(self, candidates: Iterable[Candidate]) -> None:
        super().__init__(candidates)
        self.serial = next(_SERIALS)


_SERIALS = count()


def expand(reading: Reading, gap: int = 0) -> list[Candidate]:
    """Expand a compact Morfeusz tag into one candidate per full tag."""
    return [Candidate(reading.lemma, tag, pos, case, number, gender, reading.names, reading.labels,
                      reading.guessed, gap, shape)
            for tag, pos, case, number, gender, shape in _full_tags(reading.tag)]


@cache
def _full_tags(compact: str) -> tuple[tuple[str, str, str, str, str, str], ...]:
    """The full tags a compact tag stands for, each with its class, case, number, gender
    and shape (a few hundred distinct compact tags occur, so this is computed once each)."""
    slots = [part.split(".") for part in compact.split(":")]
    out = []
    for parts in product(*slots):
        case = next((p for p in parts if p in CASES), "")
        number = next((p for p in parts if p in NUMBERS), "")
        gender = next((p for p in parts if p in GENDERS), "")
        out.append((":".join(parts), parts[0], case, number, gender, f"{parts[0]}:{case}:{number}"))
    return tuple(out)


@dataclass
class NameGuesser:
    """Guess base forms of unknown capitalised words from inflection endings of names."""

    rules: dict[str, list[tuple[str, str, float]]] = field(default_factory=dict)
    longest: int = 0

    def guess(self, word: str, *, indeclinable: bool = False) -> list[Reading]:
        """Return guessed readings, the word itself first (in every case if `indeclinable`)."""
        tag = "subst:sg:nom.gen.dat.acc.inst.loc.voc:m1" if indeclinable else "subst:sg:nom:m1"
        out = [Reading(word, tag, ("guess",), (), 1.0)]
        seen = {(word, tag)}
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


# What the chooser reads of the next token: its ambiguity class, shapes and case-number pairs.
_NextInfo = tuple[str, frozenset[str], frozenset[str]]


@dataclass
class Tagger:
    """Weights of the candidate-scoring perceptron and the part-of-speech table."""

    weights: dict[str, float] = field(default_factory=dict)
    upos: dict[str, str] = field(default_factory=dict)
    guesser: NameGuesser = field(default_factory=NameGuesser)
    prior: dict[str, int] = field(default_factory=dict)
    upos_options: dict[str, list[str]] = field(default_factory=dict)
    upos_weights: dict[str, float] = field(default_factory=dict)
    _own: dict[int, tuple[float, ...]] = field(default_factory=dict, repr=False)
    _cands: dict[tuple[str, tuple[Reading, ...]], list[Candidate]] = field(default_factory=dict, repr=False)
    _back: dict[tuple[str, ...], float] = field(default_factory=dict, repr=False)
    _lefts: dict[tuple[Any, ...], tuple[float, ...]] = field(default_factory=dict, repr=False)
    _readings: dict[tuple[Any, ...], float] = field(default_factory=dict, repr=False)
    _ahead: dict[tuple[str, ...], float] = field(default_factory=dict, repr=False)
    _static_lists: dict[tuple[Any, ...], tuple[float, ...]] = field(default_factory=dict, repr=False)
    _prefix_set: frozenset[str] | None = field(default=None, repr=False)
    _decisions: dict[tuple[Any, ...], Candidate] = field(default_factory=dict, repr=False)
    _pairs: dict[str, tuple[str, str, str, str]] = field(default_factory=dict, repr=False)
    _rights: dict[tuple[Any, ...], tuple[float, ...]] = field(default_factory=dict, repr=False)
    _following: dict[int, tuple[_NextInfo, int]] = field(default_factory=dict, repr=False)
    _info_numbers: dict[_NextInfo, int] = field(default_factory=dict, repr=False)

    # -- features ---------------------------------------------------------------
    @staticmethod
    def static_features(form: str, cand: Candidate) -> list[str]:
        """Features of a candidate that depend only on the word itself: those pairing the
        word's form with the reading, and those that see of the form only its capitals."""
        return Tagger.word_features(form, cand) + Tagger.reading_features(_capitals(form), cand)

    @staticmethod
    def word_features(form: str, cand: Candidate) -> list[str]:
        """The static features that pair the word's form with the reading."""
        lower = form.lower()
        return [
            "wt|" + lower + "|" + cand.tag,
            "wl|" + lower + "|" + cand.lemma,
            "wp|" + lower + "|" + cand.pos,
            "s3|" + lower[-3:] + "|" + cand.tag,
            "s2|" + lower[-2:] + "|" + cand.pos + cand.case,
            "lf|" + str(cand.lemma.lower() == lower) + "|" + cand.pos,
            "fgl|" + str(min(cand.gap, 3)) + "|" + lower[-2:] + "|" + cand.pos,
        ]

    @staticmethod
    def reading_features(cap: str, cand: Candidate) -> list[str]:
        """The static features of the reading and the form's capital class (`_capitals`)."""
        return [
            "t|" + cand.tag,
            "p|" + cand.pos,
            "lab|" + "+".join(cand.labels) + "|" + cand.pos,
            "nm|" + "+".join(cand.names) + "|" + cap + "|" + cand.pos,
            "lc|" + cap + "|" + str(cand.lemma[:1].isupper()) + "|" + cand.pos,
            "g|" + str(round(cand.guessed, 1)) + "|" + cand.tag,
            "fg|" + str(cand.gap) + "|" + cand.pos,
        ]

    @staticmethod
    def context_features(prev: Candidate | None, prev2: Candidate | None, prev_form: str,
                         next_form: str, next_pos: str, cand: Candidate,
                         form: str = "", next_shapes: frozenset[str] = frozenset()) -> list[str]:
        """Features that relate a candidate to its neighbours.

        `next_shapes` holds the next token's possible `case:number:gender` triples, so a
        candidate can agree with what follows (`prawa człowieka`, `dane osobowe`).
        """
        first = prev_form == "<s>" or prev_form in _OPENERS
        cap = "C" if form[:1].isupper() else "l"
        return Tagger.tag_features(prev, prev2, next_pos, next_shapes, cand) + [
            "pw|" + prev_form.lower() + "|" + cand.shape,
            "nw|" + next_form.lower() + "|" + cand.shape,
            "pl|" + prev_form.lower() + "|" + cand.lemma,
            "nl|" + next_form.lower() + "|" + cand.lemma,
            "bos|" + str(first) + cap + str(cand.lemma[:1].isupper()) + "|" + (
                cand.names[0] if cand.names else "") + "|" + str(next_form[:1].isupper()),
        ]

    @staticmethod
    def tag_features(prev: Candidate | None, prev2: Candidate | None, next_pos: str,
                     next_shapes: frozenset[str], cand: Candidate) -> list[str]:
        """The context features that depend on tags alone: the previous two readings and
        the next token's classes and shapes (summed once per combination in `decode`)."""
        nagree = _next_agreement(cand, next_shapes, _case_numbers(next_shapes))
        return Tagger.prev_features(prev, prev2, cand) + [
            "np|" + next_pos + "|" + cand.shape,
            "na|" + next_pos + "|" + cand.pos + "|" + nagree,
        ]

    @staticmethod
    def prev_features(prev: Candidate | None, prev2: Candidate | None, cand: Candidate) -> list[str]:
        """The tag features that look back: the previous two readings and agreement."""
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
        ]

    # -- scoring ----------------------------------------------------------------
    @property
    def _prefixes(self) -> frozenset[str]:
        """The `kind|word|` prefixes of word-pair features the model has weights for."""
        if self._prefix_set is None:
            self._prefix_set = frozenset(
                f[: f.index("|", 3) + 1] for f in self.weights
                if f[:3] in ("pw|", "nw|", "pl|", "nl|") and f.count("|") >= 2)
        return self._prefix_set

    def _static_scores(self, form: str, options: Sequence[Candidate], bos: str = "",
                       bos_end: str = "") -> Sequence[float]:
        """Static scores of a token's candidates plus their sentence-start feature (`bos`
        and `bos_end` frame it; it depends on the position only through them), cached
        per candidate list and frame."""
        serial = _serial(options)
        key = (serial, bos, bos_end)
        found = self._static_lists.get(key) if serial is not None else None
        if found is None:
            w = self.weights
            found = tuple(own + (w.get(
                bos + str(c.lemma[:1].isupper()) + "|" + (c.names[0] if c.names else "") + bos_end, 0.0)
                if bos else 0.0) for own, c in zip(self._own_scores(form, options, serial), options))
            if serial is not None:
                if len(self._static_lists) > 200_000:
                    self._static_lists.clear()
                self._static_lists[key] = found
        return found

    def _own_scores(self, form: str, options: Sequence[Candidate], serial: int | None) -> tuple[float, ...]:
        """The sums of `static_features` weights of a token's candidates, per candidate list."""
        found = self._own.get(serial) if serial is not None else None
        if found is None:
            found = tuple(self._word_score(form, c) + self._reading_score(form, c) for c in options)
            if serial is not None:
                if len(self._own) > 200_000:
                    self._own.clear()
                self._own[serial] = found
        return found

    def _word_score(self, form: str, cand: Candidate) -> float:
        """The weights of the candidate's `word_features`."""
        w = self.weights
        return sum(w.get(f, 0.0) for f in self.word_features(form, cand))

    def _reading_score(self, form: str, cand: Candidate) -> float:
        """The weights of the candidate's `reading_features`, cached per reading and capital
        class, as many words share them."""
        cap = _capitals(form)
        key = (cand.tag, cand.labels, cand.names, cand.guessed, cand.gap, cand.lemma[:1].isupper(), cap)
        found = self._readings.get(key)
        if found is None:
            w = self.weights
            found = sum(w.get(f, 0.0) for f in self.reading_features(cap, cand))
            if len(self._readings) > 200_000:
                self._readings.clear()
            self._readings[key] = found
        return found

    def candidates(self, form: str, readings: Sequence[Reading]) -> list[Candidate]:
        """Return the expanded candidates of a token, guessing for unknown names."""
        key = (form, tuple(readings))
        found = self._cands.get(key)
        if found is not None:
            return found
        if form[:1].isupper() and form.isalpha() and len(form) > 1:
            if len(readings) == 1 and readings[0].tag == "ign":
                # Unknown: a foreign name, declined (`Kriworuczka`) or not (`Szojgu`).
                readings = self.guesser.guess(form, indeclinable=True)
            elif not any(r.lemma[:1].isupper() for r in readings):
                # Known only as a common word (`Kim` as `kto`): a name is possible too.
                readings = tuple(readings) + tuple(self.guesser.guess(form))
        prior = self.prior
        buckets = [prior.get(r.lemma, 0) for r in readings]
        top = max(buckets, default=0)
        found = Options(c for r, b in zip(readings, buckets) for c in expand(r, min(top - b, 8)))
        if len(self._cands) > 200_000:
            self._cands.clear()
        self._cands[key] = found
        return found

    def choose(self, forms: Sequence[str], readings: Sequence[Sequence[Reading]]) -> list[Candidate]:
        """Pick one candidate per token of a sentence."""
        readings = self.foreign_name_runs(forms, readings)
        cands = [self.candidates(f, r) for f, r in zip(forms, readings)]
        chosen = self.decode(forms, cands)
        for rule in CONTEXT_RULES:
            chosen = rule(forms, chosen, cands)
        return chosen

    def foreign_name_runs(self, forms: Sequence[str],
                           readings: Sequence[Sequence[Reading]]) -> list[Sequence[Reading]]:
        """Read capitalised words next to an unknown capitalised word as parts of one name.

        `Kim Dzong Un`: `Dzong` is unknown, so `Kim` beside it is a name, not `kto`, and
        `Un` is a name, not the acronym `UN`. A word Morfeusz knows as a name keeps it,
        and a word it knows as a plain common noun (`Szef`) stays that.
        """
        out = list(readings)
        unknown = [len(r) == 1 and r[0].tag == "ign" and f[:1].isupper() for f, r in zip(forms, readings)]
        for i, form in enumerate(forms):
            if unknown[i] or not (form[:1].isupper() and form.isalpha() and len(form) > 1):
                continue
            if not ((i > 0 and unknown[i - 1]) or (i + 1 < len(forms) and unknown[i + 1])):
                continue
            if any(not r.labels and "nazwa_pospolita" in r.names for r in readings[i]):
                continue  # `Szef Kriworuczki`: a plain common noun stays one
            names = tuple(r for r in readings[i] if r.lemma[:1].isupper()
                          and not (r.lemma.isupper() and not form.isupper()))
            out[i] = names or tuple(self.guesser.guess(form, indeclinable=True))
        return out

    def decode(self, forms: Sequence[str], cands: Sequence[Sequence[Candidate]]) -> list[Candidate]:
        """Greedy left-to-right choice among given candidates.

        Scores exactly what `static_features` + `context_features` give, but the features
        that depend only on tags are summed once and cached: those looking back per
        (previous tag, the one before's class, tag), those looking ahead per (next token's
        classes, shape, class, agreement). A token's choice depends on nothing but its
        candidate list, the previous tag and class, the next token's candidate list, the
        sentence-start frame and the word-pair features its neighbours have, so it is
        cached under those (a frequent word in a frequent context is scored once).
        """
        if len(self._decisions) > 300_000:
            self._decisions.clear()
        decisions = self._decisions
        chosen: list[Candidate] = []
        n = len(forms)
        # Word-pair feature prefixes of each word, with the sentence's edges around them:
        # token i's neighbours' are at i and i + 2.
        pairs = [self._pair_keys("<s>")] + [self._pair_keys(f) for f in forms] + [self._pair_keys("</s>")]
        for i, options in enumerate(cands):
            if len(options) == 1:
                chosen.append(options[0])
                continue
            prev = chosen[i - 1] if i else None
            prev2 = chosen[i - 2] if i > 1 else None
            if prev is not None and prev.case and prev.lemma[:1].isupper() and "guess" in options[0].names:
                # A guessed surname after a first name takes its case: `Siergiejem Szojgu`.
                narrowed = [c for c in options if c.case == prev.case]
                if narrowed and len(narrowed) < len(options):
                    options = narrowed  # a list of its own: scored, never cached
            following = cands[i + 1] if i + 1 < n else None
            prev_form = forms[i - 1] if i else "<s>"
            first = prev_form == "<s>" or prev_form in _OPENERS
            bos = "bos|" + str(first) + ("C" if forms[i][:1].isupper() else "l")
            bos_end = "|" + str(following is not None and forms[i + 1][:1].isupper())
            before, after = pairs[i], pairs[i + 2]
            serial, next_key = _serial(options), self._next_key(following)
            key = None if serial is None or next_key is None else (
                serial, next_key, prev.tag if prev else "<s>", prev2.pos if prev2 else "<s>",
                bos, bos_end, before[0], before[2], after[1], after[3])
            found = decisions.get(key) if key is not None else None
            if found is None:
                found = self._best(forms[i], options, following, prev, prev2, (bos, bos_end), before, after)
                if key is not None:
                    decisions[key] = found
            chosen.append(found)
        return chosen

    def _pair_keys(self, form: str) -> tuple[str, str, str, str]:
        """The word-pair feature prefixes (`pw|`, `nw|`, `pl|`, `nl|`) a neighbouring word
        has weights for, `""` for those it has none (most words have none)."""
        found = self._pairs.get(form)
        if found is None:
            if len(self._pairs) > 200_000:
                self._pairs.clear()
            known = self._prefixes
            lower = form.lower()
            pw, nw, pl, nl = (k + lower + "|" for k in ("pw|", "nw|", "pl|", "nl|"))
            found = self._pairs[form] = (pw if pw in known else "", nw if nw in known else "",
                                         pl if pl in known else "", nl if nl in known else "")
        return found

    def _next_info(self, following: Sequence[Candidate] | None) -> _NextInfo:
        """The next token's ambiguity class, shapes and case-number pairs, per candidate list."""
        return self._next(following)[0]

    def _next_key(self, following: Sequence[Candidate] | None) -> int | None:
        """A number for what the chooser reads of the next token (`_next_info`): the same for
        every candidate list with the same classes and shapes, so that a choice cached after
        one next word serves after any like it; None for a list made elsewhere."""
        if following is not None and _serial(following) is None:
            return None
        return self._next(following)[1]

    def _next(self, following: Sequence[Candidate] | None) -> tuple[_NextInfo, int]:
        if following is None:
            return _END_INFO, -1
        serial = _serial(following)
        found = self._following.get(serial) if serial is not None else None
        if found is None:
            if len(self._following) > 200_000:
                self._following.clear()
            shapes = _shapes(following)
            info = (_ambiguity(following), shapes, _case_numbers(shapes))
            number = self._info_numbers.get(info)
            if number is None:
                if len(self._info_numbers) > 200_000:  # numbers in the caches go stale with it
                    for stale in (self._info_numbers, self._following, self._decisions, self._rights):
                        stale.clear()
                number = self._info_numbers[info] = len(self._info_numbers)
            found = (info, number)
            if serial is not None:
                self._following[serial] = found
        return found

    def _best(self, form: str, options: Sequence[Candidate], following: Sequence[Candidate] | None,
              prev: Candidate | None, prev2: Candidate | None, frame: tuple[str, str],
              before: tuple[str, str, str, str], after: tuple[str, str, str, str]) -> Candidate:
        """The best-scoring candidate of a token: the scores that look ahead (with the
        word's own) per candidate list and what follows, plus those that look back.
        `frame` is the sentence-start feature's (`bos`, `bos_end`); `before` and `after`
        the neighbours' word-pair prefixes (`_pair_keys`)."""
        w = self.weights
        pw, plk = before[0], before[2]
        best, best_score = options[0], float("-inf")
        rights = self._right_scores(form, options, following, frame, after)
        for cand, right, left in zip(options, rights, self._left_scores(options, prev, prev2)):
            if pw:
                left += w.get(pw + cand.shape, 0.0)
            if plk:
                left += w.get(plk + cand.lemma, 0.0)
            score = right + left
            if score > best_score:
                best, best_score = cand, score
        return best

    def _left_scores(self, options: Sequence[Candidate], prev: Candidate | None,
                     prev2: Candidate | None) -> Sequence[float]:
        """Each candidate's score from the features that look back (`prev_features`), per
        (previous tag, the one before's class, tag), and per candidate list and context."""
        prev_tag = prev.tag if prev else "<s>"
        prev2_pos = prev2.pos if prev2 else "<s>"
        serial = _serial(options)
        lefts = self._lefts
        found = lefts.get((prev_tag, prev2_pos, serial)) if serial is not None else None
        if found is not None:
            return found
        w, back = self.weights, self._back
        if len(back) > 300_000:
            back.clear()
        scores = []
        for cand in options:
            key = (prev_tag, prev2_pos, cand.tag)
            left = back.get(key)
            if left is None:
                left = back[key] = sum(w.get(f, 0.0) for f in self.prev_features(prev, prev2, cand))
            scores.append(left)
        found = tuple(scores)
        if serial is not None:
            if len(lefts) > 300_000:
                lefts.clear()
            lefts[(prev_tag, prev2_pos, serial)] = found
        return found

    def _right_scores(self, form: str, options: Sequence[Candidate], following: Sequence[Candidate] | None,
                      frame: tuple[str, str], after: tuple[str, str, str, str]) -> tuple[float, ...]:
        """Each candidate's score from itself, the sentence-start frame and what follows
        (the next token's classes and shapes, word-pair features with the next word),
        cached per candidate list, next candidate list and frame."""
        bos, bos_end = frame
        nw, nlk = after[1], after[3]
        serial, next_key = _serial(options), self._next_key(following)
        key = None if serial is None or next_key is None else (serial, next_key, bos, bos_end, nw, nlk)
        found = self._rights.get(key) if key is not None else None
        if found is not None:
            return found
        w, ahead = self.weights, self._ahead
        if len(ahead) > 300_000:
            ahead.clear()
        next_pos, next_shapes, next_cn = self._next_info(following)
        scores = []
        for cand, static in zip(options, self._static_scores(form, options, bos, bos_end)):
            nagree = _next_agreement(cand, next_shapes, next_cn)
            key2 = (next_pos, cand.shape, cand.pos, nagree)
            looking_ahead = ahead.get(key2)
            if looking_ahead is None:
                looking_ahead = ahead[key2] = w.get("np|" + next_pos + "|" + cand.shape, 0.0) + w.get(
                    "na|" + next_pos + "|" + cand.pos + "|" + nagree, 0.0)
            score = static + looking_ahead
            if nw:
                score += w.get(nw + cand.shape, 0.0)
            if nlk:
                score += w.get(nlk + cand.lemma, 0.0)
            scores.append(score)
        found = tuple(scores)  # floats only: the garbage collector stops visiting it
        if key is not None:
            if len(self._rights) > 300_000:
                self._rights.clear()
            self._rights[key] = found
        return found

    def universal_pos(self, cand: Candidate, form: str) -> str:
        """Map a chosen reading to a Universal Dependencies part of speech."""
        if cand.pos == "brev":
            found = abbreviation_upos().get(cand.lemma)
            if found:
                return found
            if cand.lemma[:1].isupper() and len(cand.lemma) <= 3:
                return "PROPN"
            return "ADV" if "_" in cand.lemma else "NOUN"
        if cand.pos == "subst" and (cand.lemma[:1].isupper() and form[:1].isupper()):
            return self.upos.get("PROPN|" + cand.lemma.lower(), "PROPN")
        return (self.upos.get(cand.pos + "|" + cand.lemma.lower())
                or self.upos.get(cand.pos) or "X")

    @staticmethod
    def upos_key(cand: Candidate, form: str) -> str:
        """The (class, lemma) key under which a reading's UD parts of speech are looked up."""
        if cand.pos == "subst" and (cand.lemma[:1].isupper() and form[:1].isupper()):
            return "PROPN|" + cand.lemma.lower()
        return cand.pos + "|" + cand.lemma.lower()

    @staticmethod
    def upos_features(key: str, cand: Candidate, prev: Candidate | None, nxt: Candidate | None,
                      prev_form: str, next_form: str) -> list[str]:
        """Context of a reading whose UD part of speech depends on use (`być`, `to`, `co`)."""
        npos = nxt.pos if nxt else "</s>"
        ppos = prev.pos if prev else "<s>"
        return ["k|" + key, "c|" + cand.pos, "kn|" + key + "|" + npos, "kp|" + key + "|" + ppos,
                "knw|" + key + "|" + next_form.lower(), "kpw|" + key + "|" + prev_form.lower(),
                "cn|" + cand.pos + "|" + npos, "cp|" + cand.pos + "|" + ppos,
                "cnp|" + cand.pos + "|" + ppos + "|" + npos, "kt|" + key + "|" + cand.tag]

    def universal_tags(self, forms: Sequence[str], chosen: Sequence[Candidate]) -> list[str]:
        """UD parts of speech of a sentence's chosen readings, in context."""
        out = []
        n = len(forms)
        w = self.upos_weights
        for i, cand in enumerate(chosen):
            nxt = chosen[i + 1] if i + 1 < n else None
            if cand.pos == "dig":
                out.append(digit_upos(forms, chosen, i))
                continue
            key = self.upos_key(cand, forms[i])
            options = self.upos_options.get(key)
            if not options or len(options) == 1 or not w:
                out.append(self.universal_pos(cand, forms[i]))
                continue
            feats = self.upos_features(key, cand, chosen[i - 1] if i else None, nxt,
                                       forms[i - 1] if i else "<s>", forms[i + 1] if i + 1 < n else "</s>")
            out.append(max(options, key=lambda u: sum(w.get(f + "|" + u, 0.0) for f in feats)))
        return conventions.apply(forms, chosen, passive_auxiliaries(chosen, out))

    # -- storage ----------------------------------------------------------------
    def save(self, path: Path, meta: dict[str, Any]) -> None:
        """Write the model as gzipped JSON."""
        payload = {"meta": meta, "weights": self.weights, "upos": self.upos,
                   "guesser": self.guesser.to_json(), "prior": self.prior,
                   "upos_options": self.upos_options, "upos_weights": self.upos_weights}
        with gzip.open(path, "wt", encoding="utf-8") as out:
            json.dump(payload, out, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def load(cls, path: Path) -> Tagger:
        """Read a model written by `save`."""
        with gzip.open(path, "rt", encoding="utf-8") as src:
            payload = json.load(src)
        guesser = NameGuesser({k: [tuple(x) for x in v] for k, v in payload["guesser"]["rules"].items()},
                              payload["guesser"]["longest"])
        return cls(payload["weights"], payload["upos"], guesser, payload.get("prior", {}),
                   payload.get("upos_options", {}), payload.get("upos_weights", {}))


_END_INFO: _NextInfo = ("</s>", frozenset(), frozenset())


def _capitals(form: str) -> str:
    """A word's capital class for the static features: capitalised, all capitals, lower."""
    return "C" if form[:1].isupper() else ("U" if form.isupper() else "l")


_OPENERS = frozenset(("„", "\"", "«", "»", "(", "-", "–", "—", ":", "*", "•", "'", "‘", "“"))


def _shapes(options: Sequence[Candidate]) -> frozenset[str]:
    """The `case:number:gender` triples a token's candidates offer."""
    return frozenset(f"{c.case}:{c.number}:{c.gender}" for c in options if c.case)


def _case_numbers(shapes: frozenset[str]) -> frozenset[str]:
    """The `case:number` pairs of a token's `case:number:gender` shapes."""
    return frozenset(x.rsplit(":", 1)[0] for x in shapes)


def _next_agreement(cand: Candidate, next_shapes: frozenset[str], next_cn: frozenset[str]) -> str:
    """How a candidate agrees with what the next token may be: A(ll), c(ase and number), n(o)."""
    if not cand.case or not next_shapes:
        return "-"
    if f"{cand.case}:{cand.number}:{cand.gender}" in next_shapes:
        return "A"
    prefix = cand.case + ":" + cand.number
    if not cand.number:  # no number: any shape of that case will do, as a prefix
        return "c" if any(x.startswith(prefix) for x in next_shapes) else "n"
    return "c" if prefix in next_cn else "n"


def _serial(options: Sequence[Candidate] | None) -> int | None:
    """The number of a candidate list `Tagger.candidates` made, -1 for none (the end of a
    sentence), None for a list made elsewhere (which the chooser's caches skip)."""
    if options is None:
        return -1
    return options.serial if isinstance(options, Options) else None


def _ambiguity(options: Sequence[Candidate]) -> str:
    """Return the sorted set of parts of speech a token may be: its ambiguity class."""
    return "+".join(sorted({c.pos for c in options}))
