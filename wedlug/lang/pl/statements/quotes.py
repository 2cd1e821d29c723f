"""Direct speech: quotation marks and dialogue dashes, with the cue before or after."""

from __future__ import annotations

from wedlug.lang.pl.statements.document import OPENING_QUOTES, QUOTE_PAIRS, Document, Quotation
from wedlug.lang.pl.statements.model import Statement


def is_title(doc: Document, quote: Quotation) -> bool:
    """Tell whether quoted words only name something (`"Tagesspiegel"`, `"Der Spiegel"`)."""
    inner = range(quote.open + 1, min(quote.close, len(doc.tokens)))
    words = [doc.tokens[k].text for k in inner if doc.tokens[k].text.isalpha()]
    return len(inner) <= 4 and all(word[:1].isupper() for word in words)

# How far back from a colon a reporting verb may stand (`powiedział w rozmowie z TVN24:`).
COLON_REACH = 10
# A headline speaker before a colon is short: `Lider UKIP:`, `Departament Stanu USA:`.
HEADLINE_SPEAKER_TOKENS = 9


def _paragraph_ranges(doc: Document) -> list[tuple[int, int]]:
    """Return the token ranges of the paragraphs, in order."""
    ranges: list[tuple[int, int]] = []
    last = None
    for i in range(len(doc.tokens)):
        paragraph = doc.paragraph(i)
        if paragraph != last:
            ranges.append((i, i + 1))
            last = paragraph
        else:
            ranges[-1] = (ranges[-1][0], i + 1)
    return ranges


def _closing(doc: Document, i: int, end: int) -> int:
    """Return the index of the mark closing the quotation opened at token i (or `end`)."""
    closers = QUOTE_PAIRS[doc.tokens[i].text]
    j = i + 1
    while j < end:
        text = doc.tokens[j].text
        if text in closers:
            return j
        if text in OPENING_QUOTES and text not in closers and text != doc.tokens[i].text:
            inner = _closing(doc, j, end)
            j = inner + 1
            continue
        j += 1
    return end


def _dash_passages(doc: Document, first: int, end: int) -> tuple[list[Quotation], int]:
    """Return the dialogue-dash passages of a paragraph that opens with a dash, and where
    the text after them starts."""
    found: list[Quotation] = []
    i = first
    while i < end and doc.is_dash(i):
        j = i + 1
        while j < end and not (doc.is_dash(j) and j + 1 < end and _cue_after(doc, j) is not None):
            if doc.is_dash(j) and doc.sentence(j)[0] == j:
                break                      # a new passage opens without a cue for this one
            j += 1
        last = j - 1 if j < end else end - 1
        if last > i:
            found.append(Quotation(i, j, doc.tokens[i + 1].start, doc.tokens[last].end, dashed=True))
        # After `– powiedział X.` the speaker may go on: `– Dalej …`
        i = doc.sentence(j)[1] if j < end else end
    return found, i


def _marked_passages(doc: Document, first: int, stop: int, end: int) -> list[Quotation]:
    """Return the passages between quotation marks opening in tokens [first, stop) and
    closing before `end` (the paragraph's end, where an unclosed one ends too)."""
    found: list[Quotation] = []
    i = first
    while i < stop:
        if doc.tokens[i].text in OPENING_QUOTES:
            close = _closing(doc, i, end)
            if close > i + 1:
                last = min(close, end) - 1
                found.append(Quotation(i, close, doc.tokens[i + 1].start, doc.tokens[last].end))
            i = close + 1
        else:
            i += 1
    return found


def find_quotations(doc: Document) -> list[Quotation]:
    """Return every top-level quotation and dialogue-dash passage, in text order.
    A dash passage opens a paragraph or a sentence (`… – zaznaczyła. – Dalej …`)."""
    found: list[Quotation] = []
    for first, end in _paragraph_ranges(doc):
        i = first
        while i < end:
            sentence_end = min(doc.sentence(i)[1], end)
            if doc.is_dash(i) and doc.sentence(i)[0] == i:
                dashed, i = _dash_passages(doc, i, end)
                found.extend(dashed)
                continue
            marked = _marked_passages(doc, i, sentence_end, end)
            found.extend(marked)
            i = max([sentence_end] + [min(q.close + 1, end) for q in marked])
    return found


def _cue_after(doc: Document, i: int) -> tuple[int, int] | None:
    """Return the cue's token range when token i (a mark or dash) is followed by one."""
    j = i + 1
    while j < len(doc.tokens) and j <= i + 2 and doc.tokens[j].text in {",", "-", "–", "—"}:
        j += 1
    if j >= len(doc.tokens) or doc.paragraph(j) != doc.paragraph(i):
        return None
    found = doc.cue_at(j)
    if found is not None:
        return (j, found[0])
    return None


def _cue_before_colon(doc: Document, colon: int) -> tuple[int, int] | None:
    """Return the cue's token range for a colon that introduces a quotation."""
    first, _ = doc.sentence(colon)
    for j in range(colon - 1, max(first, colon - COLON_REACH) - 1, -1):
        found = doc.cue_at(j)
        if found is not None:
            return (j, found[0])
    return None


def _headline_colon(doc: Document, colon: int) -> bool:
    """Tell whether a colon ends a headline speaker (`Merkel: …`), not a label
    (`Niemcy: …`, `Strajk Ryanaira: …`), and words that say something follow it."""
    first, end = doc.sentence(colon)
    words = range(first, colon)
    if not words or colon - first > HEADLINE_SPEAKER_TOKENS or not doc.tokens[first].text[:1].isupper():
        return False
    if any(doc.tokens[k].upos in {"VERB", "AUX", "ADP"} and doc.cue_at(k) is None for k in words):
        return False
    head = doc.tokens[first]
    if colon - first == 1 and "nazwa_geograficzna" in head.qualifiers:
        return False
    speaker = any(doc.lemmas[k] in doc.lexicon.speaker_nouns for k in words) or (
        head.upos == "PROPN" and not {"nazwa_geograficzna", "nazwa_pospolita"} & set(head.qualifiers))
    said = range(colon + 1, end)
    predicate = any(doc.is_finite(k) or doc.tokens[k].tag.startswith("pred") or doc.lowers[k] == "to"
                    for k in said) or (colon + 1 < end and doc.tokens[colon + 1].text in OPENING_QUOTES)
    return speaker and predicate


def quoted_statements(doc: Document, quotations: list[Quotation]) -> list[Statement]:
    """Return the direct statements: quotations whose cue stands next to them."""
    found: list[Statement] = []
    for quote in quotations:
        content = doc.trimmed(quote.start, quote.end)
        if content[0] >= content[1]:
            continue
        closed = quote.close < len(doc.tokens) and doc.paragraph(quote.close) == doc.paragraph(quote.open)
        after = _cue_after(doc, quote.close) if closed else None
        if after is not None and not is_title(doc, quote):
            found.append(Statement(after, content, "direct", "quote_cue_after", "right"))
            continue
        colon = quote.open - 1
        if colon >= 0 and doc.tokens[colon].text == ":":
            before = _cue_before_colon(doc, colon)
            if before is not None:
                found.append(Statement(before, content, "direct", "quote_colon", "left"))
            elif _headline_colon(doc, colon):
                found.append(Statement((colon, colon + 1), content, "direct", "headline", "colon"))
    return found


def headline_statements(doc: Document, quotations: list[Quotation]) -> list[Statement]:
    """Return `Speaker: words` statements of headline-like lines without quotation marks."""
    found: list[Statement] = []
    quoted_opens = {q.open for q in quotations}
    for first, end in _paragraph_ranges(doc):
        if doc.tokens[end - 1].text in {".", "!", "?", "…"} and first != 0:
            continue
        for colon in range(first + 1, min(end - 1, first + HEADLINE_SPEAKER_TOKENS + 2)):
            if doc.tokens[colon].text != ":" or colon + 1 in quoted_opens:
                continue
            content = doc.trimmed(doc.tokens[colon + 1].start, doc.tokens[end - 1].end)
            if doc.sentence(colon)[0] != first or content[0] >= content[1]:
                break
            if _headline_colon(doc, colon):
                found.append(Statement((colon, colon + 1), content, "direct", "headline", "colon"))
            else:
                before = _cue_before_colon(doc, colon)
                if before is not None:
                    found.append(Statement(before, content, "direct", "headline_cue", "left"))
            break
    return found
