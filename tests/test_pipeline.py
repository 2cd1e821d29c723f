"""The pipeline checks step order when built."""

from __future__ import annotations

import pytest

from wedlug.article import Article
from wedlug.pipeline import Pipeline, PipelineError, Step, default_pipeline


def identity(article: Article) -> Article:
    return article


def test_a_step_before_what_it_needs_is_refused_with_advice() -> None:
    with pytest.raises(PipelineError, match="needs sentences"):
        Pipeline([Step("tokens", identity, ("sentences",), ("tokens",))])


def test_default_pipeline_runs_every_step_in_order() -> None:
    pipeline = default_pipeline()
    article = pipeline(Article(text="Sejm przyjął ustawę."))
    assert article.done == pipeline.names
    assert pipeline.names[:4] == ["paragraphs", "boilerplate", "sentences", "tokens"]


@pytest.mark.parametrize("module, name", [
    ("wedlug.lang.pl.amounts.objects", "_readings"), ("wedlug.lang.pl.amounts.objects", "_forms"),
    ("wedlug.lang.pl.amounts.numbers", "noun_readings"), ("wedlug.lang.pl.entities.base", "readings"),
    ("wedlug.lang.pl.entities.base", "generate"), ("wedlug.lang.pl.entities.base", "_tagged"),
    ("wedlug.lang.pl.entities.base", "_singular"), ("wedlug.lang.pl.entities.base", "options"),
    ("wedlug.lang.pl.entities.names", "bases"), ("wedlug.lang.pl.entities.names", "rewrites"),
    ("wedlug.lang.pl.entities.kb", "_lemmas_of"),
])
def test_per_word_caches_are_bounded(module: str, name: str) -> None:
    """A long ingest meets new words without end: what is kept per word must have a limit."""
    import importlib

    from wedlug.lang.pl.morphology import WORD_CACHE

    cached = getattr(importlib.import_module(module), name)
    assert cached.cache_info().maxsize == WORD_CACHE
