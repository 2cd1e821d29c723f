"""UD part of speech of a number written in digits, from the words around it.

NKJP tags every number in digits `dig`; UD Polish gives it the part of speech of the
word it stands for. An ordinal is ADJ: a day or year before a month or a singular
`rok` (`5 maja`, `1975 r.`, `w 2015 roku`), a year after a preposition, a month or
`rok` (`w 1995`, `10 maja 1999`, `rok 1999`), an hour (`o godz. 17.15`, `między 18.00 a 8.00`), a house or
list number after `nr` (`SP nr 4`), and a number whose full stop marks it as ordinal
inside a sentence (`w 68. minucie`, `lata 70.`). A number before a noun counts it (NUM:
`300 osób`, `18 lat`). A full stop that may end the sentence proves nothing (`Nord
Stream 2. – Przyjął`). The number of an article, paragraph or point of a law stays X, as
NKJP's `dig` (`art. 141`, `§ 2`), and so does anything else (`1) kopię`, `3. Udowodnić`).
These were read off UD Polish PDB dev's confusions and hold in UD Polish LFG as well.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from wedlug.lang.pl.lexicon import words

if TYPE_CHECKING:
    from wedlug.lang.pl.tagger import Candidate

CALENDAR = words("months.tsv")
MONTHS = CALENDAR | {"rok"}
# The units a law is cited by; the number after one names it, as `dig` (X).
LEGAL_UNITS = frozenset("artykuł ustęp punkt paragraf pozycja litera rozdział".split())
_YEAR_OPENERS = frozenset("w we od do z ze przed po na".split())
_ROMAN_MONTHS = frozenset("I II III IV V VI VII VIII IX X XI XII".split())
_HOUR_OPENERS = frozenset(("między", "o", "od", "do", "-", "–"))
_CLOCK = re.compile(r"(?:[01]?\d|2[0-4])[.:][0-5]\d")
_COUNTED = frozenset(("subst", "depr", "brev", "adj"))


def _word_before(forms: Sequence[str], i: int) -> int:
    """The index of the word before token i, over an abbreviation's full stop (`art. 4`)."""
    j = i - 1
    if j > 0 and forms[j] == ".":
        j -= 1
    return j


def _is_year(form: str) -> bool:
    return len(form) == 4 and form.isdecimal() and 1000 <= int(form) <= 2099


def digit_upos(forms: Sequence[str], chosen: Sequence[Candidate], i: int) -> str:
    """The UD part of speech of token i, a number in digits (`dig`)."""
    form = forms[i]
    before = _word_before(forms, i)
    lemma_before = chosen[before].lemma.lower() if before >= 0 else ""
    if lemma_before in LEGAL_UNITS or (before >= 0 and forms[before] == "§"):
        return "X"
    if lemma_before == "numer":
        return "ADJ"
    word_before = forms[i - 1] if i else ""
    if _CLOCK.fullmatch(form) and (lemma_before == "godzina" or word_before.lower() in _HOUR_OPENERS):
        return "ADJ"
    if i + 1 == len(forms):
        return "X"
    nxt = chosen[i + 1]
    if nxt.lemma in MONTHS:
        return "NUM" if nxt.number == "pl" else "ADJ"
    if _is_year(form) and i and (word_before.lower() in _YEAR_OPENERS or word_before in _ROMAN_MONTHS
                                 or chosen[i - 1].lemma in MONTHS):
        return "ADJ"
    if nxt.pos in _COUNTED:
        return "NUM"
    if forms[i + 1] == "." and word_before[:1].isalpha() and i + 2 < len(forms) \
            and (forms[i + 2][:1].islower() or forms[i + 2] == ","):
        return "ADJ"  # `w 68. minucie`, `lat 70.,`; a full stop that may end a sentence is no sign
    return "X"
