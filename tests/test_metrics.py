"""Metrics on hand-made outputs: a perfect output scores 1.0, each kind of mistake costs what
it should, and the baselines read only the article body."""

from __future__ import annotations

from pathlib import Path

import pytest

from summariser.articles.body import body_sentences
from summariser.evaluation.baselines import extractive, lead3
from summariser.evaluation.compare import compare
from summariser.evaluation.gold import load_gold_set
from summariser.evaluation.metrics import Candidate, GoldView, faithfulness, prepare, score
from summariser.evaluation.runs import GoldInfo, Run, SystemRun
from summariser.evaluation.scores import Count, Scores, overall
from summariser.validation.models import ClaimCheck, FigureCheck, NameCheck, ValidationReport

GOLD = Path(__file__).resolve().parent.parent / "evals" / "gold"


@pytest.fixture(scope="module")
def views() -> dict[str, GoldView]:
    return {i.gold.article[:3]: prepare(i) for i in load_gold_set(GOLD).items}


def perfect(view: GoldView) -> Candidate:
    """Every key fact as a key point, the reference as the summary, every gold name listed."""
    gold = view.item.gold
    names = [(p.name, "person") for p in gold.people if not p.optional]
    names += [(c.name, "country") for c in gold.countries if not c.optional]
    names += [(o.name, "organisation") for o in gold.organisations if not o.optional]
    return Candidate(system="test", summary=gold.reference_summary,
                     key_points=[f.text for f in gold.key_facts], names=names)


def test_perfect_output_scores_one(views: dict[str, GoldView]) -> None:
    for key, view in views.items():
        s = score(view, perfect(view))
        if key != "002":  # 002 has no figures that matter
            assert (s.figures.precision, s.figures.recall) == (1.0, 1.0), key
        assert (s.names.precision, s.names.recall, s.names.f1) == (1.0, 1.0, 1.0), key
        assert s.coverage == 1.0 and s.covered == len(view.item.gold.key_facts), key
        assert (s.rouge1, s.rouge2, s.rougeL) == (1.0, 1.0, 1.0), key
        assert s.leaks == 0, key


def test_no_figures_at_all_is_undefined_not_perfect(views: dict[str, GoldView]) -> None:
    s = score(views["002"], perfect(views["002"]))
    assert s.figures.gold == 0 and s.figures.recall is None and s.figures.f1 is None


def test_wrong_figure_loses_precision_and_recall(views: dict[str, GoldView]) -> None:
    view = views["004"]
    good = score(view, Candidate(system="t", summary="Trade fell 37.2 percent to $237 million "
                                 "in 2020."))
    bad = score(view, Candidate(system="t", summary="Trade fell 37.2 percent to $273 million "
                                "in 2020."))
    assert good.figures.precision == 1.0 and good.figures.found == 3
    assert bad.figures.correct == 2 and bad.figures.output == 3
    assert bad.figures.found == 2 and bad.figures.recall == pytest.approx(2 / 14, abs=1e-3)


def test_rounded_figures_and_text_only_figures_match(views: dict[str, GoldView]) -> None:
    view = views["004"]
    s = score(view, Candidate(system="t", summary="Trade was about $240 million; the planes "
                              "fly monthly."))
    assert s.figures.correct == 1 and s.figures.found == 2  # $237 million, once a month


def test_optional_figures_are_neutral(views: dict[str, GoldView]) -> None:
    view = views["004"]
    s = score(view, Candidate(system="t", summary="The two countries traded $237 million "
                              "in 2020, less than in 2019."))
    assert (s.figures.correct, s.figures.output) == (2, 2)  # 'two' and 2019 are optional


def test_furniture_leaks(views: dict[str, GoldView]) -> None:
    s = score(views["003"], Candidate(system="t", summary="Bagheri visited Astra Khan; at least "
                                      "15,000 British soldiers left the army."))
    assert s.leaks == 1 and "15,000" in s.leaked[0]
    s = score(views["004"], Candidate(system="t", summary="Zarif met Tleuberdi. Last update: "
                                      "April 19, 2024."))
    assert s.leaks == 1 and s.leaked == ["Last update: April 19, 2024 14:53"]
    s = score(views["004"], Candidate(system="t", summary="Zarif met Tleuberdi in 2024."))
    assert s.leaks == 1  # only the page's last-update line has 2024
    s = score(views["003"], Candidate(system="t", summary="An F/A-18 was shot down."))
    assert s.leaks == 1


def test_names_with_aliases_demonyms_and_wrong_names(views: dict[str, GoldView]) -> None:
    view = views["004"]
    listed = [("Zarif", "person"), ("Tleuberdi", "person"), ("Iran", "country"),
              ("Kazakh", "country"), ("EEU", "organisation"), ("Kish Air", "organisation")]
    s = score(view, Candidate(system="t", summary="", names=listed))
    assert (s.names.precision, s.names.recall) == (1.0, 1.0)
    wrong = score(view, Candidate(system="t", summary="", names=[
        *listed, ("Vladimir Putin", "person"), ("Tehran", "country")]))
    assert wrong.names.correct == 6 and wrong.names.output == 8
    assert wrong.people.precision == pytest.approx(2 / 3, abs=1e-3)
    assert wrong.countries.precision == pytest.approx(2 / 3, abs=1e-3)
    optional = score(view, Candidate(system="t", summary="", names=[
        *listed, ("Nursultan Nazarbayev", "person")]))
    assert optional.names.precision == 1.0  # optional names are neither right nor wrong


def test_names_are_found_in_text_too(views: dict[str, GoldView]) -> None:
    s = score(views["002"], Candidate(system="t", summary="Iran's first vice president Aref "
                                      "met Mishustin; Pezeshkian backs ties with Russia."))
    assert (s.names.found, s.names.gold, s.names.precision) == (5, 5, 1.0)


def test_fact_needs_its_figures_names_and_words(views: dict[str, GoldView]) -> None:
    view = views["004"]
    fact = "Trade between Kazakhstan and Iran amounted to $237 million in 2020, a decrease"
    covered = score(view, Candidate(system="t", summary=fact + " of 37.2 percent."))
    assert covered.covered == 1
    wrong = score(view, Candidate(system="t", summary=fact + " of 3.72 percent."))
    assert wrong.covered == 0
    vague = score(view, Candidate(system="t", summary="Numbers: $237 million, 37.2 percent."))
    assert vague.covered == 0


def test_faithfulness_counts_supported_items() -> None:
    report = ValidationReport(ok=False, figures=[
        FigureCheck(text="$237 million", kind="money", status="supported"),
        FigureCheck(text="$273 million", kind="money", status="mismatch")],
        names=[NameCheck(text="Zarif", status="supported")],
        claims=[ClaimCheck(text="x", status="partial")])
    assert faithfulness(report) == (2, 4)
    assert faithfulness(None) == (0, 0)


def test_overall_is_micro_averaged() -> None:
    a = Scores(figures=Count(correct=1, output=1, found=1, gold=1), rouge1=0.2, seconds=2.0)
    b = Scores(figures=Count(correct=0, output=3, found=0, gold=9), rouge1=0.4, seconds=4.0)
    total = overall([a, b])
    assert total.figures.precision == 0.25 and total.figures.recall == 0.1
    assert total.rouge1 == pytest.approx(0.3) and total.seconds == 3.0


def test_baselines_skip_headline_and_furniture(views: dict[str, GoldView]) -> None:
    article = views["000"].item.article
    assert lead3(article).startswith("Caretaker of Iran")
    assert "A00150942" not in lead3(article) and "Check Also" not in extractive(article)
    teasers = views["003"].item.article
    assert all("15,000" not in s.text for s in body_sentences(teasers))
    for view in views.values():
        text = extractive(view.item.article)
        assert len(text.split()) <= 80
        assert score(view, Candidate(system="x", summary=text)).leaks == 0


def _run(f1: float, leaks: int) -> Run:
    scores = Scores(figures=Count(correct=int(f1 * 10), output=10, found=int(f1 * 10), gold=10),
                    leaks=leaks, calls=3)
    system = SystemRun(articles={"a": scores}, overall=scores)
    return Run(gold=GoldInfo(directory="g", hash="h", articles=["a"]),
               systems={"model": system, "lead-3": system})


def test_compare_flags_drops_beyond_the_threshold() -> None:
    assert not compare(_run(0.8, 0), _run(0.8, 0), "b.json").regressions
    assert not compare(_run(0.8, 0), _run(0.85, 0), "b.json", threshold=0.05).regressions
    drop = compare(_run(0.7, 0), _run(0.8, 0), "b.json", threshold=0.05)
    assert {(d.system, d.metric) for d in drop.regressions} >= {("model", "figures.f1")}
    assert all(d.system == "model" for d in drop.regressions)  # baselines never gate
    leak = compare(_run(0.8, 1), _run(0.8, 0), "b.json")
    assert [d.metric for d in leak.regressions] == ["leaks"]
