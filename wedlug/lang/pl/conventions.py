"""UD parts of speech as the Morfeusz 2-era Polish treebanks write them.

The reading chooser learns its UD parts of speech from UD Polish LFG, whose older tagset
has no complementizer class: there `jak`, `jako`, `niż` and `więc` are adverbs,
conjunctions or prepositions, and the pronominal copula `to` is a verb. UD Polish PDB and
PUD, and the UD guidelines for Polish, make the comparative and subordinating uses SCONJ
and the copula AUX (data/ud_conventions.tsv). Two uses keep another part of speech:
`jak` opening a coordination (`jak i`, `jak również`) is CCONJ and `jak` before a
superlative (`jak najszybciej`) is ADV; `czy` between two alternatives (`Azory czy
Wyspy Alandzkie`, `czy też`) is CCONJ, elsewhere (a question) PART. Indefinite numerals
and `oba` are DET in every form (`kilkuset`, `obu`). A correlative `to` opening the main
clause after a conditional one is SCONJ (`Jeśli rząd nie ustąpi, to związkowcy…`). A few
words the Morfeusz 2 tagset makes particles and LFG adverbs (`znów`, `właśnie`) are PART.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from wedlug.lang.pl.lexicon import rows

if TYPE_CHECKING:
    from wedlug.lang.pl.tagger import Candidate


@cache
def conventions() -> dict[str, tuple[frozenset[str], str]]:
    """Lemma -> (the chosen reading's classes the convention covers, UD part of speech)."""
    return {lemma: (frozenset(classes.split()), upos) for lemma, classes, upos in rows("ud_conventions.tsv")}


_COORDINATING = frozenset(("i", "również", "też", "oraz"))
_ALTERNATIVES = frozenset(("NOUN", "PROPN", "ADJ", "NUM"))
# Conjunctions of a condition, time or concession whose clause a correlative `to` answers
# after a comma (`Jeśli rząd nie ustąpi, to związkowcy wyjdą na ulice`).
_CONDITIONS = frozenset("jeśli jeżeli jeśliby jeżeliby gdy gdyby kiedy skoro choć chociaż".split())
_CLAUSE_BREAKS = frozenset((",", "-", "–", "—"))


def _correlative(forms: Sequence[str], chosen: Sequence[Candidate], i: int) -> bool:
    """Whether `to` at i opens the main clause after a conditional one: right after a comma
    or dash, with a conditional conjunction earlier in the sentence, and not before a
    neuter singular noun it points at (`, to imię`). In UD Polish PDB dev 15 of the 17
    `to` after a comma or dash with such a conjunction before them are SCONJ; LFG's
    older tagset has no complementizer class."""
    if i == 0 or forms[i - 1] not in _CLAUSE_BREAKS:
        return False
    if not any(f.lower() in _CONDITIONS for f in forms[:i - 1]):
        return False
    nxt = chosen[i + 1] if i + 1 < len(chosen) else None
    return not (nxt is not None and nxt.pos == "subst" and nxt.gender == "n" and nxt.number == "sg")


def apply(forms: Sequence[str], chosen: Sequence[Candidate], upos: list[str]) -> list[str]:
    """Rewrite `upos` (one per token, from the chooser) to the conventions, in place."""
    table = conventions()
    for i, cand in enumerate(chosen):
        lemma = cand.lemma
        if lemma == "to" and forms[i].lower() == "to" and _correlative(forms, chosen, i):
            upos[i] = "SCONJ"
            continue
        if lemma != "czy" and lemma not in table:
            continue
        nxt = forms[i + 1].lower() if i + 1 < len(forms) else ""
        if lemma == "czy":
            if (i and upos[i - 1] in _ALTERNATIVES) or nxt == "też":
                upos[i] = "CCONJ"
            continue
        classes, convention = table[lemma]
        if cand.pos not in classes or (cand.pos != "num" and forms[i].lower() != lemma):
            continue  # a numeral's row covers its every form (`obu`, `kilkuset`)
        if lemma == "jak" and nxt in _COORDINATING:
            upos[i] = "CCONJ"
        elif lemma == "jak" and nxt.startswith("naj"):
            upos[i] = "ADV"
        else:
            upos[i] = convention
    return upos
