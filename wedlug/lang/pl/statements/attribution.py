"""Give each found statement its speaker: next to the cue, or resolved to an antecedent."""

from __future__ import annotations

from wedlug.lang.pl.statements.document import Document
from wedlug.lang.pl.statements.model import Features, Mention, Statement
from wedlug.lang.pl.statements.speakers import (
    OBLIQUE_PRONOUNS,
    POSSESSIVES,
    agree,
    agrees_in_number,
    cue_features,
    is_prepositional_cue,
    left_subject,
    mention_of,
    noun_antecedent,
    prepositional_pronoun,
    resolve,
    right_subject,
    sentence_subjects,
)

# Prefer the speaker of the statement just before over other people named in between
# when a dropped-subject cue continues the same paragraph (`… – powiedział X. Dodał, że …`).
PREFER_PREVIOUS_SPEAKER = True


def _main_verb(doc: Document, cue: int, quoted: set[int]) -> int | None:
    """Return the finite verb a participle cue hangs on (`X bronił …, twierdząc, że`),
    leaving out verbs of quoted words."""
    first, _ = doc.sentence(cue)
    return next((k for k in range(cue - 1, first - 1, -1)
                 if doc.is_finite(k) and k not in quoted and ":pri" not in doc.tokens[k].tag
                 and ":sec" not in doc.tokens[k].tag), None)


def _modal_of(doc: Document, cue: int) -> int | None:
    """Return the finite modal an infinitive cue hangs on (`miała wówczas powiedzieć`)."""
    if not doc.tokens[cue].tag.startswith("inf"):
        return None
    k = doc.modal_before(cue)
    return k if k is not None and doc.is_finite(k) else None


def _beside(doc: Document, statement: Statement, wanted: Features) -> Mention | None:
    """Return the subject of a cue whose speaker stands after it (`– dodał minister`),
    or before it but after the content (`– Batten przemawiał`)."""
    first, last = statement.cue
    found = right_subject(doc, last, first, wanted)
    if found is not None and (statement.side == "right" or doc.tokens[found.first].text[:1].isupper()):
        return found
    if statement.pattern.startswith("jak"):
        return None
    found = left_subject(doc, first, wanted)[0]
    return found if found is not None and found.start >= statement.content[1] else None


def _explicit(doc: Document, statement: Statement, wanted: Features, quoted: set[int]) -> Mention | None:
    """Return the speaker named next to the cue, if the sentence names one."""
    first, last = statement.cue
    if statement.side == "given" and statement.speaker_hint:
        return mention_of(doc, *statement.speaker_hint)
    if statement.side == "pronoun":
        return None
    if statement.side == "colon":
        floor, _ = doc.sentence(first)
        if statement.speaker_hint:
            return mention_of(doc, *statement.speaker_hint)
        return mention_of(doc, floor, first) if first > floor else None
    if doc.tokens[first].tag.startswith("pcon"):
        verb = _main_verb(doc, first, quoted)
        return left_subject(doc, verb, wanted)[0] if verb is not None else None
    modal = _modal_of(doc, first)
    if modal is not None:
        return left_subject(doc, modal, wanted)[0] or right_subject(doc, last, first, wanted)
    if is_prepositional_cue(doc, first):
        pronoun = prepositional_pronoun(doc, first)
        if pronoun is not None:
            start = doc.sentence(first)[0] if pronoun > first else min(pronoun - 1, first)
            return noun_antecedent(doc, start, OBLIQUE_PRONOUNS[doc.lowers[pronoun]])
    if statement.side in {"right", "right_named"}:
        return _beside(doc, statement, wanted)
    found, relative = left_subject(doc, first, wanted)
    if found is None and not relative and statement.pattern != "quoted_object":
        found = right_subject(doc, last, first, wanted)
    return found


def _wanted(doc: Document, statement: Statement, quoted: set[int]) -> Features:
    """Return the number and gender the speaker must show (from the verb or pronoun)."""
    first, last = statement.cue
    if statement.side == "pronoun" and statement.speaker_hint:
        return POSSESSIVES.get(doc.lowers[statement.speaker_hint[0]], (None, None))
    if doc.tokens[first].tag.startswith("pcon"):
        verb = _main_verb(doc, first, quoted)
        return cue_features(doc, verb, verb + 1) if verb is not None else (None, None)
    modal = _modal_of(doc, first)
    if modal is not None:
        return cue_features(doc, modal, modal + 1)
    return cue_features(doc, first, last)


def _previous(doc: Document, previous: Statement | None, statement: Statement,
              wanted: Features, candidates: list[Mention]) -> Mention | None:
    """Return the speaker of the statement just before, when the cue continues its
    paragraph and agrees with that speaker, and no person (a masculine-personal noun or a
    name) agreeing with the cue is the subject of a sentence in between (`W podobnym
    tonie wypowiedział się X. – … – ostrzegł.`)."""
    if not PREFER_PREVIOUS_SPEAKER or previous is None or previous.speaker is None \
            or previous.kind == "according_to" or statement.kind == "according_to":
        return None
    if doc.paragraph(previous.cue[0]) != doc.paragraph(statement.cue[0]):
        return None
    speaker = previous.speaker
    if not agree(speaker.features, wanted):
        return None
    cue_start = doc.tokens[statement.cue[0]].start
    after = max(previous.content[1], doc.tokens[previous.cue[1] - 1].end)
    before = cue_start if cue_start < statement.content[0] else statement.content[0]
    if any(after < c.start and c.end <= before and agree(c.features, wanted)
           and any(":m1" in doc.tokens[k].tag or {"imię", "nazwisko"} & set(doc.tokens[k].qualifiers)
                   for k in range(c.first, c.last + 1))
           for c in candidates):
        return None
    return Mention(speaker.start, speaker.end, speaker.first, speaker.last, speaker.features, resolved=True)


def _skipped(doc: Document, found: list[Statement], quoted: set[int]) -> set[int]:
    """Return the tokens of quotations and reported contents: no antecedent stands there."""
    spans = sorted(s.content for s in found)
    skipped = set(quoted)
    for k, token in enumerate(doc.tokens):
        if any(start <= token.start < end for start, end in spans):
            skipped.add(k)
    return skipped


def attach_speakers(doc: Document, found: list[Statement], quoted: set[int]) -> None:
    """Fill each statement's speaker, resolving dropped subjects to earlier mentions."""
    candidates: list[Mention] = sentence_subjects(doc, _skipped(doc, found, quoted))
    previous: Statement | None = None
    for statement in sorted(found, key=lambda s: s.cue[0]):
        if statement.side == "continued":
            continue
        wanted = _wanted(doc, statement, quoted)
        speaker = _explicit(doc, statement, wanted, quoted)
        if is_prepositional_cue(doc, statement.cue[0]):
            wanted = (None, None)          # `czytamy w raporcie`: the source is no subject
        if speaker is not None and statement.side != "given" and not agrees_in_number(doc, speaker, wanted):
            speaker = None
        if speaker is None:
            speaker = _previous(doc, previous, statement, wanted, candidates) \
                or resolve(candidates, wanted, doc.tokens[statement.cue[0]].start)
        statement.speaker = speaker
        if speaker is not None:
            candidates.append(speaker)
        previous = statement
    for statement in found:
        speaker = statement.anchor.speaker if statement.anchor is not None else None
        if statement.side == "continued" and speaker is not None:
            statement.speaker = Mention(speaker.start, speaker.end, speaker.first, speaker.last,
                                        speaker.features, resolved=True)
