"""A readable rendering of a record for a person (`--format text`)."""

from __future__ import annotations

import textwrap
from collections import defaultdict
from typing import Any

WIDTH = 100


def _quote(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_text(record: dict[str, Any]) -> str:
    """Render one record: title, statements grouped by speaker, numbers, dates, what was removed."""
    lines = [f"== {record.get('source')} =="]
    if record.get("error"):
        lines.append(f"ERROR {record['error']['code']}: {record['error']['message']}")
        return "\n".join(lines) + "\n"
    for warning in record.get("warnings", []):
        lines.append(f"warning {warning['code']}: {warning['message']}")
    if record.get("title"):
        lines.append(f"Title: {record['title']}")
    statements = record.get("statements", [])
    lines.append(f"Statements: {len(statements)}")
    names = {e["id"]: e["name"] for e in record.get("entities", [])}
    by_speaker: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for st in statements:
        speaker = st.get("speaker")
        if not speaker:
            key = "(speaker not found)"
        else:
            # One group per entity, however the article inflects its name.
            key = names.get(speaker.get("entity") or "", speaker["text"])
        by_speaker[key].append(st)
    for group_name, group in by_speaker.items():
        lines.append(f"\n  {group_name}")
        for st in group:
            mark = "DENIES" if st.get("polarity") == "deny" else st.get("kind", "")
            source = st.get("source")
            via = f" (according to {source['text']})" if source else ""
            speaker = st.get("speaker")
            said_as = f" [{speaker['text']}]" if speaker and speaker["text"] != group_name else ""
            head = f"    [{mark}, {st.get('confidence', 0):.2f}]{said_as} {st['cue']['text']}{via}: "
            body = textwrap.fill(_quote(st["content"]["text"]), WIDTH, initial_indent=head,
                                 subsequent_indent=" " * 6)
            lines.append(body)
    for name in ("amounts", "times"):
        items = record.get(name, [])
        if items:
            lines.append(f"\n{name.capitalize()}: " + "; ".join(
                f"{i['text']} = {i.get('value')}" for i in items))
    removed = record.get("removed", [])
    if removed:
        lines.append("\nIgnored: " + "; ".join(
            f"{r['reason']} at {r['start']}-{r['end']}" for r in removed))
    return "\n".join(lines) + "\n"
