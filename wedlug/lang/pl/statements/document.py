"""A read-only view of an article's tokens that the statement rules walk over."""

from __future__ import annotations

from dataclasses import dataclass, field

from wedlug.article import Article, Token
from wedlug.lang.pl.statements.lexicon import CUE_FILLERS, Lexicon, lexicon

DASHES = frozenset({"-", "–", "—"})
# Opening mark -> the marks that may close it. `„` is closed by `”`, but news sites
# often close it with a straight `"` or an English `“`.
QUOTE_PAIRS = {"„": "”\"“", "“": "”\"", "«": "»", "»": "«", "‚": "’", '"': '"”'}
OPENING_QUOTES = frozenset(QUOTE_PAIRS)
QUOTE_MARKS = frozenset("„“”«»‚’\"")
# Verbs an infinitive cue may hang on (`miała powiedzieć`, `chce zapewnić`).
MODALS = frozenset({"mieć", "móc", "chcieć", "musieć", "zamierzać", "woleć", "pragnąć", "zacząć", "zaczynać"})
FINITE = ("fin", "praet", "impt", "bedzie", "imps", "winien")
# `były`, `była`, `byli`: "former" before a person noun, not the verb `być`.
FORMER = frozenset({"były", "była", "byli"})


@dataclass(frozen=True, slots=True)
class Quotation:
    """Text between a pair of quotation marks, or a dialogue-dash passage."""

    open: int       # index of the opening mark (or dash) token
    close: int      # index of the closing mark token, or one past the passage
    start: int      # character offsets of the quoted words
    end: int
    dashed: bool = False


@dataclass(slots=True)
class Document:
    """The tokens of an article outside removed passages, with sentence bounds."""

    article: Article
    tokens: list[Token] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    lowers: list[str] = field(default_factory=list)
    bounds: dict[int, tuple[int, int]] = field(default_factory=dict)
    paragraph_of: dict[int, int] = field(default_factory=dict)
    lexicon: Lexicon = field(default_factory=lexicon)

    @classmethod
    def of(cls, article: Article) -> Document:
        """Build the view of an article, leaving out tokens inside removed passages."""
        doc = cls(article)
        removed = sorted((r.start, r.end) for r in article.removed)
        for token in article.tokens:
            if removed and any(s <= token.start and token.end <= e for s, e in removed):
                continue
            index = len(doc.tokens)
            doc.tokens.append(token)
            doc.lemmas.append(token.lemma.split(":")[0].lower() if token.lemma else token.text.lower())
            doc.lowers.append(token.text.lower())
            first, _ = doc.bounds.get(token.sentence, (index, index))
            doc.bounds[token.sentence] = (first, index + 1)
        for number, sentence in enumerate(article.sentences):
            doc.paragraph_of[number] = sentence.paragraph
        return doc

    @property
    def text(self) -> str:
        """The article's text."""
        return self.article.text

    def sentence(self, i: int) -> tuple[int, int]:
        """Return the token range of the sentence holding token i."""
        return self.bounds[self.tokens[i].sentence]

    def paragraph(self, i: int) -> int:
        """Return the paragraph number of token i."""
        return self.paragraph_of.get(self.tokens[i].sentence, -1)

    def tag(self, i: int) -> list[str]:
        """Return the parts of token i's tag."""
        return self.tokens[i].tag.split(":")

    def is_finite(self, i: int) -> bool:
        """Tell whether token i is a finite verb form; `były` before a person noun is the
        adjective "former" (`były wicepremier Nick Clegg`), whatever the tagger chose."""
        if not self.tokens[i].tag.startswith(FINITE):
            return False
        return not (self.lowers[i] in FORMER and i + 1 < len(self.tokens)
                    and self.tokens[i + 1].tag.startswith("subst") and ":nom:m1" in self.tokens[i + 1].tag)

    def is_dash(self, i: int) -> bool:
        """Tell whether token i is a dialogue or parenthetical dash."""
        return 0 <= i < len(self.tokens) and self.tokens[i].text in DASHES

    def modal_before(self, i: int) -> int | None:
        """Return the modal the infinitive at i hangs on, perhaps across an adverb
        (`miała powiedzieć`, `miała wówczas powiedzieć`), if there is one."""
        k = i - 1
        if k > 0 and self.tokens[k].tag.startswith("adv"):
            k -= 1
        return k if k >= 0 and self.lemmas[k] in MODALS else None

    def tokens_inside(self, quotations: list[Quotation]) -> set[int]:
        """Return the indices of the tokens of quotations, their marks included."""
        return {k for q in quotations for k in range(q.open, min(q.close + 1, len(self.tokens)))}

    def cue_at(self, i: int) -> tuple[int, str, bool] | None:
        """Return (end index, frame, is_denial) of the longest cue starting at token i."""
        lex = self.lexicon
        if self.lemmas[i] not in lex.cue_heads or self.tokens[i].tag.startswith(("ppas", "pact", "impt")):
            return None                    # `Czytaj więcej:` is a link, not a report
        if self.tokens[i].tag.startswith("inf") and self.modal_before(i) is None:
            return None                    # `obiecał zjednoczyć się i zapewnić …`: not a report
        best: tuple[int, str, bool] | None = None
        for sequence in (*lex.denials, *lex.reporting):
            if sequence[0] != self.lemmas[i]:
                continue
            end = self._match_sequence(i, sequence)
            if end is not None and (best is None or end > best[0]):
                frame = lex.reporting.get(sequence, "any")
                best = (end, frame, sequence in lex.denials)
        return best

    def _match_sequence(self, i: int, sequence: tuple[str, ...]) -> int | None:
        """Match base forms from token i, letting filler words stand between them."""
        j = i + 1
        for lemma in sequence[1:]:
            while j < len(self.tokens) and self.lowers[j] in CUE_FILLERS and self.lemmas[j] != lemma:
                j += 1
            if j >= len(self.tokens) or self.lemmas[j] != lemma:
                return None
            j += 1
        return j

    def trimmed(self, start: int, end: int) -> tuple[int, int]:
        """Shrink a character span past spaces and the punctuation that frames a clause."""
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",;:-–—"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-–—."):
            end -= 1
        return start, end
