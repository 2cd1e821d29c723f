"""The entities step on sentences composed for these tests (never copied from shared/)."""

from __future__ import annotations

from typing import Any

import pytest

from wedlug.article import Article
from wedlug.lang.pl.entities.lookup import entity_at
from wedlug.pipeline import default_pipeline


def analyse(text: str) -> Article:
    return default_pipeline()(Article(text=text))


def mention(article: Article, text: str) -> tuple[dict[str, Any], dict[str, Any]]:
    for entity in article.entities:
        for m in entity["mentions"]:
            if m["text"] == text:
                return entity, m
    raise AssertionError(f"no mention {text!r} in {[e['name'] for e in article.entities]}")


@pytest.mark.parametrize(("sentence", "surface", "base"), [
    ("Rozmawiał z Władimirem Putinem przez godzinę.", "Władimirem Putinem", "Władimir Putin"),
    ("Delegacja przyleciała z Korei Południowej w nocy.", "Korei Południowej", "Korea Południowa"),
    ("Rzecznik Departamentu Obrony nie odpowiedział.", "Departamentu Obrony", "Departament Obrony"),
    ("Wczoraj spotkał się z Kim Dzong Unem na granicy.", "Kim Dzong Unem", "Kim Dzong Un"),
    ("Władze Stanów Zjednoczonych milczą.", "Stanów Zjednoczonych", "Stany Zjednoczone"),
    # a name at the start of a sentence, and one after an abbreviation
    ("Dania zapowiedziała kontrole na granicy.", "Dania", "Dania"),
    ("Agencje działające w Wlk. Brytanii przeniosą się do Amsterdamu.", "Wlk. Brytanii", "Wlk. Brytania"),
    # a compound the detector saw only the first half of
    ("Udziały w projekcie ma koncern BASF-Wintershall.", "BASF-Wintershall", "BASF-Wintershall"),
    # an English possessive split at a typographic apostrophe
    ("Ubezpieczyciel Lloyd’s przenosi biuro do Brukseli.", "Lloyd’s", "Lloyd’s"),
])
def test_base_forms(sentence: str, surface: str, base: str) -> None:
    _, m = mention(analyse(sentence), surface)
    assert m["base"] == base


@pytest.mark.parametrize(("first", "second", "surface1", "surface2"), [
    ("Putin przyjechał do Mińska.", "Spotkanie z Putinem przełożono.", "Putin", "Putinem"),
    ("Agencja PAP podała wyniki.", "Jak podaje PAP, rząd obraduje.", "PAP", "PAP"),
    ("Rosja odrzuciła ofertę.", "Federacja Rosyjska wydała komunikat.", "Rosja", "Federacja Rosyjska"),
])
def test_ids_are_the_same_in_every_article(first: str, second: str, surface1: str, surface2: str) -> None:
    one, _ = mention(analyse(first), surface1)
    two, _ = mention(analyse(second), surface2)
    assert one["id"] == two["id"]


@pytest.mark.parametrize(("sentence", "surface", "entity_name"), [
    ("Moskwa i Pjongjang zaprzeczają tym doniesieniom.", "Moskwa", "rząd Rosji"),
    ("Biały Dom twierdził, że nic nie wie.", "Biały Dom", "rząd Stanów Zjednoczonych"),
    ("Turyści spędzili tydzień w Moskwie.", "Moskwie", "Moskwa"),
])
def test_metonymy(sentence: str, surface: str, entity_name: str) -> None:
    entity, _ = mention(analyse(sentence), surface)
    assert entity["name"] == entity_name


@pytest.mark.parametrize(("text", "role", "person"), [
    ("Kim Dzong Un odwiedził fabrykę. Przywódca KRLD pochwalił robotników.", "Przywódca KRLD",
     "Kim Dzong Un"),
    ("Władimir Putin przemawiał w Dumie. Prezydent Rosji zapowiedział zmiany.", "Prezydent Rosji",
     "Władimir Putin"),
    ("Rzecznik Anatol Wierzbicki nie odebrał telefonu. Wierzbicki był na urlopie.", "Wierzbicki",
     "Anatol Wierzbicki"),
])
def test_roles_and_surnames_resolve_within_the_article(text: str, role: str, person: str) -> None:
    entity, _ = mention(analyse(text), role)
    assert entity["name"] == person


def test_a_role_without_its_holder_named_is_no_mention() -> None:
    article = analyse("Prezydent Rosji zapowiedział zmiany w rządzie.")
    assert all(m["text"] != "Prezydent Rosji" for e in article.entities for m in e["mentions"])


@pytest.mark.parametrize(("sentence", "surface", "actor"), [
    ("Rosyjski MSZ wydał oświadczenie.", "Rosyjski MSZ", "RUSGOV"),
    ("Południowokoreański wywiad ostrzega przed próbą rakietową.", "Południowokoreański wywiad", "KORSPY"),
    ("Jak podała agencja KCNA, testy się udały.", "KCNA", "PRKMED"),
    # a bare MSZ in Polish news is Poland's; an adjective or a genitive names another
    ("– Rozmowy trwają – wyjaśnił wiceszef MSZ.", "MSZ", "POLGOV"),
    ("Rzecznik polskiego MSZ zaprotestował.", "polskiego MSZ", "POLGOV"),
    ("Oświadczenie wydało MSZ Rosji.", "MSZ Rosji", "RUSGOV"),
    ("Ambasador spotkał się z rzecznikiem tamtejszego MSZ.", "MSZ", None),
    # media the news cites as sources, by the names it uses
    ("Jak informuje agencja dpa, rozmowy trwają.", "dpa", "DEUMED"),
    ("Według „Rz” rząd przygotowuje ustawę.", "Rz", "POLMED"),
    ("Jak pisze dziennik Kommiersant, Gazprom traci.", "Kommiersant", "RUSMED"),
])
def test_gazetteer_actors(sentence: str, surface: str, actor: str | None) -> None:
    entity, _ = mention(analyse(sentence), surface)
    assert entity["actor"] == actor


@pytest.mark.parametrize(("sentence", "surface"), [
    ("– Nie będzie zmian – podał portal BiznesAlert.pl w piątek.", "BiznesAlert.pl"),
    ("Informację jako pierwszy podał serwis money.pl.", "money.pl"),
    ("Kampania Leave.EU zapłaciła karę.", "Leave.EU"),
])
def test_a_web_address_is_a_name_as_written(sentence: str, surface: str) -> None:
    entity, m = mention(analyse(sentence), surface)
    assert m["base"] == surface and entity["id"] == "pl:" + surface


@pytest.mark.parametrize(("sentence", "word"), [
    ("Brytyjski minister spraw zagranicznych odwołał wizytę.", "Brytyjski"),
    ("Unijny komisarz zapowiedział nowe przepisy.", "Unijny"),
    ("„Niemiecka gospodarka zwalnia” – ostrzegł instytut.", "Niemiecka"),
    ("Dane z ankiety pokazują spadek poparcia.", "Dane"),        # not Dania
])
def test_a_word_capitalised_by_its_place_is_no_name(sentence: str, word: str) -> None:
    start = sentence.index(word)
    article = analyse(sentence)
    assert not any(m["start"] == start for e in article.entities for m in e["mentions"])


def test_offsets_always_point_at_the_mention_text() -> None:
    text = ("Prezydent Andrzej Duda spotkał się w Warszawie z Joe Bidenem.\n"
            "Według PAP obaj rozmawiali o NATO i Unii Europejskiej.")
    article = analyse(text)
    assert article.entities
    for entity in article.entities:
        for m in entity["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]


def test_entity_at_finds_the_speaker() -> None:
    text = "Szef MSZ Siergiej Ławrow powiedział, że rozmowy trwają."
    article = analyse(text)
    start = text.index("Siergiej")
    assert entity_at(article, start, start + len("Siergiej Ławrow")) is not None


@pytest.mark.parametrize(("sentence", "surface", "base"), [
    # A KB name matched through its lemmas takes the KB's spelling of the name.
    ("Delegacja z Niemiec przyjechała rano do Gdańska.", "Niemiec", "Niemcy"),
    ("Eksport do Węgier spadł w marcu.", "Węgier", "Węgry"),
    # A foreign name with a Polish ending after an apostrophe.
    ("Wczoraj rozmawiano o książce Harry'ego Wrenhama.", "Harry'ego Wrenhama", "Harry Wrenham"),
    # Unknown surnames whose ending shows the case whatever the tagger read.
    ("Umowę podpisał z Bertrandem Kowolkiem i Jorisem Vandermeulenem.", "Jorisem Vandermeulenem",
     "Joris Vandermeulen"),
    # Hyphenated adjectives keep their first part as written.
    ("Kraje Europy Środkowo-Wschodniej protestują.", "Europy Środkowo-Wschodniej",
     "Europa Środkowo-Wschodnia"),
])
def test_base_forms_of_unknown_and_inflected_names(sentence: str, surface: str, base: str) -> None:
    _, m = mention(analyse(sentence), surface)
    assert m["base"] == base


@pytest.mark.parametrize(("text", "surface1", "surface2"), [
    # An inflected name the tagger cannot lemmatise joins its nominative in the article.
    ("Firma Quantexor ogłosiła wyniki. Akcje firmy Quantexora wzrosły o połowę.", "Quantexor", "Quantexora"),
    # A surname alone joins the one full name that ends with it.
    ("Rozmowy prowadził Anatol Grzebyk. Grzebyka zapytano potem o termin.", "Anatol Grzebyk", "Grzebyka"),
])
def test_inflected_variants_are_one_entity(text: str, surface1: str, surface2: str) -> None:
    article = analyse(text)
    one, _ = mention(article, surface1)
    two, _ = mention(article, surface2)
    assert one["id"] == two["id"]


def test_different_people_with_one_surname_stay_apart() -> None:
    article = analyse("Anatol Grzebyk i Barbara Grzebyk przyszli razem. Grzebyk milczał.")
    one, _ = mention(article, "Anatol Grzebyk")
    two, _ = mention(article, "Barbara Grzebyk")
    assert one["id"] != two["id"]


def test_name_lists_are_shipped_not_read_from_shared() -> None:
    from wedlug.lang.pl.entities import names

    assert "Theresa" in names.first_names()
    assert names.first_name_base("Theresy") == "Theresa"
    assert names.oblique("Vandermeulenem") == "Vandermeulen"
    assert names.apostrophe("Farage'a") == ("Farage", "a")


def test_a_detected_name_ends_at_its_last_capitalised_word() -> None:
    article = analyse("Zdaniem ekspertów Polskiego Instytutu Ekonomicznego morska energetyka urośnie.")
    names = [m["text"] for e in article.entities for m in e["mentions"]]
    assert "Polskiego Instytutu Ekonomicznego" in names, names


def test_a_unit_after_a_number_is_no_organisation() -> None:
    article = analyse("Farmy wiatrowe mogą zapewnić Polsce nawet 18 GW mocy.")
    assert not [e for e in article.entities if e["name"] == "GW"], article.entities


def test_entities_do_not_depend_on_the_hash_seed() -> None:
    """Two KB names on one span (`Rzeczpospolitej`: the paper's name and its `~` alias) and
    a capitalised word's set of lemmas once made the kept one depend on PYTHONHASHSEED."""
    import json
    import os
    import subprocess
    import sys

    text = ("Rząd przyjął projekt budżetu. Jak czytamy w poniedziałkowym wydaniu "
            "„Rzeczpospolitej”, deficyt wyniesie 40 mld zł.\n"
            "Według „Rzeczpospolitej” Komisja Europejska zgłosi uwagi.")
    script = ("import json, sys, wedlug; a = wedlug.analyze(sys.stdin.read()); "
              "print(json.dumps(a.entities, ensure_ascii=False, sort_keys=True))")
    outputs = []
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-c", script], input=text, capture_output=True,
                              text=True, env=env, check=True)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    names = {e["name"] for e in json.loads(outputs[0])}
    assert "Rzeczpospolita" in names, names
