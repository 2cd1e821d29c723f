"""Reported speech: a cue with a complement clause, a quoted object, a `jak` phrase,
an attribution after the content, and source phrases (`według X`, `jego zdaniem`)."""

from __future__ import annotations

from wedlug.lang.pl.statements.document import DASHES, OPENING_QUOTES, QUOTE_MARKS, Document, Quotation
from wedlug.lang.pl.statements.model import Statement
from wedlug.lang.pl.statements.quotes import is_title
from wedlug.lang.pl.statements.speakers import POSSESSIVES, is_nominal, phrase_after

# How many tokens may stand between a cue and its complementizer
# (`poinformował w poniedziałek minister zdrowia Adam Niedzielski, że`).
COMPLEMENT_REACH = 14
# How many tokens may stand between a cue and a quoted object (`zapewnił Moskwę o "…"`).
QUOTED_OBJECT_REACH = 5
# Complementizers that only open a reported clause after a comma (`by` is also the
# conditional particle that Morfeusz splits off `zrobiłby`).
COMMA_ONLY = frozenset({"by", "aby", "żeby", "czy"})
# Conjunctions that open a new clause after a reported one.
CONTRAST = frozenset({"ale", "lecz", "jednak", "natomiast"})
# Words that join a second reporting clause to a reported one (`…, i zapytała: …`).
COORDINATION = frozenset({",", "i", "a", "oraz"})
# How far after such a word the second clause's cue may stand (its subject comes first).
REPORT_REACH = 7
# How far after a cue the dash closing an interrupting attribution may stand.
INTERRUPTION_REACH = 8
# Words that may open a sentence before a source phrase (`Jednak według …`).
LEADING = frozenset({"jednak", "a", "natomiast", "zaś", "ale", "i", "tymczasem", "także", "również",
                     "wtedy", "dlatego", "ponadto", "co", "więcej", "to"})


def _content(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Return the trimmed character span between two token indices [start, end)."""
    if start >= end:
        return (0, 0)
    return doc.trimmed(doc.tokens[start].start, doc.tokens[end - 1].end)


def _kind(doc: Document, span: tuple[int, int], plain: str) -> str:
    """Return `mixed` when the content carries quoted words, else the plain kind."""
    return "mixed" if any(ch in QUOTE_MARKS for ch in doc.text[span[0]:span[1]]) else plain


def _complement(doc: Document, cue_end: int) -> int | None:
    """Return the index of the complementizer governed by a cue, if there is one."""
    _, end = doc.sentence(cue_end - 1)
    for j in range(cue_end, min(end, cue_end + COMPLEMENT_REACH)):
        low = doc.lowers[j]
        after_comma = j > 0 and doc.tokens[j - 1].text == ","
        if low in doc.lexicon.complementizers and (after_comma or (j == cue_end and low not in COMMA_ONLY)):
            return j
        if low == "ze" and after_comma and j == cue_end + 1 and j + 1 < end \
                and not any(case in doc.tokens[j + 1].tag for case in (":gen", ":inst")):
            return j                       # `prognozuje, ze …`: a typo for `że`, not the preposition
        text = doc.tokens[j].text
        if text in OPENING_QUOTES and after_comma and j + 1 < end \
                and doc.lowers[j + 1] in doc.lexicon.complementizers:
            return j + 1                   # `odpowiedziały, „że …”`: the clause quoted whole
        if text == "." and j + 1 < end:
            continue                       # an abbreviation's dot (`m.in.`) inside the sentence
        if text in OPENING_QUOTES and _title_end(doc, j, end) is not None:
            continue                       # `mówi „Faktowi”, że`: a quoted name, not a quotation
        if text in {".", ":", "?", "!", ";"} or text in OPENING_QUOTES or text in DASHES:
            return None
        if j > cue_end and doc.is_finite(j):
            return None
    return None


def _title_end(doc: Document, j: int, end: int) -> int | None:
    """Return the index of the mark closing a short capitalised quoted name opening at j."""
    for k in range(j + 1, min(end, j + 6)):
        if doc.tokens[k].text in QUOTE_MARKS:
            inner = [doc.tokens[m].text for m in range(j + 1, k) if doc.tokens[m].text.isalpha()]
            return k if inner and all(w[:1].isupper() for w in inner) else None
    return None


def _clause_end(doc: Document, first: int, quotes: dict[int, Quotation]) -> int:
    """Return where a reported clause starting at token `first` ends: its sentence's end,
    the end of a quotation that runs on past it, or a contrasting clause with a cue of
    its own (`…, ale dostawy nazwał "błędem"`)."""
    _, end = doc.sentence(first)
    for k in range(first, end):
        quote = quotes.get(k)
        if quote is not None and quote.close >= end:
            return min(quote.close + 1, len(doc.tokens))
        if doc.lowers[k] in CONTRAST and doc.tokens[k - 1].text == "," and any(
                doc.cue_at(j) is not None for j in range(k + 1, end)):
            return k - 1
        if k > first and doc.lowers[k] in COORDINATION and _report_follows(doc, k + 1, end) \
                and doc.lowers[k + 1] not in doc.lexicon.complementizers:
            return k                       # but `spodziewa się, iż …` goes on
        if k > first and doc.is_dash(k) and k + 1 < end and doc.cue_at(k + 1) is not None:
            return k                       # `…, że Y – powiedział Z`: the attribution ends it
        if k > first and doc.is_dash(k) and doc.tokens[k - 1].text == "." and k + 1 < end \
                and doc.tokens[k + 1].text[:1].isupper():
            return k - 1                   # `…, że Y. – Obecnie …`: a quotation opens after it
    return end


def _report_follows(doc: Document, first: int, end: int) -> bool:
    """Tell whether a new reporting clause starts at token `first` (`…, a minister dodał`)."""
    for j in range(first, min(end, first + REPORT_REACH)):
        if doc.is_finite(j):
            return doc.cue_at(j) is not None
    return False


def _clause_report(doc: Document, cue: tuple[int, int], quotes: dict[int, Quotation]) -> Statement | None:
    """Return `X powiedział, że …`: a cue governing a complement clause."""
    comp = _complement(doc, cue[1])
    if comp is None or comp + 1 >= len(doc.tokens):
        return None
    span = _content(doc, comp + 1, _clause_end(doc, comp + 1, quotes))
    if span[0] >= span[1]:
        return None
    return Statement(cue, span, _kind(doc, span, "indirect"), "clause", "left")


def _quoted_object(doc: Document, cue: tuple[int, int], quotes: dict[int, Quotation]) -> Statement | None:
    """Return `Obiecał "zjednoczyć się" z …`: a cue whose object carries quoted words."""
    _, end = doc.sentence(cue[0])
    for j in range(cue[1], min(end, cue[1] + QUOTED_OBJECT_REACH + 1)):
        quote = quotes.get(j)
        if quote is not None and is_title(doc, quote):
            return None
        if quote is not None:
            first = cue[1] + (doc.tokens[cue[1]].tag.startswith("ppron") and cue[1] < j)
            last = max(_clause_end(doc, j, quotes), min(quote.close + 1, len(doc.tokens)))
            span = _content(doc, first, last)
            return Statement(cue, span, "mixed", "quoted_object", "left")
        if doc.tokens[j].text in {",", ".", ":", ";"} or doc.is_finite(j):
            return None
    return None


def _jak_report(doc: Document, cue: tuple[int, int]) -> Statement | None:
    """Return `Jak dodała, …` / `…, jak podaje PAP`: a `jak` phrase attributing its clause."""
    i = cue[0]
    start, end = doc.sentence(i)
    if i == 0 or doc.lowers[i - 1] != "jak":
        return None
    start = max([start] + [k + 1 for k in range(start, i) if doc.tokens[k].text == ";"])
    opening = i - 1 == start or doc.lowers[i - 2] in LEADING and i - 2 == start
    if not opening and doc.tokens[i - 2].text not in {","} | DASHES:
        return None
    close = next((k for k in range(cue[1], end) if doc.tokens[k].text == "," or doc.is_dash(k)), None)
    if opening:
        first = close + 1 if close is not None else cue[1]
        side = "right" if close is not None else "right_named"
        return Statement(cue, _content(doc, first, end), "according_to", "jak_opening", side)
    if close is None:
        span = _content(doc, start, i - 2)
    else:
        span = _content(doc, start, end)
    return Statement(cue, span, "according_to", "jak_inside", "right")


def _after_content(doc: Document, cue: tuple[int, int], frame: str) -> Statement | None:
    """Return `… – poinformował portal X.`: an attribution standing after its content."""
    i = cue[0]
    start, end = doc.sentence(i)
    if frame != "any" or not (doc.is_finite(i) or doc.tokens[i].tag.startswith("imps")):
        return None
    if i - 1 == start and doc.is_dash(start) and start > 0 and doc.paragraph(start - 1) == doc.paragraph(i):
        # `… w tym kraju. - zaznaczył.`: the dash lost its sentence, the words before are said
        first, _ = doc.sentence(start - 1)
        if start - first >= 4 and not any(doc.tokens[k].text in QUOTE_MARKS for k in range(first, start)):
            return Statement(cue, _content(doc, first, start), "direct", "after_content", "right")
        return None
    if i - start < 4:
        return None
    mark = doc.tokens[i - 1].text
    if mark not in DASHES and mark != ",":
        return None
    if doc.tokens[i - 2].text in QUOTE_MARKS:
        return None
    first = start
    for k in range(i - 2, start, -1):       # content starts after an earlier dash in the sentence
        if doc.is_dash(k) and k < i - 2:
            first = k + 1
            break
    if mark == ",":
        tail = [t.text for t in doc.tokens[cue[1]:end]]
        if tail and tail[0] not in {".", "!"} and not any(t[:1].isupper() for t in tail):
            return None
    return Statement(cue, _content(doc, first, i - 1), "indirect", "after_content", "right")


def _interrupting(doc: Document, cue: tuple[int, int]) -> Statement | None:
    """Return `Ale – ostrzega Carney – cena będzie większa`: an attribution set between
    dashes inside the clause it attributes; the content is the clause without it (from
    the sentence start when words stand before the first dash, else after the second)."""
    i = cue[0]
    start, end = doc.sentence(i)
    if i == start or not doc.is_dash(i - 1):
        return None
    close = next((k for k in range(cue[1], min(end, cue[1] + INTERRUPTION_REACH)) if doc.is_dash(k)), None)
    if close is None or end - close < 4:
        return None
    before = [k for k in range(start, i - 1) if doc.lowers[k] not in LEADING]
    first = start if len(before) >= 2 else close + 1
    span = _content(doc, first, end)
    return Statement(cue, span, "according_to", "after_content", "right")


def _anaphoric(doc: Document, cue: tuple[int, int] | None, i: int) -> Statement | None:
    """Return `… . Taką opinię wyraził X.`: a sentence opening with a word pointing back
    and a report attributes the sentence before it (in the same paragraph)."""
    start, end = doc.sentence(i)
    roles = doc.lexicon.anaphors
    k = start
    while k < i and doc.lowers[k] in LEADING - {"to"}:
        k += 1
    if k >= i or doc.lowers[k] not in roles["anaphor"] or start == 0:
        return None
    between = range(k + 1, i)
    adverbial = doc.lowers[k] == "tak" and cue is not None and not any(doc.is_finite(j) for j in between)
    if not adverbial and (len(between) > 2 or any(
            doc.lemmas[j] not in roles["noun"] and doc.tokens[j].upos != "ADJ" for j in between)):
        return None                        # `Tak w poniedziałek rano, …, zapowiadał X` may wait
    if cue is None and not (doc.lemmas[i] in roles["verb"] and doc.is_finite(i)):
        return None
    before, _ = doc.sentence(start - 1)
    if doc.paragraph(before) != doc.paragraph(i) or doc.tokens[start - 1].text == "?":
        return None
    span = _content(doc, before, start)
    return Statement(cue or (i, i + 1), span, _kind(doc, span, "indirect"), "anaphoric", "right")


def _denied_object(doc: Document, cue: tuple[int, int]) -> Statement | None:
    """Return `zdementował te doniesienia`: a denial whose object is what it denies."""
    _, end = doc.sentence(cue[0])
    stop = next((k for k in range(cue[1], end) if doc.tokens[k].text in {",", ".", ";", ":"}), end)
    if stop - cue[1] < 2 or doc.lowers[cue[1]] == "na":
        return None                        # `nie zgodzą się na kontrolę`: consent refused, nothing denied
    return Statement(cue, _content(doc, cue[1], stop), "indirect", "denial_object", "left")


# Denial cues that only answer when they govern a clause (`odparła, że …` replies;
# `odparł zarzuty` denies them).
REPLIES = frozenset({"odeprzeć", "odpierać"})


def report_statements(doc: Document, quotations: list[Quotation], taken: set[int]) -> list[Statement]:
    """Return the statements of reporting cues outside quotations and not taken yet."""
    quotes = {q.open: q for q in quotations if not q.dashed}
    inside = doc.tokens_inside(quotations)
    found: list[Statement] = []
    i = 0
    while i < len(doc.tokens):
        if i in taken or i in inside:
            i += 1
            continue
        match = doc.cue_at(i)
        if match is None:
            statement = _anaphoric(doc, None, i) if doc.is_finite(i) else None
            if statement is not None:
                found.append(statement)
            i += 1
            continue
        end, frame, denial = match
        cue = (i, end)
        statement = (_jak_report(doc, cue) or _clause_report(doc, cue, quotes) or _anaphoric(doc, cue, i)
                     or _quoted_object(doc, cue, quotes) or _interrupting(doc, cue)
                     or _after_content(doc, cue, frame)
                     or (_denied_object(doc, cue) if denial else None))
        if statement is not None and statement.content[0] < statement.content[1]:
            replied = end - i == 1 and doc.lemmas[i] in REPLIES and statement.pattern != "denial_object"
            statement.polarity = "deny" if denial and not replied else "assert"
            found.append(statement)
        i = end
    return found


def _source_phrase(doc: Document, i: int) -> tuple[int, str, int | None] | None:
    """Return (end, where, possessive index) of the longest source phrase starting at
    token i; a possessive may stand inside it (`w jej ocenie`)."""
    best: tuple[int, str, int | None] | None = None
    for phrase, where in doc.lexicon.sources.items():
        if doc.lowers[i] != phrase[0]:
            continue
        end = i + len(phrase)
        found: tuple[int, str, int | None] | None = None
        if tuple(doc.lowers[i:end]) == phrase:
            found = (end, where, None)
        elif len(phrase) > 1 and where != "after" and end < len(doc.tokens) \
                and doc.lowers[i + 1] in POSSESSIVES and tuple(doc.lowers[i + 2:end + 1]) == phrase[1:]:
            found = (end + 1, where, i + 1)
        if found is not None and (best is None or found[0] > best[0]):
            best = found
    return best


def _governed_clause(doc: Document, first: int, phrase_end: int) -> tuple[int, int]:
    """Return the token range a source phrase spanning [first, phrase_end) governs."""
    start, end = doc.sentence(first)
    lead = all(doc.lowers[k] in LEADING for k in range(start, first))
    if lead:
        after = phrase_end + 1 if phrase_end < end and doc.tokens[phrase_end].text == "," else phrase_end
        return after, end
    before = doc.tokens[first - 1].text
    if before == "," or before in DASHES:
        closes = phrase_end >= end - 1 or doc.tokens[phrase_end].text in {".", "!", "?"}
        return (start, first - 1) if closes else (start, end)
    clause = max((k for k in range(start, first) if doc.tokens[k].text == ","), default=start - 1)
    return clause + 1, end


def _agent_of_participle(doc: Document, k: int) -> int:
    """Return where the speaker starts after a source phrase: past `przekazanych przez`
    in `według informacji przekazanych przez wojewodę` (the agent speaks), else `k`."""
    if k + 2 < len(doc.tokens) and doc.tokens[k].tag.startswith("ppas") and doc.lowers[k + 1] == "przez":
        return k + 2
    return k


def source_statements(doc: Document, quotations: list[Quotation]) -> list[Statement]:
    """Return `according_to` statements of source phrases (`według X`, `jej zdaniem`)."""
    inside = doc.tokens_inside(quotations)
    found: list[Statement] = []
    for i in range(len(doc.tokens)):
        if i in inside:
            continue
        match = _source_phrase(doc, i)
        if match is None:
            continue
        phrase_end, where, possessive = match
        if i > 0 and doc.lemmas[i] == "cytować" and doc.cue_at(i - 1) is not None:
            continue  # `powiedział cytowany przez DGP X`: X speaks, the relay is no statement
        first = i
        side = "given"
        if possessive is not None:
            side, speaker_end, speaker = "pronoun", phrase_end, (possessive, possessive + 1)
        elif where in {"before", "both"} and i > 0 and doc.lowers[i - 1] in POSSESSIVES:
            first, side, speaker_end = i - 1, "pronoun", i
            speaker = (i - 1, i)
        elif where in {"after", "both"}:
            named_at = _agent_of_participle(doc, phrase_end)
            if named_at > phrase_end:
                speaker_end = named_at
                while speaker_end < len(doc.tokens) and is_nominal(doc, speaker_end) \
                        and doc.sentence(speaker_end) == doc.sentence(named_at) \
                        and not (speaker_end > named_at and doc.tokens[speaker_end - 1].text[:1].isupper()
                                 and not doc.tokens[speaker_end].text[:1].isupper()):
                    speaker_end += 1           # a name ends the agent: `przez GUS bezrobocie`
            elif named_at < len(doc.tokens) and doc.lowers[named_at] in POSSESSIVES:
                speaker_end = named_at + 1     # `według niego "nieszczęsna…"`: the pronoun alone
            else:
                speaker_end = phrase_after(doc, named_at)
            speaker = (named_at, speaker_end)
            if speaker_end <= phrase_end:
                continue
            if speaker_end == phrase_end + 1 and doc.lowers[phrase_end] in POSSESSIVES:
                side = "pronoun"        # `według niego`
        else:
            continue
        clause = _governed_clause(doc, first, max(speaker_end, phrase_end))
        span = _content(doc, *clause)
        if span[0] < span[1]:
            found.append(Statement((first if side == "pronoun" else i, phrase_end), span,
                                   _kind(doc, span, "according_to"), "source_" + side, side,
                                   speaker_hint=speaker))
    return found
