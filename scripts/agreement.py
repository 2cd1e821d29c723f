"""Inter-annotator agreement on the test splits: the committed gold (A) against a second,
independent annotation of the same articles (B, `gold/agreement/*-test-b.jsonl`).

    python scripts/agreement.py

Each annotation is scored against the other with the project's own scorers (B's required
items play the predictions), so the figures read like the system's: a ceiling for what
a system can be expected to reach on these articles under these conventions. Both
annotators followed ANNOTATION.md / AMOUNTS.md and the earlier dev gold; neither saw
wedlug's output or the other's lines.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

import wedlug  # noqa: E402
from wedlug.evaluation.amounts import Tally, load_gold, score_article  # noqa: E402
from wedlug.evaluation.statements import GoldArticle, match_article, read_gold, summarise  # noqa: E402

AGREEMENT = ROOT / "gold" / "agreement"


def _read_statements_b() -> dict[str, GoldArticle]:
    """Read the second statements annotation through the gold reader (one file only)."""
    import tempfile

    lines = (AGREEMENT / "statements-test-b.jsonl").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "b.jsonl").write_text(lines, encoding="utf-8")
        return read_gold(Path(tmp))


def _statement_records(gold: GoldArticle) -> list[dict[str, Any]]:
    """Turn an annotation's required statements into prediction records."""
    return [{"content": {"start": s.content[0], "end": s.content[1]},
             "speaker": {"start": s.speaker[0], "end": s.speaker[1]} if s.speaker else None,
             "polarity": s.polarity, "kind": s.kind}
            for s in gold.statements if not s.optional]


def statements() -> None:
    """Print content F1, speaker and strict F1 of B against A and of A against B."""
    a = read_gold(ROOT / "gold" / "statements")
    b = _read_statements_b()
    test = json.loads((ROOT / "gold" / "statements" / "splits.json").read_text(encoding="utf-8"))["test"]
    for name, ref, hyp in (("B against A", a, b), ("A against B", b, a)):
        scores = []
        for doc in test:
            article = wedlug.analyze((SHARED / doc).read_bytes().decode("utf-8-sig"))
            scores.append(match_article(article, ref[doc], _statement_records(hyp[doc])))
        f = summarise(scores)
        print(f"statements {name}: content F1 {f['f1']:.3f}, speaker {f['speaker']:.3f}, "
              f"strict F1 {f['strict_f1']:.3f} ({f['gold']} required in the reference)")


def _amount_records(record: dict[str, Any], text: str) -> SimpleNamespace:
    """Turn an annotation's required amounts and times into prediction records."""
    amounts = [{"start": s, "end": e, "text": text[s:e], "value": x.get("value"), "low": x.get("low"),
                "high": x.get("high"), "object": {"base": x["object_base"]} if x.get("object_base") else None}
               for x in record.get("amounts", []) if not x.get("optional") for s, e in [x["span"]]]
    times = [{"start": s, "end": e, "text": text[s:e], "value": x.get("value")}
             for x in record.get("times", []) if not x.get("optional") for s, e in [x["span"]]]
    return SimpleNamespace(amounts=amounts, times=times)


def amounts() -> None:
    """Print amount F1, object accuracy, time F1 and normalisation of B against A and back."""
    a = load_gold(ROOT / "gold" / "amounts")
    b = {json.loads(line)["doc"]: json.loads(line)
         for line in (AGREEMENT / "amounts-test-b.jsonl").read_text(encoding="utf-8").splitlines() if line}
    test = json.loads((ROOT / "gold" / "amounts" / "splits.json").read_text(encoding="utf-8"))["test"]
    for name, ref, hyp in (("B against A", a, b), ("A against B", b, a)):
        t = {"amounts": Tally(), "objects": Tally(), "times": Tally()}
        for doc in test:
            text = (SHARED / doc).read_bytes().decode("utf-8-sig")
            score_article(text, _amount_records(hyp[doc], text), ref[doc],  # type: ignore[arg-type]
                          t["amounts"], t["times"], t["objects"])
        am, ob, ti = t["amounts"], t["objects"], t["times"]
        print(f"amounts {name}: amount F1 {am.f1:.3f}, object {ob.accuracy:.3f} ({ob.checked}), "
              f"time F1 {ti.f1:.3f}, normalisation {ti.accuracy:.3f} ({ti.checked})")


if __name__ == "__main__":
    if not SHARED.exists():
        sys.exit(f"no {SHARED}: the annotated articles live there")
    statements()
    amounts()
