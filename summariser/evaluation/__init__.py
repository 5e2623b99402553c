"""Scoring runs against the hand-written gold set and the labelled sentences."""
