"""The token step: Morfeusz segments with the tagger's chosen reading for each."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from wedlug.article import Article, Token
from wedlug.lang.pl.morphology import Analyser
from wedlug.lang.pl.tagger import Tagger

MODEL = "tagger.json.gz"


@cache
def default_tagger() -> Tagger:
    """Load the shipped tagger once per process."""
    with resources.as_file(resources.files("wedlug.lang.pl").joinpath("data/" + MODEL)) as path:
        return Tagger.load(Path(path))


@cache
def default_analyser() -> Analyser:
    """Return the process's cached Morfeusz analyser."""
    return Analyser()


def find_tokens(article: Article) -> Article:
    """Fill `tokens`: segment each sentence with Morfeusz and choose one reading per token."""
    analyser, tagger = default_analyser(), default_tagger()
    text = article.text
    for index, sentence in enumerate(article.sentences):
        found = analyser.stretch(text, sentence.start, sentence.end)
        forms = [text[s:e] for s, e, _ in found]
        chosen = tagger.choose(forms, [r for _, _, r in found])
        for (start, end, _), form, cand, upos in zip(found, forms, chosen,
                                                     tagger.universal_tags(forms, chosen)):
            article.tokens.append(Token(start, end, form, index, cand.lemma, cand.tag, upos, cand.names))
    return article
