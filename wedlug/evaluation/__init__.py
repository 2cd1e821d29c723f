"""Scorers for the accuracy gate: lemmas and parts of speech, statements, entities."""
