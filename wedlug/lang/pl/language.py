"""Tell a Polish text from one that is not, by how much of it Morfeusz knows."""

from __future__ import annotations

from wedlug.article import Article, ArticleError

# Polish news has a few percent unknown words (foreign names); English text
# analysed by Morfeusz is mostly unknown. Measured on the 988 shared articles:
# the lowest share of known words was 0.73, an English sentence 0.32
# (bench/language_share.py prints both).
MIN_KNOWN_SHARE = 0.5
MIN_WORDS = 8


def check_polish(article: Article) -> Article:
    """Warn when most words of the text are unknown to the Polish dictionary."""
    words = [t for t in article.tokens if t.text[:1].isalpha()]
    if len(words) < MIN_WORDS:
        return article
    known = sum(1 for t in words if t.tag != "ign" and "guess" not in t.qualifiers)
    share = known / len(words)
    if share < MIN_KNOWN_SHARE:
        article.warnings.append(ArticleError(
            "not_polish", f"only {share:.0%} of the words are Polish dictionary words; "
            "wedlug reads Polish, so expect little from this text"))
    return article
