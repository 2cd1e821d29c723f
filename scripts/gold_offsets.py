"""Turn statement annotations written as text into offset-only gold lines.

Annotators write what they read (content, speaker and cue as strings); this script
finds each string in the article and stores only offsets, the article's path
(relative to ../shared) and its sha256, so no article text enters the project.

    python scripts/gold_offsets.py ANNOTATIONS.jsonl >> gold/statements/FILE.jsonl

Each input line: {"doc": "data/news/...txt", "statements": [{"content": "...",
"content_occurrence": 1, "speaker": "..." | null, "speaker_id": "...", "resolved": bool,
"cue": "..." | null, "kind": "...", "polarity": "...", "source": "..." | null,
"optional": bool}]}.  `content_occurrence` (1-based, default 1) picks among repeats;
speaker, cue and source are taken at the occurrence nearest to the content.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _occurrences(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _nearest(text: str, needle: str | None, anchor: tuple[int, int]) -> list[int] | None:
    if not needle:
        return None
    starts = _occurrences(text, needle)
    if not starts:
        raise ValueError(f"not in article: {needle!r}")

    def distance(start: int) -> int:
        end = start + len(needle)
        if end <= anchor[0]:
            return anchor[0] - end
        if start >= anchor[1]:
            return start - anchor[1]
        return 0

    best = min(starts, key=lambda s: (distance(s), s < anchor[0]))
    return [best, best + len(needle)]


def convert(line: dict) -> dict:
    """Return the offset-only gold record for one annotated article."""
    path = SHARED / line["doc"]
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    out = []
    for st in line["statements"]:
        starts = _occurrences(text, st["content"])
        if not starts:
            raise ValueError(f"{line['doc']}: content not found: {st['content']!r}")
        begin = starts[st.get("content_occurrence", 1) - 1]
        content = (begin, begin + len(st["content"]))
        out.append({
            "content": list(content),
            "speaker": _nearest(text, st.get("speaker"), content),
            "speaker_id": st.get("speaker_id"),
            "resolved": bool(st.get("resolved", False)),
            "cue": _nearest(text, st.get("cue"), content),
            "kind": st["kind"],
            "polarity": st["polarity"],
            "source": _nearest(text, st.get("source"), content),
            "optional": bool(st.get("optional", False)),
        })
    return {"doc": line["doc"], "sha256": hashlib.sha256(raw).hexdigest(), "statements": out}


def convert_files(argv: list[str], convert: Callable[[dict], dict]) -> int:
    """Convert every line of the given files, print the gold lines, report the failures."""
    failed = 0
    for name in argv:
        for number, row in enumerate(Path(name).read_text(encoding="utf-8").splitlines(), 1):
            if not row.strip():
                continue
            try:
                print(json.dumps(convert(json.loads(row)), ensure_ascii=False))
            except (ValueError, KeyError, OSError) as err:
                failed += 1
                print(f"{name}:{number}: {err}", file=sys.stderr)
    return 1 if failed else 0


def main(argv: list[str]) -> int:
    """Convert every line of the given files and print the gold lines."""
    return convert_files(argv, convert)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
