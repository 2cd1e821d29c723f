"""Rows for a person (an aligned table) or for a script (JSON, CSV)."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Sequence
from typing import IO, Any

from wedlug.store.base import Row

FORMATS = ("table", "json", "csv")


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[:width - 1] + "…"


def table(rows: Sequence[Row], columns: Sequence[str], *, width: int | None = None) -> str:
    """Return rows as an aligned table; the last column takes what the terminal width leaves."""
    if not rows:
        return "(nothing found)"
    total = width or shutil.get_terminal_size((120, 20)).columns
    widths = [min(max(len(c), *(len(_cell(r.get(c), 10_000)) for r in rows)), 40) for c in columns]
    widths[-1] = max(20, total - sum(widths[:-1]) - 2 * (len(columns) - 1))
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for row in rows:
        lines.append("  ".join(_cell(row.get(c), w).ljust(w) for c, w in zip(columns, widths)).rstrip())
    return "\n".join(lines)


def write_rows(rows: Sequence[Row], fmt: str, out: IO[str], columns: Sequence[str]) -> None:
    """Write rows as a table (the given columns), JSON (every field) or CSV (every field)."""
    if fmt == "json":
        out.write(json.dumps(list(rows), ensure_ascii=False, indent=1) + "\n")
    elif fmt == "csv":
        fields = list(dict.fromkeys(k for r in rows for k in r)) or list(columns)
        writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                             for k, v in row.items()})
    else:
        out.write(table(rows, columns) + "\n")


def search_table(rows: Sequence[Row]) -> str:
    """Return search results for a person: one block per article, matching statements under it."""
    if not rows:
        return "(nothing found)"
    blocks = []
    for row in rows:
        head = f"{row.get('published') or '----------'}  {row.get('title') or '(no title)'}"
        if row.get("copies"):
            head += f"  [+{row['copies']} near-duplicate copies]"
        lines = [head, f"    {row.get('url') or row.get('source')}", f"    {row.get('snippet')}"]
        for st in row.get("statements", []):
            mark = " (denies)" if st.get("polarity") == "deny" else ""
            lines.append(f"    > {st.get('speaker') or '?'}{mark}: {st.get('content')}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def stats_text(summary: dict[str, Any]) -> str:
    """Return `stats` for a person."""
    lines = [f"articles: {summary['articles']} (+{summary['near_duplicates']} near-duplicate copies, "
             "counted once)",
             "sources: " + ", ".join(f"{n} {status}" for status, n in summary["sources"].items()),
             f"statements: {summary['statements']} ({summary['denials']} denials): " +
             ", ".join(f"{n} {kind}" for kind, n in summary["statement_kinds"].items()),
             f"amounts: {summary['amounts']}"]
    for title, key, label in (("top speakers", "top_speakers", "speaker"),
                              ("top entities", "top_entities", "entity"), ("sites", "sites", "site")):
        if summary[key]:
            lines.append(f"\n{title}:")
            lines += [f"  {r[label]}  {r.get('statements', r.get('articles'))}" for r in summary[key]]
    if summary["failed_sources"]:
        lines.append("\nfailed sources (tried again on the next ingest):")
        lines += [f"  {r['key']}: [{r['error_code']}] {r['error_message']}"
                  for r in summary["failed_sources"]]
    return "\n".join(lines)
