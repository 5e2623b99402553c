"""The gold set (evals/gold) loads, and everything in it is where it says it is; bad gold files
are one clear error naming the file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from summariser.errors import InputError
from summariser.evaluation.gold import GoldItem, load_gold_set, normalise
from summariser.evaluation.metrics import prepare
from summariser.validation import check

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "evals" / "gold"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def items() -> list[GoldItem]:
    return load_gold_set(GOLD).items


def test_one_gold_file_per_seed(items: list[GoldItem]) -> None:
    assert [i.gold.article for i in items] == sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_key_fact_sentences_are_body_sentences(items: list[GoldItem]) -> None:
    for item in items:
        body = normalise(" ".join(s.text for s in item.article.sentences))
        for fact in item.gold.key_facts:
            assert normalise(fact.sentence) in body, (item.gold.article, fact.sentence)


def test_gold_figures_are_read_as_declared(items: list[GoldItem]) -> None:
    """Each figure's kind, value and unit are what the figure parser reads in the article, so
    the gold and the checker speak of the same numbers; a figure it cannot read has variants."""
    for item in items:
        for fig, parsed in prepare(item).figures:
            if fig.kind == "frequency":
                assert parsed is None and fig.variants, fig.text
                continue
            assert parsed is not None, fig.text
            assert (parsed.kind, parsed.unit, parsed.iso, parsed.high) == (
                fig.kind, fig.unit, fig.iso, fig.high), fig.text
            if fig.kind != "date":
                assert parsed.value == fig.value, fig.text


def test_gold_names_occur_in_the_article(items: list[GoldItem]) -> None:
    for item in items:
        text = normalise(item.article.text).casefold()
        for name in item.gold.all_names():
            assert any(normalise(f).casefold() in text for f in name.forms), name.name


def test_gold_furniture_is_page_furniture(items: list[GoldItem]) -> None:
    """What the gold calls furniture lies inside what the article loader marks as furniture."""
    for item in items:
        for furniture in item.gold.furniture:
            start = normalise(item.article.text).find(normalise(furniture.text))
            assert start >= 0, furniture.text
            spans = [normalise(f.text) for f in item.article.furniture]
            assert any(normalise(furniture.text) in s or s in normalise(furniture.text)
                       for s in spans), (item.gold.article, furniture.text, spans)


def test_seed_003_teasers_and_004_header_are_furniture(items: list[GoldItem]) -> None:
    by_id = {i.gold.article[:3]: i.gold for i in items}
    teasers = " ".join(f.text for f in by_id["003"].furniture)
    for figure in ("15,000", "84,761", "F/A-18"):
        assert figure in teasers
    assert any("Last update: April 19, 2024" in f.text for f in by_id["004"].furniture)
    assert {"Check Also"} <= {f.text for f in by_id["000"].furniture}


def test_reference_summaries_pass_the_checker(items: list[GoldItem]) -> None:
    for item in items:
        report = check(item.article, item.gold.reference_summary)
        assert report.ok, (item.gold.article, report.problems())


# --- bad gold files -------------------------------------------------------------------------


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    """A copy of seed 004's gold file and article in a fresh tree."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEEDS / "004_ca5b7a342c02b2f4.txt", tmp_path / "seeds")
    target = tmp_path / "evals" / "gold"
    target.mkdir(parents=True)
    shutil.copy(GOLD / "004_ca5b7a342c02b2f4.json", target)
    return target


def edit(gold_dir: Path, change: dict[str, object]) -> Path:
    path = gold_dir / "004_ca5b7a342c02b2f4.json"
    data = json.loads(path.read_text())
    data.update(change)
    path.write_text(json.dumps(data))
    return path


def load_error(gold_dir: Path) -> str:
    with pytest.raises(InputError) as info:
        load_gold_set(gold_dir)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_copy_loads(gold_dir: Path) -> None:
    assert len(load_gold_set(gold_dir).items) == 1


def test_misquoted_fact_sentence(gold_dir: Path) -> None:
    data = json.loads((gold_dir / "004_ca5b7a342c02b2f4.json").read_text())
    data["key_facts"][1]["sentence"] = "Zarif said that Iran likes Kazakhstan very much."
    edit(gold_dir, data)
    message = load_error(gold_dir)
    assert "004_ca5b7a342c02b2f4.json" in message and "key fact 2" in message
    assert "not in the article" in message


def test_figure_not_in_article(gold_dir: Path) -> None:
    data = json.loads((gold_dir / "004_ca5b7a342c02b2f4.json").read_text())
    data["figures"][0]["text"] = "$273 million"
    edit(gold_dir, data)
    message = load_error(gold_dir)
    assert "'$273 million' does not occur in the article" in message
    assert "more problems" in message  # the fact that names '$237 million' no longer resolves


def test_unknown_article_id(gold_dir: Path) -> None:
    edit(gold_dir, {"article": "999_nope"})
    (gold_dir / "004_ca5b7a342c02b2f4.json").rename(gold_dir / "999_nope.json")
    message = load_error(gold_dir)
    assert "999_nope.json" in message and "unknown article id '999_nope'" in message


def test_id_must_match_file_name(gold_dir: Path) -> None:
    edit(gold_dir, {"article": "003_f9cfecde49302c1b"})
    assert "differs from the file name" in load_error(gold_dir)


def test_schema_errors_name_the_field(gold_dir: Path) -> None:
    edit(gold_dir, {"reference_summary": "word " * 81})
    assert "reference_summary: has 81 words (at most 80)" in load_error(gold_dir)
    edit(gold_dir, {"reference_summary": "ok", "colour": "blue"})
    assert "colour" in load_error(gold_dir)


def test_invalid_json_and_empty_directory(gold_dir: Path, tmp_path: Path) -> None:
    (gold_dir / "004_ca5b7a342c02b2f4.json").write_text("{not json")
    assert "not valid JSON (line 1" in load_error(gold_dir)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "no gold files" in load_error(empty)
    assert "does not exist" in load_error(tmp_path / "missing")
