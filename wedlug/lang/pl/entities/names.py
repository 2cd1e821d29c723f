"""Name lists for base forms (data/names.json.gz, built by scripts/build_names.py from
Polem's lists, LGPL-3.0): first names, and surname/place endings with their counts."""

from __future__ import annotations

import gzip
import json
import re
from functools import cache
from importlib import resources

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


@cache
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
    return None


def apostrophe(word: str) -> tuple[str, str] | None:
    """`Farage'a` -> (`Farage`, `a`): a foreign name with a Polish case ending."""
    m = APOSTROPHE.match(word)
    return (m.group(1), m.group(2)) if m else None


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
