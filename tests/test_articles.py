"""Loading articles, removing page furniture, splitting sentences, finding article files."""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

import pytest

from summariser.articles.build import article_from_text, build_article
from summariser.articles.load import find_articles, load_article
from summariser.articles.models import Article
from summariser.errors import InputError
from summariser.validation import check

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
SEEDS = sorted(SEEDS_DIR.glob("*.txt"))


def seed(prefix: str) -> Article:
    (path,) = [p for p in SEEDS if p.name.startswith(prefix)]
    return load_article(path)


def body(article: Article) -> str:
    return "\n".join(s.text for s in article.sentences)


def assert_consistent(article: Article) -> None:
    """Sentences and furniture are exact, ordered, non-overlapping spans of the text."""
    assert [s.index for s in article.sentences] == list(range(1, len(article.sentences) + 1))
    for span in [*article.sentences, *article.furniture]:
        assert article.text[span.start:span.end] == span.text
        assert span.text == span.text.strip() and span.text
    spans = sorted((s.start, s.end) for s in [*article.sentences, *article.furniture])
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start, "a sentence overlaps furniture or another sentence"
    assert article.sentences == sorted(article.sentences, key=lambda s: s.start)


def test_there_are_five_seeds() -> None:
    assert len(SEEDS) == 5


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_each_seed_loads_with_exact_spans(path: Path) -> None:
    article = load_article(path)
    assert article.path == str(path)
    assert article.text == path.read_text(encoding="utf-8")  # no CR or BOM in the seeds
    assert article.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert len(article.sentences) >= 8
    assert_consistent(article)
    assert article.numbered().splitlines()[0] == f"[S1] {article.sentences[0].text}"


@pytest.mark.parametrize(("prefix", "furniture"), [
    ("000", ["A00150942.jpg", "Check Also", "Why The Iranian Regime", "In a previous article",
             "The main"]),
    ("002", ["date 2024-09-30"]),
    ("003", ["84,761", "15,000", "F/A-18", "all-female crew", "Cyber Police", "Doha will stop"]),
    ("004", ["Last update", "April 19, 2024", "Newsroom logo", "Orkhan Jalilov", "Kapital.kz"]),
])
def test_seed_furniture_is_removed_and_recorded(prefix: str, furniture: list[str]) -> None:
    article = seed(prefix)
    recorded = "\n".join(f.text for f in article.furniture)
    for piece in furniture:
        assert piece not in body(article)
        assert piece in recorded


def test_seed_000_sentence_starts_after_the_glued_image_name() -> None:
    article = seed("000")
    assert article.sentences[1].text.startswith("Caretaker of Iran’s Industries")
    assert [f.kind for f in article.furniture if f.text == "A00150942.jpg"] == ["image-name"]
    assert article.sentences[-1].text.endswith("other industrial and mining areas.")


def test_seed_003_keeps_its_body_and_drops_the_six_teasers() -> None:
    article = seed("003")
    assert [f.kind for f in article.furniture] == ["teaser"] * 6
    assert article.sentences[-1].text.endswith("since the war on the Arab country started a "
                                               "decade ago.")
    assert "53% owned" in body(article)


def test_seed_004_lone_none_line_and_caption_credit() -> None:
    article = seed("004")
    kinds = {f.text: f.kind for f in article.furniture}
    assert kinds["None"] == "none"
    assert kinds["/ Kapital.kz"] == "photo-credit"
    assert kinds["By Orkhan Jalilov April 8, 2021"] == "byline"
    assert all(s.text != "None" for s in article.sentences)
    caption = article.sentences[1].text  # the caption stays: it carries facts
    assert caption.endswith("in Nur-Sultan on April 7, 2021.")


@pytest.mark.parametrize(("prefix", "title", "date"), [
    ("000", "Iran to Expand Industrial Ties with Bolivia", None),
    ("001", None, None),
    ("002", None, "2024-09-30"),
    ("003", None, None),
    ("004", "Iran Seeks to Deepen Ties with Kazakhstan", "2021-04-08"),
])
def test_seed_titles_and_dates(prefix: str, title: str | None, date: str | None) -> None:
    article = seed(prefix)
    assert article.title == title
    assert article.date == date
    if title:
        assert article.sentences[0].text == title  # the headline is also sentence 1


def test_seed_002_body_starts_after_the_date_marker() -> None:
    article = seed("002")
    assert article.sentences[0].text.startswith("In a held between high-ranking delegations")


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_no_seed_is_cut_off_once_teasers_are_removed(path: Path) -> None:
    assert load_article(path).truncated is False


@pytest.mark.parametrize(("text", "truncated"), [
    ("Iran and Bolivia signed two agreements. The minister said that the trade", True),
    ("Iran and Bolivia signed two agreements. The minister said that the trade…\n\nMore here "
     "about it. And then a long paragraph that the scraper cut off in the middle of a word "
     "because it only kept the first hundred characters of the text that it could fi…", True),
    ("Iran and Bolivia signed two agreements. “We are ready,” he said.", False),
    ("Iran and Bolivia signed two agreements. He asked: “Are we ready?”", False),
    ("Iran and Bolivia signed two agreements (in La Paz).", False),
    ("Iran and Bolivia signed two agreements.\n\nNone\n", False),
])
def test_truncated_last_sentence(text: str, truncated: bool) -> None:
    assert article_from_text(text).truncated is truncated


def test_general_furniture_patterns() -> None:
    text = ("# Iran signs deal with Bolivia\n\nBy Jane Doe | 8 April 2021\n\n"
            "Photo: Reuters\n\n"
            "The deal was signed in La Paz. IMG_2041.JPG The ministers left.\n"
            "The ministers at the ceremony (Photo: AFP)\n\n"
            "Read also: Iran and Venezuela sign oil deal worth 900 million\n\n"
            "Related Articles\n\nIran signs deal with Iraq over 300 projects\n\n"
            "Advertisement\n\nSources said the talks would continue.\n")
    article = article_from_text(text)
    assert_consistent(article)
    assert article.title == "Iran signs deal with Bolivia"  # without the Markdown marker
    assert article.date == "2021-04-08"
    assert [s.text for s in article.sentences] == [
        "Iran signs deal with Bolivia", "The deal was signed in La Paz.", "The ministers left.",
        "The ministers at the ceremony", "Sources said the talks would continue."]
    assert {f.kind for f in article.furniture} >= {"byline", "image-name", "photo-credit",
                                                   "check-also", "teaser", "boilerplate"}


def test_a_cross_reference_between_sentences_is_a_teaser_and_its_figures_are_not_support(
        ) -> None:
    text = ("Gilead reported a 26.3% decline in sales. (Also see \"Biktarvy Sales Cross $10bn "
            "Mark\" - Scrip, 2 Feb, 2023.) Pfizer expects sales of Paxlovid to fall.\n\n"
            "Analysts (see also: our guide to vaccines) expect more cuts.\n")
    article = article_from_text(text)
    assert_consistent(article)
    assert [s.text for s in article.sentences] == [
        "Gilead reported a 26.3% decline in sales.", "Pfizer expects sales of Paxlovid to fall.",
        "Analysts (see also: our guide to vaccines) expect more cuts."]  # inside: left alone
    assert [f.kind for f in article.furniture] == ["teaser"]
    report = check(article, "Gilead's sales crossed $10bn.")
    assert [(f.text, f.status) for f in report.figures] == [("$10bn", "boilerplate")]


@pytest.mark.parametrize(("text", "date"), [
    ("Ministers meet in Astana\n\nASTANA, March 14, 2023 - The ministers met.\n", "2023-03-14"),
    ("LONDON, 14 March 2023 (Reuters) - Oil rose.\n\nIt fell later.\n", "2023-03-14"),
    ("NEW YORK, Jan. 5, 2021 -- Stocks rose.\n", "2021-01-05"),
    ("WASHINGTON (AP) - Oil rose on March 3, 2022.\n", None),  # a date in a sentence
    ("Oil rose. LONDON, March 14, 2023 - a dateline opens the body or is none.\n", None),
])
def test_a_wire_dateline_opening_the_body_gives_the_article_its_date(text: str,
                                                                     date: str | None) -> None:
    article = article_from_text(text)
    assert article.date == date
    if date == "2023-03-14":  # relative dates are read against it: "last year" is 2022
        body = text + "\nTrade rose 20 percent last year.\n"
        assert check(article_from_text(body), "Trade rose 20 percent in 2022.").ok
        assert not check(article_from_text(body), "Trade rose 20 percent in 2021.").ok


def test_a_dateline_is_read_when_the_title_comes_from_elsewhere() -> None:
    # an HTML page's title is given apart from the text: the body's first sentence is no
    # headline, and its dateline dates the article
    article = build_article("ASTANA, March 14, 2023 - The ministers met.\n\nThey signed a deal.\n",
                            None, title="Ministers meet in Astana")
    assert (article.title, article.date) == ("Ministers meet in Astana", "2023-03-14")


def test_hard_wrapped_lines_are_joined_into_one_sentence() -> None:
    article = article_from_text("The ministers met in La Paz on Monday. They signed\n"
                                "two agreements worth $10 million and\n"
                                "Iran will build 100 plants.\n")
    assert [s.text.replace("\n", " ") for s in article.sentences] == [
        "The ministers met in La Paz on Monday.",
        "They signed two agreements worth $10 million and Iran will build 100 plants."]


def test_crlf_and_bom_are_normalised(tmp_path: Path) -> None:
    lf = SEEDS[4].read_text(encoding="utf-8")
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + lf.replace("\n", "\r\n").encode("utf-8"))
    article = load_article(path)
    assert article.text == lf
    assert article.sha256 == load_article(SEEDS[4]).sha256
    assert [s.text for s in article.sentences] == [s.text for s in load_article(SEEDS[4]).sentences]


def test_markdown_file(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("## Iran and Bolivia sign deal\n\n- The deal covers 100 projects.\n"
                    "- Mining comes first.\n", encoding="utf-8")
    article = load_article(path)
    assert article.title == "Iran and Bolivia sign deal"
    assert [s.text for s in article.sentences][1:] == ["The deal covers 100 projects.",
                                                      "Mining comes first."]


HTML = """<!DOCTYPE html><html><head><title>Iran and Bolivia sign mining deal | World</title>
<meta property="article:published_time" content="2021-04-08T10:00:00Z">
<script>var tracking = "SCRIPTSECRET";</script></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/w">NAVWORLD section</a></li></ul></nav>
<article><h1>Iran and Bolivia sign mining deal</h1>
<p>Iran and Bolivia signed two agreements on Monday in La Paz, officials said.</p>
<p>The deal covers mining and 100 projects. The ministers agreed to meet again next year.</p>
</article><footer>Copyright FOOTERTEXT</footer></body></html>"""


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html_is_extracted_without_navigation_or_scripts(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"page{suffix}"
    path.write_text(HTML, encoding="utf-8")
    article = load_article(path)
    assert_consistent(article)
    for junk in ("SCRIPTSECRET", "NAVWORLD", "<p>", "tracking"):
        assert junk not in article.text
    assert article.title == "Iran and Bolivia sign mining deal"
    assert article.date == "2021-04-08"
    assert [s.text for s in article.sentences] == [
        "Iran and Bolivia sign mining deal",
        "Iran and Bolivia signed two agreements on Monday in La Paz, officials said.",
        "The deal covers mining and 100 projects.",
        "The ministers agreed to meet again next year."]


def test_html_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.html"
    page = HTML.replace("<head>", '<head><meta charset="iso-8859-1">').replace(
        "officials said", "officials in Potosí said")
    path.write_bytes(page.encode("latin-1"))
    assert "officials in Potosí said" in body(load_article(path))


def write(tmp_path: Path, name: str, content: bytes | None) -> Path:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    return path


@pytest.mark.parametrize(("name", "content", "says"), [
    ("missing.txt", None, "no such file"),
    ("empty.txt", b"", "empty"),
    ("blank.md", b" \n\n\t\n", "empty"),
    ("binary.txt", b"GIF89a\x00\x01\x02text", "binary"),
    ("latin1.txt", "Iran and Bolivia met in Potosí.".encode("latin-1"), "offset 29"),
    ("furniture.txt", b"Newsroom logo\n\nNone\n\nLast update: April 19, 2024 14:53\n", "sentences"),
    ("punctuation.txt", b"***\n\n---\n", "sentences"),
    ("report.pdf", b"%PDF-1.4 some text", "unsupported file type"),
    ("noext", b"Iran and Bolivia met.", "unsupported file type"),
    ("script.html", b"<html><body><script>var a = 1;</script></body></html>", "HTML"),
])
def test_bad_input_names_the_file_in_one_sentence(tmp_path: Path, name: str,
                                                  content: bytes | None, says: str) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(InputError) as caught:
        load_article(path)
    message = str(caught.value)
    assert caught.value.path == str(path)
    assert message.startswith(f"{path}: ")
    assert says in message
    assert "\n" not in message and message.count(". ") == 0


def test_directory_is_not_an_article(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="directory"):
        load_article(tmp_path)


def test_bom_alone_is_fine_and_reported_offsets_count_it(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbfIran and Bolivia met. Caf\xe9 owners came.")
    with pytest.raises(InputError, match="offset 28"):
        load_article(path)
    path.write_bytes(b"\xef\xbb\xbfIran and Bolivia met.")
    assert load_article(path).text == "Iran and Bolivia met."


@pytest.mark.parametrize("text", ["", "  \n", "Newsroom logo\n\nNone"])
def test_article_from_text_without_sentences(text: str) -> None:
    with pytest.raises(InputError):
        article_from_text(text)
    with pytest.raises(InputError, match=r"^pasted: "):
        article_from_text(text, path="pasted")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in ["b.txt", "a.md", "sub/c.html", "sub/deeper/d.htm", "sub/notes.pdf",
                 ".hidden/e.txt", "empty/readme.rst"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Iran and Bolivia met.", encoding="utf-8")
    return tmp_path


def test_find_articles_in_a_directory_recursively_sorted(tree: Path) -> None:
    files, errors = find_articles([str(tree)])
    assert errors == []
    assert [f.relative_to(tree).as_posix() for f in files] == [
        "a.md", "b.txt", "sub/c.html", "sub/deeper/d.htm"]


def test_find_articles_globs_files_and_dedupes_in_order(tree: Path) -> None:
    files, errors = find_articles([str(tree / "sub/**/*.htm*"), str(tree / "b.txt"),
                                   str(tree / "*.txt"), str(tree / "sub")])
    assert errors == []
    assert [f.relative_to(tree).as_posix() for f in files] == [
        "sub/c.html", "sub/deeper/d.htm", "b.txt"]


def test_find_articles_explicit_file_is_kept_whatever_its_type(tree: Path) -> None:
    files, errors = find_articles([str(tree / "sub/notes.pdf")])
    assert files == [tree / "sub/notes.pdf"] and errors == []


def test_find_articles_reports_each_argument_that_yields_nothing(tree: Path) -> None:
    args = [str(tree / "missing.txt"), str(tree / "empty"), str(tree / "*.docx"),
            str(tree / "a.md")]
    files, errors = find_articles(args)
    assert files == [tree / "a.md"]
    assert [e.path for e in errors] == args[:3]
    assert [str(e) for e in errors] == [
        f"{args[0]}: no such file or directory",
        f"{args[1]}: no articles (.txt, .md, .html) in this directory",
        f"{args[2]}: pattern matched no articles"]


def test_find_articles_on_the_seeds() -> None:
    files, errors = find_articles([str(SEEDS_DIR)])
    assert files == SEEDS and errors == []


def test_sentence_spans_are_found_as_pysbd_finds_them() -> None:
    """articles._char_spans replaces pysbd's regex-per-sentence span search: same spans, also
    for repeated sentences, unusual white space and sentences that do not occur."""
    import random

    import pysbd

    from summariser.articles.sentences import _char_spans

    reference = pysbd.Segmenter(language="en", clean=False, char_span=True)
    rng = random.Random(7)
    words = ["Yes.", "No!", "It rose 5 %.", "Mr. Li left.", "(S1)", "a+b?", "\u00a0", "\u2003",
             " ", "  ", "\t", "\n", "U.S. says", "[x]", "ok", "…"]
    texts = ["".join(rng.choice(words) for _ in range(rng.randint(1, 30))) for _ in range(300)]
    texts += [" ".join(s.text for s in load_article(p).sentences) for p in SEEDS]
    for text in texts:
        sentences = pysbd.Segmenter(language="en", clean=False).processor(text).process()
        extra = rng.choice(["ok", "Yes.", "missing sentence", "No!  "])
        for candidate in (sentences, [*sentences, extra], [extra, *sentences]):
            reference.original_text = text
            want = [(s.sent, s.start, s.end)
                    for s in reference.sentences_with_char_spans(candidate)]
            assert _char_spans(candidate, text) == want, (text, candidate)
