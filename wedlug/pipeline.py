"""Steps and the pipeline that carries one `Article` through them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from wedlug.article import Article, ArticleError


@dataclass(frozen=True, slots=True)
class Step:
    """One analysis step: what it is called, what it needs, what it fills."""

    name: str
    run: Callable[[Article], Article]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


class PipelineError(ValueError):
    """A pipeline whose steps are out of order."""


class Pipeline:
    """Run steps in order; checked when built, so a missing step fails early."""

    def __init__(self, steps: Sequence[Step]) -> None:
        filled: set[str] = {"text"}
        for step in steps:
            missing = [r for r in step.requires if r not in filled]
            if missing:
                raise PipelineError(
                    f"step {step.name!r} needs {', '.join(missing)}, which no earlier step fills; "
                    "add the step that fills it before this one")
            filled.update(step.assigns)
        self.steps = tuple(steps)

    @property
    def names(self) -> list[str]:
        """Return the step names in order."""
        return [s.name for s in self.steps]

    def __call__(self, article: Article) -> Article:
        """Carry the article through every step."""
        for step in self.steps:
            article = step.run(article)
            article.done.append(step.name)
        return article


def default_steps() -> list[Step]:
    """Return wedlug's Polish steps in order."""
    from wedlug.lang.pl.amounts import find_amounts, find_times
    from wedlug.lang.pl.boilerplate import mark_boilerplate
    from wedlug.lang.pl.entities import find_entities
    from wedlug.lang.pl.language import check_polish
    from wedlug.lang.pl.segment import find_paragraphs, find_sentences
    from wedlug.lang.pl.statements import find_statements
    from wedlug.lang.pl.words import find_tokens

    return [
        Step("paragraphs", find_paragraphs, ("text",), ("paragraphs", "title")),
        Step("boilerplate", mark_boilerplate, ("paragraphs",), ("removed",)),
        Step("sentences", find_sentences, ("paragraphs", "removed"), ("sentences",)),
        Step("tokens", find_tokens, ("sentences",), ("tokens",)),
        Step("language", check_polish, ("tokens",), ("warnings",)),
        Step("entities", find_entities, ("tokens",), ("entities",)),
        Step("statements", find_statements, ("tokens", "removed"), ("statements",)),
        Step("times", find_times, ("tokens",), ("times",)),
        Step("amounts", find_amounts, ("tokens", "times"), ("amounts",)),
    ]


_DEFAULT: list[Pipeline] = []


def default_pipeline() -> Pipeline:
    """Return the process's default pipeline (built once)."""
    if not _DEFAULT:
        _DEFAULT.append(Pipeline(default_steps()))
    return _DEFAULT[0]


def failed(source: str, error: ArticleError) -> Article:
    """Return the record of an input that could not be analysed."""
    return Article(text="", source=source, error=error)
