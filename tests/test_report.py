from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from summariser.articles.models import Furniture
from summariser.batch.report import write as report
from summariser.batch.report.conflicts import find_conflicts
from summariser.validation.checker import check
from summariser.validation.numbers import parse_figures
from tests.report_data import (
    TRADE,
    TRADE_OTHER,
    XSS_IMG,
    XSS_JSON,
    XSS_SCRIPT,
    figure,
    make_article,
    make_result,
    make_run,
    trade_results,
)


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def xss_run() -> tuple[object, str]:
    article = make_article([f"The minister said {XSS_SCRIPT} today.", f"Another {XSS_IMG} line.",
                            "Trade rose 5 percent."], f"evil/{XSS_IMG}.txt")
    result = make_result(article, XSS_JSON, [(f"Claim with {XSS_IMG}", [1]),
                                             (XSS_SCRIPT, [2]), ("Trade rose.", [3])],
                         people=[XSS_SCRIPT], countries=[XSS_IMG])
    run = make_run((article, result, None), (None, None, f"failed: {XSS_SCRIPT}"))
    views = report.article_views(run.outcomes)
    return run, report.render_html(run, views, report.overview(run, views))


def test_html_escapes_everything_from_articles_and_models() -> None:
    _, html = xss_run()
    parsed = Tags()
    parsed.feed(html)
    tags = [t for t, _ in parsed.tags]
    assert tags.count("script") == 2 and "img" not in tags
    assert not [a for _, attrs in parsed.tags for a in attrs if a.startswith("on")]
    assert "&lt;script&gt;document.title=" in html  # shown as text
    data_script = parsed.scripts[0]
    assert "</" not in data_script and "<" not in data_script
    data = json.loads(data_script)
    assert data["articles"][0]["headline"] == XSS_JSON  # round-trips intact


def test_only_the_reports_own_script_may_run() -> None:
    _, html = xss_run()
    parsed = Tags()
    parsed.feed(html)
    policy = next(a["content"] for t, a in parsed.tags if a.get("http-equiv") ==
                  "Content-Security-Policy")
    assert policy is not None and "default-src 'none'" in policy
    digest = base64.b64encode(hashlib.sha256(parsed.scripts[1].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}';" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_html_is_self_contained() -> None:
    _, html = xss_run()
    parsed = Tags()
    parsed.feed(html)
    for tag, attrs in parsed.tags:
        for name in ("src", "href"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (tag, name, value)


def test_markdown_shows_html_as_text() -> None:
    run, _ = xss_run()
    views = report.article_views(run.outcomes)  # type: ignore[attr-defined]
    md = report.render_markdown(run, views, report.overview(run, views))  # type: ignore[arg-type]
    assert "<script" not in md and "<img" not in md
    assert "&lt;script&gt;document.title=" in md


def test_claims_point_at_sentences_of_their_own_article() -> None:
    a, b = trade_results()
    run = make_run((TRADE, a, None), (TRADE_OTHER, b, None))
    views = report.article_views(run.outcomes)
    html = report.render_html(run, views, report.overview(run, views))
    ids = set(re.findall(r'<span class="s" id="(a\d+-s\d+)">', html))
    claims = re.findall(r'data-article="(a\d+)" data-cites="([\d ]*)"', html)
    assert len(claims) == 6
    for article, cites in claims:
        assert cites, "every claim here cites a sentence"
        assert {f"{article}-s{n}" for n in cites.split()} <= ids
    # The highlighted span is the exact sentence text of the article.
    assert '<span class="s" id="a1-s2"><sup class="sn">2</sup>Trade between Iran and ' \
           'Kazakhstan was $237 million in 2020.</span>' in html
    # The invalid citation (sentence 9 of a 3-sentence article) is shown, not linked.
    assert "Cites sentences that do not exist: 9" in html


def test_each_claim_shows_the_check_of_its_own_position() -> None:
    # Two key points with one text (an article that says a thing twice): each has its own check.
    article = make_article(["Talks began.", "They ended.", "Talks began."], "t.txt")
    result = make_result(article, "h", [("Talks began.", [1]), ("Talks began.", [9])])
    result.validation.claims.reverse()  # the link is the claim's position, not list order
    views = report.claim_views(result)
    assert [(v.status, v.invalid) for v in views] == [("supported", []), ("bad_citation", [9])]
    stored = result.model_dump(mode="json")
    for checked in stored["validation"]["claims"]:
        checked.pop("claim")  # a result written before checks named their claim
    stored["validation"]["claims"].reverse()
    old = type(result).model_validate(stored)
    assert [c.claim for c in old.validation.claims] == [0, 1]  # linked in claims' order


def test_page_furniture_is_marked_in_the_article_text() -> None:
    article = make_article(["Talks began.", "They ended well."], "f.txt")
    teaser = "Read more: other news"
    article.text += teaser
    article.furniture = [Furniture(start=len(article.text) - len(teaser), end=len(article.text),
                                   text=teaser, kind="teaser")]
    result = make_result(article, "h", [("Talks began.", [1])])
    parts = report.segments(article, result)
    assert "".join(p.text for p in parts) == article.text
    assert [p.text for p in parts if p.furniture] == [teaser]
    assert [p.sentence for p in parts if p.sentence] == [1, 2]


def test_overview_lists_entities_figures_flags_and_failures() -> None:
    a, b = trade_results()
    b.figures[1] = figure(TRADE_OTHER, 3, "37.2 percent", "percent", status="mismatch")
    b.validation.figures = b.figures
    b.validation.ok = False
    run = make_run((TRADE, a, None), (TRADE_OTHER, b, None), (None, None, "x.txt: empty"))
    views = report.article_views(run.outcomes)
    ov = report.overview(run, views)
    assert ov.counts == {"articles": 3, "succeeded": 2, "failed": 1, "flagged": 1,
                         "resumed": 0, "cache_hits": 0, "kept": 0}
    kazakhstan = next(r for r in ov.countries if r.text == "Kazakhstan")
    assert [ref.id for ref in kazakhstan.refs] == ["a1", "a2"]
    assert [(r.text, r.status) for r in ov.figures] == [
        ("$237 million", "supported"), ("$310 million", "supported"),
        ("37.2 percent", "mismatch")]
    assert any("37.2 percent" in r.text and r.refs[0].id == "a2" for r in ov.flagged)
    assert [(r.text, r.refs[0].id) for r in ov.failures] == [("x.txt: empty", "a3")]
    md = report.render_markdown(run, views, ov)
    assert "(#a2)" in md and "x.txt: empty" in md


def test_a_trade_figure_reported_differently_is_a_conflict() -> None:
    a, b = trade_results()
    conflicts = find_conflicts([(0, a), (1, b)])
    assert [(c.first.text, c.second.text) for c in conflicts] == [
        ("$237 million", "$310 million")]
    assert {"trad", "iran", "kazakhstan"} <= set(conflicts[0].shared)
    # the report shows the words as written, not the stems the comparison uses
    assert "trade" in conflicts[0].shared_words() and "trad" not in conflicts[0].shared_words()


def test_conflicts_compare_the_figures_the_checker_matched() -> None:
    checked = [make_result(article, "h", [("p", [2])], check(article, summary).figures,
                           countries=["Iran"])
               for article, summary in ((TRADE, "Trade was $237 million in 2020."),
                                        (TRADE_OTHER, "Trade was $310 million in 2020."))]
    assert all(f.source_figure is not None for r in checked for f in r.figures)
    (conflict,) = find_conflicts(enumerate(checked))
    assert (conflict.first.text, conflict.second.text) == ("$237 million", "$310 million")
    for result in checked:  # stored before checks carried the parsed figure: nothing to compare
        for fig in result.figures:
            fig.source_figure = None
    assert find_conflicts(enumerate(checked)) == []


def test_conflicts_are_conservative() -> None:
    a, _ = trade_results()

    def other(sentence: str, text: str, kind: str, **lists: list[str]) -> object:
        article = make_article(["Intro.", sentence], "other.txt")
        return make_result(article, "h", [("p", [2]), ("q", [2]), ("r", [1])],
                           [figure(article, 2, text, kind)], **lists)

    cases = {
        "rounding": other("Trade between Iran and Kazakhstan was $240 million in 2020.",
                          "$240 million", "money", countries=["Iran"]),
        "approximate": other("Trade between Iran and Kazakhstan was about $300 million in "
                             "2020.", "about $300 million", "money", countries=["Iran"]),
        "another year": other("Trade between Iran and Kazakhstan was $300 million in 2019.",
                              "$300 million", "money", countries=["Iran"]),
        "other thing": other("The budget of the ministry of roads was $300 million.",
                             "$300 million", "money", countries=["Iran"]),
        "no shared name": other("Trade between Iran and Kazakhstan was $300 million in "
                                "2020.", "$300 million", "money", countries=["Chile"]),
    }
    for why, result in cases.items():
        assert find_conflicts([(0, a), (1, result)]) == [], why  # type: ignore[list-item]


def test_parser_context_is_what_conflicts_rely_on() -> None:
    # If the parser stops giving context words, conflicts silently find nothing: fail loudly.
    (money,) = [f for f in parse_figures(TRADE.sentences[1].text) if f.kind == "money"]
    assert {"trad", "iran", "kazakhstan"} <= set(money.context)


def test_reports_are_written_whole_and_redacted(tmp_path: Path) -> None:
    a, b = trade_results()
    a.summary = "The key sk-test-SECRET leaked into a summary."
    run = make_run((TRADE, a, None), (TRADE_OTHER, b, None))
    report.write_reports(tmp_path, run, lambda text: text.replace("sk-test-SECRET", "[x]"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html", "report.md"]
    for path in tmp_path.iterdir():
        text = path.read_text()
        assert "sk-test-SECRET" not in text and "[x] leaked" in text
