"""How far to trust a found statement: a probability calibrated on the DEV split.

How: every statement falls in a bucket (the rule that found it, and whether its
speaker was named next to the cue, resolved to an antecedent, or not found). On DEV
(255 articles in session three; `python scripts/eval_statements.py --calibrate` prints
the precision per confidence value)
we counted how many of each bucket's predictions were strictly right (content matched,
speaker and polarity right; predictions matched to optional gold left out) and store
the Laplace-smoothed rate (right + 1) / (total + 2), so small buckets are pulled toward
0.5. Buckets above 0.8 were right 92-97% of the time on DEV (867 of 916 together).
Buckets DEV never saw (`dash_continued`, …) get a deliberately cautious rate per
speaker status, below what DEV showed overall (explicit 780/827, resolved 277/339).
Re-run the calibration whenever a rule changes.
"""

from __future__ import annotations

from wedlug.lang.pl.statements.model import Statement

# (rule, speaker status) -> smoothed DEV precision; the comment gives right/total.
CALIBRATED: dict[tuple[str, str], float] = {
    ("clause", "explicit"): 0.95,           # 340/357
    ("clause", "resolved"): 0.8,            # 125/155
    ("clause", "none"): 0.4,                # 3/8
    ("quote_cue_after", "explicit"): 0.96,  # 192/199
    ("quote_cue_after", "resolved"): 0.92,  # 77/83
    ("quote_cue_after", "none"): 0.17,      # 0/4
    ("quote_colon", "explicit"): 0.9,       # 8/8
    ("quote_colon", "resolved"): 0.8,       # 7/8
    ("quote_colon", "none"): 0.33,          # 0/1
    ("after_content", "explicit"): 0.91,    # 89/97
    ("after_content", "resolved"): 0.63,    # 11/17
    ("jak_opening", "explicit"): 0.94,      # 28/29
    ("jak_opening", "resolved"): 0.66,      # 18/27
    ("jak_inside", "explicit"): 0.67,       # 5/7
    ("jak_inside", "resolved"): 0.71,       # 4/5
    ("source_given", "explicit"): 0.91,     # 69/75
    ("source_pronoun", "resolved"): 0.9,    # 26/28
    ("source_pronoun", "none"): 0.33,       # 0/1
    ("headline", "explicit"): 0.93,         # 38/40
    ("headline_cue", "explicit"): 0.5,      # 1/2
    ("headline_cue", "resolved"): 0.33,     # 0/1
    ("quoted_object", "explicit"): 0.64,    # 6/9
    ("quoted_object", "resolved"): 0.57,    # 7/12
    ("unmarked_colon", "explicit"): 0.75,   # 2/2
    ("unmarked_colon", "resolved"): 0.5,    # 1/2
    ("dash_continued", "resolved"): 0.67,   # 1/1
    ("anaphoric", "explicit"): 0.75,        # 2/2
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
