"""UD parts of speech as the Morfeusz 2-era Polish treebanks write them.

The reading chooser learns its UD parts of speech from UD Polish LFG, whose older tagset
has no complementizer class: there `jak`, `jako`, `niż` and `więc` are adverbs,
conjunctions or prepositions, and the pronominal copula `to` is a verb. UD Polish PDB and
PUD, and the UD guidelines for Polish, make the comparative and subordinating uses SCONJ
and the copula AUX (data/ud_conventions.tsv). Two uses keep another part of speech:
`jak` opening a coordination (`jak i`, `jak również`) is CCONJ, and `jak` before a
superlative (`jak najszybciej`) or asking "how" (`Jak to zrobić?`, `nie wiem, jak`,
`zależy od tego, jak`, `jak często`) is ADV; `czy` between two alternatives (`Azory czy
Wyspy Alandzkie`, `czy też`) is CCONJ, elsewhere (a question) PART. Indefinite numerals
and `oba` are DET in every form (`kilkuset`, `obu`). `być` with no predicate in its
clause but a prepositional phrase is VERB, the existential or locative verb (`W lasach
jest dużo zwierząt`, `Agatka jest u chrzestnych`), where LFG keeps a locative copula AUX.
The copula `to` in a clause with another finite verb is the subject PRON or a DET (`To nas
różni`, `To hasło ma…`), and after a finite `być` the copula AUX (`Były to…`). A
correlative `to` opening the main clause after a conditional one is SCONJ (`Jeśli rząd
nie ustąpi, to związkowcy…`). A few words the Morfeusz 2 tagset makes particles and LFG
adverbs (`znów`, `właśnie`) are PART, and so are the emphatic `i` of `jak i` and `i to`,
and `co` of `co więcej`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from wedlug.lang.pl.lexicon import rows, words

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
# What may stand before a question's `jak` at the start of a sentence (`A jak…?`, `– Jak…?`).
_QUESTION_OPENERS = frozenset(("-", "–", "—", "„", "\"", "(", "a", "no", "bo", "i", "więc"))
# Degree words after which `jak` asks how much (`jak często`, `jak bardzo`).
_DEGREES = frozenset(("bardzo", "często", "szybko", "wiele", "dużo"))


def _asks_how(forms: Sequence[str], chosen: Sequence[Candidate], i: int) -> bool:
    """Whether `jak` at i asks "how" (ADV in UD Polish PDB) rather than compares (SCONJ):
    it opens a question, comes before a degree word, after `tego` (`od tego, jak`), or
    after a comma behind a word that takes an indirect question (data/question_embedders.txt).
    In PDB dev they make 24 `jak` ADV, 23 of them rightly (`Nie słyszysz, jak wiele…` is
    SCONJ there); 38 ADV had been read as SCONJ."""
    if i + 1 < len(forms) and forms[i + 1].lower() in _DEGREES:
        return True
    if "?" in forms[-2:] and all(f.lower() in _QUESTION_OPENERS for f in forms[:i]):
        return True
    before = [f.lower() for f in forms[max(0, i - 2):i]]
    if before[-1:] == ["tego"] or before == ["tego", ","]:
        return True
    if i < 2 or forms[i - 1] != ",":
        return False
    k = i - 3 if i > 2 and forms[i - 2].lower() in ("się", "sobie") else i - 2
    return chosen[k].lemma in words("question_embedders.txt")


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


# Readings that can be the predicate `być` links (`jest silniejsza`, `był ministrem`,
# `zostało zrobione`, `będzie robił`, `jest lepiej`): with one in the clause `być` is AUX.
_PREDICATE_CLASSES = frozenset(("ppas", "pact", "praet", "inf", "ger", "pred", "winien"))
_NOMINALS = frozenset(("subst", "depr", "ppron12", "ppron3"))
# Another `być`, or a pronoun that asks for a predicate (`jakim jest wycofanie się`).
_LINKED = frozenset(("być", "jaki", "taki"))
# What ends a clause: punctuation (a sentence may hold a whole quotation of several), but
# not quotation marks (`jest to „projekt gospodarczy”`), or a conjunction or complementizer
# (`przekonuje że działania Rosji to argument`, no comma).
_CLAUSE_EDGES = frozenset((",", ";", ":", "-", "–", "—", ".", "…", "?", "!", "(", ")"))
_CLAUSE_OPENERS = frozenset(("comp", "conj"))


def _edge(forms: Sequence[str], chosen: Sequence[Candidate], k: int) -> bool:
    """Whether token k ends a clause; a full stop only before a capital (not `2200 r . może`)."""
    if forms[k] == ".":
        return k + 1 == len(forms) or forms[k + 1][:1].isupper()
    return forms[k] in _CLAUSE_EDGES or chosen[k].pos in _CLAUSE_OPENERS


def _clause(forms: Sequence[str], chosen: Sequence[Candidate], i: int) -> range:
    """The tokens of the clause around token i, without its edges."""
    start = i
    while start > 0 and not _edge(forms, chosen, start - 1):
        start -= 1
    end = i + 1
    while end < len(forms) and not _edge(forms, chosen, end):
        end += 1
    return range(start, end)


def _existential(forms: Sequence[str], chosen: Sequence[Candidate], i: int) -> bool:
    """Whether `być` at i is the verb of existence or place: its clause (between clause
    edges) holds a preposition but nothing it could link as a predicate (an adjective or
    participle in the nominative or instrumental, a noun in the instrumental, a verb form,
    an adverb of degree, though not `dziś` or `teraz`; two nominatives, subject and
    predicate). PDB dev: 17 VERB that the chooser, which learnt LFG's locative copula, had
    made AUX become VERB; 2 AUX become VERB wrongly (`Droga była bez kresu`). On LFG test
    it changes 6, each a locative copula that LFG writes AUX (`Już są w Chartres`)."""
    if chosen[i].pos in ("aglt", "bedzie") and i + 1 < len(chosen) and chosen[i + 1].pos in ("praet", "inf"):
        return False
    preposition = False
    nominatives = 0
    for k in _clause(forms, chosen, i):
        if k == i:
            continue
        cand = chosen[k]
        if cand.pos == "prep":
            preposition = True
        elif cand.pos in _PREDICATE_CLASSES or cand.lemma in _LINKED or cand.tag.startswith("adv:") or (
                cand.pos == "adj" and cand.case in ("nom", "acc", "inst")) or (
                cand.pos in _NOMINALS and cand.case == "inst"):
            return False
        elif cand.pos in _NOMINALS and cand.case == "nom":
            nominatives += 1
    return preposition and nominatives < 2


_FINITE = frozenset(("fin", "praet", "impt", "winien", "bedzie"))


def _pronominal_to(forms: Sequence[str], chosen: Sequence[Candidate], upos: str, i: int) -> str:
    """The UD part of speech of `to` in PDB's terms. Read as the copula (AUX) in a clause
    that has a finite verb other than `być`, it is the subject (PRON, `To nas różni`), or
    the determiner before a neuter noun (DET, `To hasło ma zobrazować`): PDB dev 19 of 22
    such tokens, LFG test 7 of 7. After a finite `być` (`są to`, `był to`) it is the copula
    itself, AUX: PDB dev 12 of 13, LFG test 11 of 12 (LFG writes it VERB)."""
    nxt = chosen[i + 1] if i + 1 < len(chosen) else None
    neuter_noun = nxt is not None and nxt.pos == "subst" and nxt.number == "sg" and nxt.gender == "n" \
        and nxt.case in ("nom", "acc")
    if upos in ("AUX", "VERB") and chosen[i].lemma == "to":
        clause = _clause(forms, chosen, i)
        if any(k != i and chosen[k].pos in _FINITE and chosen[k].lemma != "być" for k in clause):
            return "DET" if neuter_noun else "PRON"
    elif upos == "PRON" and i and chosen[i - 1].lemma == "być" and chosen[i - 1].pos in _FINITE:
        return "AUX"
    return upos


# The words `_particle` may make emphatic particles.
_EMPHATIC = frozenset(("i", "to", "co"))
# `co` opening a fixed comment phrase is a particle (`co więcej`, `co prawda`, `co najmniej`).
_CO_PHRASES = frozenset(("więcej", "gorsza", "gorsze", "prawda", "najmniej", "najwyżej"))


def _particle(forms: Sequence[str], chosen: Sequence[Candidate], upos: Sequence[str], i: int) -> bool:
    """Whether a conjunction or pronoun is PDB's emphatic particle: `i` in `jak i`
    (`zarówno urządzenia, jak i usługi`; PDB dev 5 of 6) and in `i to` before a preposition
    (`i to po starej cenie`, 3 of 3), `to` after such an `i` or the particle `za` (`za to`
    "in return"; 5 of 5), and `co` in a comment phrase (`co więcej`, 4 of 4)."""
    form = forms[i].lower()
    if form == "i" and chosen[i].pos == "conj":
        if i and forms[i - 1].lower() == "jak" and upos[i - 1] == "CCONJ":
            return True
        return i + 2 < len(forms) and forms[i + 1].lower() == "to" and chosen[i + 2].pos == "prep"
    if form == "to" and i:
        # `i to po starej cenie`, `za to złamaną szczękę`: the pair is emphatic.
        before = chosen[i - 1]
        return (upos[i - 1] == "PART" and forms[i - 1].lower() == "i") or (
            before.lemma == "za" and before.pos == "part")
    return form == "co" and i + 1 < len(forms) and forms[i + 1].lower() in _CO_PHRASES


def apply(forms: Sequence[str], chosen: Sequence[Candidate], upos: list[str]) -> list[str]:
    """Rewrite `upos` (one per token, from the chooser) to the conventions, in place."""
    table = conventions()
    for i, cand in enumerate(chosen):
        lemma = cand.lemma
        low = forms[i].lower()
        if low in _EMPHATIC and _particle(forms, chosen, upos, i):
            upos[i] = "PART"
            continue
        if low == "to":
            if lemma == "to" and _correlative(forms, chosen, i):
                upos[i] = "SCONJ"
                continue
            found = _pronominal_to(forms, chosen, upos[i], i)
            if found != upos[i]:
                upos[i] = found
                continue
        if lemma == "być" and upos[i] == "AUX" and cand.pos != "aglt" and _existential(forms, chosen, i):
            upos[i] = "VERB"
            continue
        if lemma != "czy" and lemma not in table:
            continue
        nxt = forms[i + 1].lower() if i + 1 < len(forms) else ""
        if lemma == "czy":
            if (i and upos[i - 1] in _ALTERNATIVES) or nxt == "też":
                upos[i] = "CCONJ"
            continue
        classes, convention = table[lemma]
        if cand.pos not in classes or (cand.pos != "num" and low != lemma):
            continue  # a numeral's row covers its every form (`obu`, `kilkuset`)
        if lemma == "jak" and nxt in _COORDINATING:
            upos[i] = "CCONJ"
        elif lemma == "jak" and (nxt.startswith("naj") or _asks_how(forms, chosen, i)):
            upos[i] = "ADV"
        else:
            upos[i] = convention
    return upos
