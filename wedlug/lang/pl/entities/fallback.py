"""A stand-in mention detector: runs of capitalised words that Morfeusz marks as names.

Used only until the statistical detector (`mentions.py`, `find_mentions`) is present;
it has the same signature. A run is a name when one of its words is a proper name by
Morfeusz's qualifiers (or an unknown word), or when it has two or more capitalised words
away from a sentence start (`Komisja Europejska`).
"""

from __future__ import annotations

from typing import NamedTuple

from wedlug.article import Article, Token

PERSON = frozenset(("imię", "nazwisko"))
PLACE = frozenset(("nazwa_geograficzna",))
ORGANISATION = frozenset(("nazwa_firmy", "nazwa_organizacji", "nazwa_instytucji", "marka"))
NAME = PERSON | PLACE | ORGANISATION | {"guess"}
OPENERS = frozenset('"„«(–-—')


class Mention(NamedTuple):
    """A name's span by character offsets and its NKJP type."""

    start: int
    end: int
    type: str


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and any(ch.isalpha() for ch in token.text)


def _common(token: Token) -> bool:
    return not NAME & set(token.qualifiers) and token.tag != "ign" and not token.lemma[:1].isupper()


def _type(run: list[Token]) -> str:
    names = {q for t in run for q in t.qualifiers}
    if names & ORGANISATION or (len(run) == 1 and run[0].text.isupper() and len(run[0].text) > 1):
        return "orgName"
    if names & PLACE and not names & PERSON:
        return "placeName"
    return "persName"


def find_mentions(article: Article) -> list[Mention]:
    """Capitalised name runs in every sentence, outside removed passages."""
    out = []
    by_sentence: dict[int, list[Token]] = {}
    for token in article.tokens:
        by_sentence.setdefault(token.sentence, []).append(token)
    for tokens in by_sentence.values():
        k = 0
        while k < len(tokens):
            if not _capitalised(tokens[k]):
                k += 1
                continue
            j = k
            while j + 1 < len(tokens) and (_capitalised(tokens[j + 1]) or (
                    tokens[j + 1].text == "-" and j + 2 < len(tokens) and _capitalised(tokens[j + 2]))):
                j += 1
            first = k == 0 or all(ch in OPENERS for ch in tokens[k - 1].text)
            while first and k < j and _common(tokens[k]):
                k += 1  # `Rzecznik Anatol Wierzbicki` at a sentence start: the title is no name
            run = tokens[k:j + 1]
            named = any(NAME & set(t.qualifiers) or t.tag == "ign" or t.lemma[:1].isupper() for t in run)
            if first and len(run) == 1 and not ({"guess"} | PERSON | PLACE | ORGANISATION) & set(
                    run[0].qualifiers) and not run[0].lemma[:1].isupper():
                named = False  # a sentence's first word, known as a common word
            if named or (len(run) > 1 and not first):
                if not article.is_removed(run[0].start, run[-1].end):
                    out.append(Mention(run[0].start, run[-1].end, _type(run)))
            k = j + 1
    return out
