"""Portal boilerplate is listed in `removed`, never cut out of the text."""

from __future__ import annotations

import pytest

from wedlug import analyze

ARTICLE = """Powódź na południu kraju
Woda zalała kilkanaście wsi w dolinie Odry, poinformował wojewoda.
{line}
Strażacy ewakuowali mieszkańców przez całą noc.
"""


@pytest.mark.parametrize(("line", "reason"), [
    ("Zobacz też: Tak wyglądała powódź w 1997 roku", "see also"),
    ("Czytaj także: Rząd uruchamia pomoc dla powodzian", "see also"),
    ("Przeczytaj również: Prognoza pogody na weekend", "see also"),
    ("REKLAMA", "advertisement"),
    ("Udostępnij artykuł na Facebooku", "share prompt"),
    ("Zasubskrybuj nasz kanał i bądź na bieżąco", "subscription prompt"),
    ("Fot. Jan Nowak / Agencja Wyborcza", "photo credit"),
    ("(fot. PAP/Maciej Kulczyński)", "photo credit"),
])
def test_boilerplate_lines_are_removed_in_place(line: str, reason: str) -> None:
    text = ARTICLE.format(line=line)
    article = analyze(text)
    start = text.index(line)
    assert [(r.start, r.end, r.reason) for r in article.removed] == [(start, start + len(line), reason)]
    assert article.text == text
    assert not any(t.start >= start and t.end <= start + len(line) for t in article.tokens)


def test_video_teaser_takes_the_video_title_with_it() -> None:
    teaser = "Dalsza część artykułu pod materiałem wideo"
    video = "Nagranie z drona pokazuje skalę zniszczeń"
    text = ARTICLE.format(line=f"{teaser}\n{video}")
    article = analyze(text)
    start = text.index(teaser)
    assert [(r.start, r.end, r.reason) for r in article.removed] == [
        (start, text.index(video) + len(video), "video teaser")]


def test_a_sentence_that_mentions_reading_is_kept() -> None:
    text = ARTICLE.format(line="Minister zachęcał, by czytać także komunikaty wojewody.")
    assert analyze(text).removed == []


def test_a_see_also_line_with_article_text_glued_to_it_is_kept() -> None:
    glued = ("Zobacz też: Przewoźnik zamyka bazę w Modlinie. Rzecznik spółki zapewnił w piątek, "
             "że żaden z pilotów nie straci pracy, a rozmowy ze związkowcami potrwają jeszcze "
             "co najmniej dwa tygodnie, po czym zarząd przedstawi nowe warunki umów.")
    assert analyze(ARTICLE.format(line=glued)).removed == []
