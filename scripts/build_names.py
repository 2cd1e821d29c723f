"""Build the name lists the entities step ships: wedlug/lang/pl/data/names.json.gz.

    python scripts/build_names.py [--shared ../shared]

Sources (../shared/data/names, CLARIN-PL/Polem @ b5fcdc769a2a, LGPL-3.0):
- `nelexicon2_nam_liv_person_first.txt`: first names (`Theresa`, `Konrad`), kept as a
  set of spellings, so a first name Morfeusz reads as a common word in another case
  (`Tony` as a form of `tona`) stays as written, and an unknown inflected one finds its
  base (`Theresy` -> `Theresa`);
- `inflection_nam_liv_person_last.txt`, `inflection_nam_loc.txt`: surname and place-name
  endings -> base endings with their counts (`Zuckerberga` -> `Zuckerberg`), summed over
  tags by case, with at most 4 rules an ending; and, per ending rewrite, the numbers,
  cases and genders it marks (`a>` -> singular genitive or accusative, masculine).
- `kpwr-1.2-ne-train-fix.tsv` (KPWr names with gold base forms, CC BY 3.0; the train
  split only, never tune or test): how words Morfeusz does not know change from text to
  base form (`Hogana` -> `Hogan`, `Moderna` stays), counted by the word's last 1-3
  letters. A word counts under an ending only when at least 2 letters precede it, so
  no rule spells out a whole word.
The artifact is read at run time; ../shared never is.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "wedlug" / "lang" / "pl" / "data"
CASES = frozenset("nom gen dat acc inst loc voc".split())
VOWELS = frozenset("aąeęioóuyáéíóúýäëïöüåæøœ")
SOURCE = ("CLARIN-PL/Polem @ b5fcdc769a2a (LGPL-3.0): name lists and inflection endings; "
          "KPWr 1.2 names, train split (CC BY 3.0): rewrites of unknown words")


def first_names(path: Path) -> list[str]:
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and parts[1][:1].isupper() and " " not in parts[1]:
            out.add(parts[1])
    return sorted(out)


def endings(paths: list[Path], min_count: int) -> dict[str, list[list]]:
    """ending -> [[base ending, case, count], ...], commonest first."""
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split(" ")
            if len(parts) != 5 or not parts[1] or not parts[1].islower() or "-" in parts[1]:
                continue
            tag, ending, base, count = parts[0], parts[1], parts[2], int(parts[3])
            fields = tag.split(":")
            if len(fields) < 4 or fields[1] != "sg" or fields[2] in ("nom", "voc") or ending == base:
                continue  # singular oblique cases only: plural surnames are families
            counts[(ending, base, fields[2])] += count
    rules: dict[str, list[list]] = defaultdict(list)
    for (ending, base, case), count in counts.items():
        if count >= min_count:
            rules[ending].append([base, case, count])
    for ending in rules:
        rules[ending].sort(key=lambda r: -r[2])
        del rules[ending][4:]
    return dict(sorted(rules.items()))


def rewrite(word: str, base: str) -> str:
    """`Hogana`, `Hogan` -> `a>`: the ending dropped and the ending added (`>` when the
    word is its own base). An ending that starts with `z` or `i` keeps the letter before
    it, which it may soften (`Talarze` -> `rze>r` applies to no `Frunze`)."""
    k = 0
    while k < min(len(word), len(base)) and word[k] == base[k]:
        k += 1
    if k == len(word) == len(base):
        return ">"
    if k > 0 and word[k:k + 1] in ("z", "i"):
        k -= 1
    return f"{word[k:]}>{base[k:]}"


def rewrite_tags(paths: list[Path], min_count: int, keys: set[str]) -> dict[str, list[list]]:
    """`ending>base ending` -> [[number, case, gender, count], ...]: what a rewrite marks
    (for the rewrites in `keys`)."""
    counts: dict[str, dict[tuple[str, str, str], int]] = defaultdict(lambda: defaultdict(int))
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split(" ")
            if len(parts) != 5 or "-" in parts[1] or not parts[1].islower() and parts[1]:
                continue
            fields = parts[0].split(":")
            if len(fields) < 4 or fields[0] not in ("subst", "depr") or fields[2] == "voc":
                continue
            ending, base = parts[1], parts[2]
            for key in {f"{ending}>{base}", f"{ending[1:]}>{base[1:]}"} if ending[:1] == base[:1] \
                    else {f"{ending}>{base}"}:
                if key in keys:
                    counts[key][(fields[1], fields[2], fields[3])] += int(parts[3])
    out: dict[str, list[list]] = {}
    for key, tags in sorted(counts.items()):
        total = sum(tags.values())
        kept = [[n, c, g, k] for (n, c, g), k in sorted(tags.items(), key=lambda t: -t[1])
                if k >= min_count and k * 20 >= total]
        if kept:
            out[key] = kept
    return out


def endings_of(word: str) -> list[str]:
    """The keys a word's rewrites are counted under, shortest first: its last 1-3 letters,
    and its last 1-2 letters after the class of the letter before them (`C:u` for
    `Greifswaldu`, a consonant before the `u`)."""
    from wedlug.lang.pl.entities.names import endings_of as keys

    return keys(word)


Rewrites = dict[str, dict[str, int]]
Given = dict[str, dict[str, list[int]]]


def kpwr_rewrites(path: Path, min_count: int) -> tuple[Rewrites, Given]:
    """Ending (last 1-3 letters, lower-cased) -> {rewrite: count} over words of KPWr names
    that Morfeusz does not know, from their text to their gold base form; and, by the
    word's last letter (`C` for a consonant), how often such a word stays as written
    (and how often not) when the corpus's tagger read it as a nominative, as another case,
    and in all: [same, changed]."""
    import morfeusz2

    morfeusz = morfeusz2.Morfeusz(expand_tags=False)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    given: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 6:
            continue
        gold, orth, tags = cols[0].split(" "), cols[1].split(" "), cols[3].split(" ")
        if len(gold) != len(orth):
            continue
        for k, (word, base) in enumerate(zip(orth, gold)):
            if not (word[:1].isupper() and word.isalpha() and not word.isupper() and len(word) > 2):
                continue
            if base.lower()[:2] != word.lower()[:2]:
                continue  # another word altogether (a convention of the corpus)
            if any(tag != "ign" for _, _, (_, _, tag, _, _) in morfeusz.analyse(word)):
                continue
            change = rewrite(word.lower(), base.lower())
            for key in endings_of(word):
                counts[key][change] += 1
            case = next((p for p in tags[k].split(":") if p in CASES), "") if k < len(tags) else ""
            cls = word[-1].lower() if word[-1].lower() in VOWELS else "C"
            for reading in ("all", "nom" if case == "nom" else "obl" if case else ""):
                if reading:
                    given[cls].setdefault(reading, [0, 0])[change != ">"] += 1
    rules = {end: {k: v for k, v in sorted(found.items(), key=lambda t: -t[1]) if v >= min_count}
             for end, found in sorted(counts.items()) if sum(found.values()) >= min_count}
    return rules, {cls: dict(sorted(found.items())) for cls, found in sorted(given.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--output", type=Path, default=DATA / "names.json.gz")
    args = parser.parse_args()
    names = args.shared / "data" / "names"
    rewrites, given = kpwr_rewrites(names / "kpwr-1.2-ne-train-fix.tsv", 2)
    keys = {k for found in rewrites.values() for k in found}
    keys |= {k.split(">")[0][1:] + ">" + k.split(">")[1][1:] for k in keys if k != ">"}
    data = {"source": SOURCE,
            "first": first_names(names / "nelexicon2_nam_liv_person_first.txt"),
            "endings": endings([names / "inflection_nam_liv_person_last.txt",
                                names / "inflection_nam_loc.txt"], args.min_count),
            "rewrite_tags": rewrite_tags([names / "inflection_nam_liv_person_last.txt",
                                          names / "inflection_nam_loc.txt"], args.min_count, keys),
            "rewrites": rewrites, "given": given}
    blob = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with args.output.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9,
                                                        filename="", mtime=0) as out:
        out.write(blob)  # no name, no time in the header: the same inputs give the same bytes
    print(f"{len(data['first'])} first names, {len(data['endings'])} endings, "
          f"{len(data['rewrite_tags'])} rewrite tags, {len(data['rewrites'])} KPWr endings -> {args.output} "
          f"({args.output.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
