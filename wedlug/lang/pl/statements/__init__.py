"""The statements step: who says what, according to whom (shared/ANNOTATION.md)."""

from __future__ import annotations

from wedlug.article import Article
from wedlug.lang.pl.statements.attribution import attach_speakers
from wedlug.lang.pl.statements.confidence import confidence
from wedlug.lang.pl.statements.document import Document
from wedlug.lang.pl.statements.model import Statement
from wedlug.lang.pl.statements.quotes import (
    colon_statements,
    continued_statements,
    find_quotations,
    headline_statements,
    quoted_statements,
)
from wedlug.lang.pl.statements.reports import report_statements, source_statements

__all__ = ["find_statements", "predict_statements"]

# When two statements claim the same content, the rule listed first keeps it.
PRIORITY = ("quote_cue_after", "quote_colon", "clause", "quoted_object", "headline_cue", "headline",
            "jak_opening", "jak_inside", "after_content", "denial_object", "source_given",
            "source_pronoun", "dash_continued", "anaphoric", "unmarked_colon")


def _overlapping(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Tell whether two spans overlap by at least half of the shorter one."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and 2 * shared >= min(a[1] - a[0], b[1] - b[0])


def _nest(found: list[Statement]) -> list[Statement]:
    """Fold `Według X, Y powiedział, że …` into Y's statement with X as its source."""
    outer = [s for s in found if s.kind == "according_to" or s.pattern.startswith("source")]
    dropped: set[int] = set()
    for shell in outer:
        for inner in found:
            if inner is shell or inner.pattern.startswith(("source", "jak")):
                continue
            if shell.content[0] <= inner.content[0] and inner.content[1] <= shell.content[1] + 1 \
                    and _overlapping(shell.content, inner.content):
                inner.source = shell.speaker
                dropped.add(id(shell))
    return [s for s in found if id(s) not in dropped]


def _same_report(a: Statement, b: Statement) -> bool:
    """Tell whether two statements are one report found twice: the same cue, or contents
    sharing at least half of the longer one."""
    if a.cue == b.cue:
        return True
    shared = min(a.content[1], b.content[1]) - max(a.content[0], b.content[0])
    return shared > 0 and 2 * shared >= max(a.content[1] - a.content[0], b.content[1] - b.content[0])


def _deduplicate(found: list[Statement]) -> list[Statement]:
    """Keep one statement per report: the one whose rule is most reliable."""
    ordered = sorted(found, key=lambda s: PRIORITY.index(s.pattern))
    kept: list[Statement] = []
    for statement in ordered:
        if not any(_same_report(statement, k) for k in kept):
            kept.append(statement)
    return sorted(kept, key=lambda s: s.content[0])


def predict_statements(article: Article) -> list[Statement]:
    """Find the statements of an article (pure: the article is not changed)."""
    doc = Document.of(article)
    if not doc.tokens:
        return []
    quotations = find_quotations(doc)
    found = quoted_statements(doc, quotations) + headline_statements(doc, quotations)
    taken = {k for s in found for k in range(*s.cue)}
    found += report_statements(doc, quotations, taken)
    found += source_statements(doc, quotations)
    found += continued_statements(doc, quotations, found)
    found += colon_statements(doc, quotations, found)
    quoted = doc.tokens_inside(quotations)
    attach_speakers(doc, found, quoted)
    found = _deduplicate(_nest(found))
    for statement in found:
        first, last = statement.cue
        statement.cue_span = (doc.tokens[first].start, doc.tokens[last - 1].end)
        statement.confidence = confidence(statement)
    return found


def find_statements(article: Article) -> Article:
    """Fill `statements`: direct, indirect, mixed and according-to statements with speakers."""
    article.statements.extend(s.record(article) for s in predict_statements(article))
    return article
