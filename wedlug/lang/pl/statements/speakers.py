"""Who speaks: the subject next to a cue, or the antecedent of a dropped or relative subject."""

from __future__ import annotations

from collections.abc import Sequence

from wedlug.lang.pl.statements.document import OPENING_QUOTES, Document
from wedlug.lang.pl.statements.model import Features, Mention

CLOSING_MARKS = frozenset("”\"»’")
NOMINAL_TAGS = ("subst", "adj", "ign", "brev", "depr", "ppas", "pact", "num", "adja", "romandig")
GENDERS = {"m1": "m", "m2": "m", "m3": "m", "f": "f", "n": "n", "n1": "n", "n2": "n"}
POSSESSIVES = {"jego": ("sg", "m"), "jej": ("sg", "f"), "ich": ("pl", None),
               "niego": ("sg", "m"), "niej": ("sg", "f"), "nich": ("pl", None)}
# Words standing between a subject and its verb that are not part of the subject.
INTERPOSED = frozenset({"też", "także", "również", "jednak", "nie", "już", "wcześniej", "natomiast",
                        "zaś", "jeszcze", "wówczas", "wtedy", "dziś", "dzisiaj", "wczoraj", "później",
                        "ponadto", "zresztą", "przy", "tym", "bowiem", "więc", "zatem", "ostatnio"})
# Cues whose source stands in a prepositional phrase: `wynika z raportu X`, `czytamy w …`.
PREPOSITIONAL_CUES = frozenset({"wynikać", "czytać", "napisać", "pisać"})


def is_nominal(doc: Document, i: int) -> bool:
    """Tell whether token i can belong to a noun phrase naming a speaker."""
    token = doc.tokens[i]
    if token.tag.startswith(NOMINAL_TAGS) and doc.lemmas[i] != "który":
        return True
    return token.text[:1].isupper() and token.text.isalpha() and token.upos in {"PROPN", "NOUN", "X"}


def _is_joint(doc: Document, i: int, first: int, end: int) -> bool:
    """Tell whether token i joins parts of one name (`Moskwa i Pjongjang`, `(KCNA)`, `prof.`)."""
    text = doc.tokens[i].text
    if text in {"(", ")", "-", "'", "’"} or (text == "." and i > first and doc.tokens[i - 1].tag == "brev"):
        return True
    if doc.tokens[i].tag == "dig" and i > first and doc.tokens[i - 1].text[:1].isupper():
        return True                        # `Nord Stream 2`
    if text == "i" and first < i < end - 1:
        return doc.tokens[i + 1].text[:1].isupper() or doc.tokens[i - 1].text[:1].isupper()
    return False


def features(tag: str) -> Features:
    """Return (number, gender) that a tag shows."""
    parts = tag.split(":")
    number = next((p for p in parts if p in {"sg", "pl"}), None)
    gender = next((GENDERS[p] for p in parts if p in GENDERS), None)
    return number, gender if number == "sg" else None


def agree(a: Features, b: Features) -> bool:
    """Tell whether two sets of agreement features can belong to one subject."""
    return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))


def cue_features(doc: Document, first: int, last: int) -> Features:
    """Return the number and gender of a cue's verb (or of the auxiliary it hangs on)."""
    for i in range(first, last):
        tag = doc.tokens[i].tag
        if tag.startswith(("praet", "fin", "bedzie", "winien")):
            return features(tag)
        if tag.startswith("inf") and i > 0 and doc.tokens[i - 1].tag.startswith(("praet", "fin")):
            return features(doc.tokens[i - 1].tag)
    return None, None


def mention_of(doc: Document, first: int, end: int, resolved: bool = False,
               wanted: Features = (None, None)) -> Mention:
    """Return the mention spanning tokens [first, end); its agreement is the verb's where
    the verb shows it (tags of foreign names are unreliable), else its head noun's."""
    while end > first + 1 and not is_nominal(doc, end - 1) and doc.tokens[end - 1].text != ")":
        end -= 1
    heads = [k for k in range(first, end) if doc.tokens[k].tag.startswith(("subst", "ppron", "ign", "depr"))]
    nominative = [k for k in heads if ":nom" in doc.tokens[k].tag]
    head = (nominative or heads or [first])[0]
    found = features(doc.tokens[head].tag)
    if any(doc.lowers[k] == "i" for k in range(first, end)):
        found = ("pl", None)
    if wanted != (None, None):
        number = wanted[0] or found[0]
        found = (number, wanted[1] or (found[1] if number == found[0] else None))
    return Mention(doc.tokens[first].start, doc.tokens[end - 1].end, first, end - 1, found, resolved)


def agrees_in_number(doc: Document, mention: Mention, wanted: Features) -> bool:
    """Tell whether a mention can be the subject of a verb of the wanted number
    (number tags are reliable where gender tags of foreign names are not)."""
    if wanted[0] is None:
        return True
    span = range(mention.first, mention.last + 1)
    if wanted[0] == "pl" and any(doc.lowers[k] in {"i", "oraz"} for k in span):
        return True
    nouns = [k for k in span if doc.tokens[k].tag.startswith(("subst", "ign", "depr", "ppron"))]
    heads = [k for k in nouns if ":nom" in doc.tokens[k].tag] or nouns[:1]
    numbers = {features(doc.tokens[k].tag)[0] for k in heads}
    return not numbers or wanted[0] in numbers or None in numbers


def agrees_somewhere(doc: Document, first: int, end: int, wanted: Features) -> bool:
    """Tell whether some noun of tokens [first, end) agrees with the wanted features."""
    return any(agree(features(doc.tokens[k].tag), wanted) for k in range(first, end)
               if doc.tokens[k].tag.startswith(("subst", "ign", "depr", "ppron")))


def _opening_mark(doc: Document, close: int, floor: int) -> int | None:
    """Return the index of the mark opening a short quoted name that ends at `close`."""
    for k in range(close - 1, max(floor, close - 6) - 1, -1):
        if doc.tokens[k].text in OPENING_QUOTES:
            return k
    return None


def _run_left(doc: Document, end: int, floor: int) -> int:
    """Return where the nominal run ending before token `end` starts; a quoted name
    (`dziennikiem „Tagesspiegel”`) counts as part of the run."""
    k = end - 1
    while k >= floor:
        if doc.tokens[k].text in CLOSING_MARKS:
            opening = _opening_mark(doc, k, floor)
            if opening is None:
                break
            k = opening - 1
            continue
        if not (is_nominal(doc, k) or _is_joint(doc, k, floor, end)):
            break
        k -= 1
    start = k + 1
    while start < end and not is_nominal(doc, start) and doc.tokens[start].text not in "(„\"":
        start += 1
    return start


def _trim_to_subject(doc: Document, first: int, end: int) -> int:
    """Drop leading words of a run that are not in the nominative (`czerwcu premier X`),
    keeping capitalised name parts the tagger misread (`Kim` in `Kim Dzong Un`)."""
    for k in range(first, end):
        tag = doc.tokens[k].tag
        if ":nom" in tag or tag.startswith(("ign", "brev")):
            while k > first and doc.tokens[k - 1].text[:1].isupper() and (
                    k - 1 == first or doc.tokens[k - 2].upos != "ADP"):
                k -= 1
            return k
    return first


def _antecedent(doc: Document, first: int, end: int, relative: int) -> int:
    """Return where the antecedent of `który` starts inside the run [first, end)."""
    wanted = features(doc.tokens[relative].tag)
    for k in range(end - 1, first - 1, -1):
        if doc.tokens[k].tag.startswith(("subst", "ign")) and agree(features(doc.tokens[k].tag), wanted):
            return _trim_to_subject(doc, first, k + 1) if k > first and doc.tokens[k].text[:1].isupper() \
                and doc.tokens[k - 1].text[:1].isupper() else k
    return first


def _before_inserted_clause(doc: Document, comma: int, floor: int) -> int:
    """Step back over `, który …,` or an apposition `, prezes X,` between subject and verb."""
    for k in range(comma - 1, max(floor, comma - 15) - 1, -1):
        if doc.tokens[k].text == ",":
            if doc.lemmas[k + 1] == "który" or all(is_nominal(doc, j) or _is_joint(doc, j, k, comma)
                                                    for j in range(k + 1, comma)):
                return k - 1
            break
    return comma


def _after_prepositional_object(doc: Document, start: int, end: int, nominative: int) -> int | None:
    """Return where the subject starts in a run opened by a preposition's object
    (`Według agencji Reuters minister X`), or None when the run is only that object."""
    object_end = phrase_after(doc, start)
    if start < object_end < end and any(":nom" in doc.tokens[k].tag for k in range(object_end, end)):
        return object_end
    if nominative > start and doc.lemmas[nominative] in doc.lexicon.speaker_nouns:
        return nominative                  # `W mediach społecznościowych premier X`
    return None


def left_subject(doc: Document, cue: int, wanted: Features = (None, None)) -> tuple[Mention | None, bool]:
    """Return the subject before a cue and whether it is a relative pronoun's antecedent."""
    floor, _ = doc.sentence(cue)
    prepositional = doc.lemmas[cue] in PREPOSITIONAL_CUES
    k = cue - 1
    while k >= floor and doc.lowers[k] in INTERPOSED:
        k -= 1
    if k > floor and doc.tokens[k].text == ",":
        k = _before_inserted_clause(doc, k, floor)
    if k >= floor and doc.lemmas[k] == "który" and k - 1 >= 0 and doc.tokens[k - 1].text == ",":
        start = _run_left(doc, k - 1, max(0, floor - 1))
        if start < k - 1:
            return mention_of(doc, _antecedent(doc, start, k - 1, k), k - 1, resolved=True), True
        return None, True
    for _ in range(4):
        start = _run_left(doc, k + 1, floor)
        if start > k:
            break
        first: int | None = _trim_to_subject(doc, start, k + 1)
        if start > floor and doc.tokens[start - 1].upos == "ADP" and not prepositional:
            first = _after_prepositional_object(doc, start, k + 1, start if first is None else first)
        if first is not None:
            if doc.tokens[first].tag.startswith("ppron"):
                return None, False
            return mention_of(doc, first, k + 1, wanted=wanted), False
        k = start - 2                      # skip a prepositional phrase (`w poniedziałek`)
        while k >= floor and (doc.lowers[k] in INTERPOSED or doc.tokens[k].upos == "ADV"):
            k -= 1
        if k < floor:
            break
    return None, False


def right_subject(doc: Document, after: int, cue_lemma: str, wanted: Features) -> Mention | None:
    """Return the subject after a cue (`– powiedział premier X.`), if one stands there:
    the first nominal run agreeing with the verb, else the first one."""
    _, end = doc.sentence(after - 1)
    prepositional = cue_lemma in PREPOSITIONAL_CUES
    fallback: Mention | None = None
    k = after
    while k < end:
        text = doc.tokens[k].text
        if text in {",", ".", ":", "?", "!", ";", "-", "–", "—"} or text in OPENING_QUOTES \
                or doc.lowers[k] in doc.lexicon.complementizers or doc.is_finite(k):
            break
        if not is_nominal(doc, k):
            k += 1
            continue
        stop = k
        while stop < end and (is_nominal(doc, stop) or _is_joint(doc, stop, k, end)):
            stop += 1
        under_preposition = k > after and doc.tokens[k - 1].upos == "ADP"
        first = k
        named = any(":nom" in doc.tokens[j].tag or doc.tokens[j].text[:1].isupper()
                    for j in range(first, stop))
        if named and (not under_preposition or prepositional):
            if agrees_somewhere(doc, first, stop, wanted):
                return mention_of(doc, first, stop, wanted=wanted)
            fallback = fallback or mention_of(doc, first, stop, wanted=wanted)
        k = stop
    return fallback


def phrase_after(doc: Document, first: int) -> int:
    """Return where the genitive source phrase starting at token `first` ends (`według X`)."""
    if first >= len(doc.tokens):
        return first
    _, end = doc.sentence(first)
    for k in range(first, min(end, first + 12)):
        if doc.tokens[k].text == "," or doc.is_dash(k):
            if k > first and not any(doc.is_finite(j) for j in range(first, k)):
                return k
            break
    k = first
    while k < end:
        token = doc.tokens[k]
        if token.text == "(":
            close = next((j for j in range(k, min(end, k + 8)) if doc.tokens[j].text == ")"), None)
            if close is None:
                break
            return close + 1
        tag = token.tag
        capital = token.text[:1].isupper() and token.text.isalpha()
        if k > first and not capital and doc.tokens[k - 1].text[:1].isupper():
            break                          # `według PAP rozmowy …`: a name ends the phrase
        genitive = ":gen" in tag or tag.startswith(("ign", "brev", "ppron"))
        named = capital and (":nom" not in tag or k == first
                             or doc.lemmas[k - 1] in doc.lexicon.speaker_nouns)
        if not (genitive or named) or not is_nominal(doc, k) and not tag.startswith("ppron"):
            break
        k += 1
    return k


def is_named(doc: Document, mention: Mention) -> bool:
    """Tell whether a mention names someone: a name, a speaker noun or a personal noun
    (NKJP's `m1` gender marks nouns of persons)."""
    nouns = doc.lexicon.speaker_nouns
    return any(doc.lemmas[k] in nouns or doc.tokens[k].upos == "PROPN" or ":m1" in doc.tokens[k].tag or (
        doc.tokens[k].text[:1].isupper() and doc.tokens[k].text[1:2].isalpha() and k != doc.sentence(k)[0])
        for k in range(mention.first, mention.last + 1))


def sentence_subjects(doc: Document, quoted: set[int]) -> list[Mention]:
    """Return the named third-person subject before the first finite verb of each
    sentence outside quotations."""
    found: list[Mention] = []
    for first, end in doc.bounds.values():
        verb = next((k for k in range(first, end) if doc.is_finite(k)), None)
        if verb is None or verb in quoted or ":pri" in doc.tokens[verb].tag \
                or ":sec" in doc.tokens[verb].tag:
            continue
        wanted = cue_features(doc, verb, verb + 1)
        for mention in (left_subject(doc, verb, wanted)[0],
                        right_subject(doc, verb + 1, doc.lemmas[verb], wanted)):
            if mention is not None and is_named(doc, mention):
                found.append(mention)
                break
    return found


def resolve(candidates: Sequence[Mention], wanted: Features, before: int) -> Mention | None:
    """Return the nearest earlier speaker or subject agreeing in number and gender."""
    for mention in sorted(candidates, key=lambda m: m.start, reverse=True):
        if mention.end <= before and agree(mention.features, wanted):
            return Mention(mention.start, mention.end, mention.first, mention.last,
                           mention.features, resolved=True)
    return None
