"""Score the entities step: base forms on KPWr, mentions and identity on SlavicNER news.

KPWr (`names/kpwr-1.2-ne-test-fix.tsv`): each row is a name with the lemmas and tags its
corpus gives its words in context, and its gold base form; we feed those readings to
`base_form` (as the tagger's choice would be in an article) and count exact matches.
The files space tokens inconsistently (`im .` for `im.`, `Lejb - Gwardyjski` for
`Lejb-Gwardyjski`), so spaces before `.,)”:;!?`, after `(„` and around `-`/`–` are dropped
on both sides before comparing; nothing else is normalised.

SlavicNER (`news/slavicner`): gold mentions `start end surface lemma TYPE id` on the raw
text (offsets checked against it: all 28,548 agree). Scored:
- mention P/R/F1: exact span match, types ignored (SlavicNER's PER/ORG/LOC/PRO/EVT and
  ours do not map one to one);
- base: share of matched mentions whose base equals the gold lemma;
- identity (pairwise) P/R/F1, over the mentions found with the exact gold span in all
  articles together: a pair of such mentions is positive in the gold when both carry the
  same cross-lingual id, positive in ours when both carry the same entity id (our ids are
  article-independent, so pairs across articles count). P = shared positive pairs / our
  positive pairs, R = shared / gold positive pairs. Pairs are counted by grouping: a group
  of n mentions with one id holds n(n-1)/2 pairs, and the shared pairs are those of the
  groups keyed by (gold id, our id).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from wedlug.lang.pl.entities.base import Word, base_form, readings

KPWR_TEST = Path("data/names/kpwr-1.2-ne-test-fix.tsv")
SLAVICNER = Path("data/news/slavicner")
HELD_OUT = ("asia_bibi", "ryanair")  # topics not looked at while writing the KB aliases


def _spacing(text: str) -> str:
    text = re.sub(r" ?([-–]) ?", r"\1", text.strip())  # `Lejb - Gwardyjski`: the file's spacing
    return re.sub(r"([(„]) ", r"\1", re.sub(r" ([.,)”:;!?])", r"\1", text))


def _names(text: str, lemma: str) -> tuple[str, ...]:
    for form in readings(text):
        if form.lemma == lemma:
            return form.names
    return ()


def kpwr_rows(path: Path) -> Iterable[tuple[str, str, list[Word], str]]:
    """(gold base, orth, words with the corpus's readings, category) per row."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 6:
                continue
            forms, lemmas, tags = cols[1].split(" "), cols[2].split(" "), cols[3].split(" ")
            if len(forms) != len(tags):
                forms = [cols[1]]
                lemmas, tags = [cols[1]], ["ign"]
            words = [Word(f, lemma, t, _names(f, lemma)) for f, lemma, t in zip(forms, lemmas, tags)]
            yield cols[0], cols[1], words, cols[5]


def kpwr_accuracy(path: Path) -> tuple[float, int]:
    """Exact base-form accuracy on one KPWr names file, and its size."""
    good = total = 0
    for gold, _, words, category in kpwr_rows(path):
        total += 1
        guess = base_form(words, adjective=category.startswith("nam_adj"))
        good += _spacing(guess) == _spacing(gold)
    return good / max(total, 1), total


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One SlavicNER gold mention."""

    start: int
    end: int
    lemma: str
    id: str


def slavicner_articles(shared: Path) -> list[tuple[str, Path, Path]]:
    """(topic, raw text, gold tsv) for every SlavicNER article with both files."""
    root = shared / SLAVICNER
    out = []
    for gold in sorted((root / "ner").glob("*/*.tsv")):
        raw = root / "raw" / gold.parent.name / (gold.stem + ".txt")
        if raw.exists():
            out.append((gold.parent.name, raw, gold))
    return out


def read_gold(path: Path) -> list[GoldMention]:
    """The gold mentions of one article."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 6:
            out.append(GoldMention(int(cols[0]), int(cols[1]), cols[3], cols[5]))
    return out


def pairs(groups: Counter[object]) -> int:
    """Pairs within groups: n(n-1)/2 each."""
    return sum(n * (n - 1) // 2 for n in groups.values())


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_slavicner(shared: Path, *, topics: tuple[str, ...] | None = None,
                    exclude: tuple[str, ...] = ()) -> dict[str, float]:
    """Mention, base-form and identity scores over the chosen SlavicNER topics."""
    from wedlug.article import Article
    from wedlug.lang.pl.entities import find_entities
    from wedlug.pipeline import default_steps

    steps = [s for s in default_steps() if s.name in ("paragraphs", "boilerplate", "sentences", "tokens")]
    found = gold_n = ours_n = good_base = 0
    gold_ids: Counter[object] = Counter()
    our_ids: Counter[object] = Counter()
    both: Counter[object] = Counter()
    for topic, raw, gold_path in slavicner_articles(shared):
        if (topics and topic not in topics) or topic in exclude:
            continue
        article = Article(text=raw.read_text(encoding="utf-8"))
        for step in steps:
            article = step.run(article)
        article = find_entities(article)
        ours = {(m["start"], m["end"]): (e["id"], m["base"]) for e in article.entities for m in e["mentions"]}
        gold = read_gold(gold_path)
        gold_n += len({(g.start, g.end) for g in gold})
        ours_n += len(ours)
        for g in {(g.start, g.end): g for g in gold}.values():
            hit = ours.get((g.start, g.end))
            if hit is None:
                continue
            found += 1
            good_base += hit[1] == g.lemma
            gold_ids[g.id] += 1
            our_ids[hit[0]] += 1
            both[(g.id, hit[0])] += 1
    precision, recall = found / max(ours_n, 1), found / max(gold_n, 1)
    shared_pairs = pairs(both)
    pair_p = shared_pairs / max(pairs(our_ids), 1)
    pair_r = shared_pairs / max(pairs(gold_ids), 1)
    return {"mention_precision": precision, "mention_recall": recall,
            "mention_f1": _f1(precision, recall), "base_accuracy": good_base / max(found, 1),
            "pairwise_precision": pair_p, "pairwise_recall": pair_r, "pairwise_f1": _f1(pair_p, pair_r)}


def gate_metrics(shared: Path) -> dict[str, float]:
    """The gate's figures: KPWr test base forms; SlavicNER on the held-out topics."""
    out: dict[str, float] = {}
    if (shared / KPWR_TEST).exists():
        out["kpwr_base_exact"] = kpwr_accuracy(shared / KPWR_TEST)[0]
    if (shared / SLAVICNER).exists():
        for name, value in score_slavicner(shared, topics=HELD_OUT).items():
            out[f"slavicner_heldout_{name}"] = value
    return out


def gold_files(shared: Path) -> list[Path]:
    """The gold files the gate reads."""
    files = [shared / KPWR_TEST] if (shared / KPWR_TEST).exists() else []
    return files + [g for topic, _, g in slavicner_articles(shared) if topic in HELD_OUT]
