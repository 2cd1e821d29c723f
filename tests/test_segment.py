"""Title, paragraphs, sentences: Polish abbreviations and quotations."""

from __future__ import annotations

import pytest

from wedlug import analyze


def sentences(text: str) -> list[str]:
    article = analyze(text)
    return [text[s.start:s.end] for s in article.sentences]


@pytest.mark.parametrize(("text", "expected"), [
    ("Do szpitala trafiło ok. 300 osób. Lekarze są zmęczeni.",
     ["Do szpitala trafiło ok. 300 osób.", "Lekarze są zmęczeni."]),
    ("Sprzedano 5 tys. biletów w ciągu doby. Organizatorzy są zadowoleni.",
     ["Sprzedano 5 tys. biletów w ciągu doby.", "Organizatorzy są zadowoleni."]),
    ("Budżet wyniesie 3 mln zł rocznie, a m.in. gminy dołożą resztę.",
     ["Budżet wyniesie 3 mln zł rocznie, a m.in. gminy dołożą resztę."]),
    ("Tzw. tarcza antykryzysowa kosztowała 2 mld zł. Tak podał resort.",
     ["Tzw. tarcza antykryzysowa kosztowała 2 mld zł.", "Tak podał resort."]),
    ("Wypowiedział się gen. Rajmund Andrzejczak. Mówił krótko.",
     ["Wypowiedział się gen. Rajmund Andrzejczak.", "Mówił krótko."]),
    ("Zdaniem prof. Anny Nowak i dr. Jana Kowalskiego to błąd.",
     ["Zdaniem prof. Anny Nowak i dr. Jana Kowalskiego to błąd."]),
    ("Pożar wybuchł przy ul. Marszałkowskiej w Warszawie.",
     ["Pożar wybuchł przy ul. Marszałkowskiej w Warszawie."]),
    ("Komisja ws. afery wizowej zbierze się np. we wtorek, środę itd. po południu.",
     ["Komisja ws. afery wizowej zbierze się np. we wtorek, środę itd. po południu."]),
    ("Umowę podpisano w 2019 r. w Brukseli. Weszła w życie w 2020 r. Nikt nie protestował.",
     ["Umowę podpisano w 2019 r. w Brukseli.", "Weszła w życie w 2020 r.", "Nikt nie protestował."]),
    ("Zamek zbudowano w XIV w. na wzgórzu.", ["Zamek zbudowano w XIV w. na wzgórzu."]),
    ("Premier powiedział: „Nie zgadzamy się. To koniec rozmów.” Opozycja milczy.",
     ["Premier powiedział: „Nie zgadzamy się. To koniec rozmów.”", "Opozycja milczy."]),
    ('Rzecznik dodał: "Prace trwają. Wyniki będą jutro." Nic więcej nie wiadomo.',
     ['Rzecznik dodał: "Prace trwają. Wyniki będą jutro."', "Nic więcej nie wiadomo."]),
    ("Czy to koniec? Nie wiadomo! Sprawa jest otwarta...",
     ["Czy to koniec?", "Nie wiadomo!", "Sprawa jest otwarta..."]),
    ("Pisał o tym J. Kowalski w tygodniku.", ["Pisał o tym J. Kowalski w tygodniku."]),
    ("Kurs wyniósł 4.35 zł za euro.", ["Kurs wyniósł 4.35 zł za euro."]),
    ("Dwie agencje działające w Wlk. Brytanii przeniosą się do Amsterdamu.",
     ["Dwie agencje działające w Wlk. Brytanii przeniosą się do Amsterdamu."]),
    ("Powódź zalała wsie w pow. Kłodzko, woj. dolnośląskie. Wojsko pomaga.",
     ["Powódź zalała wsie w pow. Kłodzko, woj. dolnośląskie.", "Wojsko pomaga."]),
    ("Zeznawał dyr. Jan Lis, a po nim mec. Anna Wolska.",
     ["Zeznawał dyr. Jan Lis, a po nim mec. Anna Wolska."]),
    ("Uczestnicy ruszyli w marsz. Policja zamknęła ulice.",
     ["Uczestnicy ruszyli w marsz.", "Policja zamknęła ulice."]),
])
def test_sentences_respect_abbreviations_and_quotations(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_title_is_the_first_line_and_paragraphs_are_lines() -> None:
    text = "Nowy rząd zaprzysiężony\n\nPrezydent powołał ministrów.\n  Opozycja krytykuje skład.  \n"
    article = analyze(text)
    assert article.title is not None and article.title.text == "Nowy rząd zaprzysiężony"
    assert [text[p.start:p.end] for p in article.paragraphs] == [
        "Nowy rząd zaprzysiężony", "Prezydent powołał ministrów.", "Opozycja krytykuje skład."]
    assert [s.paragraph for s in article.sentences] == [0, 1, 2]


def test_a_long_first_paragraph_is_not_a_title() -> None:
    text = "Rząd przyjął projekt ustawy. " * 20
    assert analyze(text).title is None


@pytest.mark.parametrize(("text", "sentences"), [
    # a low opening mark closed by a straight one must not leave the quotation open
    ('Pomysł uznano za „szalony" przez ministra. Teraz rząd zmienia zdanie.', 2),
    ('Prezes O’Leary ostrzegł rynek. Akcje spadły.', 2),
])
def test_mixed_quotation_marks_close(text: str, sentences: int) -> None:
    assert len(analyze(text).sentences) == sentences
