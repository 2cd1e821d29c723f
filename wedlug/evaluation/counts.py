"""Precision, recall and F1 from matched counts: one definition for every scorer."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class MatchCounts:
    """True positives, false positives and false negatives, and what follows from them."""

    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0

    @property
    def precision(self) -> float:
        """Share of counted predictions that match gold."""
        total = self.true_pos + self.false_pos
        return self.true_pos / total if total else 0.0

    @property
    def recall(self) -> float:
        """Share of required gold that a prediction matches."""
        total = self.true_pos + self.false_neg
        return self.true_pos / total if total else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
