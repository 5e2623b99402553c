"""A person's role and country in a claim, and in the people a structured summary lists,
against those the article gives the same person."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from summariser.articles.build import article_from_text
from summariser.pipeline.article_names import article_names
from summariser.validation import check
from summariser.validation.models import CheckInput
from summariser.validation.roles import check_roles
from tests.checks import findings_of

ARTICLE = article_from_text(
    "Chile's Finance Minister Ana Lucía Herrera met her Peruvian counterpart Tomás Quispe in "
    "Lima on Monday.\n\n"
    "Peru's finance minister Quispe said the two countries would cut tariffs on copper.\n\n"
    "The talks were opened by Bolivian President Marco Villca, who spoke for ten minutes.")


def _kinds(summary: str) -> list[tuple[str, list[str], list[str]]]:
    return [(f.kind, f.words, f.source_words) for f in check_roles(ARTICLE, summary)]


def test_wrong_country_of_a_person_contradicts() -> None:
    report = check(ARTICLE, "Peruvian Finance Minister Ana Lucía Herrera met Tomás Quispe in "
                            "Lima on Monday.")
    assert not report.ok
    found = findings_of(report)
    assert ("wrong_country", ["Ana Lucía Herrera", "Peru"], ["Chile"]) in found


def test_wrong_role_of_a_person_contradicts_with_both_titles() -> None:
    assert _kinds("Bolivian Finance Minister Marco Villca opened the talks.") == [
        ("wrong_role", ["Marco Villca", "finance", "minister"], ["president"])]
    report = check(ARTICLE, "The talks were opened by Bolivian Finance Minister Marco Villca.")
    assert not report.ok
    assert report.claims[0].status == "contradicted"


def test_roles_the_article_gives_are_not_flagged() -> None:
    for faithful in ("Peru's Finance Minister Tomás Quispe met Ana Lucía Herrera in Lima.",
                     "Chile's finance minister Herrera met Quispe on Monday.",
                     "Bolivian President Marco Villca opened the talks.",
                     "President Villca opened the talks, and Quispe said tariffs on copper "
                     "would be cut."):
        assert _kinds(faithful) == [], faithful
        assert check(ARTICLE, faithful).ok, check(ARTICLE, faithful).problems()


def test_a_relative_title_in_the_article_is_not_contradicted() -> None:
    # the article calls Quispe Herrera's 'counterpart' and elsewhere 'finance minister'; a
    # summary's 'Peruvian minister Quispe' says nothing the article denies
    assert _kinds("The Peruvian minister Quispe met Herrera.") == []


def test_listed_people_with_a_wrong_role_or_country_are_unsupported() -> None:
    given = CheckInput(text="Herrera met Quispe in Lima.",
                       names=[("Ana Lucía Herrera", "person"), ("Tomás Quispe", "person")],
                       roles=[("Ana Lucía Herrera", "Finance Minister", "Peru"),
                              ("Tomás Quispe", "finance minister", "Peru")])
    report = check(ARTICLE, given)
    status = {n.text: (n.status, n.note) for n in report.names}
    assert status["Ana Lucía Herrera"][0] == "unsupported"
    assert "wrong_country" in status["Ana Lucía Herrera"][1]
    assert status["Tomás Quispe"][0] == "supported"
    assert not report.ok


def test_people_read_from_the_article_pass_their_own_check() -> None:
    people = article_names(ARTICLE).people
    assert any(p.role for p in people)
    given = CheckInput(text="Herrera met Quispe in Lima.",
                       names=[(p.name, "person") for p in people],
                       roles=[(p.name, p.role, p.country) for p in people])
    assert check(ARTICLE, given).ok, check(ARTICLE, given).problems()


def test_check_cli_reads_roles_of_listed_people(tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_text(ARTICLE.text, encoding="utf-8")
    summary = tmp_path / "summary.json"
    summary.write_text(json.dumps({
        "headline": "Chile and Peru to cut copper tariffs",
        "summary": "Herrera met Quispe in Lima on Monday.",
        "people": [{"name": "Marco Villca", "role": "Prime Minister", "country": "Bolivia"}]}),
        encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "summariser", "check", str(source),
                          str(summary), "--format", "json"], capture_output=True, text=True,
                         check=False)
    assert out.returncode == 1, out.stderr
    names = {n["text"]: n for n in json.loads(out.stdout)["names"]}
    assert names["Marco Villca"]["status"] == "unsupported"
    assert "wrong_role" in names["Marco Villca"]["note"]
