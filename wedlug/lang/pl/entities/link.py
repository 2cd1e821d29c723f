"""Candidate mentions, their choice, and their linking to KB entries or article entities."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from wedlug.article import Article, Token
from wedlug.lang.pl.entities import names as name_lists
from wedlug.lang.pl.entities.base import Word, base_form, readings
from wedlug.lang.pl.entities.kb import Entry, KnowledgeBase, Match, _lemmas_of, institutions, token_lemmas

# NKJP mention types -> record types, for names the KB does not know.
TYPES = {"persName": "person", "orgName": "organization", "placeName": "location",
         "geogName": "location"}
# ... and back: the mention type a KB entry's record type stands for.
KINDS = {record: kind for kind, record in TYPES.items()}
VERBS = frozenset(("fin", "praet", "bedzie", "impt", "winien"))
PREPOSITIONS = frozenset(("prep",))
# Adjectives that place an institution in a country the article named elsewhere
# (`tamtejsze MSZ`): not the KB's Polish ministry that a bare `MSZ` names.
ELSEWHERE = frozenset(("tamtejszy", "miejscowy", "lokalny"))
NAMES = frozenset(("imię", "nazwisko", "nazwa_geograficzna", "nazwa_firmy", "nazwa_organizacji",
                   "nazwa_instytucji", "guess"))


@dataclass
class Candidate:
    """A possible mention: tokens [first, last) of one sentence, and what found it."""

    tokens: list[Token]
    first: int
    last: int
    source: str  # "detector", "fallback", "kb", "role", "institution"
    kind: str = ""  # the detector's type
    entry: Entry | None = None
    mode: str = ""
    roles: tuple[Entry, ...] = ()
    pattern: tuple[str, ...] = ()  # the KB name's words, for a gazetteer match
    fits: bool = True  # every token's chosen lemma is one of its pattern word's lemmas

    @property
    def start(self) -> int:
        return self.tokens[self.first].start

    @property
    def end(self) -> int:
        return self.tokens[self.last - 1].end

    @property
    def span(self) -> list[Token]:
        return self.tokens[self.first:self.last]


@dataclass
class Found:
    """An entity of one article while it is being assembled."""

    id: str
    name: str
    type: str
    entry: Entry | None
    mentions: list[tuple[Candidate, str]] = field(default_factory=list)


def words(tokens: Sequence[Token], text: str) -> list[Word]:
    """The tokens of a mention as base-form words, with their spacing."""
    out = []
    for k, token in enumerate(tokens):
        gap = k + 1 < len(tokens) and tokens[k + 1].start > token.end
        out.append(Word(token.text, token.lemma, token.tag, token.qualifiers, gap))
    return out


def pattern_base(cand: Candidate) -> str:
    """A gazetteer match's base form: the KB name it matched, spelt as the text spells
    the words it shares with it (`Niemiec` -> `Niemcy`, `Covid-19` stays `Covid-19`).
    Inhabitant names (`@`) are common nouns: they get the ordinary base form."""
    if cand.source != "kb" or not cand.pattern or cand.mode == "@":
        return ""
    tokens = cand.span
    out = []
    for k, (token, spelling) in enumerate(zip(tokens, cand.pattern, strict=True)):
        out.append(token.text if token.text.lower() == spelling.lower() else spelling)
        if k + 1 < len(tokens) and tokens[k + 1].start > token.end:
            out.append(" ")
    return "".join(out)


def institution_matches(tokens: Sequence[Token], kb: KnowledgeBase,
                        countries: dict[int, Match]) -> list[Candidate]:
    """`rosyjski MSZ`, `MSZ Rosji`: an institution noun with its country."""
    table = institutions()
    out = []
    for i, token in enumerate(tokens):
        for inst in table.get(token.lemma.lower(), ()):
            n = len(inst.lemmas)
            if i + n > len(tokens) or any(inst.lemmas[k] not in token_lemmas(tokens[i + k])
                                          for k in range(n)):
                continue
            country, first, last = None, i, i + n
            if i and tokens[i - 1].tag.startswith("adj"):
                country = kb.by_adjective.get(tokens[i - 1].lemma.lower())
                first = i - 1
            if country is None and i + n in countries:
                country, first, last = countries[i + n].pattern.entry, i, countries[i + n].last
            if country is None or country.type != "country" or not country.country:
                continue
            entry = kb.institutions.get((country.country, inst.key)) or Entry(
                f"pl:{inst.display} ({country.name})", f"{inst.display} ({country.name})",
                "media" if inst.role == "MED" else "organization", None, country.country,
                (country.actor or country.country) + inst.role if country.actor else None,
                (), (), inst.key, ())
            out.append(Candidate(list(tokens), first, last, "institution", entry=entry))
    return out


def actor_use(candidate: Candidate) -> bool:
    """The mention stands as a subject: nominative, no preposition, a verb in the sentence."""
    head = candidate.span[0]
    if "nom" not in head.tag.split(":"):
        return False
    if candidate.first and candidate.tokens[candidate.first - 1].tag.split(":")[0] in PREPOSITIONS:
        return False
    return any(t.tag.split(":")[0] in VERBS for t in candidate.tokens)


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping names (longest first, the KB's before the detector's), then nested
    role and institution phrases that contain names without crossing them."""
    names = _trimmed([c for c in candidates if c.source not in ("role", "institution")])
    # On one span, a plain KB name goes before one that counts only once its entity is
    # named (`Rzeczpospolitej`: the paper's name, and the `~` alias of the same form).
    names.sort(key=lambda c: (-(c.last - c.first), c.source not in ("kb",), not c.fits,
                              c.mode == "@", c.first, c.mode == "~"))
    taken: list[Candidate] = []
    used: set[int] = set()  # start offsets of the tokens taken names cover
    for cand in names:
        starts = [t.start for t in cand.span]
        if not used.intersection(starts):
            taken.append(cand)
            used.update(starts)
    extra = [c for c in candidates if c.source in ("role", "institution")]
    extra.sort(key=lambda c: (-(c.last - c.first), c.first))
    chosen: list[Candidate] = []
    for cand in extra:
        crosses = any(not (cand.end <= t.start or cand.start >= t.end)
                      and not (cand.start <= t.start and t.end <= cand.end) for t in taken + chosen)
        same = any(cand.start == t.start and cand.end == t.end for t in taken)
        if not crosses and not same:
            chosen.append(cand)
    return sorted(taken + chosen, key=lambda c: (c.start, -c.end))


def _trimmed(names: list[Candidate]) -> list[Candidate]:
    """A detected span that opens with a name the KB knows and goes on into a person's
    name (`Gazpromu Jan Nowak`, `Putin Donald Tusk`, `Komisji Europejskiej Jean-Claude'a
    Junckera`, `UE Arron Banks`): the KB's name, and the person after it when that starts
    with a first name of the lists (`UE Verhofstadt` stays whole). A person whose first
    name is hyphened (`Jean-Claude'a`) runs on into the detected person glued to it."""
    names = [c for c in names if not (c.source == "kb" and _inside_longer_name(c))]
    kb = [c for c in names if c.source == "kb" and c.entry is not None and c.mode != "@"]
    people = {(id(c.tokens), c.first): c for c in names if c.source == "detector" and c.kind == "persName"}
    out = []
    for cand in names:
        if cand.source == "detector" and cand.last - cand.first > 1:
            heads = [k for k in kb if k.tokens is cand.tokens and k.first == cand.first
                     and k.last < cand.last and not (k.entry is not None and k.entry.type != "person"
                                                     and _first_name(cand.tokens[k.first]))]
            if heads:
                head = max(heads, key=lambda k: k.last)
                rest = cand.tokens[head.last]
                if _first_name(rest) and (cand.kind == "persName" or head.entry is None
                                          or head.entry.type != "person"):
                    if cand.kind != "persName":
                        out.append(head)   # the name the span opened with stands alone
                    last = _glued_person(cand.tokens, cand.last, people)
                    out.append(Candidate(cand.tokens, head.last, last, cand.source, "persName"))
                    continue
        if cand.source == "detector" and cand.kind == "persName" and _first_name(cand.tokens[cand.last - 1]):
            last = _glued_person(cand.tokens, cand.last, people)
            if last != cand.last:
                out.append(Candidate(cand.tokens, cand.first, last, cand.source, cand.kind))
                continue
        out.append(cand)
    return out


def _glued_person(tokens: list[Token], last: int, people: dict[tuple[int, int], Candidate]) -> int:
    """Where a person's name ending at `last` ends when a hyphen glues it to the detected
    person after it (`Jean` `-` `Claude'a Junckera`), else `last`."""
    if last < len(tokens) and tokens[last].text in GLUE and glued(tokens, last):
        person = people.get((id(tokens), last + 1))
        if person is not None:
            return person.last
    return last


def glued(tokens: Sequence[Token], k: int) -> bool:
    """Token k touches the tokens on both sides of it, with no space (`BASF` `-`
    `Wintershall`, `Lloyd` `’` `s`)."""
    return 0 < k < len(tokens) - 1 and tokens[k - 1].end == tokens[k].start \
        and tokens[k].end == tokens[k + 1].start


def placed_elsewhere(tokens: Sequence[Token], first: int) -> bool:
    """An adjective of `ELSEWHERE` stands before token `first` (`tamtejszego MSZ`)."""
    return first > 0 and tokens[first - 1].lemma in ELSEWHERE


def _first_name(token: Token) -> bool:
    """A capitalised first name of the lists (`Jarosław` the man, not the town)."""
    return token.text[:1].isupper() and (token.text in name_lists.first_names()
                                         or name_lists.first_name_base(token.text) is not None)


GLUE = frozenset("-")


def _inside_longer_name(cand: Candidate) -> bool:
    """A KB name that is only part of a longer name: a surname alias after another first
    name (`Jarosław Błaszczak` is not the KB's `Mariusz Błaszczak`), a half of a hyphened
    compound (`BASF-Wintershall`; a slash lists names: `PAP/Jan Kowalski`), or a maker
    before its model (`Airbusa A380`; not a number alone: `Wspólnoty 29 marca`)."""
    tokens, first, last = cand.tokens, cand.first, cand.last
    entry = cand.entry
    if entry is None:
        return False
    before = tokens[first - 1] if first else None
    after = tokens[last] if last < len(tokens) else None
    if entry.type == "person" and last - first == 1 and before is not None and _first_name(before) \
            and before.text not in entry.name.split():
        return True
    if before is not None and before.text in GLUE and glued(tokens, first - 1):
        return True
    if after is not None and after.text in GLUE and glued(tokens, last) \
            and tokens[last + 1].text[:1].isupper():
        return True
    if after is not None and entry.type in ("organization", "other", "media") \
            and any(ch.isdigit() for ch in after.text) and any(ch.isalpha() for ch in after.text):
        return True
    return False


def split_fallback(cand: Candidate, inside: list[Match]) -> list[Candidate]:
    """A capitalised run holding KB names (`Kremla Dmitrij Pieskow`): the names, and the
    rest as runs of its own."""
    out, k = [], cand.first
    for match in sorted(inside, key=lambda m: m.first):
        if match.first < k:
            continue
        if match.first > k:
            out.append(Candidate(cand.tokens, k, match.first, cand.source, cand.kind))
        k = match.last
    if k < cand.last:
        out.append(Candidate(cand.tokens, k, cand.last, cand.source, cand.kind))
    return [c for c in out if any(t.lemma[:1].isupper() or t.tag == "ign" or NAMES & set(t.qualifiers)
                                  for t in c.span)]


def link(article: Article, chosen: list[Candidate], kb: KnowledgeBase) -> list[Found]:
    """Give every chosen mention its entity; return the article's entities in order."""
    metonyms = {name: e for e in kb.entries.values() for name in e.metonyms}
    found: dict[str, Found] = {}
    persons: list[Found] = []
    named = {c.entry.id for c in chosen if c.entry is not None and c.source == "kb" and c.mode != "~"}
    for cand in chosen:
        base = pattern_base(cand) or base_form(words(cand.span, article.text))
        entry = cand.entry
        if cand.source == "role":
            holders = [f for f in persons if f.entry is not None and f.entry in cand.roles]
            if not holders:
                continue
            found_entity = holders[-1]
            found_entity.mentions.append((cand, base))
            continue
        if entry is not None and cand.mode == "~" and entry.id not in named:
            continue
        if entry is None:
            entry = kb.by_name.get(base)
            if entry is not None and entry.institution and placed_elsewhere(cand.tokens, cand.first):
                entry = None
        if entry is not None and entry.type == "location" and actor_use(cand):
            entry = metonyms.get(entry.name, entry)
        if entry is not None:
            key, name, kind = entry.id, entry.name, entry.type
        else:
            kind = TYPES.get(cand.kind, "other")
            key, name = f"pl:{base}", base
            if (kind != "person" or " " not in base) and all(r.pos == "ign" for r in readings(base)):
                key = f"pl:{name_lists.key(base)}"  # `Ryanaira` and `Ryanair`: one id
            if kind == "person":
                earlier = _same_person(persons, base)
                if earlier is not None:
                    key, name = earlier.id, earlier.name
        entity = found.get(key)
        if entity is None:
            entity = found[key] = Found(key, name, kind, entry)
            if kind == "person":
                persons.append(entity)
        elif kind == "person" and entity in persons:
            persons.remove(entity)
            persons.append(entity)  # the latest named person first for roles
        entity.mentions.append((cand, base))
    return merge(list(found.values()), kb, article.text)


def variants(text: str) -> list[str]:
    """Base forms an inflected name may have, from its last word: the lemmas Morfeusz
    and the name guesser give it, and the bases its ending suggests (`Ryanaira` ->
    `Ryanair`, `Nord Streamu` -> `Nord Stream`, `Farage'a` -> `Farage`)."""
    head, _, last = text.rpartition(" ")
    if not last[:1].isupper() or len(last) < 3:
        return []
    found: list[str] = []
    glued = name_lists.apostrophe(last)
    if glued:
        found.append(glued[0])
    found += [b for b, _, _ in name_lists.bases(last)]
    found += sorted(lemma for lemma in _lemmas_of(last, last) if lemma != last.lower())
    out = []
    for form in found:
        form = last[:1] + form[1:] if form[:1].lower() == last[:1].lower() else form
        full = f"{head} {form}" if head else form
        if form != last and full not in out:
            out.append(full)
    return out


def _renamed(entity: Found, target: Found, base: str | None) -> None:
    target.mentions += [(c, base if base is not None and b == entity.name else b)
                        for c, b in entity.mentions]


def merge(entities: list[Found], kb: KnowledgeBase, text: str = "") -> list[Found]:
    """Join an article's entities that are one: an inflected name whose base the tagger
    missed with the entity its guessed base names (`Pfizera` with `Pfizer`, or with the
    KB's `Ryanair`), a surname alone with the one full name ending with it, and the
    short forms of `short_forms`."""
    by_name = {e.name: e for e in entities}
    gone: set[int] = set()
    for entity in entities:
        if entity.entry is not None or entity.type in ("country",):
            continue
        target = None
        texts = dict.fromkeys(c.tokens[c.first].text if c.last - c.first == 1 else ""
                              for c, _ in entity.mentions)
        # Bases guessed from the name only toward a shorter one (`Eurostatu` -> `Eurostat`,
        # never back); a mention's own spelling when it is another entity's base.
        spelt = [t for t in texts if t and t != entity.name]
        forms = [v for v in variants(entity.name) if len(v) <= len(entity.name)] + spelt
        for form in forms:
            other = by_name.get(form)
            if other is not None and form in spelt and len(other.mentions) < len(entity.mentions):
                continue  # a spelling the larger entity has is no evidence against it
            if other is not None and other is not entity and id(other) not in gone:
                target = other
                break
            entry = kb.by_name.get(form)
            if entry is not None and entry.type not in ("country", "location"):
                target = Found(entry.id, entry.name, entry.type, entry)
                entities.append(target)
                by_name[entry.name] = target
                break
        if target is not None:
            _renamed(entity, target, target.name if entity.name.count(" ") == target.name.count(" ")
                     else None)
            gone.add(id(entity))
    for entity in entities:
        if id(entity) in gone or entity.entry is not None or " " in entity.name \
                or entity.type not in ("person", "other", "organization", "location"):
            continue
        names = {entity.name, *variants(entity.name)}
        if acronym(entity.name) or (entity.type == "location" and any(
                r.pos != "ign" for r in readings(entity.name))):
            continue  # `UE` is no surname of `Rada UE`; a known place is no surname
        full = [e for e in entities if id(e) not in gone and e is not entity and " " in e.name
                and e.name.split()[-1] in names and _personal(e)]
        if len({e.id for e in full}) == 1:
            surname = full[0].name.split()[-1]
            _renamed(entity, full[0], surname if entity.name != surname else None)
            gone.add(id(entity))
    kept = [e for e in entities if id(e) not in gone]
    for entity in kept:
        entity.mentions.sort(key=lambda m: (m[0].start, -m[0].end))
        if entity.entry is None and entity.id != f"pl:{entity.name}":
            # One id for `Ryanair` and `Ryanaira`: the shortest base names them all.
            entity.name = min((b for _, b in entity.mentions if f"pl:{name_lists.key(b)}" == entity.id),
                              key=len, default=entity.name)
            entity.mentions = [(c, entity.name if f"pl:{name_lists.key(b)}" == entity.id else b)
                               for c, b in entity.mentions]
    kept = short_forms(_spellings(kept), text)
    return sorted(kept, key=lambda e: (e.mentions[0][0].start, -e.mentions[0][0].end))


def _spellings(entities: list[Found]) -> list[Found]:
    """One person under two spellings or bases of the first name in one article
    (`Theresa May`, `Theresie May`; `Michel Barnier`, `Michael Barnier`): the same
    surname and a first name with the same first three letters. The KB's entity wins,
    else the one whose first name the lists know, else the name some mention spells as
    it is (a nominative), else the commonest."""
    groups: dict[str, list[Found]] = {}
    for entity in entities:
        parts = entity.name.split()
        if len(parts) == 2 and _personal(entity) and entity.type != "country" and len(parts[0]) >= 3:
            groups.setdefault(parts[-1], []).append(entity)
    gone: set[int] = set()
    for group in groups.values():
        while len(group) > 1:
            def rank(e: Found) -> tuple[bool, bool, bool, int]:
                return (e.entry is not None, e.name.split()[0] in name_lists.first_names(),
                        any(e.name == " ".join(t.text for t in c.span) for c, _ in e.mentions),
                        len(e.mentions))
            group.sort(key=rank, reverse=True)
            head = group[0]
            same = [e for e in group[1:] if e.entry is None
                    and e.name[:3].lower() == head.name[:3].lower()]
            for entity in same:
                head.mentions += entity.mentions
                gone.add(id(entity))
            group = [e for e in group[1:] if e not in same]
    return [e for e in entities if id(e) not in gone]


def acronym(name: str) -> bool:
    """An acronym: one word of letters, mostly capitals (`UE`, `WUM`, `UOKiK`)."""
    upper = sum(ch.isupper() for ch in name)
    return 2 <= len(name) <= 8 and name.isalpha() and name[:1].isupper() and upper >= 2 \
        and 2 * upper >= len(name)


def initials(name: str) -> set[str]:
    """The acronyms a multi-word name may have: the initials of all its words, or of
    its capitalised ones (`Urząd Ochrony Konkurencji i Konsumentów` -> `UOKIK`, `UOKK`)."""
    parts = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    if len(parts) < 2:
        return set()
    return {"".join(w[0] for w in parts).upper(), "".join(w[0] for w in parts if w[0].isupper())}


def _bracketed(short: Found, full: Found, text: str) -> bool:
    """`Światowa Organizacja Handlu (WTO)` or `WTO (Światowa Organizacja Handlu)`."""
    for a, _ in full.mentions:
        for b, _ in short.mentions:
            for first, second in ((a, b), (b, a)):
                between = text[first.end:second.start]
                if between.strip() == "(" and text[second.end:second.end + 1] == ")":
                    return True
    return False


def _join(short: Found, full: Found) -> Found | None:
    """The entity two that are one become: a KB entry's, else the short form's id (the
    acronym: it does not inflect, so articles that give only it agree) with the full
    name; None when both are different KB entries."""
    if short.entry is not None and full.entry is not None:
        return None if short.entry.id != full.entry.id else full
    keep, other = (full, short) if full.entry is not None else (short, full)
    keep.mentions += other.mentions
    if keep.entry is None and keep is short:
        keep.name, keep.type = full.name, full.type
    return keep


def short_forms(entities: list[Found], text: str) -> list[Found]:
    """Join an entity's short forms in one article: an acronym with the one full name
    whose initials it spells or that brackets it (`UE`, `Unia Europejska`), and a word
    alone with the one longer non-person name it opens (`Komisja` after `Komisja
    Europejska`)."""
    gone: set[int] = set()
    full_names = [e for e in entities if " " in e.name and e.type not in ("person", "country")
                  and not _personal(e)]
    for short in entities:
        if not acronym(short.name) or " " in short.name:
            continue
        options = [e for e in full_names if e is not short and id(e) not in gone
                   and _bracketed(short, e, text)]
        if not options:
            options = [e for e in full_names if e is not short and id(e) not in gone
                       and short.name.upper() in initials(e.name)]
        if len(options) != 1:
            continue
        joined = _join(short, options[0])
        if joined is not None:
            gone.add(id(options[0] if joined is short else short))
    for word in entities:
        if id(word) in gone or " " in word.name or word.entry is not None or acronym(word.name):
            continue
        options = [e for e in entities if id(e) not in gone and " " in e.name and e.type != "person"
                   and not _personal(e) and e.name.split()[0] == word.name]
        # `Unia Europejska` rather than a longer run that opens with it
        options = [e for e in options
                   if not any(o is not e and e.name.startswith(o.name + " ") for o in options)]
        if len(options) == 1:
            options[0].mentions += word.mentions
            gone.add(id(word))
    kept = [e for e in entities if id(e) not in gone]
    for entity in kept:
        entity.mentions.sort(key=lambda m: (m[0].start, -m[0].end))
    return kept


def _personal(entity: Found) -> bool:
    """A person's full name: so typed, or opening with a first name from the lists."""
    return entity.type == "person" or entity.name.split()[0] in name_lists.first_names()


def _same_person(persons: list[Found], base: str) -> Found | None:
    """An earlier person whose full name ends with this surname (`Pieskow`)."""
    if " " in base:
        return None
    for person in reversed(persons):
        parts = person.name.split()
        if len(parts) > 1 and parts[-1] == base:
            return person
    return None
