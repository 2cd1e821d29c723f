"""Linking: short forms joined within an article, KB aliases across articles (sentences
composed for these tests, never copied from shared/)."""

from __future__ import annotations

from typing import Any

import pytest

from wedlug.article import Article
from wedlug.lang.pl.entities.link import acronym, initials
from wedlug.pipeline import default_pipeline


def analyse(text: str) -> Article:
    return default_pipeline()(Article(text=text))


def entity_of(article: Article, surface: str, nth: int = 0) -> dict[str, Any]:
    seen = 0
    for entity in sorted(article.entities, key=lambda e: e["mentions"][0]["start"]):
        for m in entity["mentions"]:
            if m["text"] == surface:
                if seen == nth:
                    return entity
                seen += 1
    raise AssertionError(f"no mention {surface!r} in {[e['name'] for e in article.entities]}")


@pytest.mark.parametrize(("text", "short", "full"), [
    # an acronym in brackets after the full name, and later alone
    ("Zarząd Polskiego Związku Hodowców Koni (PZHK) zebrał się w środę. Według PZHK rynek rośnie.",
     "PZHK", "Polskiego Związku Hodowców Koni"),
    # an acronym whose letters are the initials of a name the article gave
    ("Nowe przepisy przygotowała Krajowa Agencja Rozwoju Rolnictwa. Prezes KARR nie chciał ich komentować.",
     "KARR", "Krajowa Agencja Rozwoju Rolnictwa"),
    # a word alone that opens a longer name of the article
    ("Nowy raport wydał wczoraj Instytut Badań Rynku Pracy. Wnioski Instytutu są pesymistyczne.",
     "Instytutu", "Instytut Badań Rynku Pracy"),
    # an acronym in brackets that spells the name's initials, which the detector may miss
    ("Krajowa Agencja Rozwoju Rolnictwa (KARR) ogłosiła nowy program.",
     "KARR", "Krajowa Agencja Rozwoju Rolnictwa"),
    ("Kontrolę przeprowadził Wojewódzki Inspektorat Transportu Drogowego (WITD) w Gdańsku.",
     "WITD", "Wojewódzki Inspektorat Transportu Drogowego"),
    # the KB's entity takes the article's acronym
    ("Sprawą zajmie się Trybunał Sprawiedliwości Unii Europejskiej. TSUE wyda wyrok w maju.",
     "TSUE", "Trybunał Sprawiedliwości Unii Europejskiej"),
])
def test_short_forms_join_the_full_name(text: str, short: str, full: str) -> None:
    article = analyse(text)
    assert entity_of(article, short)["id"] == entity_of(article, full)["id"]


@pytest.mark.parametrize(("text", "short", "full"), [
    # two names with the initials of the acronym: no way to tell which it is
    ("Wczoraj Związek Polskich Kolejarzy wydał oświadczenie, a Związek Polskich Kierowców "
     "odpowiedział. Według ZPK pociągi będą się spóźniać.", "ZPK", "Związek Polskich Kolejarzy"),
    ("Wczoraj Związek Polskich Kolejarzy wydał oświadczenie, a Związek Polskich Kierowców "
     "odpowiedział. Według ZPK pociągi będą się spóźniać.", "ZPK", "Związek Polskich Kierowców"),
])
def test_ambiguous_short_forms_stay_apart(text: str, short: str, full: str) -> None:
    article = analyse(text)
    assert entity_of(article, short)["id"] != entity_of(article, full)["id"]


def test_an_acronym_keeps_its_id_in_an_article_that_gives_only_it() -> None:
    first = analyse("Krajowa Agencja Rozwoju Rolnictwa (KARR) ogłosiła nowy program.")
    second = analyse("Prezes KARR wyjechał wczoraj do Brukseli.")
    assert entity_of(first, "Krajowa Agencja Rozwoju Rolnictwa")["id"] == entity_of(second, "KARR")["id"]
    assert entity_of(first, "KARR")["name"] == "Krajowa Agencja Rozwoju Rolnictwa"


@pytest.mark.parametrize(("first", "second", "surface1", "surface2"), [
    # a famous person's surname alone links to the KB entry in any article
    ("Wczoraj Soros skrytykował rząd.", "Fundację założył George Soros.", "Soros", "George Soros"),
    ("Sturgeon zapowiedziała nowe referendum.", "Nicola Sturgeon przemawiała w Edynburgu.",
     "Sturgeon", "Nicola Sturgeon"),
    ("Szefczovicz przyleciał do Londynu.", "Rozmowy prowadził Maroš Šefčovič.", "Szefczovicz",
     "Maroš Šefčovič"),
    # acronyms and full names of KB organisations
    ("Dane podał NFZ.", "Zdaniem Narodowego Funduszu Zdrowia kolejki maleją.", "NFZ",
     "Narodowego Funduszu Zdrowia"),
    ("Dane podał wczoraj GUS.", "Według Głównego Urzędu Statystycznego ceny rosną.", "GUS",
     "Głównego Urzędu Statystycznego"),
    ("Gazociąg biegnie po dnie Bałtyku.", "Rura leży na dnie Morza Bałtyckiego.", "Bałtyku",
     "Morza Bałtyckiego"),
    ("Mieszkańcy Szkocji protestują.", "Szkoci chcą zostać w Unii.", "Szkocji", "Szkoci"),
])
def test_kb_aliases_give_one_id_across_articles(first: str, second: str, surface1: str,
                                                surface2: str) -> None:
    assert entity_of(analyse(first), surface1)["id"] == entity_of(analyse(second), surface2)["id"]


@pytest.mark.parametrize(("text", "one", "other"), [
    # two bases or spellings of one first name with one surname
    ("Michel Dubois przyjechał do Lyonu. Michael Dubois powiedział, że zostanie.", "Michel Dubois",
     "Michael Dubois"),
])
def test_first_name_spellings_join(text: str, one: str, other: str) -> None:
    article = analyse(text)
    assert entity_of(article, one)["id"] == entity_of(article, other)["id"]


@pytest.mark.parametrize(("text", "kb_name", "person"), [
    # a detected person span that opens with a KB name: the name and the person apart
    ("Wiceprezes Gazpromu Jan Nowak przyjechał do Berlina.", "Gazpromu", "Jan Nowak"),
    # ... and a detected organisation that runs on into a person's name
    ("Premier spotkał się z szefem Komisji Europejskiej Jean-Claude'em Junckerem.",
     "Komisji Europejskiej", "Jean-Claude'em Junckerem"),
])
def test_a_kb_name_before_a_person_is_its_own_mention(text: str, kb_name: str, person: str) -> None:
    article = analyse(text)
    assert entity_of(article, kb_name)["kb"] is not None
    assert entity_of(article, person)["type"] == "person"


@pytest.mark.parametrize(("text", "surface", "base"), [
    ("Premier rozmawiał z Jean-Claude'em Junckerem o budżecie.", "Jean-Claude'em Junckerem",
     "Jean-Claude Juncker"),
    ("List podpisał Jean-Claude'a Junckera zastępca.", "Jean-Claude'a Junckera", "Jean-Claude Juncker"),
])
def test_a_hyphened_first_name_is_one_name(text: str, surface: str, base: str) -> None:
    article = analyse(text)
    assert any(m["text"] == surface and m["base"] == base for e in article.entities for m in e["mentions"])


@pytest.mark.parametrize(("name", "expected"), [
    ("UE", True), ("WUM", True), ("UOKiK", True), ("Unia", False), ("KE-2", False), ("A", False),
])
def test_acronym(name: str, expected: bool) -> None:
    assert acronym(name) is expected


@pytest.mark.parametrize(("name", "acr"), [
    ("Unia Europejska", "UE"),
    ("Urząd Ochrony Konkurencji i Konsumentów", "UOKIK"),
    ("Kancelaria Prezesa Rady Ministrów", "KPRM"),
])
def test_initials(name: str, acr: str) -> None:
    assert acr in initials(name)

