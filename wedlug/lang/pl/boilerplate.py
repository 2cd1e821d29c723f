"""Mark the lines that portals paste into articles, without cutting them out."""

from __future__ import annotations

import re
from functools import cache

from wedlug.article import Article, Removal
from wedlug.lang.pl.lexicon import rows


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str, int], ...]:
    return tuple((re.compile(pattern, re.IGNORECASE), reason, int(follow))
                 for pattern, reason, follow in rows("boilerplate.tsv"))


def mark_boilerplate(article: Article) -> Article:
    """List teasers, see-also lines, ads, prompts and photo credits in `removed`."""
    paragraphs = article.paragraphs
    skip_until = -1
    for index, para in enumerate(paragraphs):
        if index <= skip_until:
            continue
        line = article.text[para.start:para.end]
        for pattern, reason, follow in _patterns():
            if pattern.fullmatch(line.strip(" \t*•|»>")):
                last = min(index + follow, len(paragraphs) - 1)
                article.removed.append(Removal(para.start, paragraphs[last].end, reason))
                skip_until = last
                break
    return article
