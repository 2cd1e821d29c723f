"""Base forms of multi-word names: `Departamentu Obrony` -> `Departament Obrony`.

The name's head is its first noun; the head and the words that agree with it (adjectives
before or after it, apposed name parts such as a first name before a surname) are put in
the nominative with Morfeusz's generate(), adjectives in the head's gender and number.
A word that does not agree (a genitive complement, a preposition) ends the inflected
part: the rest is kept as written (`Ligi Mistrzów` -> `Liga Mistrzów`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import product
from typing import NamedTuple

from wedlug.lang.pl.entities import names as name_lists
from wedlug.lang.pl.morphology import morfeusz, strip_qualifier

NOUNS = frozenset(("subst", "depr", "ger"))
ADJECTIVES = frozenset(("adj", "ppas", "pact"))
CASES = frozenset("nom gen dat acc inst loc voc".split())
GENDERS = frozenset("m1 m2 m3 f n".split())
PERSON_PARTS = frozenset(("imię", "nazwisko", "guess"))
# Lower-case words that may sit inside a name without ending its inflected part.
LINKS = frozenset(("-",))


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


def _parts(tag: str) -> list[tuple[str, ...]]:
    """Expand a compact tag into its full tags, each a tuple of parts."""
    return [parts for parts in product(*(p.split(".") for p in tag.split(":")))]


def _form(lemma: str, parts: Sequence[str], names: tuple[str, ...]) -> Form:
    case = next((p for p in parts if p in CASES), "")
    number = next((p for p in parts if p in ("sg", "pl")), "")
    gender = next((p for p in parts if p in GENDERS), "")
    return Form(lemma, parts[0], case, number, gender, names)


@cache
def readings(text: str) -> tuple[Form, ...]:
    """Every Morfeusz reading of a single word, expanded (cached)."""
    out = []
    for i, _j, (_, lemma, tag, names, _) in morfeusz().analyse(text):
        if i != 0:
            return ()
        for parts in _parts(tag):
            out.append(_form(strip_qualifier(lemma), parts, tuple(names)))
    return tuple(out)


@cache
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
            if pos in ADJECTIVES and "neg" in parts:
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


def _matching(word: Word, case: str, number: str | None, gender: str | None,
              poses: frozenset[str]) -> Form | None:
    """The word's reading in a given case (and number/gender), its chosen one first."""
    chosen = _chosen(word)
    options = (chosen,) + readings(word.text)
    for form in options:
        if form.pos in poses and form.case == case and (number is None or form.number == number) \
                and (gender is None or form.gender == gender):
            return form
    return None


SUFFIX_CASES = {"a": "gen", "owi": "dat", "em": "inst", "iem": "inst", "m": "inst", "u": "gen",
                "ego": "gen", "emu": "dat", "go": "gen", "mu": "dat", "im": "inst", "ie": "loc",
                "y": "gen", "ą": "inst", "ę": "acc", "e": "loc", "i": "gen", "om": "dat",
                "ów": "gen", "ach": "loc", "ami": "inst"}


PLURAL_ENDINGS = ("ów", "ach", "ami", "om", "owie")


def _as_guess(word: Word, lemma: str, case: str) -> Word:
    """The word read as a form of `lemma` in `case` (singular), a guessed name."""
    gender = _chosen(word).gender or "m1"
    return word._replace(lemma=lemma, tag=f"subst:sg:{case}:{gender}", names=word.names + ("guess",))


def _guessed(word: Word) -> Word:
    """A word whose lemma is its own spelling, given a real lemma for its case.

    Morfeusz's reading of that case where it has one (`Orbánem` -> `Orbán`), else the
    tagger's guess from name endings for an unknown word (`Kammela` -> `Kammel`).
    A first name from the name lists that the tagger read as a form of a common word
    (`Tony` of `tona`) or in the vocative stays as written.
    """
    glued = name_lists.apostrophe(word.text)
    if glued is not None:
        return _as_guess(word, glued[0], SUFFIX_CASES[glued[1]])
    if not word.text[:1].isupper():
        return word
    form = _chosen(word)
    if form.case == "voc":
        return _not_vocative(word, form)
    if word.lemma.lower() != word.text.lower():
        if form.number == "pl" and "guess" in word.names and not word.text.endswith(PLURAL_ENDINGS) \
                and all(r.pos == "ign" for r in readings(word.text)):
            # An unknown name read as a plural of a guessed lemma (`Pfizer` of `Pfizera`).
            return word._replace(lemma=word.text, tag=f"subst:sg:nom:{form.gender or 'm3'}")
        return word
    guessed = _unknown(word, form)
    if guessed is not None:
        return guessed
    if "guess" in word.names:
        # The tagger guessed a name for a word Morfeusz knows (`Departamentu`): its reading.
        known = readings(word.text)
        known_nouns = [r for r in known if r.pos in NOUNS and "nazwa_pospolita" in r.names]
        if known_nouns and len(known_nouns) == len(known):  # only a common noun (not `Kim`)
            r = known_nouns[0]
            return word._replace(lemma=r.lemma, tag=f"{r.pos}:{r.number}:{r.case}:{r.gender}",
                                 names=r.names)
    if not form.case or form.case == "nom":
        return _oblique(word)
    want = (form.case, form.number, form.gender)
    known_forms = [r for r in readings(word.text) if r.pos != "ign"]
    for reading in known_forms:
        if reading.pos in NOUNS and reading.lemma[:1].isupper() and (
                reading.case, reading.number, reading.gender) == want:
            return word._replace(lemma=reading.lemma, names=reading.names)
    if known_forms:
        return word
    from wedlug.lang.pl.words import default_tagger  # the tagger's name guesser

    guesses = [(g, _form(g.lemma, parts, ())) for g in default_tagger().guesser.guess(word.text)[1:]
               for parts in _parts(g.tag)]
    # The word's exact case, number and gender first; then any gender (taggers often
    # give an unknown name a default gender).
    for strict in (True, False):
        for guess, found in guesses:
            if found.pos in ("subst", "adj") and (found.case, found.number) == want[:2] and (
                    not strict or found.gender == want[2]):
                lemma = guess.lemma if found.pos == "subst" else (
                    generate(guess.lemma, "adj", found.number, found.gender, "pos") or guess.lemma)
                return word._replace(lemma=_cased(word.text, lemma), names=word.names + ("guess",))
    return _oblique(word)


def _not_vocative(word: Word, form: Form) -> Word:
    """News never calls out to a name: another case of the same lemma (`Sejmie` loc),
    a first name's nominative (`Amelio` -> `Amelia`), else the word as written
    (`Galileo`, not a vocative of `Galilea`)."""
    options = readings(word.text)
    for r in options:
        if r.lemma == form.lemma and r.case not in ("voc", "nom", "") and r.number == form.number:
            return word._replace(tag=f"{r.pos}:{r.number}:{r.case}:{r.gender}", names=r.names)
    if "imię" in form.names:
        return word
    if "guess" in word.names and form.lemma != word.text:  # `Philipie`: the locative
        return word._replace(tag=word.tag.replace(":voc", ":loc"))
    return word._replace(lemma=word.text, tag=word.tag.replace(":voc", ":nom"))


def _first_name(word: Word, following: Word | None) -> Word:
    """A first name from the name lists before another name word, which the tagger read
    as a plural or a common word (`Tony` of `tona`, `Greg` of `Grega`): as written."""
    firsts = name_lists.first_names()
    if following is None or not following.text[:1].isupper() or word.text not in firsts:
        return word
    known = readings(following.text)
    if not ("guess" in following.names or following.tag == "ign" or all(r.pos == "ign" for r in known)
            or any("nazwisko" in r.names for r in known)):
        return word  # `Radia Polonia`: not a first name before a surname
    form = _chosen(word)
    if word.lemma == word.text or (form.number != "pl" and word.lemma[:1].upper() + word.lemma[1:] in firsts):
        return word
    if form.number == "pl" or "nazwa_pospolita" in form.names or "guess" in form.names \
            or word.tag == "ign" or not form.case:
        return word._replace(lemma=word.text, tag=f"subst:sg:nom:{form.gender or 'm1'}",
                             names=("imię",))
    return word


def _unknown(word: Word, form: Form) -> Word | None:
    """An inflected first name Morfeusz does not know (`Theresy` -> `Theresa`)."""
    if any(r.pos != "ign" for r in readings(word.text)):
        return None
    base = name_lists.first_name_base(word.text)
    if base is None:
        return None
    case = next((c for b, c, _ in name_lists.bases(word.text) if b == base), "gen")
    return _as_guess(word, base, case)


def _oblique(word: Word) -> Word:
    """An unknown name whose ending shows an oblique case, however it was tagged
    (`Junckerem` -> `Juncker`)."""
    if any(r.pos != "ign" for r in readings(word.text)):
        return word
    base = name_lists.oblique(word.text, _chosen(word).case)
    if base is None:
        return word
    ending = word.text[len(base):].lower()
    return _as_guess(word, base, SUFFIX_CASES.get(ending, "gen"))


def _is_name_part(word: Word) -> bool:
    return bool(PERSON_PARTS & set(word.names)) or word.tag == "ign"


def _inflect(word: Word, form: Form, gender: str, number: str) -> str:
    """The nominative spelling of one agreeing word."""
    if form.case == "nom" or "guess" in form.names:
        if "guess" in form.names and form.case != "nom":
            return _cased(word.text, form.lemma)
        return word.text
    if form.pos in ADJECTIVES:
        degree = next((p for p in word.tag.split(":") if p in ("pos", "com", "sup")), "pos")
        made = generate(form.lemma, form.pos, number, gender, degree if form.pos == "adj" else "")
    elif form.number == "sg" and form.pos == "subst":
        made = form.lemma
    else:
        made = generate(form.lemma, form.pos, form.number, form.gender, "")
    return _cased(word.text, made) if made else word.text


def _join(words: Sequence[Word], spelled: Sequence[str]) -> str:
    out = []
    for k, (word, text) in enumerate(zip(words, spelled, strict=True)):
        out.append(text)
        if word.space_after and k + 1 < len(words):
            out.append(" ")
    return "".join(out)


def _glue_apostrophes(words: Sequence[Word]) -> list[Word]:
    """`Wordsworth ’ a` as three words: one word `Wordsworth’a`."""
    out = list(words)
    k = 1
    while k + 1 < len(out):
        if out[k].text in ("'", "’") and out[k + 1].text in name_lists.SUFFIXES \
                and out[k - 1].text[:1].isupper():
            prev = out[k - 1]
            out[k - 1:k + 2] = [prev._replace(text=prev.text + "'" + out[k + 1].text, lemma=prev.text,
                                              space_after=out[k + 1].space_after)]
        k += 1
    return out


def base_form(words: Sequence[Word], *, adjective: bool = False) -> str:
    """Return the nominative base form of a name given its words with chosen readings.

    `adjective` says the name is an adjective (`serbskich` -> `serbski`): the lemma.
    """
    if not words:
        return ""
    words = _glue_apostrophes(words)
    spelled = [w.text for w in words]
    if adjective and len(words) == 1:
        return words[0].lemma if words[0].tag.startswith("adj") else words[0].text
    words = [_guessed(_first_name(w, words[k + 1] if k + 1 < len(words) else None))
             for k, w in enumerate(words)]
    head = next((k for k, w in enumerate(words) if w.tag.split(":")[0] in NOUNS), None)
    if head is None:
        # An adjectival name (`Staromiejską`, `Sadurskiego`): each adjective in its own
        # gender and number.
        for k, word in enumerate(words):
            form = _chosen(word)
            if form.pos in ADJECTIVES and form.case and form.case != "nom":
                spelled[k] = _inflect(word, form, form.gender, form.number)
        return _join(words, spelled)
    hform = _chosen(words[head])
    if not hform.case or hform.case == "nom":
        return _join(words, spelled)
    case, number, gender = hform.case, hform.number, hform.gender
    # Words before the head: adjectives (and name parts) agreeing with it.
    for k in range(head):
        word = words[k]
        if word.text in LINKS or word.tag.startswith("adja"):
            continue
        found = _matching(word, case, number, gender, ADJECTIVES)
        if found is None and _is_name_part(word):
            found = _matching(word, case, None, None, NOUNS) or _chosen(word)
        if found is None and (word.tag == "ign" or "guess" in word.names):
            found = _chosen(word)
        if found is None:
            if word.text[:1].isalpha():
                return _join(words, spelled)  # not a noun phrase we understand
            continue
        spelled[k] = _inflect(word, found, gender, number)
    spelled[head] = _inflect(words[head], hform, gender, number)
    head_is_person = _is_name_part(words[head]) or "nazwa_pospolita" in hform.names
    for k in range(head + 1, len(words)):
        word = words[k]
        if word.text in LINKS or word.tag.startswith("adja"):
            continue  # `Środkowo-Wschodniej`: the first part stays as written
        form = _matching(word, case, number, gender, ADJECTIVES)  # type: ignore[assignment]
        if form is None and head_is_person and _is_name_part(word):
            form = _matching(word, case, None, None, NOUNS)
            if form is None and (word.tag == "ign" or "guess" in word.names):
                form = _chosen(word)
        if form is not None and form.case == "nom" and case != "nom" and head_is_person \
                and all(r.pos == "ign" for r in readings(word.text)):
            # An unknown surname tagged nominative after a first name in another case
            # (`Harry'ego Wrenhama`): its base for the first name's case, if its ending has one.
            base = next((b for b, c, _ in name_lists.bases(word.text) if c == case), None)
            if base and base != word.text:
                spelled[k] = _cased(word.text, base)
                continue
        if form is None:
            break
        spelled[k] = _inflect(word, form, gender, number)
    return _join(words, spelled)
