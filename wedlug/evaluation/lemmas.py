"""Lemma, part-of-speech and tag accuracy of the language layer on a treebank."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from wedlug.evaluation.conllu import read_conllu
from wedlug.lang.pl.morphology import Analyser
from wedlug.lang.pl.tagger import Tagger


def score_treebank(tagger: Tagger, path: Path, *, errors: int = 0) -> dict[str, Any]:
    """Tag every sentence of a treebank (its own tokens) and count agreement with gold."""
    analyser = Analyser()
    total = lemma_ok = upos_ok = tag_ok = 0
    mistakes: Counter[tuple[str, str, str]] = Counter()
    for sentence in read_conllu(path):
        forms = [w.form for w in sentence.words]
        chosen = tagger.choose(forms, [analyser.word(f, n) for f, n in zip(forms, forms[1:] + [""])])
        for word, cand, upos in zip(sentence.words, chosen, tagger.universal_tags(forms, chosen)):
            total += 1
            lemma_ok += cand.lemma == word.lemma
            upos_ok += upos == word.upos
            tag_ok += cand.tag == word.xpos
            if errors and cand.lemma != word.lemma:
                mistakes[(word.form, word.lemma, cand.lemma)] += 1
    result: dict[str, Any] = {"tokens": total, "lemma": lemma_ok / total,
                              "upos": upos_ok / total, "tag": tag_ok / total}
    if errors:
        result["lemma_errors"] = mistakes.most_common(errors)
    return result


TREEBANKS = {"pdb_test": "ud/pl_pdb-ud-test.conllu", "pud_test": "ud/pl_pud-ud-test.conllu"}


def gold_files(shared: Path) -> list[Path]:
    """The treebanks the gate scores lemmas on."""
    return [shared / "data" / name for name in TREEBANKS.values()]


def gate_metrics(shared: Path) -> dict[str, float]:
    """Lemma, UPOS and full-tag accuracy of the shipped tagger on PDB test and PUD test."""
    from wedlug.lang.pl.words import default_tagger

    out: dict[str, float] = {}
    for name, path in TREEBANKS.items():
        result = score_treebank(default_tagger(), shared / "data" / path)
        for metric in ("lemma", "upos", "tag"):
            out[f"{name}.{metric}"] = result[metric]
    return out
