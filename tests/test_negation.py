"""What negates a word (negation.py): the negators and their scope, the clause."""

from __future__ import annotations

from summariser.articles.build import article_from_text
from summariser.validation import check
from summariser.validation.alignment import tokens
from summariser.validation.negation import conditional, negated, through


def _negated(text: str, word: str) -> bool:
    toks = tokens(text)
    return negated(toks, next(i for i, t in enumerate(toks) if t.word == word))


def test_a_negator_reaches_a_word_in_its_own_clause() -> None:
    assert _negated("The bakery did not open on Monday.", "open")
    assert _negated("The mayor did not sign or veto the budget.", "veto")
    assert _negated("The ferry no longer stops at the island.", "stops")


def test_a_negator_stops_at_a_clause_boundary() -> None:
    assert not _negated("The rain did not stop; flooding spread inland.", "flooding")
    assert not _negated("He was not the driver (police said) at the time.", "police")
    assert not _negated("She did not leave but stayed for the vote.", "stayed")
    assert not _negated("Nobody knew which bridge closed first.", "bridge")
    assert not _negated("It was not clear because reports varied widely.", "reports")


def test_words_that_only_look_negating() -> None:
    assert not _negated("The guests stayed longer to finish the cake.", "finish")
    assert not _negated("The plan is not only cheaper but faster.", "cheaper")


def test_a_plain_claim_is_not_contradicted_by_a_negator_of_another_clause() -> None:
    article = article_from_text(
        "The orchard was not damaged; flooding hit the valley in April.\n\n"
        "Growers harvested the apples a week early.")
    report = check(article, "Flooding hit the valley in April.")
    assert not any(f.kind == "negation" for c in report.claims for f in c.findings)


def _through(text: str, word: str) -> list[str]:
    toks = tokens(text)
    return [t.word for t in through(toks, next(i for i, t in enumerate(toks) if t.word == word))]


def test_a_negator_reaches_a_later_word_through_the_word_it_denies() -> None:
    assert _through("The council did not approve the budget.", "budget") == ["approve"]
    assert _through("The council did not approve the budget.", "approve") == []
    assert _through("The witness, who has not been named, insists it was red.", "insists") \
        == ["named"]


def _negation_findings(source: str, claim: str) -> list[str]:
    report = check(article_from_text(source), claim)
    return [f.words[0] for c in report.claims for f in c.findings if f.kind == "negation"]


def test_a_word_negated_only_through_another_is_no_contradiction_of_it_said_plainly() -> None:
    source = ("Commuters who do not bring bicycles can hire one at the station. "
              "The station opened in June.")
    assert _negation_findings(source, "Commuters can hire bicycles at the station.") == []
    source = ("The witness, who has not been named, insists the van was red. "
              "Police are appealing for information.")
    assert _negation_findings(source, "The witness insists the van was red.") == []


def test_the_word_a_negator_denies_is_still_compared() -> None:
    source = "The council did not approve the budget on Monday. A new vote is due in May."
    assert _negation_findings(source, "The council approved the budget on Monday.") == ["approved"]


def _conditional(text: str, word: str) -> bool:
    toks = tokens(text)
    return conditional(toks, next(i for i, t in enumerate(toks) if t.word == word))


def test_a_condition_or_question_holds_the_words_near_its_if() -> None:
    assert _conditional("Call the office if the heating is not working.", "working")
    assert _conditional("They asked whether the bridge was closed.", "closed")
    assert not _conditional("If it rains, the match is not played.", "played")
    assert not _conditional("The heating is not working.", "working")
    assert not _conditional("Whether the tenants stay in the flats over the winter months is "
                            "not known.", "known")


def test_a_negation_inside_a_condition_contradicts_nothing() -> None:
    source = ("The school heating worked well on Monday morning. "
              "Engineers serviced the boiler in May.")
    assert _negation_findings(
        source, "Staff should phone the engineers if the school heating is not working.") == []
    assert _negation_findings(
        source, "The school heating was not working on Monday morning.") == ["working"]
