"""The counted object of an amount: the noun phrase a number governs, and its base form.

`pocisków artyleryjskich` -> `pocisk artyleryjski`: the noun's lemma, and each
adjective agreeing with it put into the nominative singular of the noun's gender
with Morfeusz's generator (`osób zakażonych` -> `osoba zakażona`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from wedlug.article import Token
from wedlug.lang.pl.lexicon import words
from wedlug.lang.pl.morphology import WORD_CACHE, interpretations, morfeusz, strip_qualifier

NOUNS = ("subst", "depr", "ger")
MODIFIERS = ("adj", "ppas", "pact")
CONJUNCTIONS = frozenset(("i", "oraz", "lub", "albo"))
# Adjectives that are determiners or quantifiers, not part of what is counted.
# `inny` and `taki` stay (`dwie inne świątynie` counts other churches, AMOUNTS.md gold).
NOT_MODIFIERS = frozenset(("ten", "tamten", "który", "jaki", "swój", "mój", "twój", "nasz", "wasz",
                           "jeden", "żaden", "wszystek", "każdy", "sam", "cały"))


@dataclass(frozen=True, slots=True)
class CountedObject:
    """The noun phrase over tokens `first`..`last` (inclusive) and its base form."""

    first: int
    last: int
    base: str


def _fields(tag: str) -> tuple[str, str, str]:
    """Return (number, case, gender) of a full NKJP tag."""
    parts = tag.split(":")
    number = next((p for p in parts if p in ("sg", "pl")), "")
    case = next((p for p in parts if p in ("nom", "gen", "dat", "acc", "inst", "loc", "voc")), "")
    gender = next((p for p in parts if p in ("m1", "m2", "m3", "f", "n")), "")
    return number, case, gender


def _is_noun(token: Token) -> bool:
    return token.tag.startswith(NOUNS)


def _is_modifier(token: Token) -> bool:
    return token.tag.startswith(MODIFIERS) and token.lemma not in NOT_MODIFIERS


def _agrees(modifier: Token, noun: Token) -> bool:
    m, n = _fields(modifier.tag), _fields(noun.tag)
    return m[0] == n[0] and m[1] == n[1]


def _compound_part(tokens: Sequence[Token], j: int) -> bool:
    """Tell whether token j begins or joins a hyphenated adjective (`biało` `-` `czerwonych`)."""
    token = tokens[j]
    if token.tag.startswith("adja"):
        return j + 1 < len(tokens) and tokens[j + 1].text == "-"
    return token.text == "-" and j > 0 and tokens[j - 1].tag.startswith("adja") \
        and tokens[j - 1].end == token.start


def _phrase(tokens: Sequence[Token], k: int) -> tuple[int, int, int] | None:
    """Read adjectives, a noun and agreeing adjectives from `k` -> (first, noun, last).

    Preposed adjectives need only agree in number (the tagger often misreads their
    case); a participle with an adverb (`zlokalizowanych tam apartamentów`) is left out,
    and so are adjectives after the noun that belong to a following noun
    (`przedstawicieli pakistańskich służb`).
    """
    j, adverb = k, False
    while j < len(tokens) and (_is_modifier(tokens[j]) or (j > k and tokens[j].tag.startswith("adv"))
                               or _compound_part(tokens, j)):
        adverb = adverb or tokens[j].tag.startswith("adv")
        j += 1
    if j >= len(tokens) or not _is_noun(tokens[j]) or j - k > 4:
        return None
    noun = j
    first = noun if adverb else k
    if any(_fields(tokens[m].tag)[0] != _fields(tokens[noun].tag)[0] for m in range(first, noun)
           if not _compound_part(tokens, m)):
        return None
    last = noun
    while last + 1 < len(tokens):
        if tokens[last + 1].tag.startswith("pact"):
            break                          # `organizacji zrzeszających pilotów`: a clause of its own
        if _is_modifier(tokens[last + 1]) and _agrees(tokens[last + 1], tokens[noun]):
            last += 1
        elif last + 3 < len(tokens) and _compound_part(tokens, last + 1) \
                and _is_modifier(tokens[last + 3]) and _agrees(tokens[last + 3], tokens[noun]):
            last += 3                      # `firm logistyczno-transportowych`
        else:
            break
    if last > noun and last + 1 < len(tokens) and _is_noun(tokens[last + 1]) \
            and _agrees(tokens[last], tokens[last + 1]) \
            and not any(tag.startswith("adj") for _, tag in _readings(tokens[last + 1].text)):
        last = noun                        # (`odpowiedzialnych` read as a noun is an adjective)
    return first, noun, last


def _genitive_reading(token: Token, plural: bool = False) -> Token:
    """The token in Morfeusz's first genitive (`plural`: genitive plural) noun reading, where
    the tagger read another case: a light noun's genitive (`członków załóg`), a counted noun
    (`96 proc. gmin`, `marek` read as the name Marek)."""
    reading = next(((lemma, tag) for lemma, tag in _readings(token.text) if tag.startswith("subst")
                    and (not plural or ":pl:" in tag) and "gen" in tag.split(":")[2].split(".")), None)
    if reading is None:
        return token
    lemma, tag = reading
    parts = tag.split(":")
    parts[1], parts[2], parts[3] = parts[1].split(".")[0], "gen", parts[3].split(".")[0]
    return replace(token, lemma=lemma, tag=":".join(parts))


@lru_cache(maxsize=WORD_CACHE)
def _readings(form: str) -> tuple[tuple[str, str], ...]:
    """Every (lemma, compact tag) Morfeusz gives a word form."""
    return tuple((strip_qualifier(lemma), tag) for _, _, _, lemma, tag, _, _ in interpretations(form))


def counted_object(tokens: Sequence[Token], k: int, text: str) -> CountedObject | None:
    """Return the noun phrase that starts at token `k`, with coordination and light nouns."""
    if k < len(tokens) and tokens[k].tag.startswith("subst") and ":sg:nom" in tokens[k].tag:
        # a counted noun stands in the genitive plural, never a singular nominative
        tokens = [*tokens[:k], _genitive_reading(tokens[k], plural=True), *tokens[k + 1:]]
    phrase = _phrase(tokens, k)
    if phrase is None:
        return _substantive(tokens, k)
    first, noun, last = phrase
    parts = [_base(tokens, first, noun, last)]
    if tokens[noun].lemma in words("light_nouns.txt"):
        if last + 1 < len(tokens) and _is_noun(tokens[last + 1]) and ":gen" not in tokens[last + 1].tag:
            tokens = [*tokens[:last + 1], _genitive_reading(tokens[last + 1]), *tokens[last + 2:]]
        after = _phrase(tokens, last + 1)
        if after is not None and (_fields(tokens[after[1]].tag)[1] == "gen"
                                  or _may_be_genitive(tokens[after[1]])):
            last = after[2]
            parts.append(_base(tokens, *after, case="gen"))
    elif last + 2 < len(tokens) and tokens[last + 1].text in CONJUNCTIONS:
        other = _phrase(tokens, last + 2)
        if other is not None and _fields(tokens[other[1]].tag)[1] == _fields(tokens[noun].tag)[1]:
            parts.append(tokens[last + 1].text)
            parts.append(_base(tokens, *other))
            last = other[2]
    return CountedObject(first, last, " ".join(parts))


def _may_be_genitive(token: Token) -> bool:
    """Tell whether Morfeusz reads a noun's form as a genitive too (`dawek szczepionki`:
    the tagger may have chosen the nominative plural)."""
    return any(":gen" in tag for _, tag in _readings(token.text))


def _base(tokens: Sequence[Token], first: int, noun: int, last: int, case: str = "nom") -> str:
    """Put one phrase into its base form: singular noun, adjectives agreed to it.

    The counted phrase goes into the nominative (noun lemma); the genitive after a
    light noun into the genitive singular (`dawek szczepionek` -> `dawka szczepionki`).
    """
    head = tokens[noun]
    number, _, gender = _fields(head.tag)
    if ":pt" not in head.tag:
        number = "sg"
    out = ""
    for k in range(first, last + 1):
        token = tokens[k]
        if k == noun:
            nominal = head.lemma if case == "nom" and not head.tag.startswith("ger") else None
            form = nominal or inflect(head.lemma, head.tag, number, case, gender) or head.text
        elif token.tag.startswith("adja") or token.text == "-":
            form = token.text              # `logistyczno-transportowa`: the first part stays
        else:
            form = inflect(token.lemma, token.tag, number, case, gender) or token.text
        glued = k > first and tokens[k - 1].end == token.start
        out += form if glued or not out else " " + form
    return out


@lru_cache(maxsize=WORD_CACHE)
def _forms(lemma: str) -> tuple[tuple[str, str, str], ...]:
    """Return Morfeusz's generated (form, lemma, tag) for a lemma, cached."""
    try:
        return tuple((form, strip_qualifier(lem), tag) for form, lem, tag, *_ in morfeusz().generate(lemma))
    except RuntimeError:  # a lemma the generator does not know
        return ()


def nominative(lemma: str, tag: str, number: str, gender: str) -> str | None:
    """Return the nominative of an adjective or participle in a number and gender."""
    return inflect(lemma, tag, number, "nom", gender)


def inflect(lemma: str, tag: str, number: str, case: str, gender: str) -> str | None:
    """Return the form of a noun, adjective or participle in a number, case (and gender)."""
    parts = tag.split(":")
    pos = parts[0]
    if pos in NOUNS:
        # a gerund keeps its polarity: `zajmowania`, not `niezajmowania`
        polarity = next((p for p in parts if p in ("aff", "neg")), None)
        return next((form for form, _, candidate in _forms(lemma)
                     if candidate.split(":")[0] == pos and number in candidate.split(":")[1].split(".")
                     and case in candidate.split(":")[2].split(".")
                     and (polarity is None or polarity in candidate.split(":"))), None)
    grade = next((p for p in parts if p in ("pos", "com", "sup")), "pos")
    polarity = next((p for p in parts if p in ("aff", "neg")), "aff")
    for form, _, candidate in _forms(lemma):
        fields = [set(p.split(".")) for p in candidate.split(":")]
        if candidate.split(":")[0] != pos or len(fields) < 4:
            continue
        if number not in fields[1] or case not in fields[2] or gender not in fields[3]:
            continue
        rest = set().union(*fields[4:]) if len(fields) > 4 else set()
        if pos == "adj" and grade not in rest:
            continue
        if pos != "adj" and polarity not in rest:
            continue
        return form
    return None


def _substantive(tokens: Sequence[Token], k: int) -> CountedObject | None:
    """Read an adjective standing for people (`400 zakażonych`) -> `zakażony`."""
    if k >= len(tokens) or not _is_modifier(tokens[k]) or ":pl:" not in tokens[k].tag + ":":
        return None
    if k + 1 < len(tokens) and (_is_modifier(tokens[k + 1]) or _is_noun(tokens[k + 1])):
        return None
    base = nominative(tokens[k].lemma, tokens[k].tag, "sg", "m1")
    return CountedObject(k, k, base) if base else None
