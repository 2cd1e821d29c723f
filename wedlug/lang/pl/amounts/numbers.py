"""Read cardinal numbers from tokens: digits, number words, scale words, vague words.

A number is read greedily from one token: `1,6 mln`, `11 008`, `dwóch tysięcy trzystu`,
`półtora miliona`, `kilkanaście tysięcy`, `dziesiątki tysięcy`. Its value is an
interval (`low`, `high`): exact numbers have low == high, vague words a range
(shared/AMOUNTS.md). Words are recognised by their Morfeusz lemma, so every case and
gender comes for free (`trzystu` -> `trzysta`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from wedlug.article import Token
from wedlug.lang.pl.lexicon import rows
from wedlug.lang.pl.lexicon import words as words_of
from wedlug.lang.pl.morphology import WORD_CACHE

# `1,6`, `1.200`, `1 200` (the space form is joined across tokens), `5000`.
_DIGITS = re.compile(r"\d+(?:\.\d{3})*(?:,\d+)?", re.ASCII)
_GROUP = re.compile(r"\d{3}", re.ASCII)
# Whitespace that may separate thousands groups: space, no-break space, thin spaces.
_GROUP_GAPS = frozenset(" \u00a0\u202f\u2009")


@dataclass(frozen=True, slots=True)
class NumberWord:
    """A number word's meaning: an exact value, a vague range or a fraction of a scale."""

    low: float
    high: float
    kind: str


@dataclass(frozen=True, slots=True)
class Scale:
    """A scale word (`tysiąc`, `mln`): its multiplier and its vague plural range."""

    multiplier: float
    vague_low: float
    vague_high: float


@dataclass(frozen=True, slots=True)
class Number:
    """A number read from tokens `first`..`last` (inclusive, indexes into the sentence)."""

    first: int
    last: int
    low: float
    high: float
    scale: float = 1.0
    base_low: float = 0.0
    base_high: float = 0.0

    @property
    def exact(self) -> bool:
        """Tell whether the number has one value (not a vague range)."""
        return self.low == self.high


@cache
def number_words() -> dict[str, NumberWord]:
    """Number words by lemma (data/number_words.tsv)."""
    return {r[0]: NumberWord(float(r[1]), float(r[2]), r[3]) for r in rows("number_words.tsv")}


@cache
def scales() -> dict[str, Scale]:
    """Scale words by lemma or abbreviation (data/scales.tsv)."""
    return {r[0]: Scale(float(r[1]), float(r[2]), float(r[3])) for r in rows("scales.tsv")}


def digit_value(text: str) -> float | None:
    """Return the value of a digit string with Polish separators (`1.200`, `1,6`), or None."""
    if not _DIGITS.fullmatch(text):
        return None
    return float(text.replace(".", "").replace(",", "."))


def is_digits(token: Token) -> bool:
    """Tell whether a token is a number written in digits."""
    return token.text[:1].isdigit() and digit_value(token.text) is not None


def scale_of(token: Token) -> Scale | None:
    """Return the scale a token names (`tys.`, `mln`, `miliona`, `tysiące`), if any."""
    table = scales()
    return table.get(token.text.lower()) or table.get(token.lemma)


def word_of(token: Token) -> NumberWord | None:
    """Return the number word a token is (by lemma), if any."""
    if token.tag.startswith(("adj", "adv")):  # `jeden z`, `dwukrotny`: not cardinals here
        return None
    return number_words().get(token.lemma)


def _digit_run(tokens: Sequence[Token], i: int, text: str) -> tuple[int, float] | None:
    """Read digits at `i`, joining thousands groups split by a space (`11 008`)."""
    value = digit_value(tokens[i].text)
    if value is None or not tokens[i].text[:1].isdigit():
        return None
    last = i
    head = tokens[i].text
    while (head.isascii() and head.isdigit() and len(head) <= 3 and last + 1 < len(tokens)
           and _GROUP.fullmatch(tokens[last + 1].text)
           and tokens[last + 1].start - tokens[last].end == 1
           and text[tokens[last].end] in _GROUP_GAPS):
        value = value * 1000 + float(tokens[last + 1].text)
        last += 1
        head = "000"
    if (last + 2 < len(tokens) and tokens[last + 1].text == "," and is_digits(tokens[last])
            and is_digits(tokens[last + 2])
            and all(tokens[k].end == tokens[k + 1].start for k in (last, last + 1))):
        # `1,1-1,2 mld`: a decimal comma the tokenizer split off next to a dash
        value = float(f"{int(value)}.{tokens[last + 2].text}")
        last += 2
    return last, value


def _plural(token: Token) -> bool:
    """Tell whether a scale word is plural (`miliony`, `tysięcy`). NKJP tags every `num`
    as plural, so a numeral reading (`już milion osób`) asks the word's noun readings:
    `milion` and `tysiąc` have a singular one."""
    if not token.tag.startswith("num"):
        return ":pl:" in token.tag + ":" or token.lemma == "tysiące"
    return not any(tag.startswith("subst:sg") for _, tag in noun_readings(token.text.lower()))


@lru_cache(maxsize=WORD_CACHE)
def noun_readings(word: str) -> tuple[tuple[str, str], ...]:
    """The (lower-case lemma, tag) of a word's noun readings (Morfeusz), whatever the
    tagger chose."""
    from wedlug.lang.pl.words import default_analyser

    return tuple((r.lemma.lower(), r.tag) for r in default_analyser().word(word) if r.tag.startswith("subst"))


def read_number(tokens: Sequence[Token], i: int, text: str) -> Number | None:
    """Read the longest number starting at token `i`, or None if none starts there."""
    total_low = total_high = 0.0
    cur: tuple[float, float] | None = None  # the group before the next scale word
    fraction = False
    scale_used, base = 1.0, (0.0, 0.0)
    j, last = i, -1
    while j < len(tokens):
        token = tokens[j]
        run = _digit_run(tokens, j, text) if token.text[:1].isdigit() else None
        scale = scale_of(token) if run is None else None
        word = word_of(token) if run is None and scale is None else None
        if run is not None:
            if last >= 0 and (cur is not None or not _after_scale(total_low, scale_used, run[1])):
                break  # two numbers side by side: `2 3` is not one number
            cur, j = (run[1], run[1]), run[0]
        elif scale is not None:
            if cur is None and (last >= 0 or token.tag.startswith("brev")):
                break  # `tys.` alone is no number
            counted = cur is not None
            if cur is None:
                cur = ((scale.vague_low, scale.vague_high) if _plural(token) else (1.0, 1.0))
                if cur != (1.0, 1.0):
                    cur = (cur[0] / scale.multiplier, cur[1] / scale.multiplier)
            base = cur
            total_low += cur[0] * scale.multiplier
            # A vague count of a scale reaches just below the next unit of it (AMOUNTS.md:
            # `dziesiątki tysięcy` 20,000-99,999): `setki milionów` up to 999,999,999.
            total_high += ((cur[1] + 1) * scale.multiplier - 1 if counted and cur[0] != cur[1]
                           and cur[1] == int(cur[1]) else cur[1] * scale.multiplier)
            scale_used, cur, fraction = scale.multiplier, None, False
            if j + 1 < len(tokens) and tokens[j + 1].text == "." and token.tag.startswith("brev:pun"):
                j += 1
        elif word is not None:
            if last >= 0 and not _joins(cur, word, fraction):
                break
            fraction = word.kind == "fraction"
            cur = (word.low, word.high) if cur is None else (cur[0] + word.low, cur[1] + word.high)
        else:
            break
        last = j
        j += 1
    if last < 0 or fraction and total_low == 0:
        return None
    if cur is not None:
        total_low, total_high = total_low + cur[0], total_high + cur[1]
    if scale_used == 1.0:
        base = (total_low, total_high)
    return Number(i, last, total_low, total_high, scale_used, base[0], base[1])


def _joins(cur: tuple[float, float] | None, word: NumberWord, fraction: bool) -> bool:
    """Tell whether a number word continues the words before it (`sto dwadzieścia pięć`)."""
    if fraction or word.kind != "cardinal":
        return False
    if cur is None:
        return True
    place = 10 ** len(str(int(word.low)))
    return cur[0] == cur[1] and cur[0] >= place and cur[0] % place == 0


def _after_scale(total: float, scale: float, value: float) -> bool:
    """Tell whether digits may follow a scale word as its remainder (`50 tys. 391`)."""
    return scale > 1 and total > 0 and value < scale


@cache
def _idioms() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Idioms by their first word."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for line in words_of("number_idioms.txt"):
        idiom = tuple(line.split())
        table.setdefault(idiom[0], []).append(idiom)
    return {first: tuple(found) for first, found in table.items()}


def idiom_tokens(tokens: Sequence[Token]) -> set[int]:
    """Return the indices of tokens inside idioms with numbers or time words (`w cztery
    oczy`, `z dnia na dzień`, data/number_idioms.txt): no amount and no time there."""
    table = _idioms()
    inside: set[int] = set()
    for i, token in enumerate(tokens):
        for idiom in table.get(token.text.lower(), ()):
            n = len(idiom)
            if tuple(t.text.lower() for t in tokens[i:i + n]) == idiom:
                inside.update(range(i, i + n))
    return inside
