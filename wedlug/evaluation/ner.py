"""Named-entity mention scores: PolEval 2018 task 2 gold through the full pipeline, NKJP held out.

PolEval gold (`ner/poleval2018-ner-gold.json.gz`, brat spans over each document's
`fileContent`; the most recent answer counts when a document has several) is compared
on the four top-level categories the detector predicts:

- `persName` as is; its parts (`persName_forename`, `_surname`, `_addName`) are skipped,
  they are nested inside a `persName` span that is already counted;
- `placeName_*` (country, settlement, region, district, bloc) and bare `placeName` become
  `placeName` (PolEval has no outer placeName span);
- `orgName`, `geogName` as is;
- `date`, `time` and the `derivType` attributes are skipped (not predicted).

Gold nested inside another gold span of these types (`Warszawa` in `Uniwersytet Warszawski`)
stays in the main figures (as in PolEval) though the detector finds only the outer level; the
`outer` figures drop it. Matching follows PolEval's script (poldeepner/core/poleval_ner_test.py):
a gold span is found when some prediction of its category matches it, exactly or by overlap
(`not (end1 < start2 or end2 < start1)`, offsets as brat gives them); false positives are
predictions minus found gold; fragmented gold spans are split in two.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from wedlug.evaluation.counts import MatchCounts

if TYPE_CHECKING:
    from wedlug.lang.pl.entities.mentions import Model

POLEVAL = "ner/poleval2018-ner-gold.json.gz"
NKJP = "ner/nkjp-nested-simplified-v2.iob.gz"
TOP = {"persName": "persName", "orgName": "orgName", "geogName": "geogName", "placeName": "placeName"}
# The gate scores every GATE_STEP-th PolEval document (457 of 1,828), so that it runs in
# well under a minute; scripts/eval_ner.py scores all of them.
GATE_STEP = 4


class GoldSpan(NamedTuple):
    """A gold entity span: character offsets into the document text and its category."""

    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One PolEval document: its text and its gold spans in our four categories."""

    name: str
    text: str
    spans: frozenset[GoldSpan]

    def outer(self) -> frozenset[GoldSpan]:
        """The gold spans not nested inside another gold span."""
        return frozenset(s for s in self.spans if not any(
            o != s and o.start <= s.start and s.end <= o.end for o in self.spans))


def category(name: str) -> str | None:
    """Map a PolEval category to ours, or None when it is skipped."""
    if name.startswith("placeName"):
        return "placeName"
    return TOP.get(name)


def parse_brat(brat: str) -> set[GoldSpan]:
    """Entity lines (`T1<TAB>cat start end[;start end]<TAB>text`) in our categories."""
    out: set[GoldSpan] = set()
    for line in brat.split("\n"):
        parts = line.split("\t")
        if len(parts) != 3 or not parts[0].startswith("T"):
            continue
        head, *fragments = parts[1].split(";")
        name, first = head.split(" ", 1)
        kind = category(name)
        if kind is None:
            continue
        for fragment in [first, *fragments]:
            start, end = fragment.split()
            out.add(GoldSpan(int(start), int(end), kind))
    return out


def load_poleval(path: Path) -> list[GoldDoc]:
    """Read the PolEval gold: one GoldDoc per question, the latest answer's spans."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        questions = json.load(handle)["questions"]
    docs = []
    for question in questions:
        answer = max(question["answers"], key=lambda a: a["created"])
        docs.append(GoldDoc(question["input"]["fname"].split("/", 4)[-1],
                            question["input"]["fileContent"],
                            frozenset(parse_brat(answer["data"]["brat"]))))
    return docs


@dataclass
class Counts(MatchCounts):
    """Micro counts for one matching rule."""

    def add(self, gold: Iterable[GoldSpan], found: Sequence[GoldSpan],
            match: Callable[[GoldSpan, GoldSpan], bool]) -> None:
        """Count one document the way PolEval's script does."""
        gold = list(gold)
        tp = sum(1 for g in gold if any(g.type == f.type and match(g, f) for f in found))
        self.true_pos += tp
        self.false_pos += len(found) - tp
        self.false_neg += len(gold) - tp


def exact(a: GoldSpan, b: GoldSpan) -> bool:
    """Same offsets."""
    return a.start == b.start and a.end == b.end


def overlap(a: GoldSpan, b: GoldSpan) -> bool:
    """PolEval's overlap test (it also counts spans that merely touch)."""
    return not (a.end < b.start or b.end < a.start)


@dataclass
class PolEvalScore:
    """Exact and overlap counts, over all gold and over outer gold, in total and per type."""

    exact: Counts = field(default_factory=Counts)
    overlap: Counts = field(default_factory=Counts)
    outer_exact: Counts = field(default_factory=Counts)
    outer_overlap: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=dict)
    documents: int = 0
    errors: list[str] = field(default_factory=list)


def predict(text: str, model: Model | None = None) -> list[GoldSpan]:
    """Run the full pipeline on a text and return the detector's mentions."""
    import wedlug
    from wedlug.lang.pl.entities.mentions import find_mentions

    article = wedlug.analyze(text)
    return [GoldSpan(m.start, m.end, m.type) for m in find_mentions(article, model)]


def score_poleval(docs: Sequence[GoldDoc], *, model: Model | None = None,
                  errors: int = 0) -> PolEvalScore:
    """Score the detector on PolEval documents; keep up to `errors` missed/extra examples."""
    result = PolEvalScore()
    for doc in docs:
        found = predict(doc.text, model)
        result.documents += 1
        result.exact.add(doc.spans, found, exact)
        result.overlap.add(doc.spans, found, overlap)
        outer = doc.outer()
        result.outer_exact.add(outer, found, exact)
        result.outer_overlap.add(outer, found, overlap)
        for kind in TOP:
            result.by_type.setdefault(kind, Counts()).add(
                [g for g in doc.spans if g.type == kind], [f for f in found if f.type == kind], exact)
        if len(result.errors) < errors:
            for g in sorted(outer - set(found)):
                result.errors.append(f"miss  {g.type:9} {doc.text[g.start:g.end]!r}")
            for f in sorted(set(found) - doc.spans):
                result.errors.append(f"extra {f.type:9} {doc.text[f.start:f.end]!r}")
    return result


def nkjp_heldout(path: Path, model: Model | None = None) -> Counts:
    """Exact-span counts of the shipped model on NKJP's held-out documents (every 10th)."""
    from wedlug.lang.pl.entities.mentions import default_model, spans

    model = model or default_model()
    counts = Counts()
    for index, doc in enumerate(read_nkjp(path)):
        if index % 10 != 9:
            continue
        for forms, labels in doc:
            gold = [GoldSpan(*s) for s in spans(labels)]
            counts.add(gold, [GoldSpan(*s) for s in model.predict_sentence(forms)], exact)
    return counts


def outer_label(labels: str) -> str:
    """The outer level's B/I label with its top type (`B-placeName-country` -> `B-placeName`)."""
    first = labels.split("#")[0]
    if first == "O":
        return "O"
    kind = first[2:].split("-")[0]
    return first[:2] + kind if kind in TOP else "O"


def read_nkjp(path: Path) -> Iterable[list[tuple[list[str], list[str]]]]:
    """Yield NKJP documents, each a list of (forms, outer B/I/O labels) sentences."""
    doc: list[tuple[list[str], list[str]]] = []
    forms: list[str] = []
    labels: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART") or not line:
                if forms:
                    doc.append((forms, labels))
                    forms, labels = [], []
                if line.startswith("-DOCSTART") and doc:
                    yield doc
                    doc = []
            else:
                cols = line.split("\t")
                forms.append(cols[0])
                labels.append(outer_label(cols[-1]))
    if forms:
        doc.append((forms, labels))
    if doc:
        yield doc


def gold_files(shared: Path) -> list[Path]:
    """The gold sets the gate scores mentions on."""
    return [shared / "data" / POLEVAL, shared / "data" / NKJP]


def gate_metrics(shared: Path) -> dict[str, float]:
    """PolEval exact/overlap F1 on every 4th document, and NKJP held-out exact F1."""
    docs = load_poleval(shared / "data" / POLEVAL)[::GATE_STEP]
    result = score_poleval(docs)
    return {"poleval_sub4.exact_f1": result.exact.f1,
            "poleval_sub4.overlap_f1": result.overlap.f1,
            "nkjp_heldout.exact_f1": nkjp_heldout(shared / "data" / NKJP).f1}
