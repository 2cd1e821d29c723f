"""Print the share of dictionary words per article: what the not-Polish warning rests on.

    python bench/language_share.py

Over the shared SlavicNER articles (real Polish news) the lowest shares show how far the
`MIN_KNOWN_SHARE` threshold in wedlug/lang/pl/language.py sits from real text.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wedlug import analyze  # noqa: E402
from wedlug.lang.pl.language import MIN_KNOWN_SHARE  # noqa: E402


def known_share(text: str) -> float:
    words = [t for t in analyze(text).tokens if t.text[:1].isalpha()]
    known = sum(1 for t in words if t.tag != "ign" and "guess" not in t.qualifiers)
    return known / max(len(words), 1)


def main() -> None:
    raw = ROOT.parent / "shared" / "data" / "news" / "slavicner" / "raw"
    shares = sorted((known_share(f.read_text(encoding="utf-8")), f.name) for f in sorted(raw.rglob("*.txt")))
    print(f"threshold {MIN_KNOWN_SHARE}; articles {len(shares)}")
    for share, name in shares[:5]:
        print(f"  lowest: {share:.3f} {name}")
    english = ("The prime minister said on Thursday that the government would not raise taxes "
               "next year, according to a spokesman quoted by Reuters.")
    print(f"an English sentence: {known_share(english):.3f}")


if __name__ == "__main__":
    main()
