"""The amounts step: cardinal quantities with their bounds, units, counted objects and links.

Numbers come from `numbers.read_number`; around each one this module reads an
approximator before it (`około`, `ponad`), a range (`od 5 do 10`, `5–10 tys.`), the
currency or unit after it, and the counted object. Relative amounts (`trzykrotnie
wyższa`, `dwa razy więcej`, `o połowę mniej`, `o 20 proc.`) point back to the amount
they modify. Numbers inside time expressions are times, not amounts (shared/AMOUNTS.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from wedlug.article import Article, Token
from wedlug.lang.pl.amounts.numbers import Number, idiom_tokens, is_digits, number_words, read_number, scales
from wedlug.lang.pl.amounts.objects import counted_object
from wedlug.lang.pl.lexicon import rows, words

_SPACES = re.compile(r"\s+")
_DASHES = frozenset("-–—")
MAX_APPROXIMATOR_TOKENS = 4
# Abbreviations written with a full stop; the stop belongs to the amount (`30 proc.`).
_WITH_PERIOD = frozenset(("tys", "proc", "pkt", "szt", "mln", "mld"))
_SCALED_ADJECTIVE = re.compile(r"(\d+(?:,\d+)?)-(tysięczn|milionow|miliardow)[a-ząęóśćżźł]*", re.ASCII)
_ADJECTIVE_SCALES = {"tysięczn": 1e3, "milionow": 1e6, "miliardow": 1e9}


@dataclass(frozen=True, slots=True)
class AmountWords:
    """The lexicons of amounts, loaded once."""

    approximators: dict[str, tuple[bool, str]]
    units: dict[str, str]
    currencies: dict[str, str]
    directions: dict[str, int]
    multipliers: dict[str, float]
    anaphors: frozenset[str]


@cache
def amount_words() -> AmountWords:
    """Load approximators, units, currencies and relative words (data/*.tsv)."""
    relative: dict[str, dict[str, str]] = {}
    for row in rows("relative_words.tsv"):
        relative.setdefault(row[1], {})[row[0]] = row[2] if len(row) > 2 else ""
    return AmountWords({r[0]: (r[1] == "1", r[2]) for r in rows("approximators.tsv")},
                       {r[0]: r[1] for r in rows("units.tsv")},
                       {r[0]: r[1] for r in rows("currencies.tsv")},
                       {k: int(v) for k, v in relative["direction"].items()},
                       {k: float(v) for k, v in relative["multiplier"].items()},
                       frozenset(relative["anaphor"]))


@dataclass(slots=True)
class Found:
    """An amount over tokens `first`..`last` (inclusive) of one sentence, before linking."""

    first: int
    last: int
    value: float | None
    low: float | None = None
    high: float | None = None
    approx: bool = False
    unit: str | None = None
    currency: str | None = None
    object_span: tuple[int, int] | None = None
    object_base: str | None = None
    relative: dict[str, Any] | None = None
    anaphoric: bool = False


# Ordinal adjectives naming the denominator of a fraction (`jedna czwarta`).
_DENOMINATORS = {"trzeci": 3, "czwart": 4, "piąt": 5, "szóst": 6, "siódm": 7, "ósm": 8,
                 "dziewiąt": 9, "dziesiąt": 10}
# Their feminine forms (`część` is understood): `jedna czwarta`, `dwie trzecie`, `jednej piątej`.
_FEMININE_ENDINGS = frozenset(("a", "e", "ej", "ą", "ch", "ia", "ie", "iej", "ią"))


class SentenceAmounts:
    """Find the amounts of one sentence's tokens."""

    def __init__(self, tokens: Sequence[Token], text: str, taken: Sequence[bool]) -> None:
        self.tokens, self.text, self.taken = tokens, text, taken
        self.words = amount_words()
        self.low = [t.text.lower() for t in tokens]

    def find(self) -> list[Found]:
        """Return the sentence's amounts, left to right."""
        out: list[Found] = []
        i = 0
        while i < len(self.tokens):
            found = None if self.taken[i] else self.fraction_at(i) or (None if not self.may_start(i) else (
                self.relative_at(i) or self.amount_at(i) or self.compound_at(i)))
            if found is None:
                i += 1
                continue
            out.append(found)
            i = found.last + 1
        return out

    def may_start(self, i: int) -> bool:
        """Tell cheaply whether an amount may start at token `i` (digits, number words, `o`)."""
        low, lemma = self.low[i], self.tokens[i].lemma
        return (low[:1].isdigit() or low == "o" or "krotn" in low or lemma in number_words()
                or lemma in scales() or low in scales())

    # --- plain amounts ---------------------------------------------------------------
    def amount_at(self, i: int) -> Found | None:
        """Read the amount whose number starts at token `i`, with its range and approximator."""
        number = read_number(self.tokens, i, self.text)
        if number is None or self.is_label(number) or any(self.taken[number.first:number.last + 1]):
            return None
        first, end = number.first, number.last + 1
        unit_end, unit, currency = self.measure(end)
        found = Found(first, unit_end - 1, number.low if number.exact else None,
                      None if number.exact else number.low, None if number.exact else number.high,
                      approx=not number.exact, unit=unit, currency=currency)
        ranged = self.range_after(number, unit_end)
        if ranged is not None:
            found = ranged
        found.first = self.approximate(found)
        self.attach_object(found)
        if found.object_span is None and self._collective(number):
            return None  # `dostał piątkę`: a grade, not five of something
        self.attach_change(found)
        return found

    def _collective(self, number: Number) -> bool:
        """Tell whether a number is one collective noun (`piątka`, `dwójka`)."""
        word = number_words().get(self.tokens[number.first].lemma)
        return number.first == number.last and word is not None and word.kind == "collective"

    def fraction_at(self, i: int) -> Found | None:
        """Read `jedna czwarta`, `dwie trzecie`, `trzy piąte` -> 0.25, 0.667, 0.6."""
        if i + 1 >= len(self.tokens) or any(self.taken[i:i + 2]):
            return None
        lemma = self.tokens[i].lemma
        if lemma != "jeden" and lemma not in number_words():
            return None
        word = number_words().get(lemma)
        numerator = 1.0 if lemma == "jeden" else word.low if word and word.kind == "cardinal" else None
        after = self.low[i + 1]
        denominator = next((d for stem, d in _DENOMINATORS.items()
                            if after.startswith(stem) and after[len(stem):] in _FEMININE_ENDINGS), None)
        if numerator is None or denominator is None or numerator >= denominator:
            return None
        found = Found(i, i + 1, round(numerator / denominator, 4))
        found.first = self.approximate(found)
        self.attach_object(found)
        return found

    def compound_at(self, i: int) -> Found | None:
        """Read a number inside an adjective: `200-milionowej ludności` -> 2e8 (object: ludność)."""
        match = _SCALED_ADJECTIVE.fullmatch(self.low[i])
        if match is None:
            return None
        number = float(match.group(1).replace(",", "."))
        found = Found(i, i, number * _ADJECTIVE_SCALES[match.group(2)])
        self.attach_object(found)
        return found

    def is_label(self, number: Number) -> bool:
        """Tell a number that names or orders something (`art. 51`, `F-16`, `24.`, `Stream 2`)."""
        first, last = self.tokens[number.first], self.tokens[number.last]
        prev = self.tokens[number.first - 1] if number.first > 0 else None
        nxt = self.tokens[number.last + 1] if number.last + 1 < len(self.tokens) else None
        label = self.tokens[number.first - 2] if prev is not None and prev.text == "." \
            and number.first > 1 else prev
        if label is not None and (label.lemma in words("number_labels.txt")
                                  or label.text.lower() in words("number_labels.txt")):
            return True
        if prev is not None and prev.end == first.start and prev.text in _DASHES:
            return True  # `F-16`
        if nxt is not None and nxt.start == last.end and is_digits(last) and (
                nxt.text in (".", ":") or (nxt.text in _DASHES and number.last + 2 < len(self.tokens)
                                           and self.tokens[number.last + 2].text[:1].isalpha())):
            after = self.tokens[number.last + 2] if number.last + 2 < len(self.tokens) else None
            if after is not None and (after.text[:1].islower() or after.text[:1].isdigit()):
                return True  # `24. rocznica`, `6:40`, `22-godzinnych`
        if (prev is not None and number.first > 1 and prev.text[:1].isupper() and is_digits(first)
                and number.first == number.last):
            counted = nxt is not None and (nxt.upos == "NOUN" or nxt.tag.startswith("brev") or (
                nxt.upos == "ADJ" and any(case in nxt.tag for case in (":gen", ":nom", ":acc")))
            ) and nxt.text[:1].islower() and (":sg:" not in nxt.tag or first.text == "1")
            return not counted  # `Nord Stream 2`, `Nord Streamu 2 unijnym`, but `w Polsce 5 mln`
        if nxt is not None and nxt.text == ":" and not is_digits(first) and number.first == number.last:
            return True  # `dwa: szczepimy …`: a point of a list
        if nxt is not None and is_digits(first) and nxt.lemma in ("miejsce", "pozycja") and ":sg:" in nxt.tag:
            return True  # `zajmuje 13 miejsce`: a rank
        if is_digits(first) and number.first == number.last and first.text == "0":
            return True  # `grupa 0`: a name, not none of something
        return False

    def measure(self, k: int) -> tuple[int, str | None, str | None]:
        """Read a unit or currency at `k` -> (end, unit, currency)."""
        for size in (2, 1):
            if k + size > len(self.tokens):
                continue
            span = self.tokens[k:k + size]
            if any(t.text == "." for t in span[1:]) and size == 2:
                span = [t for t in self.tokens[k:k + size + 1] if t.text != "."][:2]
                if len(span) < 2:
                    continue
            for key in (" ".join(t.lemma for t in span), " ".join(t.text.lower() for t in span)):
                code = self.words.currencies.get(key) or self.words.units.get(key)
                if code is not None:
                    end = self.tokens.index(span[-1]) + 1
                    if end < len(self.tokens) and self.low[end] == "." and span[-1].text in _WITH_PERIOD:
                        end += 1
                    currency = code if key in self.words.currencies else None
                    return end, code, currency
        return k, None, None

    def range_after(self, left: Number, k: int) -> Found | None:
        """Read `5–10 tys.`, `od 560 do 970 tys.`, `między 5 a 10` with the left number."""
        if k + 1 >= len(self.tokens):
            return None
        sep = self.low[k]
        before = self.low[left.first - 1] if left.first > 0 else ""
        if not ((sep in _DASHES and is_digits(self.tokens[left.last]))
                or (sep == "do" and before == "od") or (sep == "a" and before == "między")):
            return None
        right = read_number(self.tokens, k + 1, self.text)
        if right is None or any(self.taken[right.first:right.last + 1]):
            return None
        low = left.low * (right.scale if left.scale == 1.0 else 1.0)
        if low >= right.high:
            return None
        end, unit, currency = self.measure(right.last + 1)
        if unit is None:
            _, unit, currency = self.measure(left.last + 1)
        first = left.first - 1 if before in ("od", "między") else left.first
        return Found(first, end - 1, None, low, right.high, unit=unit, currency=currency)

    def approximate(self, found: Found) -> int:
        """Apply an approximator before the amount (`około`, `ponad`, `co najmniej`); new first."""
        for size in range(MAX_APPROXIMATOR_TOKENS, 0, -1):  # the longest phrase wins
            start = found.first - size
            if start < 0:
                continue
            phrase = _SPACES.sub(" ", self.text[self.tokens[start].start:self.tokens[found.first].start])
            meaning = self.words.approximators.get(phrase.strip().lower())
            if meaning is None:
                continue
            approx, bound = meaning
            found.approx = found.approx or approx
            if found.value is not None and bound == "low":
                found.low = found.value
            elif found.value is not None and bound == "high":
                found.high = found.value
            return start
        return found.first

    def attach_object(self, found: Found) -> None:
        """Find the counted noun phrase after the amount (after the currency for money)."""
        k = found.last + 1
        if k < len(self.tokens) and self.low[k] in ("więcej", "mniej"):
            k += 1  # `o 3 tys. więcej miejsc pracy`
        if k < len(self.tokens) and self.low[k] == "." and self.tokens[k - 1].tag.startswith("brev"):
            k += 1  # `55 mld m sześc. gazu`: past the unit's abbreviation dot
        if k + 1 < len(self.tokens) and self.tokens[k].lemma == "wszystek":
            k += 1  # `jedna czwarta wszystkich zakażeń`: what is counted is the infections
        obj = counted_object(self.tokens, k, self.text)
        if obj is None and k + 1 < len(self.tokens) and self.low[k] in ("i", "oraz", "lub", "albo", "z"):
            # `z dwiema i trzema sypialniami`, `100 z 350 pilotów`: the noun after the next number
            other = read_number(self.tokens, k + 1, self.text)
            if other is not None:
                obj = counted_object(self.tokens, other.last + 1, self.text)
        if obj is None:
            return
        found.object_span = (obj.first, obj.last)
        found.object_base = obj.base

    # --- relative amounts ------------------------------------------------------------
    def direction(self, k: int) -> int:
        """Return +1 / -1 if token `k` says more / less (`więcej`, `wyższa`, `spadł`), else 0."""
        if k < 0 or k >= len(self.tokens):
            return 0
        token = self.tokens[k]
        sign = self.words.directions.get(token.lemma, 0)
        if token.tag.startswith("adj") and ":com" not in token.tag:
            return 0  # `wysoki` says nothing; `wyższy` does
        return sign

    def direction_near(self, before: int, after: int) -> tuple[int, int]:
        """Return (sign, index) of the nearest direction word right after, else before."""
        for k in (after, after + 1):
            if self.direction(k):
                return self.direction(k), k
        for k in range(before, max(before - 4, -1), -1):
            if self.direction(k):
                return self.direction(k), -1
        return 0, -1

    def relative_at(self, i: int) -> Found | None:
        """Read `trzykrotnie wyższa`, `3-krotny`, `dwa razy więcej`, `o połowę mniej`."""
        factor = self.multiplier(i)
        last = i
        if factor is None and self.low[i] == "o" and i + 1 < len(self.tokens) \
                and self.tokens[i + 1].lemma == "połowa":
            sign, k = self.direction_near(i - 1, i + 2)
            if not sign:
                return None
            return Found(i, max(k, i + 1), None, relative={"delta": 0.5 * sign})
        if factor is None:
            number = read_number(self.tokens, i, self.text)
            if number is None or number.last + 1 >= len(self.tokens) \
                    or self.tokens[number.last + 1].lemma != "raz" or not number.exact:
                return None
            factor, last = number.low, number.last + 1
            if not self.direction(last + 1):
                return None
        sign, k = self.direction_near(i - 1, last + 1)
        if sign < 0 and factor:
            factor = 1 / factor
        found = Found(i, max(last, k), None, relative={"factor": factor})
        found.anaphoric = self.anaphoric()
        return found

    def multiplier(self, i: int) -> float | None:
        """Return the factor of a `-krotnie` / `-krotny` word (`trzykrotnie` -> 3)."""
        low = self.low[i]
        if "krotn" not in low:
            return None
        stem = low.split("krotn")[0].rstrip("-")
        if stem.isascii() and stem.isdigit():
            return float(stem)
        return self.words.multipliers.get(stem)

    def anaphoric(self) -> bool:
        """Tell whether the sentence refers back to an earlier amount (`liczba ta`)."""
        for k, token in enumerate(self.tokens):
            if token.lemma in self.words.anaphors:
                near = self.tokens[max(k - 1, 0):k + 2]
                if any(t.lemma == "ten" for t in near):
                    return True
        return False

    def attach_change(self, found: Found) -> None:
        """Mark `o 20 proc.` after `wzrosnąć`/before `więcej` as a change (`delta`)."""
        if found.first == 0 or self.low[found.first - 1] != "o" or found.value is None:
            if not (found.first > 0 and self.low[found.first] == "o"):
                return
        o = found.first if self.low[found.first] == "o" else found.first - 1
        sign, k = self.direction_near(o - 1, found.last + 1)
        if not sign or found.value is None or found.unit == "pp":
            return
        delta = found.value / 100 if found.unit == "percent" else found.value
        found.relative = {"delta": round(sign * delta, 10)}
        if k > found.last and found.object_span is None:
            found.last = k


def _sentences(article: Article) -> dict[int, list[Token]]:
    by_sentence: dict[int, list[Token]] = {}
    for token in article.tokens:
        by_sentence.setdefault(token.sentence, []).append(token)
    return by_sentence


def _taken_by_times(article: Article, tokens: Sequence[Token]) -> list[bool]:
    """Mark tokens inside time expressions: their numbers are times (`przez 30 dni`)."""
    if not tokens:
        return []
    first, last = tokens[0].start, tokens[-1].end
    near = [t for t in article.times if t["start"] < last and first < t["end"]]
    return [any(t["start"] <= token.start and token.end <= t["end"] for t in near) for token in tokens]


def _record(article: Article, tokens: Sequence[Token], found: Found) -> dict[str, Any]:
    text = article.text
    start, end = tokens[found.first].start, tokens[found.last].end
    obj = None
    if found.object_span is not None:
        o_start, o_end = tokens[found.object_span[0]].start, tokens[found.object_span[1]].end
        obj = {"start": o_start, "end": o_end, "text": text[o_start:o_end], "base": found.object_base}
    return {"start": start, "end": end, "text": text[start:end], "value": found.value,
            "low": found.low, "high": found.high, "approx": found.approx, "unit": found.unit,
            "currency": found.currency, "object": obj,
            "relative": dict(found.relative) if found.relative else None,
            "statement": None, "time": None}


def find_amounts(article: Article) -> Article:
    """Fill `amounts`: every amount with its value, bounds, unit, object and links."""
    text = article.text
    for tokens in _sentences(article).values():
        taken = _taken_by_times(article, tokens) if article.times else [False] * len(tokens)
        sentence_start = len(article.amounts)
        amounts = SentenceAmounts(tokens, text, taken).find()
        idioms = idiom_tokens(tokens) if amounts else set()
        for found in amounts:
            if article.is_removed(tokens[found.first].start, tokens[found.last].end) \
                    or any(k in idioms for k in range(found.first, found.last + 1)):
                continue
            record = _record(article, tokens, found)
            if found.relative is not None and "factor" in found.relative or \
                    found.relative is not None and found.value is None:
                record["relative"]["to"] = _antecedent(article.amounts, sentence_start, found.anaphoric)
            article.amounts.append(record)
    _link(article)
    return article


def _antecedent(amounts: list[dict[str, Any]], sentence_start: int, anaphoric: bool) -> int | None:
    """Return the index of the amount a relative one modifies.

    With `liczba ta` the latest amount of an earlier sentence; otherwise the latest
    earlier amount of the same sentence (none: the text does not say).
    """
    candidates = range(sentence_start) if anaphoric else range(sentence_start, len(amounts))
    for index in reversed(candidates):
        if amounts[index]["value"] is not None or amounts[index]["low"] is not None:
            return index
    return None


def _link(article: Article) -> None:
    """Point each amount at the statement containing it and the nearest time of its sentence."""
    sentence_of = {}
    for index, sentence in enumerate(article.sentences):
        sentence_of[index] = (sentence.start, sentence.end)
    for amount in article.amounts:
        for index, statement in enumerate(article.statements):
            content = statement.get("content") or {}
            if content.get("start", 1) <= amount["start"] and amount["end"] <= content.get("end", 0):
                amount["statement"] = index
                break
        bounds = next(((s, e) for s, e in sentence_of.values() if s <= amount["start"] < e), None)
        if bounds is None:
            continue
        best = None
        for index, time in enumerate(article.times):
            if bounds[0] <= time["start"] < bounds[1] and time["type"] in ("date", "time"):
                distance = abs(time["start"] - amount["start"])
                if best is None or distance < best[0]:
                    best = (distance, index)
        amount["time"] = best[1] if best else None
