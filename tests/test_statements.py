"""The statements step on sentences written for these tests in the style of Polish news."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wedlug import analyze
from wedlug.article import Article
from wedlug.evaluation.statements import GoldArticle, GoldStatement, match_article, spans_match, summarise
from wedlug.pipeline import default_steps

SHARED = Path(__file__).resolve().parents[2] / "shared"


def statements(text: str) -> list[dict[str, Any]]:
    """Analyse a text and return its statements."""
    return analyze(text).statements


def statement_with(text: str, part: str, value: str) -> dict[str, Any]:
    """Return the first statement whose `part` (content or cue) reads `value`, failing
    with the ones found otherwise."""
    found = [s for s in statements(text) if s[part]["text"] == value]
    assert found, [s[part]["text"] for s in statements(text)]
    return found[0]


def only(text: str) -> dict[str, Any]:
    """Return the one statement of a text (failing when there are more or none)."""
    found = statements(text)
    assert len(found) == 1, [s["content"]["text"] for s in found]
    return found[0]


@pytest.mark.parametrize(("text", "content", "speaker", "kind"), [
    ("„Nie zgodzimy się na podwyżki” – powiedział minister finansów Jan Nowak.",
     "Nie zgodzimy się na podwyżki", "minister finansów Jan Nowak", "direct"),
    ('"Szpital jest gotowy na przyjęcie pacjentów" - zapewniła dyrektor placówki Anna Kowalska.',
     "Szpital jest gotowy na przyjęcie pacjentów", "dyrektor placówki Anna Kowalska", "direct"),
    ("«Rozmowy trwają» – dodał rzecznik ratusza Piotr Lis.", "Rozmowy trwają",
     "rzecznik ratusza Piotr Lis", "direct"),
    ("- Nie wycofamy wojsk z regionu - stwierdził prezydent Andrzej Zieliński.",
     "Nie wycofamy wojsk z regionu", "prezydent Andrzej Zieliński", "direct"),
    ("– Sytuacja na granicy jest stabilna – oświadczył komendant Straży Granicznej Marek Wójcik.",
     "Sytuacja na granicy jest stabilna", "komendant Straży Granicznej Marek Wójcik", "direct"),
    ("— Budżet zostanie przyjęty w terminie — zapowiedział marszałek Sejmu Tomasz Wróbel.",
     "Budżet zostanie przyjęty w terminie", "marszałek Sejmu Tomasz Wróbel", "direct"),
    ("Minister zdrowia Ewa Mazur podkreśliła: „Szczepionek nie zabraknie dla nikogo”.",
     "Szczepionek nie zabraknie dla nikogo", "Minister zdrowia Ewa Mazur", "direct"),
])
def test_direct_speech(text: str, content: str, speaker: str, kind: str) -> None:
    found = only(text)
    assert found["content"]["text"] == content
    assert found["speaker"]["text"] == speaker
    assert found["kind"] == kind
    assert found["polarity"] == "assert"


@pytest.mark.parametrize(("text", "content", "speaker", "cue"), [
    ("Rzecznik rządu Adam Kowal poinformował, że posiedzenie odbędzie się w piątek.",
     "posiedzenie odbędzie się w piątek", "Rzecznik rządu Adam Kowal", "poinformował"),
    ("Prezes banku centralnego ocenił, iż inflacja zacznie spadać jesienią.",
     "inflacja zacznie spadać jesienią", "Prezes banku centralnego", "ocenił"),
    ("Ministerstwo Obrony zapowiedziało, że ćwiczenia potrwają dwa tygodnie.",
     "ćwiczenia potrwają dwa tygodnie", "Ministerstwo Obrony", "zapowiedziało"),
    ("Opozycja zaapelowała, aby rząd wycofał projekt ustawy.",
     "rząd wycofał projekt ustawy", "Opozycja", "zaapelowała"),
    ("Przewodnicząca komisji Maria Lis zwróciła uwagę, że termin jest zbyt krótki.",
     "termin jest zbyt krótki", "Przewodnicząca komisji Maria Lis", "zwróciła uwagę"),
])
def test_indirect_speech(text: str, content: str, speaker: str, cue: str) -> None:
    found = only(text)
    assert found["kind"] == "indirect"
    said = (found["content"]["text"], found["speaker"]["text"], found["cue"]["text"])
    assert said == (content, speaker, cue)


def test_mixed_speech_keeps_quoted_fragments() -> None:
    found = only('Wojewoda zapewnił, że sytuacja jest "pod pełną kontrolą" służb.')
    assert found["kind"] == "mixed"
    assert found["content"]["text"] == 'sytuacja jest "pod pełną kontrolą" służb'


def test_quoted_object_after_a_cue_is_mixed() -> None:
    found = statements('Premier Jan Nowak ostrzegł przed "bardzo trudną zimą". '
                       'Obiecał "pełne wsparcie" dla gmin.')
    assert [s["kind"] for s in found] == ["mixed", "mixed"]
    assert found[1]["speaker"]["text"] == "Premier Jan Nowak"
    assert found[1]["speaker"]["resolved"] is True


@pytest.mark.parametrize(("text", "content", "speaker", "cue"), [
    ("Według Polskiej Agencji Prasowej rozmowy zakończyły się porozumieniem.",
     "rozmowy zakończyły się porozumieniem", "Polskiej Agencji Prasowej", "Według"),
    ("Zdaniem ekspertów, ceny energii wzrosną o 10 procent.",
     "ceny energii wzrosną o 10 procent", "ekspertów", "Zdaniem"),
    ("Jak podaje portal Onet, negocjacje zostały przerwane.",
     "negocjacje zostały przerwane", "portal Onet", "podaje"),
    ("Szczyt odbędzie się w Brukseli, według dziennika Rzeczpospolita.",
     "Szczyt odbędzie się w Brukseli", "dziennika Rzeczpospolita", "według"),
])
def test_source_phrases(text: str, content: str, speaker: str, cue: str) -> None:
    found = only(text)
    assert found["kind"] == "according_to"
    assert found["content"]["text"] == content
    assert found["speaker"]["text"] == speaker
    assert found["cue"]["text"] == cue


def test_nested_attribution_names_the_outer_source() -> None:
    found = only("Według agencji Reuters minister spraw zagranicznych Piotr Nowak powiedział, "
                 "że rozmowy zostaną wznowione.")
    assert found["content"]["text"] == "rozmowy zostaną wznowione"
    assert found["speaker"]["text"] == "minister spraw zagranicznych Piotr Nowak"
    assert found["source"]["text"] == "agencji Reuters"


@pytest.mark.parametrize(("text", "content"), [
    ("Rzecznik resortu zaprzeczył, jakoby minister planował dymisję.", "minister planował dymisję"),
    ("Kreml zdementował, że prezydent jest chory.", "prezydent jest chory"),
    ("Zarząd spółki nie potwierdził, że fabryka zostanie zamknięta.", "fabryka zostanie zamknięta"),
    ("Władze Warszawy i Krakowa zaprzeczają, jakoby miasta zadłużyły się ponad miarę.",
     "miasta zadłużyły się ponad miarę"),
])
def test_denials(text: str, content: str) -> None:
    found = only(text)
    assert found["polarity"] == "deny"
    assert found["content"]["text"] == content


def test_denial_with_a_noun_object_denies_the_object() -> None:
    found = only("Rzecznik Kremla zdementował doniesienia o chorobie prezydenta.")
    assert (found["polarity"], found["content"]["text"]) == ("deny", "doniesienia o chorobie prezydenta")


def test_negative_claim_with_an_assertion_verb_stays_assert() -> None:
    assert only("Minister przekonywał, że wojsko nie przekroczyło granicy.")["polarity"] == "assert"


@pytest.mark.parametrize(("text", "speaker", "resolved"), [
    ("Minister Anna Nowak spotkała się z rolnikami. Dodała, że pomoc trafi do wsi.",
     "Minister Anna Nowak", True),
    ("Wizytę złożył prezydent Litwy. Przyjęto też delegację Czech. Zapewnił, że sojusz jest silny.",
     "prezydent Litwy", True),
    ("Umowę skrytykowała Komisja Europejska, która oświadczyła, że zbada sprawę.",
     "Komisja Europejska", True),
    ("Moskwa i Mińsk zaprzeczają, jakoby wojska zbliżały się do granicy.", "Moskwa i Mińsk", False),
])
def test_speaker_resolution(text: str, speaker: str, resolved: bool) -> None:
    found = statements(text)[-1]
    assert found["speaker"]["text"] == speaker
    assert found["speaker"]["resolved"] is resolved


def test_dropped_subject_agrees_in_gender() -> None:
    text = ("Posłanka Ewa Lis i poseł Adam Wrona spotkali się z wyborcami. Poseł Wrona mówił o drogach. "
            "Posłanka przypomniała wcześniej o szkołach. Zapewniła, że budżet to uwzględni.")
    found = statements(text)[-1]
    assert found["cue"]["text"] == "Zapewniła"
    assert "Posłanka" in found["speaker"]["text"]


def test_headline_with_a_colon() -> None:
    found = statements("Premier Nowak: Nie podniesiemy podatków\nRząd przyjął projekt budżetu.")
    assert found[0]["kind"] == "direct"
    assert found[0]["speaker"]["text"] == "Premier Nowak"
    assert found[0]["content"]["text"] == "Nie podniesiemy podatków"


@pytest.mark.parametrize("text", [
    'Film "Ostatni rejs" trafi do kin w marcu.',
    "Rząd przyjął projekt ustawy o obronie cywilnej.",
    "Niemcy: pociągi pojadą szybciej",
    "Czy rząd zdąży z ustawą przed wakacjami?",
])
def test_narration_and_titles_are_not_statements(text: str) -> None:
    assert statements(text) == []


def test_quotation_over_two_sentences() -> None:
    found = only("„Zrobimy wszystko, co w naszej mocy. Mieszkańcy nie zostaną sami” – zapewnił burmistrz.")
    assert found["content"]["text"] == "Zrobimy wszystko, co w naszej mocy. Mieszkańcy nie zostaną sami"


def test_removed_passages_are_ignored() -> None:
    article = analyze("Rzecznik powiedział, że szkoły będą otwarte.\n"
                      "Dalsza część artykułu pod materiałem wideo\n"
                      "Minister oświadczył, że ferie się nie zmienią.")
    for statement in article.statements:
        assert not article.is_removed(statement["content"]["start"], statement["content"]["end"])


def test_every_span_is_the_text_it_points_at() -> None:
    text = ("– Nie ma zagrożenia – powiedział wojewoda Jan Lis. Według sanepidu woda jest czysta. "
            "Mieszkańcy zaprzeczają, jakoby pili wodę z kranu. Jak dodał, „kontrole będą częste”.")
    article = analyze(text)
    assert article.statements
    for statement in article.statements:
        for key in ("speaker", "cue", "content", "source"):
            span = statement[key]
            if span is not None:
                assert text[span["start"]:span["end"]] == span["text"]
        assert 0.0 <= statement["confidence"] <= 1.0


def test_the_step_is_registered() -> None:
    step = next(s for s in default_steps() if s.name == "statements")
    assert step.requires == ("tokens", "removed") and step.assigns == ("statements",)


def _gold(*statements: tuple[tuple[int, int], bool]) -> GoldArticle:
    return GoldArticle("doc", "", tuple(GoldStatement(c, None, None, "assert", "direct", o)
                                        for c, o in statements))


def _predicted(start: int, end: int) -> dict[str, Any]:
    return {"content": {"start": start, "end": end}, "speaker": None, "polarity": "assert"}


@pytest.mark.parametrize(("a", "b", "expected"), [
    ((0, 10), (5, 40), True),     # half of the shorter span
    ((0, 10), (6, 40), False),
    ((0, 40), (10, 20), True),
])
def test_spans_match_on_half_of_the_shorter(a: tuple[int, int], b: tuple[int, int], expected: bool) -> None:
    assert spans_match(a, b) is expected


def test_scorer_is_one_to_one_and_ignores_optional_gold() -> None:
    article = Article(text="x" * 100)
    gold = _gold(((0, 20), False), ((30, 50), True), ((60, 80), False))
    score = match_article(article, gold, [_predicted(0, 20), _predicted(2, 18), _predicted(30, 50)])
    figures = summarise([score])
    assert (figures["gold"], figures["predicted"]) == (2, 2)   # the optional pair left both counts
    assert figures["precision"] == 0.5 and figures["recall"] == 0.5


@pytest.mark.skipif(not (SHARED / "examples" / "seed-kcna.txt").exists(),
                    reason="needs ../shared/examples (the seed article is not in the repository)")
def test_seed_article_reaches_its_targets() -> None:
    root = Path(__file__).resolve().parents[1]
    from wedlug.evaluation.statements import read_gold
    gold = read_gold(root / "gold" / "statements")["examples/seed-kcna.txt"]
    text = (SHARED / "examples" / "seed-kcna.txt").read_bytes().decode("utf-8-sig")
    article = analyze(text)
    figures = summarise([match_article(article, gold, article.statements)])
    assert figures["f1"] >= 0.9 and figures["strict_f1"] >= 0.8
    denials = [g for g in gold.statements if g.polarity == "deny"]
    for denial in denials:
        assert any(s["polarity"] == "deny"
                   and spans_match(denial.content, (s["content"]["start"], s["content"]["end"]))
                   for s in article.statements)
    assert json.loads((root / "gold" / "statements" / "splits.json").read_text())["seed"]


# --- General rules: cues, sources, speakers (sentences composed for these tests) ---

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Z raportu NIK wynika, że szpitale są zadłużone.", "szpitale są zadłużone", "raportu NIK"),
    # a plural source need not agree with `wynika` when it names someone
    ("Analitycy ostrzegają przed spowolnieniem. Z najnowszych danych Banku Polski wynika, że "
     "liczba kredytów spadła.", "liczba kredytów spadła", "najnowszych danych Banku Polski"),
    ("Inspektorzy opublikowali w piątek raport. Wynika z niego, że połowa mostów wymaga remontu.",
     "połowa mostów wymaga remontu", "raport"),
    ("Ministerstwo opublikowało analizę, z której wynika, że deficyt spadnie.",
     "deficyt spadnie", "analizę"),
    # the agent who prepared the source speaks (`przygotowanego przez`)
    ("Bezrobocie spadło do pięciu procent – wynika z raportu przygotowanego przez Work Service.",
     "Bezrobocie spadło do pięciu procent", "Work Service"),
    # an impersonal cue has no subject: the agent of the document speaks
    ("W komunikacie wydanym w czwartek przez zarząd spółki poinformowano, że strajk się zakończył.",
     "strajk się zakończył", "zarząd spółki"),
    ("W oświadczeniu wydanym przez siedzibę główną Kelvaira poinformowano, że loty są odwołane.",
     "loty są odwołane", "siedzibę główną Kelvaira"),
    ("– Ceny energii wzrosną o jedną piątą – czytamy w komunikacie spółki.",
     "Ceny energii wzrosną o jedną piątą", "komunikacie spółki"),
    ("„Jestem w drodze” – napisał w wiadomości do agencji Reutera adwokat Jan Lis.",
     "Jestem w drodze", "adwokat Jan Lis"),
    # a web address after a medium names the portal; who follows it speaks
    ("– Proces ten trwa od lat – mówi portalowi PolskieRadio.pl Joerg Forbrig z fundacji.",
     "Proces ten trwa od lat", "Joerg Forbrig"),
    ("– To zwykłe bzdury – pisze dla portalu Niezależna.pl Szczepan Lisiewicz, publicysta.",
     "To zwykłe bzdury", "Szczepan Lisiewicz"),
    ("– Nie będzie zmian – podał portal BiznesAlert.pl.", "Nie będzie zmian", "portal BiznesAlert.pl"),
])
def test_sources_in_prepositional_phrases(text: str, content: str, speaker: str) -> None:
    found = statement_with(text, "content", content)
    assert found["speaker"]["text"] == speaker


@pytest.mark.parametrize(("text", "content", "speaker", "cue"), [
    ("Związkowcy domagają się, by płace wzrosły o dziesięć procent.",
     "płace wzrosły o dziesięć procent", "Związkowcy", "domagają się"),
    # a particle between the subject and the cue
    ("Prezes spółki, Jan Lis, znów ostrzegł, że firma przeniesie fabrykę.",
     "firma przeniesie fabrykę", "Jan Lis", "ostrzegł"),
    ("Spółka prognozuje, ze zysk wzrośnie o połowę.", "zysk wzrośnie o połowę", "Spółka", "prognozuje"),
    ("Komisja wskazuje m.in., że przepisy się zmienią.", "przepisy się zmienią", "Komisja", "wskazuje"),
    ("Prezes Jan Lis wielokrotnie podkreślał, że firma nie zwolni pracowników.",
     "firma nie zwolni pracowników", "Prezes Jan Lis", "podkreślał"),
    ("Kilka partii zadeklarowało, że poprze projekt.", "poprze projekt", "Kilka partii", "zadeklarowało"),
    ("Jak ustaliła nasza redakcja, przetarg zostanie unieważniony.",
     "przetarg zostanie unieważniony", "nasza redakcja", "ustaliła"),
])
def test_wider_family_of_cues(text: str, content: str, speaker: str, cue: str) -> None:
    found = only(text)
    said = (found["content"]["text"], found["speaker"]["text"], found["cue"]["text"])
    assert said == (content, speaker, cue)


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Nie podniesiemy podatków w tym roku” – zapewnił minister finansów.",
     "Nie podniesiemy podatków w tym roku", "minister finansów"),
    ("– Nie ustąpimy ani o krok – Nowak przemawiał do zebranych rolników.",
     "Nie ustąpimy ani o krok", "Nowak"),
    ("Kryzys potrwa co najmniej dwa lata. Taką opinię wyraził ekonomista Jan Wrona.",
     "Kryzys potrwa co najmniej dwa lata", "ekonomista Jan Wrona"),
    ("Nowak w wywiadzie: nie wystartuję w wyborach", "nie wystartuję w wyborach", "Nowak"),
])
def test_unusual_shapes_of_direct_and_reported_speech(text: str, content: str, speaker: str) -> None:
    found = only(text)
    assert (found["content"]["text"], found["speaker"]["text"]) == (content, speaker)


def test_dash_paragraph_continues_the_previous_speaker() -> None:
    found = statements("– Nie zgadzamy się na to – powiedział rzecznik związku Adam Lis.\n\n"
                       "– Będziemy protestować do skutku.")
    contents = [s["content"]["text"] for s in found]
    assert contents == ["Nie zgadzamy się na to", "Będziemy protestować do skutku"]
    assert found[1]["speaker"]["text"] == "rzecznik związku Adam Lis"
    assert found[1]["speaker"]["resolved"] is True


@pytest.mark.parametrize(("text", "speaker"), [
    # a name in apposition is the antecedent, not the common noun before it
    ("Znana aktywistka, Maria Wrona, trafiła do aresztu w 2019 r. po tym, jak miała powiedzieć: "
     "„Nie żałuję niczego”.", "Maria Wrona"),
    # a person named inside the reported clause is not the antecedent of `Dodał`
    ("Minister Jan Kowalski powiedział, że Anna Nowak odejdzie z rządu. Dodał, że decyzja zapadła "
     "w piątek.", "Minister Jan Kowalski"),
])
def test_dropped_subject_antecedents(text: str, speaker: str) -> None:
    last = statements(text)[-1]
    assert last["speaker"]["text"] == speaker and last["speaker"]["resolved"] is True


@pytest.mark.parametrize("text", [
    "W przyszłym tygodniu sąd wyda wyrok. Czytaj więcej: „Afera w ratuszu”.",
    "Głosowania pokażą, czy rząd ma większość.",
    "Zobaczymy, jak sobie poradzą nowi pracownicy.",
])
def test_links_and_look_alike_verbs_are_not_statements(text: str) -> None:
    assert statements(text) == []


def test_speaker_takes_the_entity_of_an_overlapping_mention() -> None:
    from wedlug.lang.pl.statements import predict_statements

    text = "Rzecznik rządu Adam Kowal poinformował, że posiedzenie odbędzie się w piątek."
    article = analyze(text)
    start = text.index("Adam Kowal")
    article.entities = [{"id": "broken"}, {"id": "p:1", "mentions": [{"start": start, "end": start + 10}]},
                        "not a record", {"id": "p:2", "mentions": [{"start": None}]}]
    record = predict_statements(article)[0].record(article)
    assert record["speaker"]["entity"] == "p:1"
    article.entities = []
    assert predict_statements(article)[0].record(article)["speaker"]["entity"] is None


@pytest.mark.parametrize(("text", "content", "speaker", "polarity"), [
    # a subject whose noun phrase carries a gerund and a prepositional phrase
    ("Zwolennicy pozostania w strefie euro uważają, że na wyjściu najbardziej stracą eksporterzy.",
     "na wyjściu najbardziej stracą eksporterzy", "Zwolennicy pozostania", "assert"),
    # a possessive opens the subject
    ("Jej sąsiedzi zapewniają, że kobieta była spokojna.", "kobieta była spokojna", "sąsiedzi", "assert"),
    # a rebuttal of a charge is a denial
    ("Burmistrz Jan Zając broni się przed zarzutem, że remont ratusza idzie zbyt wolno.",
     "remont ratusza idzie zbyt wolno", "Burmistrz Jan Zając", "deny"),
    # a court rules
    ("Szpital nie może zamknąć oddziału dziecięcego - orzekł w środę sąd w Olsztynie.",
     "Szpital nie może zamknąć oddziału dziecięcego", "sąd", "assert"),
    # `według informacji przekazanych przez X`: X speaks
    ("Według informacji przekazanych przez wojewodę Adama Sowę do szpitali trafiło 40 osób.",
     "do szpitali trafiło 40 osób", "wojewodę Adama Sowę", "assert"),
    # a short quoted title after the cue names whom the speaker told
    ("Prezes fundacji Jan Wilk mówi „Faktowi”, że pieniądze trafią do szpitali.",
     "pieniądze trafią do szpitali", "Prezes fundacji Jan Wilk", "assert"),
    # the body that issued the statement in which it declares
    ("Zarząd spółki wydał w tej sprawie oświadczenie, w którym zapewnia, że wypłaty nie są zagrożone.",
     "wypłaty nie są zagrożone", "Zarząd spółki", "assert"),
])
def test_speakers_and_cues_of_session_two(text: str, content: str, speaker: str, polarity: str) -> None:
    found = statement_with(text, "content", content)
    assert found["speaker"]["text"] == speaker
    assert found["polarity"] == polarity


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Rząd chciał zamknąć kopalnię do końca roku. Tak w poniedziałek rano, kilka godzin przed "
     "posiedzeniem, zapowiadał w radiu wiceminister energii Adam Nowicki.",
     "Rząd chciał zamknąć kopalnię do końca roku", "Adam Nowicki"),
    ("Od początku roku w mieście zarejestrowano 120 nowych firm - zaznaczono w komunikacie.",
     "Od początku roku w mieście zarejestrowano 120 nowych firm", "komunikacie"),
])
def test_attributions_after_their_content(text: str, content: str, speaker: str) -> None:
    found = statement_with(text, "content", content)
    assert found["speaker"]["text"].endswith(speaker)


@pytest.mark.parametrize("text", [
    # consent to something is no denial of a proposition
    "Jeśli kierowcy nie zgodzą się na kontrolę trzeźwości, nie wjadą na teren zakładu.",
])
def test_no_statement(text: str) -> None:
    assert statements(text) == []


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    ("Jej mąż i syn byli w domu. To właśnie oni zapewniają, że kobieta była spokojna.",
     "zapewniają", "Jej mąż i syn"),
    ("Tę decyzję okoliczni rolnicy uznali za skandal i zażądali, by wójt ją cofnął.",
     "zażądali", "okoliczni rolnicy"),
])
def test_subjects_shared_or_pointed_back_to(text: str, cue: str, speaker: str) -> None:
    found = statement_with(text, "cue", cue)
    assert found["speaker"]["text"].endswith(speaker.split(" ", 1)[-1])


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Nowe dostawy leków dotarły do kraju. Nowicki: 200 tysięcy opakowań\n\nW poniedziałek minister "
     "zdrowia Adam Nowicki przekazał, że leki trafią do aptek.", "200 tysięcy opakowań", "Nowicki"),
])
def test_headline_speaker_named_by_entities(text: str, content: str, speaker: str) -> None:
    assert statement_with(text, "content", content)["speaker"]["text"] == speaker


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Ale – ostrzega prezes banku Jan Lis – koszty będą znacznie większe, jeśli rząd nie zdecyduje.",
     "koszty będą znacznie większe, jeśli rząd nie zdecyduje", "prezes banku Jan Lis"),
    ("Sprzedaż – jak zaznaczył rzecznik – spadła o połowę w ciągu roku.",
     "Sprzedaż – jak zaznaczył rzecznik – spadła o połowę w ciągu roku", "rzecznik"),
])
def test_attribution_between_dashes(text: str, content: str, speaker: str) -> None:
    found = statement_with(text, "content", content)
    assert found["speaker"]["text"] == speaker


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    ("Niektóre z jej sąsiadek uznały wówczas, że woda stała się nieczysta.", "uznały",
     "Niektóre z jej sąsiadek"),
    ("Obecny premier kraju, Jan Wilk, już w kampanii wyborczej mówił, że nie zmieni ustawy.", "mówił",
     "Jan Wilk"),
    ("Apelował o to biskup Adam Lis, który w 2015 spotkał się z jej córką i obiecał, że będzie się modlił.",
     "obiecał", "biskup Adam Lis"),
    ("- To instrument nacisku - mówi gazecie Jewhen Mahda, szef kijowskiego instytutu.", "mówi",
     "Jewhen Mahda"),
    ("Przewoźnik zwraca się z prośbą do pasażerów, by sprawdzili rozkład lotów.", "zwraca się z prośbą",
     "Przewoźnik"),
])
def test_speakers_found_past_asides(text: str, cue: str, speaker: str) -> None:
    found = statement_with(text, "cue", cue)
    assert found["speaker"]["text"].endswith(speaker)


@pytest.mark.parametrize(("text", "content", "speaker"), [
    # a name after the noun under a preposition is that noun's apposition, no subject
    ("- Może powinniśmy zorganizować drugie referendum - oświadczył Nowak w telewizji Polsat Plus.",
     "Może powinniśmy zorganizować drugie referendum", "Nowak"),
    ("– To skandal – powiedział w piątek Jan Kowalski.", "To skandal", "Jan Kowalski"),
    ("– To skandal – powiedział w Sejmie Jan Kowalski.", "To skandal", "Jan Kowalski"),
    ("Jeśli do tego dojdzie, \"ceny wzrosną o połowę\" - mówił w magazynie \"Dzień po dniu\" w TVN24 BiS "
     "były minister finansów Adam Wróbel.", "ceny wzrosną o połowę", "minister finansów Adam Wróbel"),
    # `były` before a person noun is "former", not the verb
    ("\"Zgadzam się z Markiem\" - napisał na Twitterze były wicepremier Jan Lis.", "Zgadzam się z Markiem",
     "wicepremier Jan Lis"),
    ("Chrześcijanka miała wówczas powiedzieć: \"Nasz Bóg umarł za moje grzechy. A co zrobił wasz?”. "
     "Kilka dni później imam oskarżył ją o bluźnierstwo.",
     "Nasz Bóg umarł za moje grzechy. A co zrobił wasz?", "Chrześcijanka"),
    ("„Nie ustąpimy” – miała powiedzieć premier Anna Nowak.", "Nie ustąpimy", "premier Anna Nowak"),
    ("W odpowiedzi rolniczka wypowiedziała słowa: „Ziemia należy do nas. Nie oddamy jej nikomu”. "
     "Potem wyszła z sali.", "Ziemia należy do nas. Nie oddamy jej nikomu", "rolniczka"),
])
def test_speakers_of_quotes_in_news_asides(text: str, content: str, speaker: str) -> None:
    found = statement_with(text, "content", content)
    assert found["speaker"]["text"].endswith(speaker)


# A person named as the subject of a sentence between two quotations takes over from the
# previous speaker; an uncued dash passage after a cue goes on in the same voice and ends
# where the narration names a source again.
RELAY = ("- Może powinniśmy zorganizować drugie referendum - oświadczył Nowak w telewizji. "
         "- Myślę, że wtedy zamknęlibyśmy temat na lata. Zwolenników wyjścia byłoby więcej. "
         "Zdaniem Nowaka, to jedyny sposób na kryzys. W podobnym tonie wypowiedział się główny "
         "sponsor kampanii, Adam Wrona. - Jeśli nic nie zrobimy, przegramy - ostrzegł.")


@pytest.mark.parametrize(("content", "speaker", "resolved"), [
    ("Myślę, że wtedy zamknęlibyśmy temat na lata. Zwolenników wyjścia byłoby więcej", "Nowak", True),
    ("to jedyny sposób na kryzys", "Nowaka", False),
    ("Jeśli nic nie zrobimy, przegramy", "główny sponsor kampanii", True),
])
def test_voices_of_a_dash_relay(content: str, speaker: str, resolved: bool) -> None:
    found = statement_with(RELAY, "content", content)
    assert (found["speaker"]["text"], found["speaker"]["resolved"]) == (speaker, resolved)


@pytest.mark.parametrize("text", [
    "Mówił o tym w programie „Kawa na ławę” w TVN24.",
    "Zaprosił gości do programu „Dzień Dobry TVN” w sobotę.",
])
def test_titles_are_no_quotations(text: str) -> None:
    assert not [s for s in statements(text) if s["kind"] == "direct"]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("\"Myślę, że dostawa przyjdzie w tym tygodniu\" - poinformował w stacji BFM TV szef francuskich "
     "władz sanitarnych Jean Dupont.", "Myślę, że dostawa przyjdzie w tym tygodniu",
     "szef francuskich władz sanitarnych Jean Dupont"),
    ("– Blokada to test, czy przekonamy Zachód – powiedział cytowany przez DGP Jurij Kowal, szef instytutu.",
     "Blokada to test, czy przekonamy Zachód", "Jurij Kowal"),
])
def test_speakers_after_a_channel_or_a_relay(text: str, content: str, speaker: str) -> None:
    found = statement_with(text, "content", content)
    assert found["speaker"]["text"] == speaker
    assert not [s for s in statements(text) if s["cue"]["text"].startswith("cytowany")]


def test_a_quoted_paper_title_belongs_to_the_source() -> None:
    found = statement_with("Jak czytamy w dzisiejszym „Dzienniku Polskim”, rząd chce zbudować koalicję.",
                           "content", "rząd chce zbudować koalicję")
    assert found["speaker"]["text"] == "dzisiejszym „Dzienniku Polskim”"


@pytest.mark.parametrize(("text", "content", "speaker"), [
    # a pasted subheading in running text says only up to its sentence end
    ("Protestujący podpalili auta. Premier: nie pozwolimy na żadne zniszczenia. W orędziu mówił dalej.",
     "nie pozwolimy na żadne zniszczenia", "Premier"),
    # words after a reporting cue and a colon, without quotation marks
    ("Rzecznik partii Adam Lis powiedział: - Oni nie są ludźmi, z którymi chciałbym być w jednej grupie. "
     "Potem wyszedł.", "Oni nie są ludźmi, z którymi chciałbym być w jednej grupie",
     "Rzecznik partii Adam Lis"),
    # an attribution that lost its sentence to a full stop before the dash
    ("Adwokat wyjechał z kraju. Spodziewałem się tego, ale bolesna jest reakcja władz. Nawet nie mogą "
     "wykonać orzeczenia sądu. - zaznaczył.", "Nawet nie mogą wykonać orzeczenia sądu", "Adwokat"),
    # `według niego` before quoted words: the pronoun alone, resolved
    ("Adwokat wyjechał. Reakcja tłumu była według niego \"smutna, ale nie niespodziewana\".",
     "Reakcja tłumu była według niego \"smutna, ale nie niespodziewana\"", "Adwokat"),
])
def test_statements_without_their_usual_marks(text: str, content: str, speaker: str) -> None:
    found = statement_with(text, "content", content)
    assert found["speaker"]["text"] == speaker


@pytest.mark.parametrize(("text", "cue"), [
    ("Minister wykluczył, że rząd dopłaci do budżetu.", "wykluczył"),
    ("Eksperci prawni doszli do wniosku, że nowe przepisy nie obejmą gazociągu.", "doszli do wniosku"),
    ("Londyn wielokrotnie dał do zrozumienia, że rozmowy potrwają do grudnia.", "dał do zrozumienia"),
    ("Inwestor oczekuje, że zgodę uzyska do końca marca.", "oczekuje"),
    ("Niektórzy politycy zaczęli sugerować, że potrzebne jest drugie referendum.", "sugerować"),
])
def test_cues_of_session_three(text: str, cue: str) -> None:
    assert statement_with(text, "cue", cue)["kind"] == "indirect"


@pytest.mark.parametrize(("text", "content", "speaker"), [
    # the oblique nouns of an outer prepositional phrase stand before the subject
    ("W opublikowanym w poniedziałek raporcie globalna firma doradcza XY podaje, że liczba inwestycji "
     "wzrosła.", "liczba inwestycji wzrosła", "globalna firma doradcza XY"),
    # after a document (no channel) a foreign name is the subject, its guessed case no matter
    ("„Oczekujemy, że rząd zapewni bezpieczeństwo” – napisała w oświadczeniu Federica Mogherini.",
     "Oczekujemy, że rząd zapewni bezpieczeństwo", "Federica Mogherini"),
])
def test_speakers_past_prepositional_phrases(text: str, content: str, speaker: str) -> None:
    assert statement_with(text, "content", content)["speaker"]["text"] == speaker


def test_subject_after_an_abbreviated_aside() -> None:
    found = statement_with("O tym, że został zaszczepiony, poinformował m.in. były premier Jan Lis.",
                           "content", "O tym, że został zaszczepiony")
    assert found["speaker"]["text"] == "były premier Jan Lis"


@pytest.mark.parametrize(("text", "content", "polarity"), [
    # a clause quoted whole after the comma; `odeprzeć` with a clause replies, with an object denies
    ("Kobieta odparła wówczas, „że jej wiara jest miłosierniejsza”.", "jej wiara jest miłosierniejsza”",
     "assert"),
    ("Minister odparł zarzuty opozycji.", "zarzuty opozycji", "deny"),
    ("„Wszystkie wypłaty trafiają do komorników” – głosi dokument.",
     "Wszystkie wypłaty trafiają do komorników", "assert"),
    # a reported clause ends where a dash quotation opens after its full stop
    ("Prezes twierdzi, że firma utrzyma finansowanie. – Obecnie analizujemy sytuację – powiedział.",
     "firma utrzyma finansowanie", "assert"),
])
def test_clause_edges_and_replies(text: str, content: str, polarity: str) -> None:
    assert statement_with(text, "content", content)["polarity"] == polarity


def test_a_title_takes_the_name_after_its_prepositional_phrase() -> None:
    found = statement_with("Do pomysłu odniósł się główny negocjator z ramienia UE Michel Barnier. "
                           "Wyjaśnił, że umowy nie można rozszerzyć.", "cue", "Wyjaśnił")
    assert found["speaker"]["text"] == "główny negocjator z ramienia UE Michel Barnier"


@pytest.mark.parametrize(("text", "speaker"), [
    # the portal told is no speaker, nor is the paper one talked with
    ("– Putin cierpliwie czeka na okazję – mówi portalowi PolskieRadio.pl znawca Rosji, Marek Wilk.",
     "znawca Rosji"),
    ("– Trzeba będzie zakończyć produkcję – stwierdził w rozmowie z „Financial Timesem” Stefan Kowal.",
     "Stefan Kowal"),
    ("– To instrument agresji – mówi gazecie Jurij Kowal, szef instytutu.", "Jurij Kowal"),
])
def test_outlets_told_are_not_speakers(text: str, speaker: str) -> None:
    assert only(text)["speaker"]["text"] == speaker
