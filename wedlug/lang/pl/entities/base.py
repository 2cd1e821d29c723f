"""Base forms of multi-word names: `Departamentu Obrony` -> `Departament Obrony`.

A name is read as a head noun (its first noun, or the second when the first is better read
as its adjective: `Krupskim Młynie`), the words that agree with it (adjectives before or
after it; for a person or an unknown name, the name parts apposed to it: `Władimirem
Putinem`; the parts of a compound, `Bielska-Białej`, or of a coordination in the same case,
`Prawa i Sprawiedliwości`), and a rest kept as written (a genitive complement, a preposition,
a title in quotes: `Ligi Mistrzów` -> `Liga Mistrzów`).

Every word offers options, each weighted: the reading it was given (the tagger's, or a
corpus's, when Morfeusz knows it for the word; else the project tagger reads the name
again), Morfeusz's other readings, and, for a word Morfeusz does not know, the word as
written and rewrites of its ending learned from KPWr's train names (`Hogana` -> `Hogan` as
a genitive, `Moderna` as it stands: `names.rewrites`), scaled by what the case a tagger
gave the word says (`names.given_factors`), and by the first-name lists (`Theresy` ->
`Theresa`). The name's case, number and gender are chosen together: each state the head
offers is scored by its option's weight and by the words that agree with it (each adds
AGREE plus the log of its option's weight; a name part that cannot agree costs MISFIT), so
`Morzu Bałtyckim` is a locative whatever the tagger said of `Morzu`. The words of the best
state are put in the nominative with Morfeusz's generate(); a plural stays a plural
(`Polaków` -> `Polacy`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from itertools import product
from typing import NamedTuple

from wedlug.lang.pl.entities import names as name_lists
from wedlug.lang.pl.morphology import WORD_CACHE, morfeusz, strip_qualifier

NOUNS = frozenset(("subst", "depr", "ger"))
ADJECTIVES = frozenset(("adj", "ppas", "pact"))
CASES = frozenset("nom gen dat acc inst loc voc".split())
OBLIQUE = ("gen", "dat", "acc", "inst", "loc")
GENDERS = frozenset("m1 m2 m3 f n".split())
PERSON_PARTS = frozenset(("imię", "nazwisko", "pseudonim", "przydomek", "guess"))
# Words that may sit inside a name without ending its inflected part.
LINKS = frozenset(("-", "–", "&", "'", "’", '"', "„", "”"))
COORDINATORS = frozenset(("i", "oraz"))
QUOTES = frozenset(('"', "„", "“", "«", "»"))
ROMAN = frozenset("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split())
VOWELS = frozenset("aąeęioóuyáéíóúýäëïöüåæøœ")
# Endings of adjectives in an oblique case: an unknown word with one agrees like one
# (`Demokratycznej Partii Unionistycznej`).
ADJECTIVAL = ("skiej", "ckiej", "cznej", "skiego", "ckiego", "cznego", "skiemu", "ckiemu", "cznemu",
              "skim", "ckim", "cznym", "ską", "cką", "czną")
# Scoring: a word that agrees with the name's state adds AGREE plus the log of its
# option's weight; a name part that should agree but cannot costs MISFIT.
AGREE = 2.0
MISFIT = -3.0
CHOSEN = 1.0  # weight of the given reading
OTHER = 0.25  # weight of Morfeusz's other readings of the given lemma
ELSE = 0.1  # weight of readings of other lemmas
NONE = 0.5  # weight of every reading of a word given none Morfeusz knows
PLURAL = 0.2  # factor for a capitalised word's plural reading of a lemma it has singulars of
INDECLINABLE = 0.6  # factor for a vowel-final unknown word read as written in an oblique case
FEMININE = 0.4  # factor for a consonant-final one read so (a woman's surname: `Sturgeon`)
SPREAD = 1.0  # how a rewrite's weight falls for the rarer cases its ending marks
GIVEN = 1.0  # how much a tagger's case for an unknown word counts
GIVEN_CASE = 1.5  # factor for the readings, in the case it came with, of a word read again
RETRY = 0.3  # factor for the rewrites of a known surname that fits its name's case no other way


class Word(NamedTuple):
    """One word of a name: its spelling, chosen lemma and tag, and name qualifiers."""

    text: str
    lemma: str
    tag: str
    names: tuple[str, ...] = ()
    space_after: bool = True


class Form(NamedTuple):
    """A reading in the terms agreement needs."""

    lemma: str
    pos: str
    case: str
    number: str
    gender: str
    names: tuple[str, ...]


class Option(NamedTuple):
    """One way to read a word: a lemma (for a guessed name, its base already), part of
    speech, case, number and gender ('' gender: any), and how likely it is."""

    lemma: str
    pos: str
    case: str
    number: str
    gender: str
    weight: float
    names: tuple[str, ...] = ()
    guessed: bool = False  # the lemma is a rewrite of an unknown word, already a base


class State(NamedTuple):
    """The case, number and gender a name's agreeing words share."""

    case: str
    number: str
    gender: str


def _parts(tag: str) -> list[tuple[str, ...]]:
    """Expand a compact tag into its full tags, each a tuple of parts."""
    return [parts for parts in product(*(p.split(".") for p in tag.split(":")))]


def _form(lemma: str, parts: Sequence[str], names: tuple[str, ...]) -> Form:
    case = next((p for p in parts if p in CASES), "")
    number = next((p for p in parts if p in ("sg", "pl")), "")
    gender = next((p for p in parts if p in GENDERS), "")
    return Form(lemma, parts[0], case, number, gender, names)


@lru_cache(maxsize=WORD_CACHE)
def readings(text: str) -> tuple[Form, ...]:
    """Every Morfeusz reading of a single word, expanded (cached)."""
    out = []
    for i, _j, (_, lemma, tag, names, _) in morfeusz().analyse(text):
        if i != 0:
            return ()
        for parts in _parts(tag):
            out.append(_form(strip_qualifier(lemma), parts, tuple(names)))
    return tuple(out)


def _known(text: str) -> bool:
    return any(r.pos != "ign" for r in readings(text))


@lru_cache(maxsize=WORD_CACHE)
def generate(lemma: str, pos: str, number: str, gender: str, degree: str) -> str | None:
    """The nominative of a lemma in the given number (and gender, for adjectives)."""
    try:
        found = morfeusz().generate(lemma)
    except RuntimeError:  # a lemma of several words
        return None
    best = None
    for form, _, tag, _, _ in found:
        for parts in _parts(tag):
            if parts[0] != pos or "nom" not in parts or number not in parts:
                continue
            if pos in ADJECTIVES and (gender not in parts or (degree and degree not in parts)):
                continue
            if "neg" in parts:
                continue
            if pos in NOUNS and gender and gender not in parts:
                best = best or form
                continue
            return str(form)
    return best


def _cased(model: str, form: str) -> str:
    """Spell `form` with the capitalisation of `model`."""
    if len(model) > 1 and model.isupper():
        return form.upper()
    if model[:1].isupper():
        return form[:1].upper() + form[1:]
    if model[:1].islower():
        return form[:1].lower() + form[1:]
    return form


def _chosen(word: Word) -> Form:
    parts = word.tag.split(":")
    return _form(word.lemma, parts, word.names)


SUFFIX_CASES = {"a": "gen", "owi": "dat", "em": "inst", "iem": "inst", "m": "inst", "u": "gen",
                "ego": "gen", "emu": "dat", "go": "gen", "mu": "dat", "im": "inst", "ie": "loc",
                "y": "gen", "ą": "inst", "ę": "acc", "e": "loc", "i": "gen", "om": "dat",
                "ów": "gen", "ach": "loc", "ami": "inst"}


# -- words ---------------------------------------------------------------------------

def _glue_apostrophes(words: Sequence[Word]) -> list[Word]:
    """`Wordsworth ’ a` as three words: one word `Wordsworth'a`; `ATX - a`: `ATX-a`; a
    hyphened first name whose last part bears the ending, `Jean - Claude'em`: one word
    `Jean-Claude'em`."""
    out = list(words)
    k = 1
    while k + 1 < len(out):
        prev, mark, ending = out[k - 1], out[k].text, out[k + 1].text
        if mark in ("'", "’", "-") and ending in name_lists.SUFFIXES and prev.text[:1].isupper() \
                and (mark != "-" or not (prev.space_after or out[k].space_after)):
            glued = prev.text + ("-" if mark == "-" else "'") + ending
            if name_lists.apostrophe(glued) is not None:
                out[k - 1:k + 2] = [prev._replace(text=glued, lemma=prev.text, tag="ign",
                                                  space_after=out[k + 1].space_after)]
        k += 1
    k = 1
    while k + 1 < len(out):
        # `Jean - Claude'em`: a hyphened first name inflects in its last part only
        first, hyphen, second = out[k - 1], out[k], out[k + 1]
        if hyphen.text == "-" and not (first.space_after or hyphen.space_after) \
                and first.text in name_lists.first_names() and name_lists.apostrophe(second.text) is not None:
            joined = first.text + "-" + second.text
            out[k - 1:k + 2] = [second._replace(text=joined, lemma=joined, tag="ign")]
        k += 1
    return out


@lru_cache(maxsize=WORD_CACHE)
def _tagged(forms: tuple[str, ...]) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The project tagger's (lemma, tag, qualifiers) for the words of a name read alone."""
    from wedlug.lang.pl.words import default_analyser, default_tagger

    analyser = default_analyser()
    found = [analyser.word(form, forms[k + 1] if k + 1 < len(forms) else "") for k, form in enumerate(forms)]
    return tuple((c.lemma, c.tag, c.names) for c in default_tagger().choose(list(forms), found))


def _split(word: Word) -> list[Word]:
    """A word that holds several (`Prawno-Ekonomicznym`, `Rady Wojskowo-Rewolucyjnej`, as
    some corpora give a name they could not tokenise): its tokens, as Morfeusz cuts them."""
    from wedlug.lang.pl.words import default_analyser

    analyser = default_analyser()
    chunks = word.text.split()
    out: list[Word] = []
    for k, chunk in enumerate(chunks):
        segments = analyser.chunk(chunk)
        for j, seg in enumerate(segments):
            last = j + 1 == len(segments)
            # The first part of a compound adjective (`Szkolno-`) is read so only here.
            adja = next((r.lemma for r in seg.readings if r.tag == "adja"), None)
            out.append(Word(chunk[seg.start:seg.end], adja or "", "adja" if adja else "ign", (),
                            word.space_after if k + 1 == len(chunks) and last else last))
    return out


@lru_cache(maxsize=WORD_CACHE)
def _valid(word: Word) -> bool:
    """Whether the word's given reading is one Morfeusz knows for it (a corpus's tagger
    may give an unknown word a lemma it made up, `Mustera` read as itself)."""
    if word.tag == "ign" or "guess" in word.names:
        return False
    form = _chosen(word)
    if not form.case:
        return True  # nothing to check (`adja`, a preposition, an abbreviation)
    lemma = word.lemma.lower()
    return any(r.lemma.lower() == lemma and r.pos == form.pos and r.case == form.case
               and r.number == form.number for r in readings(word.text))


def _prepare(words: Sequence[Word]) -> tuple[list[Word], list[str]]:
    """Words ready for options: glued, split, and retagged where their reading is not
    Morfeusz's (the project tagger reads the name alone then); with the case each
    retagged word was given (a hint still)."""
    split: list[Word] = []
    for word in words:
        if " " in word.text.strip() or (word.tag == "ign" and len(word.text) > 2 and (
                "-" in word.text[1:-1] or "." in word.text[1:-1])):
            split += _split(word)
        else:
            split.append(word)
    split = _glue_apostrophes(split)
    valid = [_valid(w) for w in split]
    given = ["" if v else _chosen(w).case for w, v in zip(split, valid)]
    retag = [k for k, w in enumerate(split) if not valid[k] and "guess" not in w.names and _known(w.text)
             and name_lists.apostrophe(w.text) is None]
    if retag:
        tagged = _tagged(tuple(w.text for w in split))
        for k in retag:
            lemma, tag, names = tagged[k]
            split[k] = split[k]._replace(lemma=lemma, tag=tag, names=names)
    return split, [c if c != "voc" else "" for c in given]


def _same(word: str, weight: float) -> list[Option]:
    """A name as written: a nominative (feminine mostly, when it ends in `a`); in every
    case too, less likely, when it ends in another vowel (`Pompeo`, `Mattarelli`, which
    Polish does not decline) or when it is a woman's name ending in a consonant
    (`Sturgeon`)."""
    last = word[-1:].lower()
    if last == "a":
        return [Option(word, "name", "nom", "sg", "f", weight, guessed=True),
                Option(word, "name", "nom", "sg", "m1", weight * 0.3, guessed=True)]
    if last in VOWELS:
        return [Option(word, "name", case, "sg", "", weight * (1.0 if case == "nom" else INDECLINABLE),
                       guessed=True) for case in ("nom",) + OBLIQUE]
    return [Option(word, "name", "nom", "sg", "", weight, guessed=True)] + [
        Option(word, "name", case, "sg", "f", weight * FEMININE, guessed=True) for case in OBLIQUE]


def _gender(gender: str) -> str:
    """SGJP's finer genders in the NKJP set (`n2` -> `n`); pluralia tantum any gender."""
    if gender in ("n1", "n2"):
        return "n"
    if gender == "p1":
        return "m1"
    return "" if gender in ("p2", "p3") else gender


@lru_cache(maxsize=WORD_CACHE)
def _unknown_options(word: str) -> tuple[Option, ...]:
    """Options of a word Morfeusz does not know: itself as written, and the rewrites of
    its ending, with what they mark."""
    glued = name_lists.apostrophe(word)
    if glued is not None:
        case = SUFFIX_CASES[glued[1]]
        return tuple([Option(glued[0], "name", case, "sg", "", 1.0, guessed=True)] + (
            [Option(glued[0], "name", "acc", "sg", "", 1.0, guessed=True)] if case == "gen" else []))
    if len(word) > 1 and word.isupper() or not word.isalpha():
        return tuple(_same(word, 1.0))  # an acronym, a code: as written
    out: list[Option] = []
    firsts = name_lists.first_names()
    first = name_lists.first_name_base(word)
    found = name_lists.rewrites(word)
    if first is None and word not in firsts:
        first = next((b for b, _, tags in found if tags and b in firsts), None)  # `Phila`: `Phil`
    for base, p, tags in found:
        if not tags:
            # A first name's inflected form (`Theresy`, `Phila`) is seldom a name of its own.
            out += _same(word, p * (1.5 if word in firsts else 0.1 if first else 1.0))
            continue
        if base == first:
            p = max(p, 1.0)
            tags = tuple((n, c, "f" if base.endswith("a") else g, k) for n, c, g, k in tags)
        # Plurals of a guessed name are a family, never a base form here; pluralia
        # tantum (`Łęgajnach` -> `Łęgajny`) are.
        kept = [t for t in tags if t[0] == "sg" or t[2] in ("p2", "p3")]
        top = max((t[3] for t in kept), default=0.0)
        adjectival = word.lower().endswith(ADJECTIVAL)
        for number, case, gender, share in kept:
            # Each case the ending marks at the rewrite's own weight (agreement picks the
            # case), the rare ones less.
            out.append(Option(base, "adj" if adjectival else "name", case, number, _gender(gender),
                              p * (share / top) ** SPREAD, guessed=True))
    if first is not None and not any(o.lemma == first for o in out):
        out += [Option(first, "name", case, "sg", "f", 1.0 / 3, guessed=True)
                for case in ("gen", "dat", "loc")]
    return tuple(out)


def _readings_options(word: Word, chosen: Form | None, weight: float) -> list[Option]:
    """Options from Morfeusz's readings: the chosen one heaviest, the other readings of its
    lemma next, the rest last (all alike when none was chosen); never a vocative."""
    out: list[Option] = []
    seen = set()
    forms = readings(word.text)
    if chosen is not None:
        # The chosen reading with the name qualifiers Morfeusz gives that lemma.
        names = {n for r in forms if r.lemma == chosen.lemma for n in r.names}
        chosen = chosen._replace(names=tuple(sorted(names | set(chosen.names))))
        forms = (chosen,) + forms
    for r in forms:
        if r.pos == "ign" or not r.case or r.case == "voc":
            continue
        key = (r.lemma, r.pos, r.case, r.number, r.gender)
        if key in seen:
            continue
        seen.add(key)
        if chosen is None:
            w = NONE
        elif r is chosen:
            w = weight
        elif r.lemma == chosen.lemma:
            w = OTHER
        else:
            w = ELSE
        out.append(Option(r.lemma, r.pos, r.case, r.number, _gender(r.gender), w, r.names))
    if word.text[:1].isupper():
        # A name is seldom a plural when it may be a singular (`Ukrainy`, `Ligi` are
        # genitives, `Konrad` no genitive plural of `Konrada`).
        if any(o.number == "sg" and o.pos in NOUNS for o in out):
            out = [o._replace(weight=o.weight * PLURAL) if o.number == "pl" and o.pos in NOUNS else o
                   for o in out]
    return out

@lru_cache(maxsize=WORD_CACHE)
def _singular(lemma: str) -> bool:
    """Whether a lemma has singular forms (not `Chiny`, `Katowice`)."""
    try:
        return any(":sg:" in tag for _, _, tag, _, _ in morfeusz().generate(lemma))
    except RuntimeError:
        return True


def _plural_name(form: Form) -> bool:
    """A plural that may well stand for itself in a name: of a people (`Rosjan`) or of a
    plurale tantum (`Chin`)."""
    return (form.lemma[:1].isupper() and "nazwa_pospolita" in form.names) or not _singular(form.lemma)


@lru_cache(maxsize=WORD_CACHE)
def options(word: Word, given: str = "") -> tuple[Option, ...]:
    """Every way to read one word of a name, weighted (cached). `given` is the case of
    the reading the word came with when Morfeusz does not know that reading (a corpus
    tagger's guess): it still says something. So does the case a tagger gives a word
    Morfeusz does not know (`names.given_factors`)."""
    text = word.text
    if name_lists.apostrophe(text) is not None:
        return _unknown_options(text)
    chosen = _chosen(word)
    if not _known(text):
        out = list(_unknown_options(text)) if text[:1].isupper() else []
        # The case a tagger read in context says whether the word stays as written.
        case = chosen.case if "guess" in word.names else given
        if case and case != "voc" and name_lists.apostrophe(text) is None:
            same, changed = name_lists.given_factors(text, case)
            out = [o._replace(weight=o.weight * (same if o.lemma == text else changed) ** GIVEN) for o in out]
        return tuple(out)
    if len(text) > 1 and text.isupper():
        # An acronym: as written, unless Morfeusz knows it as one (`MSZ`, not `DUP` of `dupa`).
        known = [r for r in readings(text) if r.lemma.isupper() and r.case and r.case != "voc"]
        if not known:
            return tuple(_same(text, 1.0))
    usable = chosen.case and chosen.case != "voc" and chosen.pos != "ign" and _valid(word)
    out = _readings_options(word, chosen if usable else None, CHOSEN if not given else CHOSEN / 2)
    if given:
        out = [o._replace(weight=o.weight * GIVEN_CASE) if o.case == given else o for o in out]
    if text[:1].isupper() and text.isalpha() and not text.isupper() and len(text) > 2 \
            and all(r.number == "pl" and r.case in ("gen", "acc") and not _plural_name(r)
                    for r in readings(text) if r.case):
        # All Morfeusz knows is a plural genitive of a singular word (`Trun` of `truna`,
        # `West` of `westa`): more likely a name as written.
        out += [o._replace(weight=o.weight * 1.5) for o in _unknown_options(text)]
    if not out:  # only a vocative (`Mario`): news calls out to no one
        out = _same(text, 1.0)
    return tuple(out)


# -- the name ----------------------------------------------------------------------

def _skip(word: Word) -> bool:
    """A word inside a name that neither agrees nor ends the agreeing part."""
    return word.text in LINKS or word.tag.startswith(("adja", "brev", "interp", "dig", "romandig")) \
        or word.text in ROMAN or not word.text[:1].isalpha()


def _personal(word: Word, opts: Sequence[Option]) -> bool:
    """A name part: a capitalised word Morfeusz does not know, or knows as a proper noun
    (a first name, a surname; `Simonem Ammanem` though `Amman` is a city)."""
    if not word.text[:1].isupper():
        return False
    if not _known(word.text):
        return True
    return any(o.guessed or PERSON_PARTS & set(o.names) or (o.pos in NOUNS and o.lemma[:1].isupper())
               for o in opts)


def _masculine(gender: str) -> bool:
    return gender in ("m1", "m2", "m3")


def _genders_agree(one: str, other: str) -> bool:
    return not one or not other or one == other or (_masculine(one) and _masculine(other))


def _fit(opts: Sequence[Option], state: State, *, adjective: bool) -> Option | None:
    """The heaviest option of a word that agrees with the state: an adjective in case,
    number and gender; a name part in case (and number)."""
    best = None
    for o in opts:
        if o.case != state.case:
            continue
        if adjective:
            if o.pos not in ADJECTIVES or o.number != state.number or (
                    o.gender and state.gender and o.gender != state.gender):
                continue
        elif o.pos in ADJECTIVES or (o.number and o.number != state.number and not o.guessed) \
                or not _genders_agree(o.gender, state.gender):
            continue
        if best is None or o.weight > best.weight:
            best = o
    return best


def _score(weight: float) -> float:
    return AGREE + math.log(max(weight, 1e-6))


class Reading(NamedTuple):
    """A name's chosen analysis: its state and the option each inflected word takes."""

    score: float
    state: State
    chosen: dict[int, Option]
    genders: dict[int, str]  # a word's own gender, where it agrees with another than the head


def _analyse(words: Sequence[Word], opts: Sequence[list[Option]], head: int) -> Reading | None:
    """The best state for a name with its head at `head`, and the options that agree."""
    best: Reading | None = None
    states: dict[State, Option] = {}
    for o in opts[head]:
        if o.pos in ADJECTIVES:
            continue
        state = State(o.case, o.number or "sg", o.gender)
        if state not in states or o.weight > states[state].weight:
            states[state] = o
    for state, head_option in states.items():
        # A person or another name of name parts (the tagger read the head as a name, as
        # next to an unknown word: `Fransem Timmermansem`).
        person = words[head].text[:1].isupper() and (head_option.guessed or bool(
            PERSON_PARTS & set(head_option.names)) or not _known(words[head].text)
            or "guess" in words[head].names)
        score = _score(head_option.weight)
        chosen = {head: head_option}
        genders: dict[int, str] = {}
        gender = state.gender
        ok = True
        for k in range(head - 1, -1, -1):  # words before the head: they must agree
            word = words[k]
            if _skip(word) or not word.text[:1].isalnum():
                continue
            found = _fit(opts[k], state._replace(gender=gender), adjective=True) if gender else None
            if found is None and not gender:
                found = next((o for o in opts[k] if o.pos in ADJECTIVES and o.case == state.case
                              and o.number == state.number), None)
            if found is None and _personal(word, opts[k]):
                found = _fit(opts[k], state, adjective=False)
            if found is None:
                ok = False
                break
            chosen[k] = found
            score += _score(found.weight)
        if not ok:
            continue
        local = state  # what the next adjective agrees with
        for k in range(head + 1, len(words)):
            word = words[k]
            if word.text in QUOTES:
                break  # a title in quotes stays as written
            if _skip(word):
                continue
            if word.text in COORDINATORS and k - 1 in chosen and k + 1 < len(words):
                # `Prawa i Sprawiedliwości`, `Europy Środkowej i Wschodniej`: what follows
                # the conjunction in the same case is coordinated, each part its own.
                following = opts[k + 1]
                found = _fit(following, local, adjective=True) if chosen[k - 1].pos in ADJECTIVES else next(
                    (o for o in sorted(following, key=lambda o: -o.weight) if o.pos in NOUNS
                     and o.case == local.case and words[k + 1].text[:1].isupper()), None)
                if found is None:
                    break
                continue
            found = _fit(opts[k], local, adjective=True)
            surname = person and _personal(word, opts[k])
            personal = _fit(opts[k], state, adjective=False) if surname else None
            if personal is not None and (found is None or personal.weight > found.weight):
                found = personal           # a surname outweighs a rare adjective reading (`Wolska`)
            coordinated = words[k - 1].text in COORDINATORS and k - 2 in chosen
            if found is None and coordinated:
                found = next((o for o in sorted(opts[k], key=lambda o: -o.weight) if o.pos in NOUNS
                              and o.case == local.case), None)
                if found is not None:
                    chosen[k] = found
                    genders[k] = found.gender
                    score += _score(found.weight)
                    continue
            if found is None and words[k - 1].text in ("-", "–") and k - 2 in chosen:
                # The second part of a compound name (`Bielsko-Biała`, `Meklemburgia-Pomorze
                # Przednie`): in the same case, in its own gender.
                found = _fit(opts[k], local._replace(gender=""), adjective=True) or next(
                    (o for o in sorted(opts[k], key=lambda o: -o.weight) if o.pos in NOUNS
                     and o.case == local.case and o.number == local.number), None)
                if found is not None:
                    local = local._replace(gender=found.gender or local.gender)
                    chosen[k] = found
                    genders[k] = local.gender
                    score += _score(found.weight)
                    continue
            if found is None and surname:  # no reading as a surname fits (`personal` is None)
                if _known(word.text):
                    # A surname Morfeusz knows in other forms only (`Jamesa Bonda`): the
                    # rewrites of its ending.
                    found = _fit([o._replace(weight=o.weight * RETRY) for o in _unknown_options(word.text)
                                  if o.lemma != word.text or o.case == "nom"], state, adjective=False)
                if found is None:
                    score += MISFIT
                    continue
            if found is None:
                break
            chosen[k] = found
            genders[k] = local.gender
            score += _score(found.weight)
        if best is None or score > best.score:
            best = Reading(score, state, chosen, genders)
    return best


def _spell(word: Word, option: Option, state: State) -> str:
    """The nominative spelling of one agreeing word."""
    if option.guessed:
        return option.lemma if option.lemma[:1].isupper() == word.text[:1].isupper() \
            else _cased(word.text, option.lemma)
    if option.case == "nom" and option.number == state.number:
        return word.text
    if option.pos in ADJECTIVES:
        degree = next((p for p in word.tag.split(":") if p in ("pos", "com", "sup")), "pos")
        made = generate(option.lemma, option.pos, state.number, state.gender or option.gender,
                        degree if option.pos == "adj" else "")
    elif option.number == "sg" and option.pos == "subst":
        made = option.lemma
    else:
        made = generate(option.lemma, option.pos, option.number, option.gender, "")
    if not made or made.lower() == word.text.lower():
        return word.text  # the nominative, however the lemma is spelt (`Covid` of `COVID`)
    return _cased(word.text, made)


def _join(words: Sequence[Word], spelled: Sequence[str]) -> str:
    out = []
    for k, (word, text) in enumerate(zip(words, spelled, strict=True)):
        out.append(text)
        if word.space_after and k + 1 < len(words):
            out.append(" ")
    return "".join(out)


def _adjectival(words: Sequence[Word], opts: Sequence[list[Option]]) -> str:
    """A name of adjectives only (`Staromiejską`, `Sadurskiego`): each in the nominative
    of its own gender and number."""
    spelled = [w.text for w in words]
    for k, word in enumerate(words):
        adjectives = [o for o in opts[k] if o.pos in ADJECTIVES]
        if not adjectives:
            continue
        o = max(adjectives, key=lambda o: o.weight)
        if o.case != "nom":
            spelled[k] = _spell(word, o, State(o.case, o.number, o.gender))
    return _join(words, spelled)


# Words that stay lower-case inside a title-cased name.
SMALL = frozenset("i a w we z ze na do dla o od oraz ds der de di da von van the of and".split())


def _title(words: Sequence[Word]) -> Sequence[Word]:
    """A name written in capitals (`PREZYDENT RZECZYPOSPOLITEJ POLSKIEJ`, a headline's
    byline) in title case, so its words are read as words; an acronym alone stays."""
    letters = [w.text for w in words if w.text.isalpha()]
    if len(letters) < 2 or not all(t.isupper() for t in letters) or max(map(len, letters)) < 4:
        return words
    out = []
    for k, w in enumerate(words):
        if w.text.isalpha() and (len(w.text) > 1 or k == 0):
            text = w.text.lower() if k and w.text.lower() in SMALL else w.text[:1] + w.text[1:].lower()
            out.append(w._replace(text=text))
        else:
            out.append(w)
    return out


# How much a first name's (and its surname's) readings outweigh the chosen common or place
# reading of the same words: just enough to win a tie.
NAME_PREFERENCE = 1.01


def _first_names(words: Sequence[Word], opts: list[list[Option]]) -> None:
    """A first name from the lists before a surname, which Morfeusz reads only as a
    common word or a plural (`Tony` of `tona`, `Greg` of `Grega`): as written, mostly."""
    firsts = name_lists.first_names()
    for k in range(len(words) - 1):
        word, following = words[k], words[k + 1]
        if not word.text[:1].isupper() or not following.text[:1].isupper() or not opts[k + 1]:
            continue
        if not (not _known(following.text) or "guess" in following.names
                or any("nazwisko" in r.names for r in readings(following.text))):
            continue  # `Radia Polonia`, `Radia ZET`: not a first name before a surname
        if any("imię" in o.names for o in opts[k]):
            top = max(opts[k], key=lambda o: o.weight)
            if "imię" not in top.names:
                # Its first-name readings before the common word's (`Willa Huttona`: `Will`;
                # `Katarzyna Wolska`, not the place `Katarzyn`), and the surname's likewise.
                opts[k] = [o._replace(weight=max(o.weight, top.weight * NAME_PREFERENCE)) if "imię" in o.names
                           and o.number == "sg" else o for o in opts[k]]
                after = max(opts[k + 1], key=lambda o: o.weight)
                if "nazwisko" not in after.names:
                    opts[k + 1] = [o._replace(weight=max(o.weight, after.weight * NAME_PREFERENCE))
                                   if "nazwisko" in o.names and o.number == "sg" else o for o in opts[k + 1]]
            continue
        if word.text not in firsts:
            continue
        found = [o for o in readings(word.text) if o.pos in NOUNS and o.case and o.case != "voc"]
        if any(o.number == "sg" and o.lemma[:1].isupper() for o in found):
            continue  # a Polish first name Morfeusz knows: its readings say its case
        opts[k] = [o for o in opts[k] if not o.guessed] + [
            Option(word.text, "name", case, "sg", "", 2.0 if case == "nom" else 1.0, guessed=True)
            for case in ("nom",) + OBLIQUE]


def base_form(words: Sequence[Word], *, adjective: bool = False) -> str:
    """Return the nominative base form of a name given its words with chosen readings.

    `adjective` says the name is an adjective (`serbskich` -> `serbski`): the lemma.
    Names recur across articles: their base forms are cached.
    """
    return _base_form(tuple(words), adjective)


@lru_cache(maxsize=WORD_CACHE)
def _base_form(words: tuple[Word, ...], adjective: bool) -> str:
    if not words:
        return ""
    if adjective and len(words) == 1 and " " not in words[0].text:
        return words[0].lemma if words[0].tag.startswith("adj") else words[0].text
    titled = _title(words)
    if titled is not words:
        # A name in capitals: in title case when it is inflected or a person's (a byline),
        # else as written (`TOWARZYSTWO PRZYJACIÓŁ OZORKOWA`).
        titled_base = base_form(titled)
        person = titled[0].text in name_lists.first_names()
        if titled_base != _join(titled, [w.text for w in titled]) or person:
            return titled_base
        return _join(words, [w.text for w in words])
    prepared, given = _prepare(words)
    return _inflected(prepared, given)


def _inflected(words: list[Word], given: list[str]) -> str:
    """The base form of a prepared name."""
    opts = [list(options(w, given[k])) if not _skip(w) else [] for k, w in enumerate(words)]
    _first_names(words, opts)
    heads = [k for k, word in enumerate(words) if not _skip(word) and opts[k]
             and max(opts[k], key=lambda o: o.weight).pos in NOUNS | {"name"}]
    if not heads:
        return _adjectival(words, opts)
    best = _analyse(words, opts, heads[0])
    if len(heads) > 1 and any(o.pos in ADJECTIVES for o in opts[heads[0]]) \
            and (best is None or heads[1] not in best.chosen):
        # The first noun may be an adjective of the second (`Krupskim Młynie`: a surname
        # `Krupski` or the adjective of `Krupski Młyn`): the better reading of the two.
        second = _analyse(words, opts, heads[1])
        if second is not None and heads[0] in second.chosen and (best is None or second.score > best.score):
            best = second
    spelled = [w.text for w in words]
    if best is None:
        return _join(words, spelled)
    for k, option in best.chosen.items():
        gender = best.genders.get(k) or best.state.gender or option.gender
        spelled[k] = _spell(words[k], option, best.state._replace(gender=gender))
    return _join(words, spelled)
