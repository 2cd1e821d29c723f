"""Queries in base forms: `Putinem` asks for `putin`, `pocisków` for `pocisk`."""

from __future__ import annotations

from functools import lru_cache

from wedlug.article import Article
from wedlug.pipeline import Pipeline, default_steps
from wedlug.store.schema import clean_lemma

TOKEN_STEPS = ("paragraphs", "boilerplate", "sentences", "tokens")


@lru_cache(maxsize=1)
def _tokenizer() -> Pipeline:
    """The steps up to tokens (with lemmas): all a query needs, built once per process."""
    return Pipeline([s for s in default_steps() if s.name in TOKEN_STEPS])


def query_terms(query: str) -> list[list[str]]:
    """Return, for each word of the query, the forms to look for: its base form and itself."""
    article = _tokenizer()(Article(text=query))
    terms = []
    for token in article.tokens:
        if not any(ch.isalnum() for ch in token.text):
            continue
        forms = [clean_lemma(token.lemma or token.text), token.text.lower()]
        terms.append(list(dict.fromkeys(forms)))
    return terms


def base_form(phrase: str) -> str:
    """Return a phrase's base forms, lower-cased and space-separated (`Putinem` -> `putin`)."""
    return " ".join(alts[0] for alts in query_terms(phrase))


def name_variants(name: str) -> list[str]:
    """Return the spellings an entity name may be stored under (as typed, base form, cases)."""
    base = base_form(name)
    titled = " ".join(w[:1].upper() + w[1:] for w in base.split())
    variants = [name, name.strip(), titled, base, name.lower(), f"pl:{name}", f"pl:{titled}"]
    return list(dict.fromkeys(v for v in variants if v))
