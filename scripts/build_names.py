"""Build the name lists the entities step ships: wedlug/lang/pl/data/names.json.gz.

    python scripts/build_names.py [--shared ../shared]

Sources (../shared/data/names, CLARIN-PL/Polem @ b5fcdc769a2a, LGPL-3.0):
- `nelexicon2_nam_liv_person_first.txt`: first names (`Theresa`, `Konrad`), kept as a
  set of spellings, so a first name Morfeusz reads as a common word in another case
  (`Tony` as a form of `tona`) stays as written, and an unknown inflected one finds its
  base (`Theresy` -> `Theresa`);
- `inflection_nam_liv_person_last.txt`, `inflection_nam_loc.txt`: surname and place-name
  endings -> base endings with their counts (`Zuckerberga` -> `Zuckerberg`), summed over
  tags by case, with at most 4 rules an ending.
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
SOURCE = "CLARIN-PL/Polem @ b5fcdc769a2a (LGPL-3.0)"


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--output", type=Path, default=DATA / "names.json.gz")
    args = parser.parse_args()
    names = args.shared / "data" / "names"
    data = {"source": SOURCE,
            "first": first_names(names / "nelexicon2_nam_liv_person_first.txt"),
            "endings": endings([names / "inflection_nam_liv_person_last.txt",
                                names / "inflection_nam_loc.txt"], args.min_count)}
    with gzip.open(args.output, "wt", encoding="utf-8", compresslevel=9) as out:
        json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
    print(f"{len(data['first'])} first names, {len(data['endings'])} endings -> {args.output} "
          f"({args.output.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
