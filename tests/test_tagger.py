"""The reading chooser's cached decoding scores exactly what its features say."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from wedlug.lang.pl.context_rules import day_before_month
from wedlug.lang.pl.morphology import Reading
from wedlug.lang.pl.tagger import Candidate, Tagger, _ambiguity, _shapes
from wedlug.lang.pl.words import default_analyser, default_tagger

SENTENCES = [
    "Rzecznik Kremla Dmitrij Pieskow powiedział w poniedziałek, że Rosja nie planuje ataku.",
    "Według szacunków C4ADS Korea Północna wysłała do Rosji 1,6 mln pocisków artyleryjskich.",
    "Minister obrony Siergiej Szojgu spotkał się z Kim Dzong Unem w Pjongjangu.",
    "„Nie ma żadnych dowodów” – zaprzeczył rosyjski MSZ w oświadczeniu.",
    "W ramach programu rząd przekaże samorządom 2 mld zł na drogi lokalne.",
    "Biały Dom twierdzi, że KRLD dostarczyła pociski balistyczne.",
    # The same words after different ones: a choice cached for one context must not
    # stand in for another.
    "Nowe dane pokazują, że dane z Rosji są zawyżone, a te dane nie są jawne.",
    "Premier mówi, że to jest to, co może być dla nas złe, bo to nie może być prawda.",
    "Jak podał rząd, jak najszybciej trzeba ustalić, jak to się stało i jak długo trwało.",
    "Wojsko ma dane, ma plany i ma środki, ale nie ma ludzi, a ludzi ma za mało.",
    "Sąd Najwyższy uchylił wyrok, a kobieta skazana na śmierć wyszła na wolność.",
    "Została skazana na śmierć w 2010 roku, ale sąd skazał też jej męża.",
    "Katoliczka została skazana na karę śmierci, a Sąd Najwyższy milczał.",
    "Sąd skazał Asię Bibi, potem zaczęli grozić jej śmiercią i skazana na śmierć uciekła.",
]


def reference(tagger: Tagger, forms: Sequence[str], cands: Sequence[Sequence[Candidate]],
              i: int, chosen: Sequence[Candidate], cand: Candidate) -> float:
    """A candidate's score summed feature by feature, as training sums it."""
    n = len(forms)
    feats = tagger.static_features(forms[i], cand) + tagger.context_features(
        chosen[i - 1] if i else None, chosen[i - 2] if i > 1 else None,
        forms[i - 1] if i else "<s>", forms[i + 1] if i + 1 < n else "</s>",
        _ambiguity(cands[i + 1]) if i + 1 < n else "</s>", cand, forms[i],
        _shapes(cands[i + 1]) if i + 1 < n else frozenset())
    return sum(tagger.weights.get(f, 0.0) for f in feats)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_cached_decoding_picks_the_best_scoring_candidate(sentence: str) -> None:
    tagger, analyser = default_tagger(), default_analyser()
    tokens = analyser.stretch(sentence, 0, len(sentence))
    forms = [sentence[a:b] for a, b, _ in tokens]
    readings = tagger.foreign_name_runs(forms, [r for _, _, r in tokens])
    cands = [tagger.candidates(f, r) for f, r in zip(forms, readings)]
    for _ in range(2):  # the second time every choice comes from the caches
        chosen = tagger.decode(forms, cands)
        for i, options in enumerate(cands):
            prev = chosen[i - 1] if i else None
            if prev and prev.case and prev.lemma[:1].isupper() and "guess" in options[0].names:
                options = [c for c in options if c.case == prev.case] or options
            best = max(reference(tagger, forms, cands, i, chosen, c) for c in options)
            assert chosen[i] in options
            assert reference(tagger, forms, cands, i, chosen, chosen[i]) == pytest.approx(best, abs=1e-9)


@pytest.mark.parametrize(("context", "expected"), [
    (["tam", "x", "."], "b1"),   # the previous tag `adv` favours b1
    (["mu", "x", "."], "b2"),    # `dat` favours b2: a choice cached after `tam` must not stand
    (["tam", "x", "?"], "b1"),
    (["mu", "x", "?"], "b2"),
])
def test_a_cached_choice_is_one_for_the_same_context_only(context: list[str], expected: str) -> None:
    tagger = Tagger({"pt|adv|b1": 1.0, "pt|dat|b2": 1.0})  # `x` depends on the previous tag only
    readings = {"tam": [Reading("tam", "adv")], "mu": [Reading("on", "dat")],
                "x": [Reading("x", "b1"), Reading("x", "b2")],
                ".": [Reading(".", "interp")], "?": [Reading("?", "interp")]}
    for words in (["tam", "x", "."], ["mu", "x", "."], ["tam", "x", "?"], ["mu", "x", "?"]):
        tagger.choose(words, [readings[w] for w in words])  # fill the caches in every order
    assert tagger.choose(context, [readings[w] for w in context])[1].tag == expected




@pytest.mark.parametrize(("before", "lemma"), [
    ("5", "maj"),       # a day of the month
    ("31", "maj"),
    ("1410", "maja"),   # a year, not a day
    ("²", "maja"),      # a digit to Python's isdigit, but no number
    ("x", "maja"),
])
def test_a_day_in_digits_is_followed_by_its_month(before: str, lemma: str) -> None:
    noun = Candidate("maja", "subst:sg:nom:f", "subst", "nom", "sg", "f", (), (), 0.0)
    month = Candidate("maj", "subst:sg:gen:m3", "subst", "gen", "sg", "m3", (), (), 0.0)
    first = Candidate(before, "dig", "dig", "", "", "", (), (), 0.0)
    chosen = day_before_month([before, "maja"], [first, noun], [[first], [noun, month]])
    assert chosen[1].lemma == lemma
