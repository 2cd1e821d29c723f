"""Read Universal Dependencies CoNLL-U files as sentences of syntactic words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple


class Word(NamedTuple):
    """One syntactic word with its gold annotation."""

    form: str
    lemma: str
    upos: str
    xpos: str


class TreebankSentence(NamedTuple):
    """A sentence: its text line and its words."""

    text: str
    words: list[Word]


def read_conllu(path: Path) -> Iterator[TreebankSentence]:
    """Yield the sentences of a CoNLL-U file (multi-word token lines skipped)."""
    text = ""
    words: list[Word] = []
    with path.open(encoding="utf-8") as src:
        for line in src:
            line = line.rstrip("\n")
            if line.startswith("# text = "):
                text = line[9:]
            elif not line:
                if words:
                    yield TreebankSentence(text, words)
                text = ""
                words = []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if "-" in cols[0] or "." in cols[0]:
                    continue
                # LFG writes particles `qub` (the NKJP tagset), PDB and Morfeusz `part`.
                xpos = "part" + cols[4][3:] if cols[4].startswith("qub") else cols[4]
                words.append(Word(cols[1], cols[2], cols[3], xpos))
    if words:
        yield TreebankSentence(text, words)
