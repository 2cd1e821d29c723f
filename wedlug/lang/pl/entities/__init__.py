"""The entities step: people, organisations, places, countries, media and documents an
article names, each mention with its base form, each entity with an id that is the same
in every article (`wikidata:Q…` for KB entities, else `pl:` and the base form).

Mentions come from the statistical detector (`mentions.py`, when present) or a stand-in
(`fallback.py`), from the KB gazetteer (media, agencies, government bodies, role phrases
such as `przywódca KRLD`), and from web addresses the article names (`BiznesAlert.pl`).
`predict` is pure; `find_entities` writes the record.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from wedlug.article import Article, Token
from wedlug.lang.pl.entities import fallback
from wedlug.lang.pl.entities.base import readings
from wedlug.lang.pl.entities.kb import KnowledgeBase, Match, default_kb
from wedlug.lang.pl.entities.link import (
    KINDS,
    Candidate,
    Found,
    acronym,
    glued,
    initials,
    institution_matches,
    link,
    placed_elsewhere,
    select,
    split_fallback,
)
from wedlug.lang.pl.lexicon import rows
from wedlug.lang.pl.morphology import web_address


def detect(article: Article) -> tuple[str, list[fallback.Mention]]:
    """Mentions from the statistical detector, or from the stand-in while it (or its
    model file) is not there yet; with the name of the one that answered."""
    try:
        from wedlug.lang.pl.entities.mentions import find_mentions
    except ImportError:
        return "fallback", fallback.find_mentions(article)
    try:
        # NKJP labels adjectives from names (`brytyjski`) as places; news analysts (and
        # SlavicNER) count names only, so a mention must start with a capital.
        return "detector", [fallback.Mention(m.start, m.end, m.type) for m in find_mentions(article)
                            if article.text[m.start:m.start + 1].isupper()]
    except FileNotFoundError:  # the detector's model is not built yet
        return "fallback", fallback.find_mentions(article)

__all__ = ["find_entities", "predict"]


def _candidates(article: Article, kb: KnowledgeBase) -> list[Candidate]:
    by_sentence: dict[int, list[Token]] = {}
    starts: dict[int, tuple[int, int]] = {}  # a token's start -> (sentence, place in it)
    ends: dict[int, tuple[int, int]] = {}
    for token in article.tokens:
        tokens = by_sentence.setdefault(token.sentence, [])
        starts[token.start] = ends[token.end] = (token.sentence, len(tokens))
        tokens.append(token)
    detected: dict[int, list[Candidate]] = {}
    source, mentions = detect(article)
    covered = {m.start for m in mentions}
    for mention in mentions:
        index, first = starts.get(mention.start, (None, 0))
        closing, final = ends.get(mention.end, (None, 0))
        if index is None or closing != index:
            continue  # a span that does not fall on token edges of one sentence
        last = final + 1
        tokens = by_sentence[index]
        while last - 1 > first and tokens[last - 1].text[:1].islower() and tokens[last - 1].text.isalpha():
            last -= 1  # `Polskiego Instytutu Ekonomicznego morska`: a name ends with a capital
        while mention.type != "placeName" and last < len(tokens) and tokens[last].text == "-" \
                and glued(tokens, last) and tokens[last + 1].text[:1].isupper() \
                and tokens[last + 1].start not in covered:
            # `BASF-Wintershall`: the detector saw only the first half of a compound (places
            # so joined are two: `Wrocław-Malaga`, a route)
            last += 2
        if last < len(tokens) and tokens[last].text in ("’", "'") and glued(tokens, last) \
                and tokens[last + 1].text == "s":
            last += 2  # `Lloyd’s`: an English possessive in a name, split at its apostrophe
        if last - first == 1 and first > 0 and tokens[first - 1].text[:1].isdigit() \
                and tokens[first].text.lower() in _units():
            continue  # `18 GW`: a unit after a number, no organisation
        detected.setdefault(index, []).append(
            Candidate(by_sentence[index], first, last, source, mention.type))
    out: list[Candidate] = []
    for index, tokens in by_sentence.items():
        if article.is_removed(tokens[0].start, tokens[-1].end):
            continue
        matches = kb.match(tokens)
        names = [m for m in matches if m.pattern.mode != "role"]
        countries = {m.first: m for m in names if m.pattern.entry.type == "country" and not m.pattern.mode}
        for cand in detected.get(index, []):
            inside = [m for m in names if cand.first <= m.first and m.last <= cand.last]
            if cand.last - cand.first == 1 and not inside and _opens_sentence(tokens, cand.first) \
                    and tokens[cand.first].tag.startswith("adj") and tokens[cand.first].lemma[:1].islower() \
                    and not any(r.lemma[:1].isupper() for r in readings(tokens[cand.first].text)):
                # `Brytyjski minister`: an adjective from a name, capitalised by its place
                # (not `Wielkopolska druga`, which Morfeusz knows as a name too)
                continue
            whole = [m for m in inside if m.first == cand.first and m.last == cand.last]
            if cand.source == "fallback" and inside and not whole:
                out += split_fallback(cand, inside)
            else:
                out.append(cand)
        for match in names:
            pattern = match.pattern
            fits = all(tokens[match.first + k].lemma.lower() in lemmas or not spelling[:1].isalpha()
                       for k, (spelling, lemmas) in enumerate(pattern.words))
            if not fits and match.last - match.first == 1 and _opens_sentence(tokens, match.first) \
                    and tokens[match.first].lemma[:1].islower():
                continue  # `Dane z Facebooka`: a common word read as one, capitalised by its place
            if pattern.entry.institution and placed_elsewhere(tokens, match.first):
                continue  # `rzecznik tamtejszego MSZ`: another country's ministry, not Poland's
            out.append(Candidate(tokens, match.first, match.last, "kb", entry=pattern.entry,
                                 mode=pattern.mode, pattern=tuple(w for w, _ in pattern.words),
                                 fits=fits))
        roles: dict[tuple[int, int], list[Match]] = {}
        for match in matches:
            if match.pattern.mode == "role":
                roles.setdefault((match.first, match.last), []).append(match)
        for (first, last), group in roles.items():
            out.append(Candidate(tokens, first, last, "role",
                                 roles=tuple(m.pattern.entry for m in group)))
        out += institution_matches(tokens, kb, countries)
    out += _bracketed_acronyms(out)
    out += _web_names(out, by_sentence)
    return out + _surnames(out, by_sentence)


_OPENERS = frozenset(('"', "„", "“", "«", "'", "(", "-", "–", "—", "•", "*", ":"))


def _opens_sentence(tokens: list[Token], k: int) -> bool:
    """The token starts its sentence, or follows only an opening quote, bracket or dash."""
    return k == 0 or (k == 1 and tokens[0].text in _OPENERS)


def _web_names(found: list[Candidate], by_sentence: dict[int, list[Token]]) -> list[Candidate]:
    """A web address the article names as a source or an organisation (`BiznesAlert.pl`,
    `wPolityce.pl`, `Leave.EU`; one token, see `morphology._DOMAIN`), when nothing found
    it: a mention of an organisation, written as it stands, lower case included."""
    covered = {id(t) for c in found for t in c.span}
    out = []
    for tokens in by_sentence.values():
        for k, token in enumerate(tokens):
            text = token.text
            if "." in text and "/" not in text and id(token) not in covered and web_address(text):
                out.append(Candidate(tokens, k, k + 1, "fallback", "orgName"))
    return out


def _bracketed_acronyms(found: list[Candidate]) -> list[Candidate]:
    """An acronym in brackets right after a name whose initials it spells (`Krajowa Agencja
    Rozwoju Rolnictwa (KARR)`), when nothing found it: a mention, of the name's type."""
    covered = {id(t) for c in found for t in c.span}
    out = []
    for cand in found:
        if cand.source not in ("detector", "kb") or cand.last - cand.first < 2:
            continue
        tokens, k = cand.tokens, cand.last
        if k + 2 >= len(tokens) or tokens[k].text != "(" or tokens[k + 2].text != ")":
            continue
        short = tokens[k + 1]
        name = " ".join(t.text for t in cand.span)
        if id(short) not in covered and acronym(short.text) and short.text.upper() in initials(name):
            covered.add(id(short))
            kind = cand.kind or KINDS.get(cand.entry.type if cand.entry else "", "orgName")
            out.append(Candidate(tokens, k + 1, k + 2, "fallback", kind))
    return out


@cache
def _units() -> frozenset[str]:
    """Unit abbreviations (the amounts step's data/units.tsv): `GW`, `MW`, `km`."""
    return frozenset(row[0] for row in rows("units.tsv"))


def _surnames(found: list[Candidate], by_sentence: dict[int, list[Token]]) -> list[Candidate]:
    """A surname alone that the detector missed (`Wierzbicki był…` at a sentence start),
    once a full name ending with it has been found."""
    from wedlug.lang.pl.entities.kb import token_lemmas

    surnames = {c.span[-1].lemma.lower() for c in found
                if c.last - c.first > 1 and (c.kind == "persName" or (c.entry and c.entry.type == "person"))}
    covered = {id(t) for c in found for t in c.span}
    out = []
    for tokens in by_sentence.values():
        for k, token in enumerate(tokens):
            if id(token) not in covered and token.text[:1].isupper() and token_lemmas(token) & surnames:
                out.append(Candidate(tokens, k, k + 1, "fallback", "persName"))
    return out


def predict(article: Article) -> list[dict[str, Any]]:
    """Return the article's entities as contract records (the article is not changed)."""
    kb = default_kb()
    chosen = select(_candidates(article, kb))
    return [_record(article, entity) for entity in link(article, chosen, kb)]


def _record(article: Article, entity: Found) -> dict[str, Any]:
    entry = entity.entry
    mentions = sorted({(c.start, c.end, base) for c, base in entity.mentions})
    return {"id": entity.id, "name": entity.name, "type": entity.type,
            "kb": entry.qid if entry else None, "actor": entry.actor if entry else None,
            "mentions": [{"start": s, "end": e, "text": article.text[s:e], "base": base}
                         for s, e, base in mentions]}


def find_entities(article: Article) -> Article:
    """Fill `entities` per shared/CONTRACT.md."""
    article.entities = predict(article)
    return article
