"""Train the named-entity mention CRF and write wedlug/lang/pl/data/ner.model.gz.

Training data: NKJP-1M named entities (CC BY 4.0; nested IOB from CLARIN-PL/PolDeepNer @
1cb82101c4df, GPL-3.0), the OUTER level only, types persName, orgName, placeName,
geogName (date and time become O). Every 10th document (index 9, 19, …) is held out and
scored; the shipped model is the one trained without it, so its held-out figures are honest.
The automatic base and tag columns are not used. Name lists (Polem @ b5fcdc769a2a,
LGPL-3.0) are packed into the artifact.

    python scripts/train_ner.py [--iterations 150] [--c1 0.05] [--c2 0.01] [--output PATH]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "wedlug" / "lang" / "pl" / "data" / "ner.model.gz"
NKJP = "ner/nkjp-nested-simplified-v2.iob.gz"

from wedlug.evaluation.ner import read_nkjp  # noqa: E402
from wedlug.lang.pl.entities.mentions import TYPES, Featurizer, Lexicon, Model, pack, spans  # noqa: E402

Sentence = tuple[list[str], list[str]]


def repair(labels: list[str]) -> list[str]:
    """Make a stray I- (after O or another type) a B-, so the CRF learns clean transitions."""
    out: list[str] = []
    for i, label in enumerate(labels):
        if label.startswith("I-") and (i == 0 or out[-1][2:] != label[2:]):
            label = "B-" + label[2:]
        out.append(label)
    return out


def build_lexicon() -> Lexicon:
    """First names (nelexicon2) and SGJP geographic word forms, lower-cased."""
    names = DATA / "names"
    first = set()
    for line in (names / "nelexicon2_nam_liv_person_first.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and parts[1][:1].isupper():
            first.add(parts[1].lower())
    places = set()
    for line in (names / "sgjp-20160310-geograficzne.tab").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0][:1].isupper() and " " not in parts[0]:
            places.add(parts[0].lower())
    return Lexicon(frozenset(first), frozenset(places))


def score(model: Model, sentences: list[Sentence]) -> dict[str, tuple[int, int, int]]:
    """Exact-span true/false positives and false negatives, per type and in total."""
    counts = {k: [0, 0, 0] for k in (*TYPES, "all")}
    for forms, labels in sentences:
        gold = set(spans(labels))
        found = set(model.predict_sentence(forms))
        for kind in (*TYPES, "all"):
            g = {s for s in gold if kind in ("all", s[2])}
            f = {s for s in found if kind in ("all", s[2])}
            counts[kind][0] += len(g & f)
            counts[kind][1] += len(f - g)
            counts[kind][2] += len(g - f)
    return {k: (v[0], v[1], v[2]) for k, v in counts.items()}


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def git_head() -> str:
    """The code commit the model was trained from."""
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str]) -> int:
    """Featurise NKJP, train the CRF on 9 documents in 10, score the 10th, write the artifact."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--minfreq", type=float, default=1.0)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N documents (trial runs)")
    parser.add_argument("--crfsuite", type=Path, help="keep the raw crfsuite model here too")
    parser.add_argument("--from-crfsuite", type=Path,
                        help="skip training: pack and score this crfsuite model (trained by this script)")
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args(argv)

    began = time.time()
    lexicon = build_lexicon()
    featurizer = Featurizer(lexicon)
    trainer = pycrfsuite.Trainer(verbose=False)
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
              "feature.minfreq": args.minfreq, "feature.possible_transitions": True}
    trainer.set_params(params)
    held: list[Sentence] = []
    docs = train_sentences = 0
    for index, doc in enumerate(read_nkjp(DATA / NKJP)):
        if args.limit and index >= args.limit:
            break
        docs += 1
        if index % 10 == 9:
            held += doc
        elif not args.from_crfsuite:
            for forms, labels in doc:
                trainer.append(featurizer.sentence(forms), repair(labels))
                train_sentences += 1
    featurised = time.time() - began
    print(f"{docs} documents, {train_sentences} training sentences, {len(held)} held out; "
          f"features in {featurised:.0f} s", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        crf_path = args.from_crfsuite or Path(tmp) / "ner.crfsuite"
        if not args.from_crfsuite:
            trainer.train(str(crf_path))
            print(f"trained: {trainer.logparser.last_iteration}", flush=True)
            if args.crfsuite:
                args.crfsuite.write_bytes(crf_path.read_bytes())
        tagger = pycrfsuite.Tagger()
        tagger.open(str(crf_path))
        info = tagger.info()
        trained = time.time() - began
        print(f"trained in {trained - featurised:.0f} s", flush=True)
        labels = tagger.labels()
        data = pack(labels, info.state_features, info.transitions, lexicon, {})
        model = Model.from_bytes(data)
        # The numpy scorer must reproduce crfsuite's tagger.
        agree = sum(tagger.tag(featurizer.sentence(forms)) == model.labels(forms)
                    for forms, _ in held[:1000])
        print(f"numpy scorer agrees with crfsuite on {agree} of {min(len(held), 1000)} sentences")

    counts = score(model, held)
    figures = {}
    for kind, (tp, fp, fn) in counts.items():
        p, r, f = f1(tp, fp, fn)
        figures[kind] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                         "gold": tp + fn}
        print(f"held-out {kind:10} P {p:.4f} R {r:.4f} F1 {f:.4f} (gold {tp + fn})")
    meta = {"data": f"{NKJP} (CLARIN-PL/PolDeepNer @ 1cb82101c4df), outer level, every 10th "
                    "document held out",
            "params": params, "code": git_head(), "heldout": figures,
            "seconds": ({"features": round(featurised), "training": round(trained - featurised)}
                        if not args.from_crfsuite else f"packed from {args.from_crfsuite.name}")}
    args.output.write_bytes(pack(labels, info.state_features, info.transitions, lexicon, meta))
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.1f} MB) in {time.time() - began:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
