"""Give each found statement its speaker: next to the cue, or resolved to an antecedent."""

from __future__ import annotations

from wedlug.lang.pl.statements.document import Document
from wedlug.lang.pl.statements.model import Features, Mention, Statement
from wedlug.lang.pl.statements.speakers import (
    POSSESSIVES,
    agrees_in_number,
    cue_features,
    left_subject,
    mention_of,
    resolve,
    right_subject,
    sentence_subjects,
)


def _main_verb(doc: Document, cue: int) -> int | None:
    """Return the finite verb a participle cue hangs on (`X bronił …, twierdząc, że`)."""
    first, _ = doc.sentence(cue)
    return next((k for k in range(cue - 1, first - 1, -1) if doc.is_finite(k)), None)


def _explicit(doc: Document, statement: Statement, wanted: Features) -> Mention | None:
    """Return the speaker named next to the cue, if the sentence names one."""
    first, last = statement.cue
    lemma = doc.lemmas[first]
    if statement.side == "given" and statement.speaker_hint:
        return mention_of(doc, *statement.speaker_hint)
    if statement.side == "pronoun":
        return None
    if statement.side == "colon":
        floor, _ = doc.sentence(first)
        return mention_of(doc, floor, first) if first > floor else None
    if doc.tokens[first].tag.startswith("pcon"):
        verb = _main_verb(doc, first)
        return left_subject(doc, verb, wanted)[0] if verb is not None else None
    if statement.side in {"right", "right_named"}:
        found = right_subject(doc, last, lemma, wanted)
        if found is not None and (statement.side == "right" or doc.tokens[found.first].text[:1].isupper()):
            return found
        return None if statement.pattern.startswith("jak") else left_subject(doc, first, wanted)[0]
    found, relative = left_subject(doc, first, wanted)
    if found is None and not relative:
        found = right_subject(doc, last, lemma, wanted)
    return found


def _wanted(doc: Document, statement: Statement) -> Features:
    """Return the number and gender the speaker must show (from the verb or pronoun)."""
    first, last = statement.cue
    if statement.side == "pronoun" and statement.speaker_hint:
        return POSSESSIVES.get(doc.lowers[statement.speaker_hint[0]], (None, None))
    if doc.tokens[first].tag.startswith("pcon"):
        verb = _main_verb(doc, first)
        return cue_features(doc, verb, verb + 1) if verb is not None else (None, None)
    return cue_features(doc, first, last)


def attach_speakers(doc: Document, found: list[Statement], quoted: set[int]) -> None:
    """Fill each statement's speaker, resolving dropped subjects to earlier mentions."""
    candidates: list[Mention] = sentence_subjects(doc, quoted)
    for statement in sorted(found, key=lambda s: s.cue[0]):
        wanted = _wanted(doc, statement)
        speaker = _explicit(doc, statement, wanted)
        if speaker is not None and statement.side != "given" and not agrees_in_number(doc, speaker, wanted):
            speaker = None
        if speaker is None:
            speaker = resolve(candidates, wanted, doc.tokens[statement.cue[0]].start)
        statement.speaker = speaker
        if speaker is not None:
            candidates.append(speaker)
