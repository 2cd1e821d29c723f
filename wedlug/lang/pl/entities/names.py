"""Name lists for base forms (data/names.json.gz, built by scripts/build_names.py from
Polem's lists, LGPL-3.0, and KPWr's train names, CC BY 3.0): first names, surname/place
endings with their counts, and how unknown words of names change to their base form."""

from __future__ import annotations

import gzip
import json
import re
from functools import cache, lru_cache
from importlib import resources

from wedlug.lang.pl.morphology import WORD_CACHE

NAMES_FILE = "names.json.gz"
VOWELS = frozenset("aąeęioóuyáéíóúýäëïöüåæøœ")
# Case endings glued to a foreign name with an apostrophe: `Farage'a`, `Tony'ego`.
APOSTROPHE = re.compile(r"^(.+?[^\W\d_])['’](a|owi|em|iem|m|u|ego|emu|go|mu|im|ie|y|ą|ę|e|i|om|ów|ach|ami)$")
SUFFIXES = frozenset(APOSTROPHE.pattern.split("(")[-1].rstrip(")$").split("|"))
# Endings that mark an oblique case of a masculine name whatever the tagger says:
# `Junckerem`, `Gazpromowi`, `Bloombergiem`, `Greifswaldu`.
OBLIQUE = (("owi", ""), ("iem", ""), ("em", ""))
# Nominative endings of feminine surnames and of places: never stripped.
FEMININE = ("owa", "ewa", "ska", "cka", "dzka", "ina", "yna", "ia", "ja")


@cache
def _data() -> dict:
    blob = resources.files("wedlug.lang.pl").joinpath("data", NAMES_FILE).read_bytes()
    return json.loads(gzip.decompress(blob).decode("utf-8"))


@cache
def first_names() -> frozenset[str]:
    """Spellings of first names (`Theresa`, `Konrad`, `Jana`)."""
    return frozenset(_data()["first"])


@cache
def _endings() -> tuple[dict[str, list[tuple[str, str, int]]], int]:
    rules = {k: [tuple(r) for r in v] for k, v in _data()["endings"].items()}
    return rules, max(map(len, rules))


@lru_cache(maxsize=WORD_CACHE)
def bases(word: str) -> tuple[tuple[str, str, int], ...]:
    """(base, case, count) a word's longest known ending gives, commonest first."""
    rules, longest = _endings()
    for size in range(min(longest, len(word) - 2), 0, -1):
        found = rules.get(word[-size:].lower())
        if found:
            return tuple((word[:-size] + base, case, count) for base, case, count in found
                         if len(word) - size + len(base) > 1)
    return ()


def first_name_base(word: str) -> str | None:
    """The first name an unknown inflected first name is a form of (`Theresy` -> `Theresa`)."""
    names = first_names()
    if word in names or word.endswith("a"):  # `Nedia` is no form of `Ned`
        return None
    for base, _case, _count in bases(word):
        if base in names and base != word and base.endswith("a") and word.endswith(("y", "i", "ę", "ą", "e")):
            return base
    for ending, base_ending in FEMININE_OBLIQUE:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            base = word[:len(word) - len(ending)] + base_ending
            if base in names:
                return base
    return None


# Oblique endings of women's first names and their nominative (`Theresie` -> `Theresa`),
# longest first.
FEMININE_OBLIQUE = (("dzie", "da"), ("cie", "ta"), ("rze", "ra"), ("dze", "ga"), ("sze", "cha"),
                    ("ce", "ka"), ("ii", "ia"), ("ji", "ja"), ("ie", "a"), ("y", "a"), ("i", "a"),
                    ("ę", "a"), ("ą", "a"), ("e", "a"))


# An acronym with a case ending after a hyphen: `ATX-a`, `SAPARD-u`.
HYPHENATED = re.compile(r"^([^\W_]*[^\W\d_])-(" + "|".join(sorted(SUFFIXES)) + ")$")


def apostrophe(word: str) -> tuple[str, str] | None:
    """`Farage'a` -> (`Farage`, `a`): a foreign name with a Polish case ending; so is an
    acronym's after a hyphen (`ATX-a` -> (`ATX`, `a`))."""
    m = APOSTROPHE.match(word)
    if m:
        return m.group(1), m.group(2)
    m = HYPHENATED.match(word)
    if m and sum(c.isupper() for c in m.group(1)) >= 2:
        return m.group(1), m.group(2)
    return None


def oblique(word: str, case: str = "") -> str | None:
    """The base of an unknown masculine name in a case only its ending shows
    (`Junckerem` -> `Juncker`, `Gazpromu` -> `Gazprom`), else None."""
    if len(word) < 5 or not word[:1].isupper() or word.isupper() or not word.isalpha():
        return None
    lower = word.lower()
    # `-u` also ends nominatives (`Tartu`, `Ubuntu`): only when the tagger saw a case.
    endings = OBLIQUE + ((("u", ""),) if case in ("gen", "loc", "dat") else ())
    for ending, base in endings:
        stem = lower[:-len(ending)]
        if lower.endswith(ending) and len(stem) >= 3 and stem[-1] not in VOWELS and stem[-1] not in "jw":
            if ending == "iem" and stem[-1] not in "kg":
                continue
            if ending == "u" and (stem.endswith(("ch", "rz", "cz", "sz")) or stem[-1] in "lż"):
                continue
            return word[:len(stem)] + base
    return None


def key(name: str) -> str:
    """The id key of a one-word name Morfeusz does not know: without an oblique-case
    ending when it has one, so `Ryanaira` and `Ryanair` get one id whatever base form
    each article could settle on (the record's `name` keeps the base form)."""
    if " " in name or len(name) < 6 or not name[:1].isupper() or name.isupper() or not name.isalpha():
        return name
    lower = name.lower()
    for ending in ("owi", "em", "u", "a"):
        stem = lower[:-len(ending)]
        if lower.endswith(ending) and len(stem) >= 4 and stem[-1] not in VOWELS and stem[-1] not in "jw" \
                and not lower.endswith(FEMININE) and not stem.endswith(("ch", "cz", "sz", "rz")):
            return name[:len(stem)]
    return name


# How much a shorter ending's rewrites count against a longer one's own counts.
BACKOFF = 4.0
# The probability Polem's endings share among them, beside KPWr's rewrites.
POLEM = 0.15


Tags = tuple[tuple[str, str, str, float], ...]


def endings_of(word: str) -> list[str]:
    """The keys a word's ending rewrites are counted under, shortest first: its last 1-3
    letters, each but the last also after the class of the letter before it (`u`, `C:u`,
    `du`, `C:du`, `ldu` for `Greifswaldu`), while 2 letters stay before the ending."""
    lower = word.lower()
    out = []
    for size in range(1, 4):
        if len(lower) - size < 2:
            break
        out.append(lower[-size:])
        if size < 3 and len(lower) - size >= 3:
            out.append(("V:" if lower[-size - 1] in VOWELS else "C:") + lower[-size:])
    return out


@lru_cache(maxsize=WORD_CACHE)
def rewrites(word: str) -> tuple[tuple[str, float, Tags], ...]:
    """(base, probability, what the ending marks) for a word Morfeusz does not know, from
    the rewrites KPWr names show for its last 1-3 letters (`Hogana` -> (`Hogan`, 0.6,
    singular genitive or accusative, masculine), (`Hogana`, 0.4, ())): the longer
    ending's counts smoothed with the shorter one's probabilities; Polem's endings share
    a little probability for what KPWr does not show (`Bogocie` -> `Bogota`). The word
    itself comes with no tags: it stands as written."""
    table: dict[str, dict[str, int]] = _data()["rewrites"]
    lower = word.lower()
    probs: dict[str, float] = {}
    for key in endings_of(word):
        found = table.get(key)
        if not found:
            break
        total = sum(found.values())
        weight = BACKOFF if probs else 0.0
        probs = {k: (found.get(k, 0) + weight * probs.get(k, 0.0)) / (total + weight)
                 for k in set(probs) | set(found)}
    out: dict[str, tuple[float, Tags]] = {word: (probs.get(">", 0.0), ())}
    for key, p in probs.items():
        strip, add = key.split(">")
        if strip and lower.endswith(strip) and len(word) - len(strip) >= 2:
            tags = rewrite_tags(strip, add)
            if tags:
                out.setdefault(word[:len(word) - len(strip)] + add, (p, tags))
    polem: dict[str, list[tuple[str, int]]] = {}
    for base, case, count in bases(word):
        if base not in out:
            polem.setdefault(base, []).append((case, count))
    total = sum(c for cases in polem.values() for _, c in cases)
    for base, cases in polem.items():
        mass = sum(c for _, c in cases)
        out[base] = (POLEM * mass / total, tuple(("sg", case, "", c / mass) for case, c in cases))
    if not out[word][0]:
        out[word] = (0.01, ())
    norm = sum(p for p, _ in out.values())
    return tuple(sorted(((b, p / norm, t) for b, (p, t) in out.items()), key=lambda r: -r[1]))


# What an ending marks when Polem's lists do not say: (number, case, gender, share).
FALLBACK_TAGS = {"a": (("sg", "gen", "m1", 0.5), ("sg", "acc", "m1", 0.5)),
                 "u": (("sg", "gen", "m3", 0.5), ("sg", "loc", "m3", 0.5)),
                 "owi": (("sg", "dat", "m1", 1.0),), "em": (("sg", "inst", "m1", 1.0),),
                 "iem": (("sg", "inst", "m1", 1.0),),
                 "ego": (("sg", "gen", "m1", 0.5), ("sg", "acc", "m1", 0.5)),
                 "emu": (("sg", "dat", "m1", 1.0),), "ie": (("sg", "loc", "m3", 1.0),),
                 "y": (("sg", "gen", "f", 1.0),), "i": (("sg", "gen", "f", 1.0),),
                 "ą": (("sg", "inst", "f", 1.0),), "ę": (("sg", "acc", "f", 1.0),),
                 "e": (("sg", "loc", "f", 0.5), ("sg", "dat", "f", 0.5)),
                 "m": (("sg", "inst", "m1", 0.5), ("sg", "loc", "m1", 0.5))}


@cache
def rewrite_tags(strip: str, add: str) -> Tags:
    """(number, case, gender, share) an ending rewrite marks (`a>` -> singular genitive
    or accusative, masculine), from Polem's inflection lists."""
    table = _data()["rewrite_tags"]
    found = table.get(f"{strip}>{add}")
    if not found and strip[:1] == add[:1]:  # `na>n`: what `a>` marks
        strip, add = strip[1:], add[1:]
        found = table.get(f"{strip}>{add}")
    fallback = FALLBACK_TAGS.get(strip, ())
    if not found:
        return fallback
    total = sum(r[3] for r in found)
    out = tuple((n, c, g, k / total) for n, c, g, k in found)
    seen = {(n, c) for n, c, _, _ in out}
    return out + tuple((n, c, g, k * 0.5) for n, c, g, k in fallback if (n, c) not in seen)


def given_factors(word: str, case: str) -> tuple[float, float]:
    """How much more (or less) likely a word Morfeusz does not know stays as written, and
    changes, when a tagger read it in `case`, than in general (KPWr's names, by the word's
    last letter: an `-a` word read as a nominative stays as written 0.71 of the time,
    as a genitive 0.13)."""
    cls = word[-1:].lower() if word[-1:].lower() in VOWELS else "C"
    table = _data()["given"].get(cls)
    reading = "nom" if case == "nom" else "obl"
    if not table or not case or reading not in table:
        return 1.0, 1.0
    same, changed = table["all"]
    g_same, g_changed = table[reading]
    if g_same + g_changed < 10 or not same or not changed:
        return 1.0, 1.0
    p_all, p_given = same / (same + changed), (g_same + 0.5) / (g_same + g_changed + 1)
    return p_given / p_all, (1 - p_given) / (1 - p_all)
