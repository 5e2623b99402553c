"""What negates a word: the one list of negators and the one reach, for every check that asks
whether a claim or a source sentence says a word negated (meaning.py's negation findings;
polarity.py leaves a negated direction alone: 'did not rise' is no claim of a rise).

A negator is 'not', 'no', 'never', any "n't" and the words that negate as 'not' does ('failed to
meet', 'lacks', 'unable', 'no longer'); it negates a word it stands within NEGATION_REACH words
before."""

from __future__ import annotations

from summariser.validation.alignment import Token

NEGATION_REACH = 3
NEGATORS = frozenset({"not", "no", "never", "none", "nobody", "nothing", "neither", "nor",
                      "without", "cannot", "nowhere", "longer", "fail", "fails", "failed",
                      "failing", "lack", "lacks", "lacked", "lacking", "unable"})


def negator(t: Token) -> bool:
    return t.word in NEGATORS or t.word.endswith("n't")


def negated(toks: list[Token], i: int) -> bool:
    """Whether word i is negated: a negator within NEGATION_REACH words before it."""
    return any(negator(t) for t in toks[max(0, i - NEGATION_REACH):i])
