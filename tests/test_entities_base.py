"""Base forms of names (`wedlug.lang.pl.entities.base`), on sentences and words composed for
these tests, never copied from shared/: the name's words are read by the project's tagger in
the sentence, as the entities step reads them, and given to `base_form`."""

from __future__ import annotations

import pytest

from wedlug.article import Article
from wedlug.lang.pl.entities import names
from wedlug.lang.pl.entities.base import Word, base_form
from wedlug.pipeline import default_steps

STEPS = ("paragraphs", "boilerplate", "sentences", "tokens")


def name_words(sentence: str, surface: str) -> list[Word]:
    """The words of `surface` in `sentence`, with the readings the tagger chose there."""
    article = Article(text=sentence)
    for step in default_steps():
        if step.name in STEPS:
            article = step.run(article)
    start = sentence.index(surface)
    end = start + len(surface)
    tokens = [t for t in article.tokens if start <= t.start and t.end <= end]
    return [Word(t.text, t.lemma, t.tag, t.qualifiers,
                 k + 1 < len(tokens) and tokens[k + 1].start > t.end) for k, t in enumerate(tokens)]


@pytest.mark.parametrize(("sentence", "surface", "base"), [
    ("Turyści odpoczywali nad Morzem Śródziemnym przez tydzień.", "Morzem Śródziemnym", "Morze Śródziemne"),
    ("Wniosek posłów trafił wczoraj do Trybunału Konstytucyjnego.", "Trybunału Konstytucyjnego",
     "Trybunał Konstytucyjny"),
    ("O sprawie mówiono rano w Polskim Radiu 24 i w telewizji.", "Polskim Radiu 24", "Polskie Radio 24"),
    ("Eksport do Zjednoczonych Emiratów Arabskich wzrósł.", "Zjednoczonych Emiratów Arabskich",
     "Zjednoczone Emiraty Arabskie"),
    ("Politycy spotkali się z władzami Nowej Zelandii.", "Nowej Zelandii", "Nowa Zelandia"),
])
def test_adjectives_agree_with_their_noun(sentence: str, surface: str, base: str) -> None:
    assert base_form(name_words(sentence, surface)) == base


@pytest.mark.parametrize(("sentence", "surface", "base"), [
    # a genitive complement stays as written
    ("Rzecznik Ministerstwa Spraw Zagranicznych odmówił komentarza.", "Ministerstwa Spraw Zagranicznych",
     "Ministerstwo Spraw Zagranicznych"),
    ("Wykład odbył się w Instytucie Pamięci Narodowej.", "Instytucie Pamięci Narodowej",
     "Instytut Pamięci Narodowej"),
    # a compound adjective: its first part stays, its last agrees
    ("Pracownicy Wydziału Prawno-Ekonomicznego rozpoczęli strajk.", "Wydziału Prawno-Ekonomicznego",
     "Wydział Prawno-Ekonomiczny"),
    # both parts of a compound name inflect, each in its own gender
    ("Autobus jechał z Bielska-Białej do Krakowa.", "Bielska-Białej", "Bielsko-Biała"),
    # so do coordinated parts in the same case
    ("Posłowie Prawa i Sprawiedliwości wyszli z sali.", "Prawa i Sprawiedliwości", "Prawo i Sprawiedliwość"),
    ("Szczyt przywódców Europy Środkowej i Wschodniej odbył się w Rydze.", "Europy Środkowej i Wschodniej",
     "Europa Środkowa i Wschodnia"),
])
def test_the_inflected_part_ends_where_agreement_ends(sentence: str, surface: str, base: str) -> None:
    assert base_form(name_words(sentence, surface)) == base


@pytest.mark.parametrize(("sentence", "surface", "base"), [
    ("Premier rozmawiał wczoraj z Władimirem Putinem.", "Władimirem Putinem", "Władimir Putin"),
    # a foreign first name shows the case of an unknown surname
    ("Wywiad z Fransem Timmermansem ukazał się w sobotę.", "Fransem Timmermansem", "Frans Timmermans"),
    ("Komentarz Phila Hogana zaskoczył rolników.", "Phila Hogana", "Phil Hogan"),
    # a woman's first name inflects, her foreign surname does not
    ("Dziennikarze czekali na Theresę May przed budynkiem.", "Theresę May", "Theresa May"),
    ("Wywiadu udzieliła wczoraj Nicola Sturgeon.", "Nicola Sturgeon", "Nicola Sturgeon"),
    # a first name Morfeusz reads as a common word stays a first name
    ("Książkę napisał Tony Blair po latach.", "Tony Blair", "Tony Blair"),
    ("Głos zabrał Greg Clark z Londynu.", "Greg Clark", "Greg Clark"),
    # an ending glued on with an apostrophe
    ("Słowa Harry'ego Wrenhama cytowano często.", "Harry'ego Wrenhama", "Harry Wrenham"),
    # a first name and surname outweigh the place and adjective readings of their words
    ("Rzeczniczka resortu Katarzyna Wolska przekazała dane.", "Katarzyna Wolska", "Katarzyna Wolska"),
])
def test_people(sentence: str, surface: str, base: str) -> None:
    assert base_form(name_words(sentence, surface)) == base


@pytest.mark.parametrize(("sentence", "surface", "base"), [
    # unknown names: the ending rewrites learned from KPWr
    ("Zarząd Quantexora zebrał się w piątek.", "Quantexora", "Quantexor"),
    ("Umowę podpisano z Quantexorem w maju.", "Quantexorem", "Quantexor"),
    ("Fabryka w Grebenswaldzie zatrudnia stu ludzi.", "Grebenswaldzie", "Grebenswald"),
    # an acronym that Morfeusz reads as a plural of a common word stays as written
    ("Posłowie DUP zagłosowali przeciw ustawie.", "DUP", "DUP"),
    # an acronym with a case ending after a hyphen
    ("Prezes ZPTK-u podał się do dymisji.", "ZPTK-u", "ZPTK"),
    # a capitalised word known only as a plural genitive is a name as written
    ("Na scenę wyszedł zespół Trun z Gdańska.", "Trun", "Trun"),
    # a country, not the plural of a singular one
    ("Eksport do Ukrainy spadł o połowę.", "Ukrainy", "Ukraina"),
])
def test_words_morfeusz_does_not_know_or_misreads(sentence: str, surface: str, base: str) -> None:
    assert base_form(name_words(sentence, surface)) == base


@pytest.mark.parametrize(("words", "base"), [
    # a corpus's reading Morfeusz does not know for the word is read again
    ([Word("Wikipedii", "wikipedii", "subst:sg:nom:m1")], "Wikipedia"),
    # a name a corpus gives as one word (its tokens joined): cut and read
    ([Word("Wydziale Prawno-Ekonomicznym", "Wydziale Prawno-Ekonomicznym", "ign")],
     "Wydział Prawno-Ekonomiczny"),
    # a name in capitals comes in title case when it is inflected
    ([Word("TRYBUNAŁU", "trybunał", "subst:sg:gen:m3"), Word("KONSTYTUCYJNEGO", "konstytucyjny",
                                                               "adj:sg:gen:m3:pos")],
     "Trybunał Konstytucyjny"),
    # a word in the vocative is read in another case of its lemma
    ([Word("Sejmie", "Sejm", "subst:sg:voc:m3")], "Sejm"),
])
def test_given_words(words: list[Word], base: str) -> None:
    assert base_form(words) == base


@pytest.mark.parametrize(("word", "base"), [
    ("Hogana", "Hogan"),
    ("Timmermansem", "Timmermans"),
    ("Kowalskiemu", "Kowalski"),
])
def test_the_likeliest_rewrite_of_an_unknown_word(word: str, base: str) -> None:
    found = names.rewrites(word)
    assert found[0][0] == base
    assert abs(sum(p for _, p, _ in found) - 1.0) < 1e-6


def test_a_tagger_reading_an_unknown_word_as_a_nominative_makes_it_stay_more_likely() -> None:
    same_nominative, _ = names.given_factors("Moderna", "nom")
    same_genitive, _ = names.given_factors("Moderna", "gen")
    assert same_nominative > 1.0 > same_genitive
