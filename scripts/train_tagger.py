"""Train the reading chooser (averaged perceptron) and write wedlug/lang/pl/data/tagger.json.gz.

Training data (all shippable): UD Polish LFG dev+test (GPL-3.0), minus every sentence
that also occurs in PDB dev/test or PUD test, so no evaluation sentence is trained on;
optionally NKJP-1M's automatic readings (CC BY 4.0) with --nkjp N sentences. Name
endings for unknown words come from Polem's inflection lists (LGPL-3.0).

    python scripts/train_tagger.py [--epochs 6] [--nkjp 0] [--heldout 300]
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "wedlug" / "lang" / "pl" / "data" / "tagger.json.gz"

from wedlug.evaluation.conllu import TreebankSentence, Word, read_conllu  # noqa: E402
from wedlug.lang.pl.morphology import Analyser  # noqa: E402
from wedlug.lang.pl.tagger import Candidate, NameGuesser, Tagger, _ambiguity, _shapes  # noqa: E402

EVALUATION_FILES = ["ud/pl_pdb-ud-dev.conllu", "ud/pl_pdb-ud-test.conllu", "ud/pl_pud-ud-test.conllu"]


def training_sentences() -> list[TreebankSentence]:
    """LFG dev+test without the sentences that evaluation files share."""
    held = {s.text for name in EVALUATION_FILES for s in read_conllu(DATA / name)}
    out = []
    for name in ("ud/pl_lfg-ud-dev.conllu", "ud/pl_lfg-ud-test.conllu"):
        out += [s for s in read_conllu(DATA / name) if s.text not in held]
    return out


def nkjp_sentences(limit: int) -> list[TreebankSentence]:
    """The first `limit` sentences of NKJP-1M with their automatic lemmas and tags."""
    out: list[TreebankSentence] = []
    words: list[Word] = []
    with gzip.open(DATA / "ner" / "nkjp-nested-simplified-v2.iob.gz", "rt", encoding="utf-8") as src:
        for line in src:
            line = line.rstrip("\n")
            if not line or line.startswith("-DOCSTART"):
                if words:
                    out.append(TreebankSentence(" ".join(w.form for w in words), words))
                    words = []
                    if len(out) >= limit:
                        break
                continue
            form, base, tag, _ = line.split("\t", 3)
            words.append(Word(form, base, "", tag.rstrip(":")))
    return out


def _squash(text: str) -> str:
    return "".join(text.split())


def lemma_prior(iterations: int = 3) -> dict[str, int]:
    """Corpus frequency of each lemma, as a log2 bucket, estimated without any annotation.

    Only the word forms (orth column) of NKJP-1M (CC BY 4.0) are read, never its automatic
    lemmas or tags: every form's count is shared among the lemmas Morfeusz offers for it,
    in proportion to the lemmas' current estimates (a few rounds of EM), so `mają` goes to
    `mieć` rather than the rare `maić`, `ringu` to `ring` rather than `ringo`. Sentences
    that also occur in the evaluation treebanks are skipped.
    """
    held = {_squash(s.text) for name in EVALUATION_FILES for s in read_conllu(DATA / name)}
    counts: Counter[str] = Counter()
    sentence: list[str] = []
    with gzip.open(DATA / "ner" / "nkjp-nested-simplified-v2.iob.gz", "rt", encoding="utf-8") as src:
        for line in src:
            if not line.strip() or line.startswith("-DOCSTART"):
                if sentence and _squash("".join(sentence)) not in held:
                    counts.update(sentence)
                sentence = []
                continue
            sentence.append(line.split("\t", 1)[0])
    if sentence and _squash("".join(sentence)) not in held:
        counts.update(sentence)
    analyser = Analyser()
    options: list[tuple[int, list[str]]] = []
    for form, count in counts.items():
        lemmas = sorted({r.lemma for r in analyser.word(form) if r.tag != "ign"})
        if lemmas:
            options.append((count, lemmas))
    estimate: dict[str, float] = defaultdict(lambda: 1.0)
    for _ in range(iterations):
        fresh: dict[str, float] = defaultdict(float)
        for count, lemmas in options:
            total = sum(estimate[lemma] for lemma in lemmas)
            for lemma in lemmas:
                fresh[lemma] += count * estimate[lemma] / total
        estimate = defaultdict(lambda: 0.01, fresh)
    return {lemma: int(math.log2(1 + value)) for lemma, value in estimate.items() if value >= 1}


def name_guesser() -> NameGuesser:
    """Endings of inflected surnames and place names -> the ending of their base form."""
    rules: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
    for name in ("inflection_nam_liv_person_last.txt", "inflection_nam_loc.txt"):
        for line in (DATA / "names" / name).read_text(encoding="utf-8").splitlines():
            parts = line.split(" ")
            if len(parts) != 5 or "-" in parts[1] or not parts[1].islower():
                continue
            tag, ending, base, count, prob = parts[0], parts[1], parts[2], int(parts[3]), float(parts[4])
            if count >= 3 and prob >= 0.05 and ending:
                rules[ending].append((tag, base, round(prob, 2)))
    for ending in rules:
        rules[ending].sort(key=lambda r: -r[2])
        del rules[ending][4:]
    return NameGuesser(dict(rules), max(map(len, rules)))


def gold_index(cands: list[Candidate], word: Word) -> int | None:
    """Index of the candidate that matches the gold lemma and tag (or the tag alone)."""
    for i, c in enumerate(cands):
        if c.tag == word.xpos and c.lemma == word.lemma:
            return i
    for i, c in enumerate(cands):
        if c.lemma == word.lemma and c.pos == word.xpos.split(":")[0]:
            return i
    return None


def train(sentences: list[TreebankSentence], tagger: Tagger, epochs: int, seed: int) -> None:
    """Averaged perceptron training, greedy decoding with the model's own previous choices."""
    analyser = Analyser()
    prepared = []
    for s in sentences:
        forms = [w.form for w in s.words]
        nexts = forms[1:] + [""]
        readings = tagger.foreign_name_runs(forms, [analyser.word(f, n) for f, n in zip(forms, nexts)])
        cands = [tagger.candidates(f, r) for f, r in zip(forms, readings)]
        prepared.append((forms, cands, [gold_index(c, w) for c, w in zip(cands, s.words)]))
    weights: dict[str, float] = defaultdict(float)
    totals: dict[str, float] = defaultdict(float)
    stamps: dict[str, int] = defaultdict(int)
    step = 0
    rng = random.Random(seed)

    def update(features: list[str], delta: float) -> None:
        for f in features:
            totals[f] += (step - stamps[f]) * weights[f]
            stamps[f] = step
            weights[f] += delta

    for epoch in range(epochs):
        rng.shuffle(prepared)
        wrong = seen = 0
        for forms, cands, golds in prepared:
            chosen: list[Candidate] = []
            for i, options in enumerate(cands):
                gold = golds[i]
                prev = chosen[i - 1] if i else None
                prev2 = chosen[i - 2] if i > 1 else None
                prev_form = forms[i - 1] if i else "<s>"
                next_form = forms[i + 1] if i + 1 < len(forms) else "</s>"
                next_pos = _ambiguity(cands[i + 1]) if i + 1 < len(forms) else "</s>"
                next_shapes = _shapes(cands[i + 1]) if i + 1 < len(forms) else frozenset()

                def feats(c: Candidate) -> list[str]:
                    return tagger.static_features(forms[i], c) + tagger.context_features(
                        prev, prev2, prev_form, next_form, next_pos, c, forms[i], next_shapes)

                if len(options) == 1 or gold is None:
                    chosen.append(options[gold or 0])
                    continue
                scored = [(sum(weights.get(f, 0.0) for f in feats(c)), k) for k, c in enumerate(options)]
                best = max(scored)[1]
                step += 1
                seen += 1
                if best != gold:
                    wrong += 1
                    update(feats(options[gold]), 1.0)
                    update(feats(options[best]), -1.0)
                chosen.append(options[gold])
        print(f"epoch {epoch + 1}: {wrong}/{seen} ambiguous tokens wrong", file=sys.stderr)
    for f in list(weights):
        totals[f] += (step - stamps[f]) * weights[f]
        avg = totals[f] / max(step, 1)
        if abs(avg) >= 1e-3:
            tagger.weights[f] = round(avg, 4)


def upos_table(sentences: list[TreebankSentence], tagger: Tagger) -> dict[str, str]:
    """Most frequent UD part of speech per chosen reading's class and (class, lemma)."""
    analyser = Analyser()
    by_pos: dict[str, Counter[str]] = defaultdict(Counter)
    by_lemma: dict[str, Counter[str]] = defaultdict(Counter)
    for s in sentences:
        forms = [w.form for w in s.words]
        chosen = tagger.choose(forms, [analyser.word(f, n) for f, n in zip(forms, forms[1:] + [""])])
        for w, cand in zip(s.words, chosen):
            pos = cand.pos
            if w.upos == "PROPN":
                by_lemma["PROPN|" + w.lemma.lower()][w.upos] += 1
            by_pos[pos][w.upos] += 1
            by_lemma[pos + "|" + w.lemma.lower()][w.upos] += 1
    table = {pos: c.most_common(1)[0][0] for pos, c in by_pos.items()}
    table["dig"] = "NUM"
    table["ign"] = "X"
    for key, counts in by_lemma.items():
        best = counts.most_common(1)[0][0]
        pos = key.split("|")[0]
        if best != table.get(pos) and counts[best] >= 2:
            table[key] = best
    return table


def train_upos(sentences: list[TreebankSentence], tagger: Tagger, epochs: int = 5) -> None:
    """Context model for readings whose UD part of speech varies with use in LFG.

    Runs the trained chooser over the training sentences, keeps for each (class, lemma)
    key the UD parts of speech seen at least twice, and trains an averaged perceptron
    among them for keys with more than one.
    """
    analyser = Analyser()
    runs = []
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for s in sentences:
        forms = [w.form for w in s.words]
        chosen = tagger.choose(forms, [analyser.word(f, n) for f, n in zip(forms, forms[1:] + [""])])
        keys = [tagger.upos_key(c, f) for c, f in zip(chosen, forms)]
        for k, w in zip(keys, s.words):
            seen[k][w.upos] += 1
        runs.append((forms, chosen, keys, [w.upos for w in s.words]))
    tagger.upos_options = {k: [u for u, n in c.most_common() if n >= 2 and n >= 0.05 * sum(c.values())]
                           for k, c in seen.items()}
    tagger.upos_options = {k: v for k, v in tagger.upos_options.items() if len(v) > 1}
    weights: dict[str, float] = defaultdict(float)
    totals: dict[str, float] = defaultdict(float)
    stamps: dict[str, int] = defaultdict(int)
    step = 0
    rng = random.Random(7)
    for _ in range(epochs):
        rng.shuffle(runs)
        for forms, chosen, keys, golds in runs:
            n = len(forms)
            for i, key in enumerate(keys):
                options = tagger.upos_options.get(key)
                if not options or golds[i] not in options:
                    continue
                feats = tagger.upos_features(key, chosen[i], chosen[i - 1] if i else None,
                                             chosen[i + 1] if i + 1 < n else None,
                                             forms[i - 1] if i else "<s>",
                                             forms[i + 1] if i + 1 < n else "</s>")
                best = max(options, key=lambda u: sum(weights.get(f + "|" + u, 0.0) for f in feats))
                step += 1
                if best != golds[i]:
                    for u, delta in ((golds[i], 1.0), (best, -1.0)):
                        for f in feats:
                            f = f + "|" + u
                            totals[f] += (step - stamps[f]) * weights[f]
                            stamps[f] = step
                            weights[f] += delta
    tagger.upos_weights = {}
    for f in list(weights):
        totals[f] += (step - stamps[f]) * weights[f]
        avg = totals[f] / max(step, 1)
        if abs(avg) >= 1e-3:
            tagger.upos_weights[f] = round(avg, 4)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--nkjp", type=int, default=0, help="NKJP-1M sentences to add (automatic tags)")
    parser.add_argument("--heldout", type=int, default=0, help="LFG sentences kept out to report on")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args()
    started = time.time()
    lfg = training_sentences()
    random.Random(args.seed).shuffle(lfg)
    heldout, lfg = lfg[: args.heldout], lfg[args.heldout:]
    sentences = lfg + nkjp_sentences(args.nkjp) if args.nkjp else lfg
    tagger = Tagger(guesser=name_guesser(), prior=lemma_prior())
    train(sentences, tagger, args.epochs, args.seed)
    tagger.upos = upos_table(lfg, tagger)
    train_upos(lfg, tagger)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip() or None
    meta = {"trained_on": {"lfg_sentences": len(lfg), "nkjp_sentences": args.nkjp},
            "epochs": args.epochs, "seed": args.seed, "code_commit": commit,
            "features": len(tagger.weights), "seconds": round(time.time() - started)}
    tagger.save(args.output, meta)
    print(json.dumps(meta), file=sys.stderr)
    if heldout:
        from wedlug.evaluation.lemmas import score_treebank
        tmp = Path("/tmp/heldout.conllu")
        tmp.write_text("".join(
            f"# text = {s.text}\n" + "".join(f"{i}\t{w.form}\t{w.lemma}\t{w.upos}\t{w.xpos}\n"
                                             for i, w in enumerate(s.words, 1)) + "\n"
            for s in heldout), encoding="utf-8")
        print("heldout LFG:", score_treebank(Tagger.load(args.output), tmp), file=sys.stderr)


if __name__ == "__main__":
    main()
