"""How far to trust a found statement: a probability calibrated on the DEV split.

How: every statement falls in a bucket (the rule that found it, and whether its
speaker was named next to the cue, resolved to an antecedent, or not found). On DEV
(45 articles, `python scripts/eval_statements.py --calibrate` prints the table again)
we counted how many of each bucket's predictions were strictly right (content matched,
speaker and polarity right; predictions matched to optional gold left out) and store
the Laplace-smoothed rate (right + 1) / (total + 2), so small buckets are pulled toward
0.5. Buckets above 0.8 were right 87-100% of the time on DEV (200 of 206 together).
Buckets DEV never saw (`dash_continued`, …) get a deliberately cautious rate per
speaker status, below what DEV showed overall (explicit 153/155, resolved 63/70).
Re-run the calibration whenever a rule changes.
"""

from __future__ import annotations

from wedlug.lang.pl.statements.model import Statement

# (rule, speaker status) -> smoothed DEV precision; the comment gives right/total.
CALIBRATED: dict[tuple[str, str], float] = {
    ("clause", "explicit"): 0.99,           # 66/66
    ("clause", "resolved"): 0.84,           # 26/30
    ("clause", "none"): 0.33,               # 0/1
    ("quote_cue_after", "explicit"): 0.95,  # 34/35
    ("quote_cue_after", "resolved"): 0.88,  # 13/14
    ("quote_colon", "resolved"): 0.75,      # 2/2
    ("quote_colon", "none"): 0.33,          # 0/1
    ("after_content", "explicit"): 0.95,    # 18/18
    ("after_content", "resolved"): 0.83,    # 4/4
    ("jak_opening", "explicit"): 0.92,      # 11/11
    ("jak_opening", "resolved"): 0.73,      # 7/9
    ("source_given", "explicit"): 0.94,     # 14/14
    ("source_pronoun", "resolved"): 0.9,    # 8/8
    ("headline", "explicit"): 0.88,         # 6/6
    ("headline_cue", "explicit"): 0.67,     # 1/1
    ("quoted_object", "explicit"): 0.6,     # 2/3
    ("quoted_object", "resolved"): 0.8,     # 3/3
    ("anaphoric", "explicit"): 0.67,        # 1/1
    ("denial_object", "none"): 0.33,        # 0/1
}
# Buckets DEV never saw: the rate of all DEV predictions with that speaker status.
BY_STATUS = {"explicit": 0.75, "resolved": 0.6, "none": 0.2}


def speaker_status(statement: Statement) -> str:
    """Return how the statement's speaker was found: explicit, resolved or none."""
    if statement.speaker is None:
        return "none"
    return "resolved" if statement.speaker.resolved else "explicit"


def confidence(statement: Statement) -> float:
    """Return the calibrated probability that the statement is strictly right."""
    status = speaker_status(statement)
    return CALIBRATED.get((statement.pattern, status), BY_STATUS[status])
