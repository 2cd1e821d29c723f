"""Direct speech: quotation marks and dialogue dashes, with the cue before or after."""

from __future__ import annotations

import bisect

from wedlug.lang.pl.statements.document import (
    MODALS,
    OPENING_QUOTES,
    QUOTE_MARKS,
    QUOTE_PAIRS,
    Document,
    Quotation,
)
from wedlug.lang.pl.statements.model import Statement


def is_title(doc: Document, quote: Quotation) -> bool:
    """Tell whether quoted words only name something (`"Tagesspiegel"`, `"Der Spiegel"`)."""
    inner = range(quote.open + 1, min(quote.close, len(doc.tokens)))
    words = [doc.tokens[k].text for k in inner if doc.tokens[k].text.isalpha()]
    if any(doc.is_finite(k) and doc.tokens[k].text[:1].islower() for k in inner) \
            or any(doc.tokens[k].text[:1].isupper() and doc.tokens[k].tag.startswith("fin") for k in inner):
        return False  # `"Zgadzam się z Nigelem"`: a sentence someone said, no name
    # Short joining words may stay lower-case inside a name (`„Best for Britain”`).
    return len(inner) <= 4 and bool(words) and words[0][:1].isupper() and all(
        word[:1].isupper() or (len(word) <= 3 and k not in (0, len(words) - 1))
        for k, word in enumerate(words))

# How far back from a colon a reporting verb may stand (`powiedział w rozmowie z TVN24:`).
COLON_REACH = 10
# How near a reporting cue a person's other mention must stand to count them as a speaker.
SPEAKER_CUE_REACH = 6
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
        if i + 1 < end and doc.tokens[i + 1].text[:1].islower() and doc.cue_at(i + 1) is not None:
            break  # `… w tym kraju. - zaznaczył.`: an attribution that lost its sentence
        j = i + 1
        while j < end and not (doc.is_dash(j) and j + 1 < end and _cue_after(doc, j) is not None):
            if doc.is_dash(j) and doc.sentence(j)[0] == j:
                break                      # a new passage opens without a cue for this one
            j += 1
        close = j
        if j >= end or not doc.is_dash(j) or _cue_after(doc, j) is None:
            # No cue closes it: it ends where narration resumes, if that comes first.
            narration = _narration_after(doc, i, j)
            close = narration - 1 if narration < j else j
        last = close - 1 if close < end else end - 1
        if close < j:
            last = close
        if last > i:
            found.append(Quotation(i, close, doc.tokens[i + 1].start, doc.tokens[last].end, dashed=True))
        # After `– powiedział X.` the speaker may go on: `– Dalej …`
        i = doc.sentence(j)[1] if j < end else end
    return found, i


# Words opening a sentence of narration that names a source (`Zdaniem Farage'a, …`).
SOURCE_OPENERS = frozenset({"zdaniem", "według"})
# Personal endings split from a past verb: `powiedziałem` is the speaker's own word.
AGGLUTINATES = frozenset({"m", "em", "ś", "eś", "śmy", "eśmy", "ście", "eście"})


def _third_person_cue(doc: Document, j: int) -> bool:
    """Tell whether token j is a reporting cue in the third person (`wypowiedział się`)."""
    tag = doc.tokens[j].tag
    return doc.cue_at(j) is not None and (":ter" in tag or tag.startswith("praet")) \
        and (j + 1 >= len(doc.tokens) or doc.lowers[j + 1] not in AGGLUTINATES)


def _narration_after(doc: Document, first: int, end: int) -> int:
    """Return where an uncued dash passage from token `first` stops before `end`: at the
    first later sentence that reports someone in the third person (`Zdaniem X, …`,
    `W podobnym tonie wypowiedział się X.`), else at `end`."""
    k = doc.sentence(first)[1]
    while k < end:
        start, stop = doc.sentence(k)
        if doc.lowers[start] in SOURCE_OPENERS \
                or any(_third_person_cue(doc, j) for j in range(start, min(stop, end))):
            return start
        k = stop
    return end


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
                dashed, after = _dash_passages(doc, i, end)
                found.extend(dashed)
                if after > i:
                    i = after
                    continue
            marked = _marked_passages(doc, i, sentence_end, end)
            found.extend(marked)
            i = max([sentence_end] + [min(q.close + 1, end) for q in marked])
    return _unopened(doc, found)


# Marks that only close a quotation: one standing alone lost its opening mark.
CLOSERS_ONLY = frozenset("”»")


def _unopened(doc: Document, found: list[Quotation]) -> list[Quotation]:
    """Add the quotations whose opening mark is missing (`Aresztowanie ma … Bibi”
    oświadczył minister.`): a lone closing mark followed by a cue closes a quotation
    that starts with its sentence."""
    inside = doc.tokens_inside(found)
    added: list[Quotation] = []
    for k, token in enumerate(doc.tokens):
        if token.text not in CLOSERS_ONLY or k in inside or _cue_after(doc, k) is None:
            continue
        first, _ = doc.sentence(k)
        if any(doc.tokens[j].text in QUOTE_PAIRS for j in range(first, k)) or k - first < 3:
            continue
        added.append(Quotation(first, k, doc.tokens[first].start, doc.tokens[k - 1].end))
    return sorted(found + added, key=lambda q: q.open)


# Words that may stand between a quotation and its cue (`– można przeczytać w …`).
CUE_LEADS = frozenset({"można", "jak"})
# How many words a subject standing before a cue after a quotation may have (`– Batten przemawiał`).
SUBJECT_FIRST_TOKENS = 4


def _cue_after(doc: Document, i: int) -> tuple[int, int] | None:
    """Return the cue's token range when token i (a mark or dash) is followed by one,
    directly, after `można`, or after a short subject (`– Batten przemawiał do …`)."""
    j = i + 1
    while j < len(doc.tokens) and j <= i + 2 and doc.tokens[j].text in {",", "-", "–", "—"}:
        j += 1
    if j >= len(doc.tokens) or doc.paragraph(j) != doc.paragraph(i):
        return None
    if doc.lowers[j] in CUE_LEADS and j + 1 < len(doc.tokens):
        j += 1
    if doc.lemmas[j] in MODALS and j + 1 < len(doc.tokens) and doc.tokens[j + 1].tag.startswith("inf"):
        j += 1                             # `– … – miał powiedzieć minister`
    found = doc.cue_at(j)
    if found is not None:
        return (j, found[0])
    if not doc.tokens[j].text[:1].isupper() or doc.tokens[j].upos not in {"PROPN", "NOUN"}:
        return None
    for k in range(j + 1, min(len(doc.tokens), j + SUBJECT_FIRST_TOKENS + 1)):
        if doc.is_finite(k):
            found = doc.cue_at(k)
            third = ":pri" not in doc.tokens[k].tag and ":sec" not in doc.tokens[k].tag
            return (k, found[0]) if found is not None and third else None
        if doc.tokens[k].upos not in {"PROPN", "NOUN", "ADJ", "X"}:
            return None
    return None


def _cue_before_colon(doc: Document, colon: int) -> tuple[int, int] | None:
    """Return the cue's token range for a colon that introduces a quotation."""
    first, _ = doc.sentence(colon)
    for j in range(colon - 1, max(first, colon - COLON_REACH) - 1, -1):
        found = doc.cue_at(j)
        if found is not None:
            return (j, found[0])
    return None


# Entity types (from the entities step) that name a place: a label, not a speaker.
PLACE_TYPES = frozenset({"country", "location", "city", "region", "place", "gpe", "geogName", "placeName"})


def _is_place(doc: Document, first: int, end: int) -> bool:
    """Tell whether tokens [first, end) only name a place (`Luksemburg`, `Norwegia`), by
    the entities step's types where it ran, else by the tagger's qualifiers."""
    start, stop = doc.tokens[first].start, doc.tokens[end - 1].end
    for entity in doc.article.entities:
        if not isinstance(entity, dict) or entity.get("type") not in PLACE_TYPES:
            continue
        if any(m.get("start", -1) <= start and stop <= m.get("end", -1) for m in entity.get("mentions", ())):
            return True
    return end - first == 1 and "nazwa_geograficzna" in doc.tokens[first].qualifiers


def _headline_speaker(doc: Document, colon: int) -> int | None:
    """Return where the speaker before a headline colon ends (`Merkel w orędziu: …` ends
    at `w`), or None when the words before the colon are a label (`Niemcy: …`, `Strajk
    Ryanaira: …`) or nothing that says something follows."""
    first, end = doc.sentence(colon)
    if colon == first or colon - first > HEADLINE_SPEAKER_TOKENS or not doc.tokens[first].text[:1].isupper():
        return None
    stop = next((k for k in range(first + 1, colon) if doc.tokens[k].upos == "ADP"), colon)
    words = range(first, stop)
    if doc.tokens[first].upos == "ADP" or any(
            doc.tokens[k].upos in {"VERB", "AUX"} and doc.cue_at(k) is None for k in range(first, colon)):
        return None
    if _is_place(doc, first, stop):
        return None
    head = doc.tokens[first]
    person = _is_speaking_person(doc, first, stop)
    speaker = person or any(doc.lemmas[k] in doc.lexicon.speaker_nouns for k in words) or (
        head.upos == "PROPN" and not {"nazwa_geograficzna", "nazwa_pospolita"} & set(head.qualifiers))
    said = range(colon + 1, end)
    predicate = person or any(
        doc.is_finite(k) or doc.tokens[k].tag.startswith("pred") or doc.lowers[k] == "to" for k in said
    ) or (colon + 1 < end and doc.tokens[colon + 1].text in OPENING_QUOTES)
    return stop if speaker and predicate else None


def _is_speaking_person(doc: Document, first: int, end: int) -> bool:
    """Tell whether tokens [first, end) name a person (by the entities step) whom the
    article reports speaking elsewhere, next to a reporting cue: then `Dworczyk: 360
    tysięcy dawek` is his words even without a verb, while `Asia Bibi: dziewiąte Boże
    Narodzenie w celi` only labels a story about her."""
    start, stop = doc.tokens[first].start, doc.tokens[end - 1].end
    starts = [t.start for t in doc.tokens]
    for entity in doc.article.entities:
        if not isinstance(entity, dict) or entity.get("type") != "person":
            continue
        mentions = entity.get("mentions", ())
        if not any(m.get("start") == start and m.get("end") == stop for m in mentions):
            continue
        for mention in mentions:
            if mention.get("start") == start:
                continue
            at = bisect.bisect_left(starts, mention.get("start", 0))
            if any(doc.cue_at(k) is not None for k in range(max(0, at - SPEAKER_CUE_REACH),
                                                             min(len(starts), at + SPEAKER_CUE_REACH))):
                return True
    return False


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
            elif (stop := _headline_speaker(doc, colon)) is not None:
                found.append(Statement((colon, colon + 1), content, "direct", "headline", "colon",
                                       speaker_hint=(doc.sentence(colon)[0], stop)))
    return found


def colon_statements(doc: Document, quotations: list[Quotation], found: list[Statement]) -> list[Statement]:
    """Return words after a reporting cue and a colon that carry no quotation marks
    (`Sakiewicz stwierdził: Ja nie wiem, czy …`, `powiedział: - Tony Blair …`): the
    speaker's own words up to the end of the sentence."""
    inside = doc.tokens_inside(quotations)
    claimed = [s.content for s in found]
    added: list[Statement] = []
    for colon, token in enumerate(doc.tokens):
        if token.text != ":" or colon in inside or colon + 1 >= len(doc.tokens):
            continue
        k = colon + 1 + doc.is_dash(colon + 1)
        _, end = doc.sentence(colon)
        word = doc.tokens[k].text if k < end else ""
        if k >= end or k in inside or not word[:1].isupper() or not word.isalpha():
            continue
        before = _cue_before_colon(doc, colon)
        if before is None or not _third_person_cue(doc, before[0]) \
                or not any(doc.is_finite(j) or doc.tokens[j].tag.startswith("pred") for j in range(k, end)):
            continue  # `Pisaliśmy już: …` links, `potwierdzali autorzy: Lord Kerr …` lists
        content = doc.trimmed(doc.tokens[k].start, doc.tokens[end - 1].end)
        while content[1] > content[0] and doc.text[content[1] - 1] in QUOTE_MARKS | {".", " "}:
            content = (content[0], content[1] - 1)  # a stray closing mark: `…Mahomet? ”.`
        if content[0] >= content[1] or any(a < content[1] and content[0] < b for a, b in claimed):
            continue
        added.append(Statement(before, content, "direct", "unmarked_colon", "left"))
    return added


def continued_statements(doc: Document, quotations: list[Quotation],
                         found: list[Statement]) -> list[Statement]:
    """Return dialogue-dash passages without a cue of their own that follow an attributed
    dash paragraph, or open the sentence after a cue: the same speaker goes on (a
    question is an interviewer's)."""
    attributed = {doc.paragraph(s.cue[0]): s for s in found if s.pattern == "quote_cue_after"
                  and doc.is_dash(_opening_dash(doc, s.cue[0]))}
    # `– … – oświadczył Farage. – Myślę, że …`: a passage opening the sentence right after
    # a cue that followed its content goes on in the same voice.
    just_said = {doc.sentence(s.cue[0])[1]: s for s in found
                 if s.side == "right" and s.content[1] <= doc.tokens[s.cue[0]].start}
    claimed = {s.content[0] for s in found}
    added: list[Statement] = []
    for quote in quotations:
        content = doc.trimmed(quote.start, quote.end)
        if not quote.dashed or content[0] in claimed or content[0] >= content[1]:
            continue
        paragraph = doc.paragraph(quote.open)
        anchor = just_said.get(quote.open)
        if anchor is None and paragraph in attributed:
            continue
        anchor = anchor or attributed.get(paragraph - 1)
        if anchor is not None and not doc.text[content[0]:content[1] + 1].rstrip().endswith("?"):
            added.append(Statement((quote.open, quote.open + 1), content, "direct", "dash_continued",
                                   "continued", anchor=anchor))
    return added


def _opening_dash(doc: Document, cue: int) -> int:
    """Return the first token of the paragraph holding token `cue`."""
    k = cue
    while k > 0 and doc.paragraph(k - 1) == doc.paragraph(cue):
        k -= 1
    return k


def _headline_colons(doc: Document, first: int, end: int) -> list[int]:
    """Return, for each sentence of a headline-like paragraph, the colon standing near
    its start, if any (`Burza o szczepienia. Politycy: To rozgrywka …`)."""
    colons: list[int] = []
    k = first
    while k < end:
        start, stop = doc.sentence(k)
        stop = min(stop, end)
        colon = next((j for j in range(start + 1, min(stop - 1, start + HEADLINE_SPEAKER_TOKENS + 2))
                      if doc.tokens[j].text == ":"), None)
        if colon is not None:
            colons.append(colon)
        k = max(stop, k + 1)
    return colons


def headline_statements(doc: Document, quotations: list[Quotation]) -> list[Statement]:
    """Return `Speaker: words` statements of headline-like lines without quotation marks."""
    found: list[Statement] = []
    quoted_opens = {q.open for q in quotations}
    for first, end in _paragraph_ranges(doc):
        # In running text a `Speaker: words` sentence is a pasted headline or subheading
        # (`Premier: nie pozwolimy na żadne zniszczenia.`); either says up to its sentence end.
        running = doc.tokens[end - 1].text in {".", "!", "?", "…"} and first != 0
        for colon in _headline_colons(doc, first, end):
            if colon + 1 in quoted_opens:
                continue
            last = min(doc.sentence(colon)[1], end)
            content = doc.trimmed(doc.tokens[colon + 1].start, doc.tokens[last - 1].end)
            if content[0] >= content[1]:
                continue
            stop = _headline_speaker(doc, colon)
            if stop is not None:
                found.append(Statement((colon, colon + 1), content, "direct", "headline", "colon",
                                       speaker_hint=(doc.sentence(colon)[0], stop)))
                continue
            if running:
                continue
            before = _cue_before_colon(doc, colon)
            if before is not None:
                found.append(Statement(before, content, "direct", "headline_cue", "left"))
    return found
