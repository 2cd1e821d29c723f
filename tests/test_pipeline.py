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
