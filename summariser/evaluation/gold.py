"""The gold set: one hand-written JSON file per article (evals/gold/<article id>.json), read and
checked against its article on load, so a typo in a quote or a figure is an error naming the
file instead of a silently wrong score. The format is documented in evals/README.md."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from summariser.articles.load import ARTICLE_SUFFIXES, load_article
from summariser.articles.models import Article
from summariser.errors import InputError
from summariser.pipeline.schema import SUMMARY_WORDS as MAX_SUMMARY_WORDS


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldFigure(_Strict):
    text: str = Field(description="the figure exactly as written in the article")
    kind: str = Field(description="as the figure parser names it: number, percent, money, ...")
    value: float | None = None
    high: float | None = Field(default=None, description="upper end of a range")
    unit: str | None = None
    iso: str | None = Field(default=None, description="dates: 2021-04-07, --04-01, 2020-03")
    measures: str = Field(description="what the figure is the figure of")
    variants: list[str] = Field(default_factory=list, description="other ways to write a "
                                "figure the parser cannot read ('monthly' for 'once a month')")
    optional: bool = Field(False, description="may be used, but is not required for recall")


class GoldName(_Strict):
    name: str
    aliases: list[str] = Field(default_factory=list)
    role: str = ""
    optional: bool = False

    @property
    def forms(self) -> list[str]:
        return [self.name, *self.aliases]


class KeyFact(_Strict):
    text: str = Field(description="the fact, as a short statement")
    sentence: str = Field(description="the article sentence it comes from, quoted exactly")
    figures: list[str] = Field(default_factory=list, description="texts of gold figures it states")
    names: list[str] = Field(default_factory=list, description="gold names it mentions")


class GoldFurniture(_Strict):
    text: str = Field(description="page furniture exactly as written in the article")
    kind: str
    markers: list[str] = Field(default_factory=list,
                               description="words whose use in a summary shows it was used")


class GoldArticle(_Strict):
    article: str = Field(description="the article id: its file name without the suffix")
    reference_summary: str
    key_facts: list[KeyFact] = Field(min_length=1)
    figures: list[GoldFigure] = Field(default_factory=list)
    people: list[GoldName] = Field(default_factory=list)
    countries: list[GoldName] = Field(default_factory=list)
    organisations: list[GoldName] = Field(default_factory=list)
    other_names: list[str] = Field(default_factory=list,
                                   description="places and projects: fine to name, not scored")
    furniture: list[GoldFurniture] = Field(default_factory=list)
    notes: str = ""

    @field_validator("reference_summary")
    @classmethod
    def _short(cls, value: str) -> str:
        words = len(value.split())
        if words > MAX_SUMMARY_WORDS:
            raise ValueError(f"has {words} words (at most {MAX_SUMMARY_WORDS})")
        return value

    def names_by_category(self) -> dict[str, list[GoldName]]:
        return {"person": self.people, "country": self.countries,
                "organisation": self.organisations}

    def all_names(self) -> list[GoldName]:
        return [*self.people, *self.countries, *self.organisations]


class GoldItem(BaseModel):
    gold: GoldArticle
    article: Article
    path: str


class GoldSet(BaseModel):
    directory: str
    hash: str
    items: list[GoldItem]


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def normalise(text: str) -> str:
    """Curly quotes and dashes made plain, runs of whitespace made one space: a gold file can
    be typed with a plain keyboard and still quote the article exactly."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


def load_gold_set(directory: str | Path, articles: str | Path | None = None) -> GoldSet:
    """Every *.json in `directory`, each checked against its article in `articles` (default:
    seeds/ at the root of the repository holding `directory`)."""
    folder = Path(directory)
    if not folder.is_dir():
        raise InputError("the gold set directory does not exist", str(folder))
    files = sorted(folder.glob("*.json"))
    if not files:
        raise InputError("no gold files (*.json) in the gold set directory", str(folder))
    source_dir = Path(articles) if articles else default_articles_dir(folder)
    items = [load_gold_file(f, source_dir) for f in files]
    return GoldSet(directory=str(folder), hash=gold_hash(files), items=items)


def default_articles_dir(gold_dir: Path) -> Path:
    beside = gold_dir.resolve().parent.parent / "seeds"
    return beside if beside.is_dir() else Path("seeds")


def gold_hash(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for f in sorted(files, key=lambda p: p.name):
        digest.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def load_gold_file(path: Path, articles_dir: Path) -> GoldItem:
    gold = parse_gold(path)
    if gold.article != path.stem:
        raise InputError(f"its article id {gold.article!r} differs from the file name", str(path))
    article = load_article(find_article(gold.article, articles_dir, path))
    problems = check_gold(gold, article)
    if problems:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise InputError(problems[0] + more, str(path))
    return GoldItem(gold=gold, article=article, path=str(path))


def parse_gold(path: Path) -> GoldArticle:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the gold file ({exc})", str(path)) from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON (line {exc.lineno}: {exc.msg})", str(path)) from exc
    try:
        return GoldArticle.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the file"
        message = first["msg"].removeprefix("Value error, ")
        raise InputError(f"{where}: {message}", str(path)) from exc


def find_article(article_id: str, articles_dir: Path, gold_path: Path) -> Path:
    for suffix in ARTICLE_SUFFIXES:
        candidate = articles_dir / f"{article_id}{suffix}"
        if candidate.is_file():
            return candidate
    raise InputError(f"unknown article id {article_id!r}: no such article in {articles_dir}",
                     str(gold_path))


def check_gold(gold: GoldArticle, article: Article) -> list[str]:
    """Everything the gold file says must be found in its article, as written."""
    text = normalise(article.text)
    folded = text.casefold()
    problems = [f"key fact {i}: its source sentence is not in the article: "
                f"{_short(f.sentence)!r}" for i, f in enumerate(gold.key_facts, 1)
                if normalise(f.sentence) not in text]
    problems += [f"figure {f.text!r} does not occur in the article" for f in gold.figures
                 if normalise(f.text) not in text]
    problems += [f"furniture {f.text!r} does not occur in the article" for f in gold.furniture
                 if normalise(f.text) not in text]
    problems += [f"name {n.name!r}: neither it nor an alias occurs in the article"
                 for n in gold.all_names()
                 if not any(normalise(form).casefold() in folded for form in n.forms)]
    # spaces may differ: 'Astrakhan' is the article's 'Astra Khan' spelled correctly
    squashed = folded.replace(" ", "")
    problems += [f"other name {n!r} does not occur in the article" for n in gold.other_names
                 if normalise(n).casefold().replace(" ", "") not in squashed]
    return problems + _fact_references(gold)


def _fact_references(gold: GoldArticle) -> list[str]:
    figures = {f.text for f in gold.figures}
    names = {form for n in gold.all_names() for form in n.forms}
    problems = []
    for i, fact in enumerate(gold.key_facts, 1):
        problems += [f"key fact {i}: {t!r} is not one of the gold figures"
                     for t in fact.figures if t not in figures]
        problems += [f"key fact {i}: {n!r} is not one of the gold names"
                     for n in fact.names if n not in names]
    return problems


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
