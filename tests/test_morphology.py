"""Morfeusz readings, qualifiers stripped, one chosen lemma per token."""

from __future__ import annotations

import pytest

from wedlug import analyze
from wedlug.lang.pl.morphology import Analyser, strip_qualifier


@pytest.mark.parametrize(("raw", "lemma"), [
    ("rząd:Sm3~ądu", "rząd"), ("o:P", "o"), ("Putin", "Putin"), (":", ":"), ("z:T", "z"),
])
def test_strip_qualifier(raw: str, lemma: str) -> None:
    assert strip_qualifier(raw) == lemma


def lemmas(text: str) -> dict[str, str]:
    return {t.text: t.lemma for t in analyze(text).tokens}


@pytest.mark.parametrize(("text", "word", "lemma"), [
    ("Premier rozmawiał z Władimirem Putinem o sankcjach.", "Putinem", "Putin"),
    ("Spotkanie z Putinem trwało dwie godziny.", "Putinem", "Putin"),
    ("Kim Dzong Un spotkał się z delegacją z Moskwy.", "Kim", "Kim"),
    ("Północnokoreański przywódca Kim Dzong Un przyjął gości.", "Kim", "Kim"),
    ("Rząd zapowiedział nowe podatki.", "Rząd", "rząd"),
    ("Dostarczono ok. 3 tys. pocisków w 2023 r.", "r", "rok"),
    ("Dostarczono ok. 3 tys. pocisków w 2023 r.", "tys", "tysiąc"),
    ("Wojna w Ukrainie trwa.", "Ukrainie", "Ukraina"),
    ("Zrobiłem to wczoraj.", "em", "być"),
    # Lemmas UD Polish prefers for a form two lemmas share (data/lemma_preferences.tsv).
    ("Gospodarka potrzebuje większych inwestycji.", "większych", "duży"),
    ("To największy pożar lasu od dekady.", "największy", "duży"),
    ("Minister przyznał, że pewne decyzje zapadły za wcześnie.", "pewne", "pewien"),
    ("Pewnego dnia sąd wydał wyrok.", "Pewnego", "pewien"),
    ("Była wielka powódź.", "wielka", "wielki"),          # the positive keeps its lemma
    ("Pociąg przyjechał wcześniej niż zwykle.", "wcześniej", "wcześnie"),
    ("Świadkowie patrzą na to z niepokojem.", "patrzą", "patrzeć"),
    # A day of the month in digits is followed by the month.
    ("Umowę podpisano 5 maja w Warszawie.", "maja", "maj"),
    ("Zamach nastąpił 11 września.", "września", "wrzesień"),
    # An indefinite numeral before a degree, or after `o`/`co`, is the adverb.
    ("Sytuacja na granicy jest mniej napięta niż przed tygodniem.", "mniej", "mało"),
    ("Strażacy ewakuowali co najmniej 40 osób.", "najmniej", "mało"),
    ("Co więcej, prokuratura wszczęła drugie śledztwo.", "więcej", "dużo"),
    ("Na sesję przyszło więcej radnych niż zwykle.", "więcej", "więcej"),   # counts a noun
    # A plurale tantum noun where no noun follows the adjective of the same form.
    ("Według danych GUS inflacja spadła.", "danych", "dane"),
    ("Ministerstwo opublikowało dane o bezrobociu.", "dane", "dane"),
    ("Urzędnicy przetwarzają dane osobowe klientów.", "dane", "dane"),
    ("W danym przypadku sąd orzekł inaczej.", "danym", "dany"),
    # An acronym keeps its own lemma, not a first name's (`Gus`, `Lot`).
    ("Według danych GUS inflacja spadła.", "GUS", "GUS"),
    ("Samolot PLL LOT wylądował awaryjnie w Gdańsku.", "LOT", "LOT"),
    # ... and is no book of the Bible (data/scripture_books.txt).
    ("Posłowie KO złożyli wniosek o wotum nieufności.", "KO", "KO"),
    ("Spółka Nord Stream 2 AG odmówiła komentarza.", "AG", "AG"),
    ("Wielka Brytania staje się naszym coraz ważniejszym partnerem.", "naszym", "nasz"),
    # `to` beside `wszystko` is the demonstrative, except in `To wszystko.`
    ("Komisja uznała, że to wszystko wymaga nowej ustawy.", "to", "ten"),
    ("To wszystko.", "To", "to"),
    # Plural-only nouns UD Polish prefers (data/pluralia_tantum.txt), unless counted.
    ("Po wyborach parlamentarnych rząd upadł.", "wyborach", "wybory"),
    ("Projekt powstał w ramach programu rządowego.", "ramach", "ramy"),
    ("Portret wisiał w złoconych ramach.", "ramach", "rama"),
    ("Pracownicy skarżą się na złe warunki pracy.", "warunki", "warunki"),
    ("Bruksela postawiła trzy warunki.", "warunki", "warunek"),
    # An archaic short adjective is not read where a common word fits (`praw` of prawo).
    ("Rzecznik praw obywatelskich skierował wniosek do sądu.", "praw", "prawo"),
    # A preposition governs the case of the word after it: `do Niemiec` is the country.
    ("Premier pojechał do Niemiec na rozmowy.", "Niemiec", "Niemcy"),
    ("Jeden Niemiec zgłosił się na policję.", "Niemiec", "Niemiec"),
    # `tym` before a comparative and `że` written apart.
    ("Im dłużej trwa kryzys, tym trudniej o porozumienie.", "tym", "tym"),
    ("Premier uważa że reforma się uda.", "że", "że"),
    # An unknown name keeps its case ending only where a nominative is likely.
    ("Czy rząd rozmawiał z Abu Hamzą ibn Radenem?", "Radenem", "Raden"),
    ("Trzeba wezwać Grodgeona, dowódcę straży.", "Grodgeona", "Grodgeon"),
    ("Wizytę złożyła minister Fiona Hyslop.", "Fiona", "Fiona"),          # a run of names
    ("Wywiad ukazał się w tygodniku „Cooltura” w piątek.", "Cooltura", "Cooltura"),
    ("Porównano go z Guillaumem, Nettauem i innymi.", "Nettauem", "Nettau"),
    ("Mówię Macowi i Vilbertowi, że idę.", "Vilbertowi", "Vilbert"),
    ("Kandydatka Marlena Kwendolla zapowiedziała nowe wybory.", "Kwendolla", "Kwendolla"),
    ("Nowym szefem komisji został Grodgeon.", "Grodgeon", "Grodgeon"),
])
def test_lemmas_in_context(text: str, word: str, lemma: str) -> None:
    assert lemmas(text)[word] == lemma


@pytest.mark.parametrize(("text", "word", "acceptable"), [
    ("Delegacji przewodniczył wiceminister Aleksiej Kriworuczko. Rozmowy z Aleksiejem "
     "Kriworuczką trwały długo. Szef Kriworuczki to Szojgu.", "Kriworuczką",
     {"Kriworuczko", "Kriworuczka"}),
    ("Rozmawiał z ministrem Siergiejem Szojgu.", "Szojgu", {"Szojgu"}),
])
def test_unknown_foreign_names_get_a_sensible_lemma(text: str, word: str, acceptable: set[str]) -> None:
    assert lemmas(text)[word] in acceptable


def test_tokens_carry_offsets_tags_and_sentence_indices() -> None:
    text = "Sejm przyjął ustawę. Senat ją odrzucił."
    article = analyze(text)
    for token in article.tokens:
        assert text[token.start:token.end] == token.text
        assert token.tag and token.lemma and token.upos
    assert [t.sentence for t in article.tokens] == [0, 0, 0, 0, 1, 1, 1, 1]
    record = article.to_dict(tokens=True)
    assert record["tokens"][1] == {"start": 5, "end": 12, "text": "przyjął", "lemma": "przyjąć",
                                   "tag": "praet:sg:m3:perf", "upos": "VERB", "sentence": 0}


@pytest.mark.parametrize(("text", "word", "case"), [
    ("W postępowaniu sądowym ustalono winę.", "postępowaniu", "loc"),
    ("Rząd przeznaczył pieniądze na życie kulturalne.", "życie", "acc"),
    ("Prokurator wszczął śledztwo w sprawie wypadku.", "sprawie", "loc"),
    ("Na jego prośbę sąd odroczył rozprawę.", "jego", "gen"),   # a possessive keeps its case
])
def test_a_preposition_governs_the_case_of_the_word_after_it(text: str, word: str, case: str) -> None:
    tag = next(t.tag for t in analyze(text).tokens if t.text == word)
    assert tag.split(":")[2] == case


@pytest.mark.parametrize(("text", "tokens"), [
    ("Portal Money.pl, jak podał Onet.pl.", ["Portal", "Money.pl", ",", "jak", "podał", "Onet.pl", "."]),
    ("Grupa Leave.EU (kampania za brexitem) zapłaciła.",
     ["Grupa", "Leave.EU", "(", "kampania", "za", "brexitem", ")", "zapłaciła", "."]),
    ("Dane są na stronie https://www.gov.pl/web/zdrowie.",
     ["Dane", "są", "na", "stronie", "https://www.gov.pl/web/zdrowie", "."]),
    # no address: an abbreviation, or a missing space after a full stop
    ("Przyjechali m.in. ministrowie.", ["Przyjechali", "m.in", ".", "ministrowie", "."]),
])
def test_a_web_address_is_one_token(text: str, tokens: list[str]) -> None:
    found = analyze(text).tokens
    assert [t.text for t in found] == tokens
    assert all(text[t.start:t.end] == t.text for t in found)


@pytest.mark.parametrize(("chunk", "word"), [("Putina,", "Putina"), ("(KCNA)", "KCNA"), ("„Nie", "Nie"),
                                             ("Korei.", "Korei")])
def test_a_word_read_inside_a_chunk_gives_the_entities_step_its_readings(chunk: str, word: str) -> None:
    analyser, fresh = Analyser(), Analyser()
    analyser.chunk(chunk)
    assert set(analyser.word_readings(word)) == set(fresh.word(word))
    # a word before a full stop is not kept (it may be an abbreviation): asked anew
    assert (word in analyser._words) is not chunk.endswith(".")


def upos_of(text: str, word: str) -> str:
    """The UD part of speech of the first token spelled `word`."""
    return next(t.upos for t in analyze(text).tokens if t.text == word)


@pytest.mark.parametrize(("text", "word", "upos"), [
    # Comparative and subordinating `jak`, `jako`, `niż`, `więc` are SCONJ in UD Polish PDB/PUD.
    ("Jak ustaliła policja, kierowca był trzeźwy.", "Jak", "SCONJ"),
    ("Czuł się tam jak u siebie w domu.", "jak", "SCONJ"),
    ("Pracował w Brukseli jako tłumacz.", "jako", "SCONJ"),
    ("Inflacja okazała się wyższa, niż zakładał rząd.", "niż", "SCONJ"),
    ("Budżet jest napięty, więc rząd szuka oszczędności.", "więc", "SCONJ"),
    # ... except `jak` opening a coordination or a superlative.
    ("Dotyczy to zarówno kierowców, jak i pieszych.", "jak", "CCONJ"),
    ("Ratownicy chcą jak najszybciej dotrzeć do rannych.", "jak", "ADV"),
    # ... or asking "how": a question, an indirect question, `od tego, jak`, `jak często`.
    ("Jak rząd zamierza sfinansować reformę?", "Jak", "ADV"),
    ("Posłowie zastanawiali się, jak zapewnić bezpieczeństwo kibicom.", "jak", "ADV"),
    ("Prokuratura sprawdzi, jak doszło do wypadku.", "jak", "ADV"),
    ("Wszystko zależy od tego, jak szybko Sejm uchwali ustawę.", "jak", "ADV"),
    ("Nikt nie wie, jak często pociągi się spóźniają.", "jak", "ADV"),
    ("Świadkowie widzieli, jak napastnik ucieka w stronę parku.", "jak", "SCONJ"),
    ("Zrobimy to, jak tylko wrócimy z urlopu.", "jak", "SCONJ"),
    # `i` after a coordinating `jak`, or before `to` and a preposition, is a particle;
    # so are `co` in `co więcej`, `za` meaning "too" and `ponad` before a number.
    ("Dotyczy to zarówno kierowców, jak i pieszych.", "i", "PART"),
    ("Inwestor kupił akcje, i to po starej cenie.", "i", "PART"),
    ("Co więcej, ceny energii nadal rosną.", "Co", "PART"),
    ("Kierowcy jeżdżą tu za szybko.", "za", "PART"),
    ("Przedszkole ma za mało miejsc dla dzieci.", "za", "PART"),
    ("Radni głosowali za budową obwodnicy.", "za", "ADP"),
    ("Firma zapłaciła za blisko 9-hektarową działkę.", "za", "ADP"),
    ("Ceny wzrosły o ponad 20 proc. w ciągu roku.", "ponad", "PART"),
    ("Samolot leciał ponad chmurami.", "ponad", "ADP"),
    ("Im dłużej trwa kryzys, tym trudniej o porozumienie.", "tym", "ADV"),
    ("Premier uważa że reforma się uda.", "że", "SCONJ"),
    # A lone `Nie` answering at the start of a sentence is an interjection.
    ("– Nie, nie zamierzam ustępować – odpowiedział premier.", "Nie", "INTJ"),
    # The pronominal copula is AUX; `gdy` is an adverb like `kiedy`.
    ("Ta decyzja to poważny błąd.", "to", "AUX"),
    ("Gdy minister wszedł na salę, posłowie wstali.", "Gdy", "ADV"),
    # `czy` between alternatives coordinates; opening a question it is a particle.
    ("Na Azorach czy Maderze pogoda była lepsza.", "czy", "CCONJ"),
    ("Czy rząd zdąży z ustawą?", "Czy", "PART"),
    # A number in digits: a year before a singular `rok` or a day before a month is an
    # ordinal; before the plural `lat` it counts years; before a noun it counts that.
    ("W 2015 roku rząd podniósł akcyzę.", "2015", "ADJ"),
    ("Umowę podpisano 5 maja w Warszawie.", "5", "ADJ"),
    ("Skazany spędził w więzieniu 18 lat.", "18", "NUM"),
    ("Ewakuowano 300 osób z zalanych domów.", "300", "NUM"),
    # ... a year after a preposition or a month, an hour, a number after `nr`, and a
    # number whose full stop makes it ordinal are ADJ; an article of a law stays X.
    ("Zakład otwarto w 1995 i rozbudowano pięć lat później.", "1995", "ADJ"),
    ("Spotkanie zaplanowano na godz. 17.15 w ratuszu.", "17.15", "ADJ"),
    ("Uczniowie Szkoły Podstawowej nr 4 wygrali konkurs.", "4", "ADJ"),
    ("Gola strzelił w 68. minucie meczu.", "68", "ADJ"),
    ("Politycy pamiętają lata 90., gdy reformy dopiero ruszały.", "90", "ADJ"),
    ("Niemcy dokończyli gazociąg Nord Stream 2. Ale Kijów protestuje.", "2", "X"),
    ("Sąd powołał się na art. 141 kodeksu karnego.", "141", "X"),
    ("Kandydat zapłacił 3 tys. złotych kaucji.", "3", "NUM"),
    # Degree adverbs from indefinite numerals; `co` before a unit of time is a preposition.
    ("Ceny paliw są o wiele wyższe niż rok temu.", "wiele", "ADV"),
    ("Rada gminy zbiera się co roku w marcu.", "co", "ADP"),
    ("Nie wiadomo, co zrobi rząd.", "co", "PRON"),
    # `złoty` after a number is the currency; `zostać` with a passive participle is AUX.
    ("Za bilet trzeba zapłacić 16 złotych.", "złotych", "NOUN"),
    ("Projekt ustawy zostanie przekazany do Senatu.", "zostanie", "AUX"),
    # A correlative `to` after a conditional clause is a complementizer.
    ("Jeśli rząd nie ustąpi, to związkowcy wyjdą na ulice.", "to", "SCONJ"),
    ("Rząd nie ustąpi, to pewne.", "to", "AUX"),
    # `to` with another finite verb in its clause is the subject or a determiner; after a
    # finite `być` it is the copula itself.
    ("To nas różni od opozycji.", "To", "PRON"),
    ("To hasło ma przekonać wyborców.", "To", "DET"),
    ("Były to najtrudniejsze negocjacje od lat.", "to", "AUX"),
    # `być` with a prepositional phrase and no predicate is the verb of existence or place.
    ("W lasach jest dużo dzikich zwierząt.", "jest", "VERB"),
    ("Minister jest dziś w Brukseli.", "jest", "VERB"),
    ("Minister jest zadowolony z rozmów w Brukseli.", "jest", "AUX"),
    ("Prezes był ministrem w poprzednim rządzie.", "był", "AUX"),
    # Particles in the Morfeusz 2 tagset that LFG calls adverbs.
    ("Posłowie znów nie zdążyli z ustawą.", "znów", "PART"),
    ("To właśnie ten projekt wywołał spór.", "właśnie", "PART"),
    # Indefinite numerals and `oba` are determiners, in every form.
    ("W obu przypadkach sąd uznał winę oskarżonych.", "obu", "DET"),
    ("Na granicy czeka kilkaset ciężarówek.", "kilkaset", "DET"),
    ("W proteście wzięło udział kilka tysięcy rolników.", "kilka", "DET"),
])
def test_ud_conventions_of_the_evaluation_treebanks(text: str, word: str, upos: str) -> None:
    assert upos_of(text, word) == upos


@pytest.mark.parametrize("word", ["Putina", "Korei", "Ryanaira", "Kim", "UE", "Miałem", "m.in", "rząd"])
def test_a_words_lemmas_are_the_same_whoever_asked_morfeusz_first(word: str) -> None:
    """The analyser keeps a capitalised chunk's lemmas as it analyses it; the entities step
    reads them later instead of asking Morfeusz again. Both ways give every lemma of every
    interpretation."""
    from wedlug.lang.pl.morphology import interpretations

    expected = frozenset({word.lower()} | {strip_qualifier(i[3]).lower() for i in interpretations(word)})
    asked_first = Analyser()
    assert asked_first.lemmas(word) == expected
    analysed_first = Analyser()
    analysed_first.chunk(word)
    assert analysed_first.lemmas(word) == expected


@pytest.mark.parametrize(("word", "next_word", "lemma"), [
    ("GROM-u", "", "GROM"),                      # an acronym with its case ending
    ("6-9-letni", "", "6-9-letni"),              # the last word brought to base form
    ("Kórniku-Bninie", "", "Kórnik-Bnin"),       # both parts agree: both to base form
    ("pl.sci.filozofia", "", "pl.sci.filozofia"),
    ("94/85/WE", "", "94/85/WE"),                # a code ends in capitals, not the preposition
    ("KC-135", "", "KC-135"),
    ("23:00", "", "23:00"),
    ("’’", "", "’’"),
    ("tyłem", "", "tyć"),                        # split by Morfeusz, but at no punctuation
    ("m.in", ".", "między_innymi"),              # an abbreviation keeps its expansion
])
def test_a_treebank_token_split_at_punctuation_keeps_its_whole_lemma(
        word: str, next_word: str, lemma: str) -> None:
    assert lemma in {r.lemma for r in Analyser().word(word, next_word)}
