"""Turn amount and time annotations written as text into offset-only gold lines.

    python scripts/gold_offsets_amounts.py ANNOTATIONS.jsonl > gold/amounts/FILE.jsonl

Each input line: {"doc": "data/news/...txt" or "examples/seed-kcna.txt",
 "published": "YYYY-MM-DD" | null,
 "amounts": [{"text": "około 1,6 mln", "occurrence": 1, "value": 1600000.0, "low": null,
   "high": null, "approx": true, "unit": null | "percent" | "PLN" | "km" ...,
   "object": "pocisków artyleryjskich" | null, "object_base": "pocisk artyleryjski" | null,
   "relative": null | {"factor": 3} | {"delta": -0.5}, "optional": false}],
 "times": [{"text": "od sierpnia ubiegłego roku do stycznia 2024 roku", "occurrence": 1,
   "value": "2023-08/2024-01" | null, "optional": false}]}
`occurrence` (1-based, default 1) picks among repeats of `text`; `object` is found at the
occurrence nearest after the amount. Output keeps offsets, values and base forms only.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_offsets import convert_files  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _find(text: str, needle: str, occurrence: int = 1, after: int = 0) -> list[int]:
    at = text.find(needle, after)
    for _ in range(occurrence - 1):
        if at == -1:
            break
        at = text.find(needle, at + 1)
    if at == -1:
        raise ValueError(f"not in article: {needle!r} (occurrence {occurrence})")
    return [at, at + len(needle)]


def convert(line: dict) -> dict:
    """Return the offset-only gold record for one annotated article."""
    raw = (SHARED / line["doc"]).read_bytes()
    text = raw.decode("utf-8-sig")
    amounts = []
    for a in line.get("amounts", []):
        span = _find(text, a["text"], a.get("occurrence", 1))
        obj = _find(text, a["object"], 1, span[0]) if a.get("object") else None
        amounts.append({"span": span, "value": a.get("value"), "low": a.get("low"),
                        "high": a.get("high"), "approx": bool(a.get("approx")),
                        "unit": a.get("unit"), "object": obj, "object_base": a.get("object_base"),
                        "relative": a.get("relative"), "optional": bool(a.get("optional"))})
    times = [{"span": _find(text, t["text"], t.get("occurrence", 1)), "value": t.get("value"),
              "optional": bool(t.get("optional"))} for t in line.get("times", [])]
    return {"doc": line["doc"], "sha256": hashlib.sha256(raw).hexdigest(),
            "published": line.get("published"), "amounts": amounts, "times": times}


def main(argv: list[str]) -> int:
    """Convert every line of the given files and print the gold lines."""
    return convert_files(argv, convert)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
