"""Amounts and times: tables of news-style Polish sentences and what they must yield."""

from __future__ import annotations

from pathlib import Path

import pytest

import wedlug
from wedlug.lang.pl.amounts.calendar import Point, duration, iso, resolve
from wedlug.lang.pl.amounts.numbers import digit_value

SHARED = Path(__file__).resolve().parents[2] / "shared"
PUBLISHED = "2024-09-15"


def _analyse(text: str, published: str | None = PUBLISHED) -> wedlug.Article:
    return wedlug.analyze(text, published=published)


def _amount(text: str, span: str) -> dict:
    article = _analyse(text)
    found = [a for a in article.amounts if a["text"] == span]
    assert found, f"no amount {span!r} in {[a['text'] for a in article.amounts]}"
    return found[0]


@pytest.mark.parametrize("digits, value", [
    ("1,6", 1.6), ("1.200", 1200.0), ("5000", 5000.0), ("14.09.2024", None), ("0,75", 0.75),
])
def test_digit_value(digits: str, value: float | None) -> None:
    assert digit_value(digits) == value


@pytest.mark.parametrize("sentence, span, value, low, high, approx, unit", [
    ("Rząd przeznaczy na ten cel 1,6 mln zł.", "1,6 mln zł", 1.6e6, None, None, False, "PLN"),
    ("Na granicy stoi około 2 tys. ciężarówek.", "około 2 tys.", 2000.0, None, None, True, None),
    ("Policja zatrzymała ponad 200 kibiców.", "ponad 200", 200.0, 200.0, None, False, None),
    ("W wypadku rannych zostało 11 008 osób.", "11 008", 11008.0, None, None, False, None),
    ("Firma zatrudnia 12\u00a0500 pracowników.", "12\u00a0500", 12500.0, None, None, False, None),
    ("Inflacja wyniosła 4,3 proc. w skali roku.", "4,3 proc.", 4.3, None, None, False, "percent"),
    ("Bezrobocie sięga 5%.", "5%", 5.0, None, None, False, "percent"),
    ("Stopy wzrosły o 0,25 punktu procentowego.", "0,25 punktu procentowego", 0.25, None, None,
     False, "pp"),
    ("Kontrakt opiewa na 2 mld dolarów.", "2 mld dolarów", 2e9, None, None, False, "USD"),
    ("Unia przekaże 40 mln euro.", "40 mln euro", 4e7, None, None, False, "EUR"),
    ("Mieszkania kosztują od 560 do 970 tys. zł.", "od 560 do 970 tys. zł", None, 560000.0, 970000.0,
     False, "PLN"),
    ("Burza uszkodziła 5–10 tys. domów.", "5–10 tys.", None, 5000.0, 10000.0, False, None),
    ("W protestach wzięło udział dwóch tysięcy trzystu rolników.", "dwóch tysięcy trzystu", 2300.0,
     None, None, False, None),
    ("Na wiec przyszło półtora miliona ludzi.", "półtora miliona", 1.5e6, None, None, False, None),
    ("Na miejscu pracuje kilkunastu strażaków.", "kilkunastu", None, 11.0, 19.0, True, None),
    ("Na ulice wyszły dziesiątki tysięcy osób.", "dziesiątki tysięcy", None, 20000.0, 99999.0, True, None),
    ("Zginęło co najmniej 12 osób.", "co najmniej 12", 12.0, 12.0, None, False, None),
    ("Straty mogą sięgnąć nawet 3 mld zł.", "nawet 3 mld zł", 3e9, None, 3e9, False, "PLN"),
    ("Rurociąg ma 1200 km długości.", "1200 km", 1200.0, None, None, False, "km"),
    ("Spłonęło 40 ha lasu.", "40 ha", 40.0, None, None, False, "ha"),
    ("Port przeładował 5 mln t węgla.", "5 mln t", 5e6, None, None, False, "t"),
    # a scale word alone in the singular is one unit of it (NKJP tags every `num` plural)
    ("Kraj zaszczepił już milion osób.", "milion", 1e6, None, None, False, None),
    ("Notowano ponad tysiąc zgonów dziennie.", "ponad tysiąc", 1000.0, 1000.0, None, False, None),
    ("Do kraju trafiły miliony dawek.", "miliony", None, 2e6, 9999999.0, True, None),
])
def test_amount_values(sentence: str, span: str, value: float | None, low: float | None,
                       high: float | None, approx: bool, unit: str | None) -> None:
    amount = _amount(sentence, span)
    assert (amount["value"], amount["low"], amount["high"]) == (value, low, high)
    assert amount["approx"] is approx
    assert amount["unit"] == unit


@pytest.mark.parametrize("sentence, span, base", [
    ("Wojsko otrzymało 300 pocisków artyleryjskich.", "300", "pocisk artyleryjski"),
    ("W regionie zmarło 48 zakażonych osób.", "48", "zakażona osoba"),
    ("Sankcje objęły 25 osób i podmiotów.", "25", "osoba i podmiot"),
    ("Potwierdzono 950 nowych przypadków zakażenia.", "950", "nowy przypadek zakażenia"),
    ("Bruksela obiecała 40 mld dolarów pomocy.", "40 mld dolarów", "pomoc"),
    ("Do apelu przyłączyło się kilku znanych aktorów.", "kilku", "znany aktor"),
    # session three: `inny` and `taki` stay, compound adjectives, gerunds
    ("Spłonęły dwie inne świątynie chrześcijańskie.", "dwie", "inna świątynia chrześcijańska"),
    ("Mówią o 187 takich przypadkach.", "187", "taki przypadek"),
    ("Z firmą współpracuje do kilkudziesięciu firm logistyczno-transportowych.", "do kilkudziesięciu",
     "firma logistyczno-transportowa"),
    ("Na ulice wyjechało 5 biało-czerwonych autobusów.", "5", "biało-czerwony autobus"),
    ("Potrzeba dwóch wstrzyknięć szczepionki.", "dwóch", "wstrzyknięcie"),
    # a present participle after the noun opens a clause of its own
    ("Rozmawiał z kilkoma organizacjami zrzeszającymi pilotów.", "kilkoma", "organizacja"),
    # the counted noun is a genitive plural whatever the tagger read
    ("Sieć obejmuje 96 proc. gmin w Polsce.", "96 proc.", "gmina"),
    ("Koncern sprzedaje pięć marek samochodów.", "pięć", "marka"),
    ("Firma zatrudnia 10 tys. członków załóg.", "10 tys.", "członek załogi"),
    ("W badaniu wzięło udział 502 decydentów biznesowych odpowiedzialnych za inwestycje.", "502",
     "decydent biznesowy"),
])
def test_counted_object(sentence: str, span: str, base: str) -> None:
    amount = _amount(sentence, span)
    assert amount["object"] is not None
    assert amount["object"]["base"] == base
    assert sentence[amount["object"]["start"]:amount["object"]["end"]] == amount["object"]["text"]


@pytest.mark.parametrize("sentence, span, value, low, high, base", [
    ("W domu była matka i piątka dzieci.", "piątka", 5.0, None, None, "dziecko"),
    ("Spółka prognozuje zysk 1,1-1,2 mld euro.", "1,1-1,2 mld euro", None, 1.1e9, 1.2e9, None),
    ("Do Polski trafiło 670 tys. dawek szczepionki.", "670 tys.", 670000.0, None, None, "dawka szczepionki"),
    ("Gazociąg przesyła 55 mld m sześc. gazu.", "55 mld m sześc", 5.5e10, None, None, "gaz"),
    ("To niemal jedna czwarta wszystkich zakażeń.", "niemal jedna czwarta", 0.25, None, None, "zakażenie"),
    ("Dwie trzecie Polaków popiera reformę.", "Dwie trzecie", 0.6667, None, None, "Polak"),
    ("Kontrakty warte setki milionów funtów przepadły.", "setki milionów funtów", None, 2e8, 999999999.0,
     None),
])
def test_amounts_of_session_two(sentence: str, span: str, value: float | None, low: float | None,
                                high: float | None, base: str | None) -> None:
    found = _amount(sentence, span)
    assert (found["value"], found["low"], found["high"]) == (value, low, high)
    assert (found["object"] or {}).get("base") == base


@pytest.mark.parametrize("sentence", [
    "Ukraina dostała samoloty F-16.",
    "Gazociąg Nord Stream 2 nie ruszy.",
    "Sprawa dotyczy art. 51 konstytucji.",
    "Obchodzono 24. rocznicę wyborów.",
    "Szczyt G7 odbędzie się w lipcu.",
    "Mecz zaczął się o godz. 18.",
    "Strajk potrwa przez 30 dni.",
    "Komisja chce podporządkować Nord Streamu 2 unijnym przepisom.",
    "Raz: nie marnujemy dawek, dwa: szczepimy szybko.",
    "Rada otrzymała od spółki Baltic Pipe 2 dodatkowy wniosek.",
    "Polska zajmuje 13 miejsce w rankingu.",
    "Pierwszeństwo ma grupa 0.",
    "Syn dostał piątkę z matematyki.",
])
def test_not_amounts(sentence: str) -> None:
    assert _analyse(sentence).amounts == []


@pytest.mark.parametrize("text, span, relative", [
    ("Eksport wyniósł 2 mln ton. Liczba ta może być trzykrotnie wyższa.", "trzykrotnie wyższa",
     {"factor": 3.0, "to": 0}),
    ("Sprzedano 400 aut, a w tym roku dwa razy więcej.", "dwa razy więcej", {"factor": 2.0, "to": 0}),
    ("Produkcja spadła o 20 proc.", "20 proc.", {"delta": -0.2}),
    ("Ceny energii wzrosły o 12,5 proc.", "12,5 proc.", {"delta": 0.125}),
])
def test_relative_amounts(text: str, span: str, relative: dict) -> None:
    amount = next(a for a in _analyse(text).amounts if span in a["text"])
    assert amount["relative"] == relative


@pytest.mark.parametrize("sentence, span, value, kind", [
    ("Umowę podpisano 14 września 2024 r. w Kijowie.", "14 września 2024 r.", "2024-09-14", "date"),
    ("Dokument datowany jest na 14.09.2024.", "14.09.2024", "2024-09-14", "date"),
    ("Wniosek wpłynął 2024-09-14.", "2024-09-14", "2024-09-14", "date"),
    ("W czerwcu prezydent odwiedził Wilno.", "W czerwcu", "2024-06", "date"),
    ("Ustawa weszła w życie w 2000 roku.", "w 2000 roku", "2000", "date"),
    ("Wczoraj rząd przyjął projekt.", "Wczoraj", "2024-09-14", "date"),
    ("W zeszłym tygodniu minister podał się do dymisji.", "W zeszłym tygodniu", "2024-W36", "date"),
    ("Eksport wzrósł do poziomu z ubiegłego roku.", "ubiegłego roku", "2023", "date"),
    ("Przed rokiem sytuacja była inna.", "Przed rokiem", "2023", "date"),
    ("Dostawy trwały od sierpnia ubiegłego roku do stycznia 2024 roku.",
     "od sierpnia ubiegłego roku do stycznia 2024 roku", "2023-08/2024-01", "date"),
    ("Wojna trwa od 2014 do 2022 roku.", "od 2014 do 2022 roku", "2014/2022", "date"),
    ("Strajk potrwa przez 30 dni.", "przez 30 dni", "P30D", "duration"),
    ("Negocjacje trwają od trzech miesięcy.", "od trzech miesięcy", "P3M", "duration"),
    ("Raport publikowany jest co miesiąc.", "co miesiąc", "P1M", "set"),
    ("W czwartek premier spotkał się z rolnikami.", "W czwartek", "2024-09-12", "date"),
    ("Loty odwołano 25-26 lipca.", "25-26 lipca", "2024-07-25/2024-07-26", "date"),
    # session two: vague stretches, events, holidays, weekends, hours, points ahead
    ("Od wielu lat rodzina walczy o jej uwolnienie.", "Od wielu lat", None, "duration"),
    ("W ciągu najbliższych tygodni ustawa trafi do Senatu.", "W ciągu najbliższych tygodni", None,
     "duration"),
    ("Śmiertelność była niższa niż w latach poprzednich.", "w latach poprzednich", None, "duration"),
    ("Nowe zasady wejdą w nowym roku.", "w nowym roku", "2025", "date"),
    ("Tuż przed świętami rodzina mogła ją odwiedzić.", "przed świętami", None, "date"),
    ("W miniony weekend doszło do awarii.", "W miniony weekend", "2024-W36-WE", "date"),
    ("Od wybuchu epidemii zmarło 345 osób.", "Od wybuchu epidemii", None, "date"),
    ("Od momentu wydania wyroku kobieta przebywa w celi.", "Od momentu wydania wyroku", None, "date"),
    # an election (`wybory`, plural only) as the event, with its own adjectives only
    ("Po wyborach parlamentarnych rząd podał się do dymisji.", "Po wyborach parlamentarnych", None, "date"),
    ("Przed wyborami swojego następcy prezydent wyjechał.", "Przed wyborami", None, "date"),
    ("Od początku brutalnej napaści Rosji Kijów prosi o broń.", "Od początku brutalnej napaści Rosji",
     None, "date"),
    ("Samolot wyląduje około godziny 10.", "około godziny 10", None, "time"),
    ("Pokaz zaczął się wczoraj, 09:30.", "wczoraj, 09:30", "2024-09-14", "date"),
    ("Kolejna dostawa dotrze za tydzień.", "za tydzień", "2024-09-22", "date"),
    ("Szczepionki przylatują w każdym tygodniu.", "w każdym tygodniu", "P1W", "set"),
    ("Temat wrócił podczas piątkowego, 16 lutego, spotkania.", "16 lutego", "2024-02-16", "date"),
    ("Ratownicy mają 60 sekund na wyjazd.", "60 sekund", "PT60S", "duration"),
    ("W pierwszym kwartale 2021 roku PKB spadł.", "W pierwszym kwartale 2021 roku", "2021-01/2021-03",
     "date"),
    ("Liczba w pierwszych trzech miesiącach 2018 r. wzrosła.", "w pierwszych trzech miesiącach 2018 r.",
     "2018-01/2018-03", "date"),
    ("Aktualizacja: 19 lipca 2018 r., godz. 12:40.", "19 lipca 2018 r., godz. 12:40", "2018-07-19T12:40",
     "date"),
    ("Strajk potrwa od godz. 10 do 18.", "od godz. 10 do 18", None, "time"),
    ("Obrońca przypomniał, że w ostatnich latach siedziała w więzieniu.", "w ostatnich latach", None,
     "duration"),
    ("Dawki trafią do szpitali w ciągu trzech najbliższych dni.", "w ciągu trzech najbliższych dni", "P3D",
     "duration"),
    # session three: tagger slips (`lutego` as "frosty", `jesienią` as a verb), quarters of
    # the year of publication, lone units after verbs of lasting, seasons with their year
    ("Od lutego w kraju doszło do kilku awarii.", "Od lutego", "2024-02", "date"),
    ("Rozmowy zakończą się najpóźniej jesienią br., by dać czas parlamentom.", "najpóźniej jesienią br.",
     "2024-FA", "date"),
    ("Zarząd od jesieni 2017 odmawia rozmów.", "od jesieni 2017", "2017-FA", "date"),
    ("Ekonomiści sądzą, że wzrost w drugim kwartale będzie wyższy.", "w drugim kwartale", "2024-04/2024-06",
     "date"),
    ("Strajk ma potrwać dobę.", "dobę", "P1D", "duration"),
    ("Włosi będą strajkować przez jedną dobę.", "przez jedną dobę", "P1D", "duration"),
    ("Przed zeszłorocznym Bożym Narodzeniem firma podniosła płace.", "Przed zeszłorocznym Bożym Narodzeniem",
     "2023-12-25", "date"),
    ("Funt był wtedy mocniejszy niż przed referendum.", "przed referendum", None, "date"),
    ("Ustawę uchwalono latem zeszłego roku.", "latem zeszłego roku", "2023-SU", "date"),
    ("Pod koniec maja sekretarz przyjechał do Warszawy.", "Pod koniec maja", "2024-05", "date"),
    ("Umowa obowiązuje przez kolejny rok.", "przez kolejny rok", "P1Y", "duration"),
    ("Na złożenie roszczenia mamy zazwyczaj trzy lata.", "trzy lata", "P3Y", "duration"),
])
def test_times(sentence: str, span: str, value: str, kind: str) -> None:
    times = _analyse(sentence).times
    found = [t for t in times if t["text"] == span]
    assert found, f"no time {span!r} in {[t['text'] for t in times]}"
    assert (found[0]["value"], found[0]["type"]) == (value, kind)


@pytest.mark.parametrize("sentence", [
    "Mam wprawdzie 56 lat, ale codziennie biegam.",           # an age, no time
    "Szczepionkę otrzymała prawie 91-letnia Margaret Keenan.",
    "Sprawa 46-letniej obecnie Asi Bibi ciągnie się latami.",
    "Zawody są dla dzieci w wieku od 9 lat wzwyż.",
    "Nowy miesięcznik trafił do kiosków.",                   # a monthly paper, no month
    "Protest zaplanowano na ostatnią dekadę lipca.",          # ten days, not ten years
    "Spotkali się z okazji wieczoru poezji.",                # an evening event, no time of day
])
def test_not_durations(sentence: str) -> None:
    times = _analyse(sentence).times
    assert not [t for t in times if t["type"] == "duration" or t["text"].lower().startswith(
        ("miesięcz", "wieczor"))], times


def test_christmas_is_dated_by_publication() -> None:
    times = _analyse("Porozumienie chcemy zawrzeć do świąt Bożego Narodzenia.", published="2024-11-20").times
    assert [(t["text"], t["value"]) for t in times] == [("do świąt Bożego Narodzenia", "2024-12-25")]


def test_relative_time_without_publication_date_has_no_value() -> None:
    times = _analyse("Wczoraj rząd przyjął projekt, a ubiegłego roku go odrzucił.", published=None).times
    assert [t["value"] for t in times] == [None, None]


def test_spans_match_text() -> None:
    text = "W czerwcu Ryanair odwołał ponad 2,4 tys. lotów, a 5 proc. pasażerów czekało 3 dni."
    article = _analyse(text)
    for record in article.amounts + article.times:
        assert text[record["start"]:record["end"]] == record["text"]


def test_calendar_helpers() -> None:
    from datetime import date
    assert iso(resolve(Point("month", month=12), date(2024, 9, 15))) == "2023-12"
    assert iso(resolve(Point("month", month=10), date(2024, 9, 15))) == "2024-10"
    assert duration(1.5, "Y") == "P18M"


@pytest.mark.skipif(not (SHARED / "examples" / "seed-kcna.txt").is_file(),
                    reason="../shared/examples/seed-kcna.txt is absent (a fresh clone without shared/)")
def test_seed_article() -> None:
    text = (SHARED / "examples" / "seed-kcna.txt").read_text(encoding="utf-8")
    article = _analyse(text)
    shells = [a for a in article.amounts if a["value"] == 1.6e6]
    assert shells and shells[0]["approx"] and shells[0]["object"]["base"] == "pocisk artyleryjski"
    index = article.amounts.index(shells[0])
    assert article.times[shells[0]["time"]]["value"] == "2023-08/2024-01"
    assert any(a["relative"] == {"factor": 3.0, "to": index} for a in article.amounts)
    values = {t["text"]: t["value"] for t in article.times}
    assert values.get("W czerwcu") == "2024-06"
    assert values.get("od 2000 roku") == "2000"


@pytest.mark.parametrize("sentence", [
    "Premier rozmawiał w cztery oczy z ambasadorem.",
    "Fabryki z dnia na dzień zmieniły produkcję.",
])
def test_idioms_count_and_date_nothing(sentence: str) -> None:
    article = _analyse(sentence)
    assert (article.amounts, article.times) == ([], [])
