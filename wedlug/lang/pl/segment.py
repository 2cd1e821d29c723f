"""Split an article into its title, paragraphs and sentences, by character offsets."""

from __future__ import annotations

import re
from bisect import bisect_right

from wedlug.article import Article, Paragraph, Sentence, Span
from wedlug.lang.pl.lexicon import rows

# A title is a line, not a paragraph that happens to come first: past this it is text.
MAX_TITLE_CHARS = 300

_SENTENCE_END = re.compile(r"[.!?…]+[”\"»«’)\]]*")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _abbreviations() -> dict[str, str]:
    return {row[0]: row[1] for row in rows("abbreviations.txt")}


def find_paragraphs(article: Article) -> Article:
    """Fill `paragraphs` (the non-empty lines) and `title` (the first one, if short)."""
    for match in re.finditer(r"[^\n]+", article.text):
        start, end = match.span()
        while start < end and article.text[start].isspace():
            start += 1
        while end > start and article.text[end - 1].isspace():
            end -= 1
        if start < end:
            article.paragraphs.append(Paragraph(start, end))
    if article.paragraphs:
        first = article.paragraphs[0]
        if first.end - first.start <= MAX_TITLE_CHARS:
            article.title = Span(first.start, first.end, article.text[first.start:first.end])
    return article


class _QuoteDepth:
    """How deep in quotation each offset of a paragraph is, from its quotation marks only."""

    _MARKS = re.compile(r'[„“«‚”»’"]')

    def __init__(self, text: str) -> None:
        # A stack of open marks: news pages mix styles, and a straight `"` or `“` often
        # closes a `„` (`„szalony"`); `’` closes only `‚` (it is mostly an apostrophe).
        stack: list[str] = []
        self.positions: list[int] = []
        self.depths: list[int] = []
        for match in self._MARKS.finditer(text):
            ch = match.group()
            if ch in "„«‚":
                stack.append(ch)
            elif ch == "“":
                if stack and stack[-1] == "„":
                    stack.pop()
                else:
                    stack.append(ch)
            elif ch == "’":
                if stack and stack[-1] == "‚":
                    stack.pop()
            elif ch in "”»":
                if stack:
                    stack.pop()
            elif stack and stack[-1] in ('"', "„", "“"):
                stack.pop()
            else:
                stack.append(ch)
            self.positions.append(match.start())
            self.depths.append(len(stack))

    def at(self, offset: int) -> int:
        """Return the depth at an offset (after any mark standing there)."""
        index = bisect_right(self.positions, offset) - 1
        return self.depths[index] if index >= 0 else 0


def _is_boundary(text: str, stop_start: int, stop_end: int, abbreviations: dict[str, str]) -> bool:
    """Decide whether the punctuation at [stop_start, stop_end) ends a sentence."""
    rest = text[stop_end:]
    following = rest.lstrip()
    if not following:
        return True
    if len(following) == len(rest):  # no space after: `1.6`, `m.in.`, `www.wp.pl`
        return False
    first = following[0]
    if text[stop_start] == "." and stop_end - stop_start == 1:
        before = _WORD_BEFORE.search(text, max(0, stop_start - 40), stop_start)
        if before:
            word = before.group(1)
            kind = abbreviations.get(word) or abbreviations.get(word.lower())
            if kind == "never":
                return False
            if kind == "may" and not first.isupper():
                return False
            if len(word) == 1 and word.isupper():  # an initial: `J. Kowalski`
                return False
            if word.isdigit() and not first.isupper():  # `24. rocznica`, lists
                return False
    return first.isupper() or first.isdigit() or first in "-–—„\"«»‚(“[*•"


def find_sentences(article: Article) -> Article:
    """Fill `sentences`: split each paragraph at sentence ends outside quotations."""
    abbreviations = _abbreviations()
    text = article.text
    for index, para in enumerate(article.paragraphs):
        if article.is_removed(para.start, para.end):
            continue
        chunk = text[para.start:para.end]
        depth = _QuoteDepth(chunk)
        start = 0
        for match in _SENTENCE_END.finditer(chunk):
            s, e = match.span()
            # Inside a quotation a full stop does not end the sentence, unless the
            # quotation closes right there (`… – powiedział. „Dalej …”`).
            if depth.at(s) > 0 and depth.at(e - 1) > 0:
                continue
            if not _is_boundary(chunk, s, e, abbreviations):
                continue
            article.sentences.append(Sentence(para.start + start, para.start + e, index))
            rest = chunk[e:]
            start = e + len(rest) - len(rest.lstrip())
        if start < len(chunk):
            article.sentences.append(Sentence(para.start + start, para.end, index))
    return article
