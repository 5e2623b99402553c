"""Checks of meaning against aligned source sentences: negation, antonyms, novel words and
names; and the WordNet table they use."""

from __future__ import annotations

from summariser.articles.build import article_from_text
from summariser.validation import check, lexicon
from summariser.validation.alignment import align
from tests.checks import findings

ARTICLE = article_from_text(
    "Exports of wheat from the port rose by a fifth last year, the trade ministry said.\n\n"
    "The ministry said the new terminal was approved by the regional council in March.\n\n"
    "Officials did not expect the railway link to open before the winter.\n\n"
    "The harbour master, who has run the port for a decade, welcomed the decision.")


def test_lexicon_gives_base_forms_antonyms_and_synonyms() -> None:
    assert "fall" in lexicon.base_forms("fell")
    assert "rise" in lexicon.base_forms("rose")
    assert lexicon.opposite("rose", "fell") and lexicon.opposite("increased", "decreased")
    assert not lexicon.opposite("rose", "grew")
    assert lexicon.same_meaning("harbor", "harbour")
    assert lexicon.same_meaning("vehicle", "car") and not lexicon.same_meaning("car", "vehicle")


def test_alignment_prefers_the_sentence_sharing_rare_words() -> None:
    best = align(ARTICLE, "The regional council approved the terminal.", n=1)
    assert [s.index for s in best] == [2]


def test_faithful_paraphrase_is_not_flagged() -> None:
    report = check(ARTICLE, "Wheat exports from the port grew by a fifth last year, the trade "
                            "ministry said.")
    assert report.ok, report.problems()


def test_antonym_is_a_contradiction_with_both_words() -> None:
    report = check(ARTICLE, "Exports of wheat from the port fell by a fifth last year, the "
                            "trade ministry said.")
    assert not report.ok
    assert ("antonym", ["fell"], ["rose"]) in findings(ARTICLE, report.claims[0].text)
    assert report.claims[0].status == "contradicted"


def test_negation_inserted_and_removed() -> None:
    inserted = check(ARTICLE, "The ministry said the new terminal was not approved by the "
                              "regional council.")
    removed = check(ARTICLE, "Officials expect the railway link to open before the winter.")
    assert [f.kind for f in inserted.claims[0].findings].count("negation") == 1
    assert not inserted.ok
    assert any(f.kind == "negation" for f in removed.claims[0].findings)
    assert not removed.ok


def test_novel_words_are_reported_and_an_unknown_name_fails() -> None:
    plain = check(ARTICLE, "The harbour master, who has run the port for a decade, praised "
                           "the decision.")
    kinds = [(f.kind, f.words) for f in plain.claims[0].findings]
    assert plain.ok and ("novel_word", ["praised"]) in kinds
    named = check(ARTICLE, "The harbour master, who has run the port for a decade, welcomed "
                           "the decision of Gazprom.")
    assert not named.ok
    assert any(f.kind == "novel_name" for f in named.claims[0].findings)


def test_a_changed_weekday_is_the_figure_check_finding_not_a_novel_name() -> None:
    article = article_from_text("The council approved the new terminal on Tuesday, the mayor "
                                "said.\n\nWork on the site will start in the spring.")
    report = check(article, "The council approved the new terminal on Wednesday.")
    assert not report.ok
    assert [(f.text, f.status) for f in report.figures] == [("Wednesday", "mismatch")]
    assert not [f for f in report.claims[0].findings if f.kind == "novel_name"]
    assert [f.kind for f in check(article, "Gazprom approved the terminal on Tuesday.")
            .claims[0].findings] == ["novel_name"]


def test_sentence_opening_word_is_not_a_name() -> None:
    report = check(ARTICLE, "However, the harbour master welcomed the decision.")
    assert report.ok, report.problems()


def test_failed_to_negates_as_not_does() -> None:
    report = check(ARTICLE, "The ministry said the new terminal failed to be approved by the "
                            "regional council.")
    assert any(f.kind == "negation" for f in report.claims[0].findings)
    assert not report.ok


def test_a_claim_saying_both_opposites_itself_is_no_swap() -> None:
    art = article_from_text("The index ranks the worst countries for people over 60.\n\n"
                            "Fighting in South Sudan has displaced a million people.")
    assert not [f for f in findings(art, "The index ranks the best and worst countries for "
                                    "people over 60.") if f[0] == "antonym"]
    assert not [f for f in findings(art, "Fighting in the north-east of South Sudan has "
                                    "displaced a million people.") if f[0] == "antonym"]
    # one way only: still the opposite
    assert ("antonym", ["best"], ["worst"]) in findings(
        art, "The index ranks the best countries for people over 60.")



def test_antonyms_hold_only_in_a_part_of_speech_both_forms_can_be() -> None:
    # WordNet has 'present'/'past' as adjectives; an '-s' form is a plural or a verb's
    art = article_from_text("The host read letters from past guests of the show on air.")
    summary = "The host presents letters from guests of the show on air."
    assert not [f for f in findings(art, summary) if f[0] == "antonym"]
    assert not lexicon.opposite("presents", "past") and lexicon.opposite("present", "past")
    assert lexicon.parts_of_speech("presents") == {"n", "v"}


def test_inflected_forms_keep_the_antonyms_of_their_part_of_speech() -> None:
    art = article_from_text("Prices of wheat rose sharply in the spring, traders said.")
    summary = "Prices of wheat fell sharply in the spring, traders said."
    assert ("antonym", ["fell"], ["rose"]) in findings(art, summary)
    assert lexicon.opposite("higher", "lower") and lexicon.opposite("rises", "falling")
