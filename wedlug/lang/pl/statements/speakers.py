"""Who speaks: the subject next to a cue, or the antecedent of a dropped or relative subject."""

from __future__ import annotations

from collections.abc import Sequence

from wedlug.lang.pl.lexicon import rows
from wedlug.lang.pl.morphology import web_address
from wedlug.lang.pl.statements.document import OPENING_QUOTES, Document
from wedlug.lang.pl.statements.model import Features, Mention

ALL_CLAUSES = True
CLOSING_MARKS = frozenset("”\"»’")
NOMINAL_TAGS = ("subst", "adj", "ign", "brev", "depr", "ppas", "pact", "num", "adja", "romandig")
GENDERS = {"m1": "m", "m2": "m", "m3": "m", "f": "f", "n": "n", "n1": "n", "n2": "n"}
POSSESSIVES = {"jego": ("sg", "m"), "jej": ("sg", "f"), "ich": ("pl", None),
               "niego": ("sg", "m"), "niej": ("sg", "f"), "nich": ("pl", None)}
MONTHS = frozenset(row[0] for row in rows("months.tsv"))
# Nouns a channel's or paper's name stands after (`w telewizji Channel Five`); after other
# nouns a name is the subject (`napisała w oświadczeniu Federica Mogherini`).
MEDIA_NOUNS = frozenset({"telewizja", "stacja", "radio", "rozgłośnia", "program", "magazyn", "serwis",
                         "portal", "gazeta", "dziennik", "tygodnik", "miesięcznik", "agencja", "kanał",
                         "audycja", "telewizyjny", "witryna"})
# Abbreviations standing between a cue and the subject after it (`m.in.`, `np.`).
ASIDES = frozenset({"m.in", "np", "tj", "m.in."})
# Top-level domains ending a portal's name (`PolskieRadio.pl`).
WEB_DOMAINS = frozenset({"pl", "com", "eu", "org", "net", "info", "de", "uk"})
# Prepositions of a part of many (`Niektóre z sąsiadek`, `dwóch spośród posłów`).
PARTITIVE = frozenset({"z", "ze", "spośród"})
# Words standing between a subject and its verb that are not part of the subject.
INTERPOSED = frozenset({"też", "także", "również", "jednak", "nie", "już", "wcześniej", "natomiast",
                        "zaś", "jeszcze", "wówczas", "wtedy", "dziś", "dzisiaj", "wczoraj", "później",
                        "ponadto", "zresztą", "przy", "tym", "bowiem", "więc", "zatem", "ostatnio",
                        "znów", "znowu", "wreszcie", "właśnie", "wręcz", "głównie"})
# Cues whose source stands in a prepositional phrase: `wynika z raportu X`.
PREPOSITIONAL_CUES = frozenset({"wynikać"})
# Cues of reading and writing: their source stands in a prepositional phrase when the
# form is impersonal (`czytamy w raporcie`, `napisano w komunikacie`).
WRITTEN_CUES = frozenset({"czytać", "przeczytać", "napisać", "pisać"})


def is_nominal(doc: Document, i: int) -> bool:
    """Tell whether token i can belong to a noun phrase naming a speaker."""
    token = doc.tokens[i]
    if doc.lemmas[i] in MONTHS and token.text[:1].islower():
        return False                       # `31 maja spółka X`: a date, no part of the speaker
    if token.tag.startswith(NOMINAL_TAGS) and doc.lemmas[i] != "który":
        return True
    if token.tag.startswith("praet") and not doc.is_finite(i):
        return True                        # `były wicepremier`: the adjective "former"
    if token.tag.startswith("ger") and ":gen" in token.tag and i > 0 \
            and doc.tokens[i - 1].tag.startswith("subst"):
        return True                        # `zwolennicy pozostania`: a gerund hanging on a noun
    return token.text[:1].isupper() and token.text.isalpha() and token.upos in {"PROPN", "NOUN", "X"}


def _is_joint(doc: Document, i: int, first: int, end: int) -> bool:
    """Tell whether token i joins parts of one name (`Moskwa i Pjongjang`, `(KCNA)`, `prof.`)."""
    text = doc.tokens[i].text
    if text in {"(", ")", "-", "'", "’"} or (text == "." and i > first and doc.tokens[i - 1].tag == "brev"):
        return True
    if doc.tokens[i].tag == "dig" and i > first and doc.tokens[i - 1].text[:1].isupper():
        return True                        # `Nord Stream 2`
    if text == "." and i > first and i + 1 < end and doc.lowers[i + 1] in WEB_DOMAINS \
            and doc.tokens[i - 1].end == doc.tokens[i].start == doc.tokens[i + 1].start - 1:
        return True                        # `PolskieRadio.pl`, `money.pl`
    if text == "i" and first < i < end - 1:
        before, after = doc.tokens[i - 1].tag, doc.tokens[i + 1].tag
        return doc.tokens[i + 1].text[:1].isupper() or doc.tokens[i - 1].text[:1].isupper() or (
            before.startswith("subst") and ":nom" in before and ":nom" in after)  # `mąż i dzieci`
    return False


def may_be_nominative(tag: str) -> bool:
    """Tell whether a tag's form may be a nominative: tagged so, or an accusative that
    Polish spells like the nominative (plurals outside the masculine-personal gender,
    neuters, inanimate masculines), which taggers often label accusative."""
    if ":nom" in tag:
        return True
    if ":acc" not in tag:
        return False
    parts = tag.split(":")
    return ("pl" in parts and "m1" not in parts) or bool({"n", "n1", "n2", "m3"} & set(parts))


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
    while end > first + 1 and not is_nominal(doc, end - 1) and doc.tokens[end - 1].text != ")" \
            and doc.tokens[end - 1].text not in CLOSING_MARKS:
        end -= 1
    heads = [k for k in range(first, end) if doc.tokens[k].tag.startswith(("subst", "ppron", "ign", "depr"))]
    nominative = [k for k in heads if may_be_nominative(doc.tokens[k].tag)]
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
    if wanted[1] in {None, "n"} and any(doc.tokens[k].tag.startswith("num") for k in span):
        return True                        # `kilka partii deklarowało`: a neuter singular verb
    if any(doc.tokens[k].tag.startswith("num") or doc.lowers[k] in PARTITIVE for k in span) \
            and wanted[0] == "pl":
        return True                        # `Niektóre z sąsiadek uznały`: a part of many
    nouns = [k for k in span if doc.tokens[k].tag.startswith(("subst", "ign", "depr", "ppron"))
             and not (doc.tokens[k].tag.startswith("ppron") and ":gen" in doc.tokens[k].tag)]
    if nouns and all("guess" in doc.tokens[k].qualifiers for k in nouns):
        return True                        # `oświadczył Qadri`: a guessed name's number is a guess
    heads = [k for k in nouns if may_be_nominative(doc.tokens[k].tag)] or nouns[:1]
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
        if may_be_nominative(tag) or tag.startswith(("ign", "brev")):
            while k > first and doc.tokens[k - 1].text[:1].isupper() and (
                    k - 1 == first or doc.tokens[k - 2].upos != "ADP") \
                    and not doc.tokens[k - 1].tag.startswith("ppron"):  # `Jej mąż`: no name part
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


def _before_inserted_clause(doc: Document, comma: int, floor: int) -> tuple[int, tuple[int, int] | None]:
    """Step back over `, który …,` or an apposition `, prezes X,` between subject and verb;
    return where the subject ends and, for an apposition that is a name
    (`chrześcijanka, Asia Bibi,`), the name's token range."""
    for k in range(comma - 1, max(floor, comma - 15) - 1, -1):
        if doc.tokens[k].text == ",":
            if doc.lemmas[k + 1] == "który":
                return k - 1, None
            if all(is_nominal(doc, j) or _is_joint(doc, j, k, comma) for j in range(k + 1, comma)):
                names = all(doc.tokens[j].text[:1].isupper() or _is_joint(doc, j, k, comma)
                            for j in range(k + 1, comma))
                return k - 1, (k + 1, comma) if names else None
            break
    return comma, None


def _after_prepositional_object(doc: Document, start: int, end: int, nominative: int) -> int | None:
    """Return where the subject starts in a run opened by a preposition's object
    (`Według agencji Reuters minister X`, `przed świętami 46-letnia Asia Bibi`), or None
    when the run is only that object."""
    governed_case = doc.tokens[start - 1].tag.split(":")[1:2]
    skip = start
    while skip < end and governed_case and f":{governed_case[0]}" in doc.tokens[skip].tag:
        skip += 1                          # `W ubiegły czwartek przedstawicielka X`
    if start < skip < end and ":nom" in doc.tokens[skip].tag and governed_case not in (["nom"], ["gen"]):
        return skip
    object_end = phrase_after(doc, start)
    if object_end >= end:
        return None
    if start < object_end and any(":nom" in doc.tokens[k].tag for k in range(object_end, end)):
        return object_end
    governed = doc.tokens[start - 1].tag.split(":")[1:2]
    if nominative > start and ":nom" in doc.tokens[nominative].tag and governed != ["nom"] \
            and doc.tokens[nominative - 1].text not in OPENING_QUOTES:
        return nominative                  # the preposition's object is not in the nominative
    if governed not in (["nom"], ["gen"]) and start < skip < end:
        # `W opublikowanym w poniedziałek raporcie globalna firma EY`: past the locative or
        # instrumental nouns of an outer prepositional phrase, a nominative starts the subject
        found = next((k for k in range(skip, end) if ":nom" in doc.tokens[k].tag), None)
        if found is not None and found > skip and all(any(f":{case}" in doc.tokens[k].tag
                                                          for case in ("loc", "inst", "dat"))
                                                      for k in range(skip, found)):
            return found
    return None


def _has_subject_case(doc: Document, first: int, end: int) -> bool:
    """Tell whether a run can be a subject: it has a nominative or a form the tagger
    does not know (`ign`, abbreviations), or a capitalised name (their case tags are
    unreliable)."""
    return any(may_be_nominative(doc.tokens[k].tag) or doc.tokens[k].tag.startswith(("ign", "brev"))
               or doc.tokens[k].upos == "PROPN" for k in range(first, end))


def is_prepositional_cue(doc: Document, cue: int) -> bool:
    """Tell whether a cue names its source in a prepositional phrase: `wynika z raportu X`,
    and impersonal forms of reading and writing (`czytamy w`, `napisano w`, `można
    przeczytać w`); `napisał w wiadomości` has a subject of its own."""
    lemma = doc.lemmas[cue]
    if lemma in PREPOSITIONAL_CUES:
        return True
    tag = doc.tokens[cue].tag
    if tag.startswith("imps") and doc.lowers[cue + 1:cue + 2] == ["w"]:
        return True                        # `zaznaczono w komunikacie`: the document speaks
    return lemma in WRITTEN_CUES and (tag.startswith(("imps", "inf")) or ":pl:pri" in tag or "się" in
                                      doc.lowers[cue + 1:cue + 2])


def _relative_subject(doc: Document, k: int, floor: int) -> tuple[Mention | None, bool] | None:
    """Return the antecedent when token k is `który` opening a relative clause, alone
    (`, która oświadczyła`) or after a preposition (`badania, z których wynika`)."""
    if k < floor or doc.lemmas[k] != "który":
        return None
    comma = k - 1
    prepositional = comma > 0 and doc.tokens[comma].upos == "ADP"
    if prepositional:
        comma -= 1
    if comma < 0 or doc.tokens[comma].text != ",":
        return None
    start = _run_left(doc, comma, max(0, floor - 1))
    if start < comma:
        document = next((j for j in range(comma - 1, start - 1, -1) if doc.lemmas[j] in DOCUMENT_NOUNS), None)
        if prepositional and document is not None:
            author = _author_of(doc, document, floor)
            if author is not None:
                return author, True
        return mention_of(doc, _antecedent(doc, start, comma, k), comma, resolved=True), True
    return None, True


# Documents whose author speaks in a relative clause about them: `wydał oświadczenie,
# w którym zapewnia, że …` (the one who issued it says so).
DOCUMENT_NOUNS = frozenset({"oświadczenie", "komunikat", "raport", "list", "wpis", "apel", "rezolucja",
                            "dokument", "notatka", "wywiad", "przemówienie", "wystąpienie", "orędzie",
                            "post", "tweet", "nagranie", "film", "artykuł", "felieton", "pismo"})


def _author_of(doc: Document, head: int, floor: int) -> Mention | None:
    """Return the subject of the verb whose object is the document at `head`."""
    verb = next((j for j in range(head - 1, floor - 1, -1) if doc.is_finite(j)), None)
    if verb is None:
        return None
    found = left_subject(doc, verb, cue_features(doc, verb, verb + 1))[0]
    if found is None:
        return None
    return Mention(found.start, found.end, found.first, found.last, found.features, resolved=True)


def _unclosed_relative(doc: Document, floor: int, cue: int, wanted: Features) -> tuple[Mention, bool] | None:
    """Return the antecedent of a relative clause whose closing comma is missing
    (`X, która przebiegła dwa maratony przyznała, że`): the verb agrees with it."""
    for k in range(cue - 1, floor, -1):
        if doc.tokens[k].text == ",":
            if doc.lemmas[k + 1] != "który":
                return None
            if not agree(features(doc.tokens[k + 1].tag), wanted):
                return None
            start = _run_left(doc, k, floor)
            if start < k:
                return mention_of(doc, _antecedent(doc, start, k, k + 1), k, wanted=wanted), False
            return None
    return None


def _coordinated_subject(doc: Document, conjunction: int, floor: int, wanted: Features) -> Mention | None:
    """Return the subject shared by a verb joined with `i` to an earlier one (`sąsiadki
    uznały … i zażądały, by …`), when that verb agrees in number and gender."""
    verb = next((j for j in range(conjunction - 1, floor - 1, -1) if doc.is_finite(j)), None)
    if verb is None or not agree(cue_features(doc, verb, verb + 1), wanted) \
            or any(doc.tokens[j].text in {",", ";", ":"} for j in range(verb, conjunction)):
        return None
    found = left_subject(doc, verb, wanted)[0]
    if found is None:
        return None
    return Mention(found.start, found.end, found.first, found.last, found.features, resolved=True)


def left_subject(doc: Document, cue: int, wanted: Features = (None, None)) -> tuple[Mention | None, bool]:
    """Return the subject before a cue and whether it is a relative pronoun's antecedent."""
    floor, _ = doc.sentence(cue)
    prepositional = is_prepositional_cue(doc, cue)
    k = _skip_back(doc, cue - 1, floor)
    if k > floor and doc.tokens[k].text == ",":
        k, settled = _past_comma(doc, k, floor, wanted)
    else:
        settled = _relative_subject(doc, k, floor)
    if settled is not None:
        return settled
    if k > floor and doc.lowers[k] in {"i", "oraz"}:
        shared = _coordinated_subject(doc, k, floor, wanted)
        if shared is not None:
            return shared, False
    for _ in range(4):
        start = _run_left(doc, k + 1, floor)
        if start > k:
            break
        part = _partitive(doc, start, k + 1, floor, wanted)
        if part is not None:
            return part, False
        first: int | None = start if prepositional else _trim_to_subject(doc, start, k + 1)
        if start > floor and doc.tokens[start - 1].upos == "ADP" and not prepositional:
            first = _after_prepositional_object(doc, start, k + 1, start if first is None else first)
            if first is None and doc.lowers[start - 1] == "przez" and doc.tokens[cue].tag.startswith("imps"):
                first = start              # `w komunikacie wydanym przez X poinformowano`: the agent
        if first is not None and (prepositional or _has_subject_case(doc, first, k + 1)):
            if doc.tokens[first].tag.startswith("ppron"):
                return None, False
            found = mention_of(doc, first, k + 1, wanted=wanted)
            # A prepositional source need not agree with the cue when it names someone
            # (`z najnowszych danych Banku Anglii wynika`); one that names nobody (`z tych
            # informacji wynika`) is looked for further left.
            if not agrees_in_number(doc, found, wanted) and not (prepositional and any(
                    doc.tokens[t].upos == "PROPN" for t in range(found.first, found.last + 1))):
                relative_found = _unclosed_relative(doc, floor, cue, wanted)
                if relative_found is not None:
                    return relative_found
                if not (start > floor and doc.tokens[start - 1].upos == "ADP"):
                    return found, False
                # `Zwolennicy pozostania w strefie euro uważają`: the run was the object of
                # a preposition inside the subject; look further left
            else:
                return found, False
        k = _skip_back(doc, start - 2, floor)  # past a prepositional phrase (`w poniedziałek`)
        if k < floor:
            break
        if k > floor and doc.tokens[k].text == ",":
            # `premier Pakistanu, Imre Khan, już w kampanii mówił`
            k, settled = _past_comma(doc, k, floor, wanted)
            if settled is not None:
                return settled
    return None, False


def _past_comma(doc: Document, comma: int, floor: int, wanted: Features
                ) -> tuple[int, tuple[Mention | None, bool] | None]:
    """Step back over an inserted clause or apposition at a comma before the verb; return
    where the search goes on and, when the comma settles it, the subject: a name in
    apposition, or a relative pronoun's antecedent."""
    k, name = _before_inserted_clause(doc, comma, floor)
    if name is not None:
        return k, (mention_of(doc, *name, wanted=wanted), False)
    return k, _relative_subject(doc, k, floor)


def _skip_back(doc: Document, k: int, floor: int) -> int:
    """Step left over words between a subject and its verb: interposed particles,
    adverbs and a year after a preposition (`który w 2015 spotkał`)."""
    while k >= floor:
        if doc.lowers[k] in INTERPOSED or doc.tokens[k].upos == "ADV":
            k -= 1
        elif doc.tokens[k].tag == "dig" and k > floor and doc.tokens[k - 1].upos == "ADP":
            k -= 2
        else:
            break
    return k


def _partitive(doc: Document, start: int, end: int, floor: int, wanted: Features) -> Mention | None:
    """Return `Niektóre z jej sąsiadek` when the run [start, end) is the genitive after
    `z` that a quantifier or numeral in the nominative governs."""
    p = start - 1
    if p >= floor and doc.lowers[p] in POSSESSIVES:
        p -= 1
    if p - 1 < floor or doc.lowers[p] not in PARTITIVE:
        return None
    head = doc.tokens[p - 1]
    if not (head.tag.startswith("num") or (head.tag.startswith("adj") and ":nom" in head.tag)):
        return None
    return mention_of(doc, p - 1, end, wanted=wanted)


def _quoted_name_end(doc: Document, k: int, end: int) -> int | None:
    """Return the index after a short quoted name opening at token k (`„The Sun”`)."""
    if doc.tokens[k].text not in OPENING_QUOTES:
        return None
    for j in range(k + 1, min(end, k + 7)):
        if doc.tokens[j].text in CLOSING_MARKS:
            inner = range(k + 1, j)
            if inner and all(doc.tokens[i].text[:1].isupper() or not doc.tokens[i].text.isalpha()
                             for i in inner):
                return j + 1
            return None
    return None


def _name_end(doc: Document, first: int, stop: int) -> int:
    """Return where the run of capitalised words from token `first` ends (at most `stop`);
    a web address is a whole name by itself (`portalowi PolskieRadio.pl Joerg Forbrig`,
    `serwisu conservativehome.com`)."""
    for i in range(first, stop):
        text = doc.tokens[i].text
        if web_address(text):
            return i + 1
        if not text[:1].isupper():
            return i
    return stop


def _next_subject(doc: Document, k: int, stop: int) -> int:
    """Return the first token after `k` (before `stop`) that may open the subject: a
    nominative, or a foreign name whose case is only guessed; `k` when there is none."""
    return next((j for j in range(k + 1, stop) if ":nom" in doc.tokens[j].tag or _guessed_name(doc, j)), k)


def _guessed_name(doc: Document, j: int) -> bool:
    """Tell whether token j starts a foreign name whose case is only guessed
    (`w oświadczeniu Federica Mogherini`)."""
    return "guess" in doc.tokens[j].qualifiers and doc.tokens[j].text[:1].isupper() \
        and (not doc.tokens[j - 1].text[:1].isupper() or web_address(doc.tokens[j - 1].text))


def _agent_end(doc: Document, k: int, end: int) -> int:
    """Return where the agent after `przez` ends: an acronym or a quoted title alone
    (`przez DGP Jewhen Mahda`), else its nominal run."""
    titled = _quoted_name_end(doc, k, end)
    if titled is not None:
        return titled
    if doc.tokens[k].text.isupper() and len(doc.tokens[k].text) > 1:
        return k + 1
    stop = k
    while stop < end and is_nominal(doc, stop) and ":nom" not in doc.tokens[stop].tag:
        stop += 1
    return max(stop, k + 1)


def _title_of_noun(doc: Document, k: int, end: int) -> int | None:
    """Return the index after a short quoted title that names the common noun before it
    (`w magazynie "24 godziny"`, `w programie „Kawa na ławę”`)."""
    if doc.tokens[k].text not in OPENING_QUOTES or k == 0 or not doc.tokens[k - 1].tag.startswith("subst") \
            or not doc.tokens[k - 1].text[:1].islower():
        return None
    return next((j + 1 for j in range(k + 2, min(end, k + 7)) if doc.tokens[j].text in CLOSING_MARKS), None)


def _head_case(doc: Document, first: int, stop: int) -> str:
    """Return `nom` when a run's head noun is nominative, `oblique` when it is an
    inflected form in another case (`Angelę`, `Europejczyków`), else `unknown`."""
    head = next((k for k in range(first, stop)
                 if doc.tokens[k].tag.startswith(("subst", "ign", "depr", "ppron", "brev"))), first)
    tag = doc.tokens[head].tag
    if may_be_nominative(tag):
        return "nom"
    if "guess" in doc.tokens[head].qualifiers and doc.tokens[head].text[:1].isupper():
        return "unknown"                   # a foreign name's case is only guessed
    if any(f":{case}" in tag for case in ("gen", "dat", "acc", "inst", "loc")) \
            and doc.lowers[head] != doc.lemmas[head]:
        return "oblique"
    return "unknown"


def right_subject(doc: Document, after: int, cue: int, wanted: Features) -> Mention | None:
    """Return the subject after a cue (`– powiedział premier X.`), if one stands there:
    the first nominative run agreeing with the verb, else the first agreeing run, else
    the first run (`poinformowały AFP służby` names the services)."""
    _, end = doc.sentence(after - 1)
    prepositional = is_prepositional_cue(doc, cue)
    runs: list[tuple[int, int]] = []
    k = after
    while k < end:
        text = doc.tokens[k].text
        if doc.lowers[k] in ASIDES:
            k += 1 + (k + 1 < end and doc.tokens[k + 1].text == ".")
            continue                       # `poinformował m.in. były premier X`
        quoted = _quoted_name_end(doc, k, end)
        if quoted is not None:
            if prepositional or doc.tokens[k - 1].upos != "ADP":
                runs.append((k, quoted))   # not `w rozmowie z „Financial Timesem”`: a partner
            k = quoted
            continue
        titled = _title_of_noun(doc, k, end)
        if titled is not None:
            k = titled                     # `w magazynie "24 godziny"`: a programme's title
            continue
        if k == after and doc.lemmas[k] == "cytować" and doc.tokens[k].tag.startswith("ppas") \
                and k + 2 < end and doc.lowers[k + 1] == "przez":
            k = _agent_end(doc, k + 2, end)  # `powiedział cytowany przez DGP Jewhen Mahda`
            continue
        if text in {",", ".", ":", "?", "!", ";", "-", "–", "—"} or text in OPENING_QUOTES \
                or doc.lowers[k] in doc.lexicon.complementizers or doc.is_finite(k):
            break
        if not is_nominal(doc, k):
            k += 1
            continue
        stop = k
        while stop < end:
            if is_nominal(doc, stop) or _is_joint(doc, stop, k, end):
                stop += 1
            elif (quoted := _quoted_name_end(doc, stop, end)) is not None:
                stop = quoted              # `w dzisiejszym „Dzienniku Gazecie Prawnej”`
            else:
                break
        under_preposition = k > after and doc.tokens[k - 1].upos == "ADP"
        if under_preposition and not prepositional:
            # `w piątek miejscowa prasa`: the subject starts at the first nominative, but a
            # name right after a channel under the preposition belongs to it (`w telewizji
            # Channel Five`, `w TVN24 BiS`): the subject is the next phrase, if any
            j = _next_subject(doc, k, stop)
            floor = k
            name_end = _name_end(doc, k + 1, stop)
            if k < j < name_end and (
                    (doc.tokens[k].text[:1].isupper() and doc.lowers[k] == doc.lemmas[k].lower())
                    or doc.lemmas[k] in MEDIA_NOUNS):
                j = next((i for i in range(name_end, stop) if ":nom" in doc.tokens[i].tag and (
                    doc.tokens[i].text[:1].islower() or doc.tokens[i - 1].text[:1].islower()
                    or web_address(doc.tokens[i - 1].text))), k)
                floor = j
            while floor < j - 1 and doc.tokens[j - 1].text[:1].isupper():
                j -= 1                     # `w piątek Jan Kowalski`: the whole name
            k = j
            under_preposition = doc.tokens[k - 1].upos == "ADP"
        told = False
        if not under_preposition and _head_case(doc, k, stop) == "oblique":
            # `poinformował Reutera świadek`, `mówi gazecie Jewhen Mahda`: the outlet is
            # told, the witness speaks (a guessed foreign name's case is a guess too)
            j = _next_subject(doc, k, stop)
            if doc.lemmas[k] in MEDIA_NOUNS and j == k + 1 and (
                    doc.tokens[j].text[:1].isupper() or web_address(doc.tokens[j].text)):
                # `mówi portalowi PolskieRadio.pl znawca Rosji X`: the portal's name is told too
                # (but `mówi gazecie Jewhen Mahda, szef …`: no one else is named, he speaks)
                name_end = _name_end(doc, j, stop)
                if web_address(doc.tokens[j].text) and name_end < stop:
                    j = name_end           # the address names the portal; who follows speaks
                else:
                    j = next((i for i in range(name_end, stop) if ":nom" in doc.tokens[i].tag), j)
            told = j != k
            k = j
        named = any(may_be_nominative(doc.tokens[j].tag) or doc.tokens[j].text[:1].isupper()
                    for j in range(k, stop))
        if prepositional and under_preposition or named and not under_preposition \
                and (told or _head_case(doc, k, stop) != "oblique"):
            runs.append((k, stop))
        k = stop
    if not runs:
        return None
    agreeing = [r for r in runs if agrees_somewhere(doc, *r, wanted)]
    nominative = [r for r in agreeing if _head_case(doc, *r) == "nom"]
    # `wynika z raportu przygotowanego przez Work Service`: the agent made the source
    agents = [r for r in runs if r[0] > 1 and doc.lowers[r[0] - 1] == "przez"
              and doc.tokens[r[0] - 2].tag.startswith("ppas")] if prepositional else []
    first, stop = (agents or nominative or agreeing or runs)[0]
    return mention_of(doc, first, _named_after(doc, first, stop, end), wanted=wanted)


def _named_after(doc: Document, first: int, stop: int, end: int) -> int:
    """Return where a lower-case title run ends when the person's name follows a short
    prepositional phrase (`główny negocjator brexitu z ramienia UE Michel Barnier`)."""
    if doc.tokens[first].text[:1].isupper() or stop >= end or doc.tokens[stop].upos != "ADP":
        return stop
    for k in range(stop + 2, min(end, stop + 6)):
        if _name_word(doc, k) and not doc.tokens[k].text.isupper() and k + 1 < end and _name_word(doc, k + 1):
            name_end = k + 2               # a first name and a surname
            while name_end < end and _name_word(doc, name_end):
                name_end += 1
            return name_end
        if not is_nominal(doc, k):
            return stop
    return stop


def _name_word(doc: Document, k: int) -> bool:
    return doc.tokens[k].upos == "PROPN" and doc.tokens[k].text[:1].isupper()


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
        quoted = _quoted_name_end(doc, k, end)
        if quoted is not None:
            return quoted                  # `tygodnika „Der Spiegel”`: a title ends the phrase
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
    span = range(mention.first, mention.last + 1)
    if not any(doc.tokens[k].tag.startswith(("subst", "ign", "brev", "depr")) or doc.tokens[k].upos == "PROPN"
               for k in span):
        return False                       # `został przedłużony`: a participle names no one
    return any(doc.lemmas[k] in nouns or doc.tokens[k].upos == "PROPN" or ":m1" in doc.tokens[k].tag or (
        doc.tokens[k].text[:1].isupper() and doc.tokens[k].text[1:2].isalpha() and k != doc.sentence(k)[0])
        for k in range(mention.first, mention.last + 1))


def _clause_verbs(doc: Document, first: int, end: int, skipped: set[int]) -> list[int]:
    """Return the third-person finite verbs of a sentence that head a clause of the
    narration: the first one, and any later one opening a clause after a comma, a
    conjunction or a bare name (`…, a minister dodał`); reported words are skipped."""
    verbs: list[int] = []
    for k in range(first, end):
        if not doc.is_finite(k) or k in skipped or ":pri" in doc.tokens[k].tag or ":sec" in doc.tokens[k].tag:
            continue
        if not verbs or ALL_CLAUSES:
            verbs.append(k)
    return verbs


def sentence_subjects(doc: Document, skipped: set[int]) -> list[Mention]:
    """Return the named third-person subjects of the clauses of the narration (tokens in
    `skipped`, quotations and reported contents, are left out)."""
    found: list[Mention] = []
    for first, end in doc.bounds.values():
        for verb in _clause_verbs(doc, first, end, skipped):
            wanted = cue_features(doc, verb, verb + 1)
            for mention in (left_subject(doc, verb, wanted)[0], right_subject(doc, verb + 1, verb, wanted)):
                if mention is not None and is_named(doc, mention) \
                        and not any(k in skipped for k in range(mention.first, mention.last + 1)):
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


# Pronouns that stand for a document or body in a prepositional source (`wynika z niego`,
# `z ich badań wynika`), with the number and gender they show.
OBLIQUE_PRONOUNS = {**POSSESSIVES, "nim": ("sg", None), "nią": ("sg", "f"), "nimi": ("pl", None)}


def noun_antecedent(doc: Document, before: int, wanted: Features, reach: int = 40) -> Mention | None:
    """Return the nearest noun phrase before token `before` agreeing with a pronoun's
    number and gender (`raportu Sbierbanku …. Wynika z niego`), from its first agreeing
    noun to the end of its run."""
    for k in range(before - 1, max(-1, before - reach), -1):
        tag = doc.tokens[k].tag
        if not tag.startswith(("subst", "adj")) or not agree(features(tag), wanted) \
                or features(tag)[0] is None or doc.tokens[k].upos in {"PRON", "DET"}:
            continue
        end = k + 1
        while end < len(doc.tokens) and is_nominal(doc, end) and doc.sentence(end) == doc.sentence(k):
            end += 1
        start = k                          # a genitive hangs on the noun before it: `raportu Sbierbanku`
        while start > 0 and ":gen" in doc.tokens[start].tag and is_nominal(doc, start - 1):
            start -= 1
        first = next((j for j in range(start, k + 1) if agree(features(doc.tokens[j].tag), wanted)
                      and doc.tokens[j].tag.startswith(("subst", "adj"))), k)
        return mention_of(doc, first, end, resolved=True, wanted=wanted)
    return None


def prepositional_pronoun(doc: Document, cue: int) -> int | None:
    """Return the index of the pronoun naming a prepositional cue's source (`wynika z
    niego`, `Z ich świadectw wynika`), if one stands there."""
    for k in (cue + 2, cue - 2, cue - 1):
        if 0 < k < len(doc.tokens) and doc.lowers[k] in OBLIQUE_PRONOUNS \
                and doc.tokens[k - 1].upos == "ADP" and doc.sentence(k) == doc.sentence(cue):
            return k
    return None
