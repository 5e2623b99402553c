"""Issue 14: `check` grows linearly with the article, and an article written as one line is
split into its sentences. No timing here (benchmarks/check_scale.py prints the seconds): the
number of Python function calls is counted, which is the same on every machine."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from summariser.articles.build import article_from_text
from summariser.articles.focus import FOCUS_ABOVE, focus
from summariser.articles.sentences import LONG_SENTENCE
from summariser.validation import check
from summariser.validation.models import SourceSpan, ValidationReport

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
FAITHFUL = ("Iranian Foreign Minister Mohammad Javad Zarif met his Kazakh counterpart Mukhtar "
            "Tleuberdi in Nur-Sultan. Trade between Kazakhstan and Iran fell by 37.2 percent.")
UNFOUND = ("Boris Johnson told the WTO and NATO that Kazakhstan's Minister of Defence had said "
           "“trade collapsed completely last winter” after 4,321 trucks were stopped.")


def article(kilobytes: int, sep: str = "\n\n") -> str:
    """The seeds' paragraphs, repeated with their numbers changed, up to `kilobytes`."""
    paragraphs = [p for s in SEEDS for p in s.read_text(encoding="utf-8").split("\n\n")
                  if len(p.split()) > 12]
    out: list[str] = []
    copy = 0
    while sum(map(len, out)) < kilobytes * 1000:
        for p in paragraphs:
            copy += 1
            out.append(re.sub(r"\d+", lambda m, k=copy % 97: str(int(m.group()) + k), p))
    return sep.join(out)[: kilobytes * 1000]


def calls(work: Callable[[], object]) -> int:
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


def check_calls(kilobytes: int, summary: str) -> int:
    text = article(kilobytes)
    return calls(lambda: check(article_from_text(text), summary))


def test_check_work_grows_linearly_with_the_article() -> None:
    """Four times the article, at most ~four times the work (a quadratic step: sixteen), both
    for a faithful summary and for one whose names, acronyms, quote and figure the article
    lacks (those look-ups scan the whole article before they give up)."""
    check(article_from_text(article(5)), FAITHFUL + " " + UNFOUND)  # imports, word tables
    for summary in (FAITHFUL, UNFOUND):
        small, large = check_calls(25, summary), check_calls(100, summary)
        assert large < 5 * small, (summary[:20], small, large)


def test_an_article_written_as_one_line_is_split_into_its_sentences() -> None:
    """The seeds hold a cut-off teaser with an open quotation mark ('we wrote: “The main …'),
    which made the splitter keep kilobytes of a one-line article as one quotation."""
    text = article(14, sep=" ")
    assert "\n\n" not in text
    one_line = article_from_text(text)
    paragraphs = article_from_text(article(14))
    assert max(len(s.text) for s in one_line.sentences) <= LONG_SENTENCE
    assert len(one_line.sentences) >= 0.9 * len(paragraphs.sentences)
    shared = {s.text for s in one_line.sentences} & {s.text for s in paragraphs.sentences}
    assert len(shared) >= 0.8 * len(paragraphs.sentences)


def _spans(report: ValidationReport) -> list[SourceSpan]:
    found = [f.source for f in report.figures] + [n.source for n in report.names]
    found += [q.source for q in report.quotes] + [s for c in report.claims for s in c.evidence]
    return [s for s in found if s is not None]


def _statuses(report: ValidationReport) -> list[list[str]]:
    return [[f.status for f in report.figures], [n.status for n in report.names],
            [q.status for q in report.quotes], [c.status for c in report.claims]]


def test_a_long_article_is_checked_against_the_paragraphs_its_summary_is_about() -> None:
    """Seed 004 inside 300 KB of the other seeds' paragraphs: the same verdicts as against
    seed 004 alone, every span's offsets pointing at its text in the whole article, and sentence
    numbers those of the whole article (given as an Article) or none (given as text, whose
    other paragraphs were never split)."""
    seed = next(s for s in SEEDS if s.name.startswith("004")).read_text(encoding="utf-8")
    others = [p for s in SEEDS if not s.name.startswith("004")
              for p in s.read_text(encoding="utf-8").split("\n\n")[1:]]
    filler = "\n\n".join(others * (300_000 // len("\n\n".join(others)) + 1))
    text = f"{seed}\n\n{filler}"
    assert len(text) > FOCUS_ABOVE
    alone = check(article_from_text(seed), FAITHFUL)
    whole = article_from_text(text)
    for source in (text, whole):
        report = check(source, FAITHFUL)
        assert _statuses(report) == _statuses(alone)
        for span in _spans(report):
            assert text[span.start:span.end] == span.text
            if source is text:
                assert span.sentence is None
            elif span.sentence is not None:
                holder = whole.sentences[span.sentence - 1]
                assert holder.start <= span.start < holder.end


def test_a_long_articles_check_reads_a_bounded_part_of_it() -> None:
    """Four times the article, about the same work: the paragraphs kept for a summary are
    bounded by its sentences and words, not by the article."""
    kept = [len(focus_text(article(kb), FAITHFUL + " " + UNFOUND)) for kb in (200, 800)]
    assert kept[1] < 2 * kept[0] and kept[1] < 60_000, kept
    texts = article(200), article(800)
    for summary in (FAITHFUL, UNFOUND):
        small, large = (calls(partial(check, t, summary)) for t in texts)
        assert large < 2 * small, (summary[:20], small, large)


def focus_text(text: str, summary: str) -> str:
    found = focus(text, summary)
    assert found is not None
    return found.text
