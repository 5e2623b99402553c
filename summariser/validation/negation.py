"""What negates a word: the one list of negators and the one scope, for every check that asks
whether a claim or a source sentence says a word negated (meaning.py's negation findings;
polarity.py leaves a negated direction alone: 'did not rise' is no claim of a rise).

A negator is 'not', 'no', 'never', any "n't" and the words that negate as 'not' does ('failed to
meet', 'lacks', 'unable', 'no longer'); it negates a word it stands within NEGATION_REACH words
before, in the same clause. A clause ends at a semicolon, colon, bracket or dash in the text
between them, or at a word that opens a clause: a subordinating or relative word ('because',
'when', 'that', 'which') or an adversative coordinator ('but', 'yet'): in 'did not stop, but
grew' or 'not the rule that they changed' the negator does not reach 'grew' or 'changed'. A
comma ends nothing (lists and appositions sit inside the clause: 'did not visit Rome, Paris or
Oslo'), nor do 'and' and 'or' (a negation spreads over what they join: 'did not sign or pay').
Two word pairs only look negating: 'longer' negates after 'no' alone ('stay longer' negates
nothing), and 'not only' / 'not just' / 'not merely' asserts what follows. A word with a content
word between it and its negator is negated through that word (`through`): 'did not sign the
deal' denies the signing, not that there is a deal. A word within CONDITION_REACH words after
'if', 'unless' or 'whether' in its clause is `conditional`: said of a condition or a question,
not of what is the case."""

from __future__ import annotations

import re

from summariser.validation.alignment import Token, content

NEGATION_REACH = 3
NEGATORS = frozenset({"not", "no", "never", "none", "nobody", "nothing", "neither", "nor",
                      "without", "cannot", "nowhere", "longer", "fail", "fails", "failed",
                      "failing", "lack", "lacks", "lacked", "lacking", "unable"})
CLAUSE_BREAK = re.compile(r"[;:()\[\]—–]|\s-\s|--")  # a hyphen inside a word is no break
CLAUSE_OPENERS = frozenset({
    "that", "which", "who", "whom", "whose", "where", "when", "whenever", "while", "whereas",
    "because", "although", "though", "if", "unless", "since", "after", "before", "until",
    "but", "yet"})
_NOT_ONLY = frozenset({"only", "just", "merely"})
_CONDITIONS = frozenset({"if", "unless", "whether"})
# A condition's own predicate stands within a few words of its 'if'; further on, an unpunctuated
# sentence has usually returned to its main clause ('whether a person wants to go there or
# just find out how to get there is not important').
CONDITION_REACH = 6


def negator(t: Token) -> bool:
    return t.word in NEGATORS or t.word.endswith("n't")


def negating(toks: list[Token], k: int) -> bool:
    """Whether word k negates where it stands: a negator, but not 'longer' without 'no' before
    it, nor the 'not' of 'not only'."""
    t = toks[k]
    if t.word == "longer":
        return k > 0 and toks[k - 1].word == "no"
    if not negator(t):
        return False
    return k + 1 >= len(toks) or toks[k + 1].word not in _NOT_ONLY


def negated(toks: list[Token], i: int) -> bool:
    """Whether word i is negated: a negator within NEGATION_REACH words before it, with no
    clause boundary between them (Token.lead holds the text before each word)."""
    return _negator_of(toks, i) is not None


def _negator_of(toks: list[Token], i: int) -> int | None:
    for k in range(i - 1, max(0, i - NEGATION_REACH) - 1, -1):
        if CLAUSE_BREAK.search(toks[k + 1].lead):
            return None
        if negating(toks, k):
            return k
        if toks[k].word in CLAUSE_OPENERS:
            return None
    return None


def through(toks: list[Token], i: int) -> list[Token]:
    """The content words between word i and its negator: what the negator denies first. In
    'did not sign the deal' the deal is negated only through 'sign'; in 'the man, who has not
    been identified, claims' through 'identified', and nothing denies that he claims."""
    k = _negator_of(toks, i)
    return [] if k is None else content(toks[k + 1:i])


def conditional(toks: list[Token], i: int) -> bool:
    """Whether word i stands in a clause opened by 'if', 'unless' or 'whether': a condition
    or a question, which says neither that the thing is nor that it is not ('contact IT if
    the website is not working' does not say that it does not work). A condition put first
    ends at its comma: in 'if it rains, the match is not played' the match is not played."""
    for k in range(i - 1, max(0, i - CONDITION_REACH) - 1, -1):
        if CLAUSE_BREAK.search(toks[k + 1].lead) or "," in toks[k + 1].lead:
            return False
        if toks[k].word in _CONDITIONS:
            return True
        if toks[k].word in CLAUSE_OPENERS:
            return False
    return False
