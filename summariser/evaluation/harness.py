"""Running an eval: every gold article through the pipeline (its cache included) and the
baselines, each output scored against the gold, the checker scored on the labelled sentences,
all gathered in one Run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summariser.config import Settings
from summariser.errors import ModelError
from summariser.evaluation.baselines import BASELINES, baseline
from summariser.evaluation.gold import GoldSet
from summariser.evaluation.judge import CoverageJudge
from summariser.evaluation.metrics import COVERAGE_THRESHOLD, Candidate, GoldView, prepare, score
from summariser.evaluation.news import NEWS_DEV, NewsRun, load_news, run_news
from summariser.evaluation.runs import MODEL_SYSTEM, GoldInfo, Run, SystemRun, code_version
from summariser.evaluation.scores import Scores, overall
from summariser.llm.base import LLM
from summariser.pipeline.schema import ModelInfo, SummaryResult

Progress = Callable[[str], None]


@dataclass
class EvalOptions:
    judge: bool = False
    coverage_threshold: float = COVERAGE_THRESHOLD
    labelled_dir: Path | None = None
    articles_dir: Path | None = None
    news: Path | None = field(default_factory=lambda: NEWS_DEV)  # None: no news set
    progress: Progress = field(default=lambda message: None)


def candidate(result: SummaryResult) -> Candidate:
    names = [(p.name, "person") for p in result.people]
    names += [(c, "country") for c in result.countries]
    names += [(o, "organisation") for o in result.organisations]
    return Candidate(system=MODEL_SYSTEM, summary=result.summary, key_points=result.key_points,
                     names=names, validation=result.validation, usage=result.usage)


class _Harness:
    def __init__(self, settings: Settings, llm: LLM, options: EvalOptions) -> None:
        self.settings, self.llm, self.options = settings, llm, options
        cache = settings.cache_dir if settings.use_cache else None
        self.judge = CoverageJudge(llm, cache) if options.judge else None
        self.results: list[SummaryResult] = []
        self.notes: list[str] = []

    def model_scores(self, view: GoldView) -> Scores:
        from summariser.pipeline.summary import summarise

        article_id = view.item.gold.article
        self.options.progress(f"summarising {article_id}")
        try:
            result = summarise(view.item.article, self.settings, llm=self.llm)
        except ModelError as exc:
            failed = score(view, Candidate(system=MODEL_SYSTEM, summary=""))
            failed.error = str(exc)
            self.notes.append(f"{article_id}: the model failed: {exc}")
            return failed
        self.results.append(result)
        return self.scored(view, candidate(result))

    def scored(self, view: GoldView, cand: Candidate) -> Scores:
        scores = score(view, cand, self.options.coverage_threshold)
        if self.judge is not None:
            facts = [f.text for f in view.item.gold.key_facts]
            try:
                verdicts = self.judge.covered(cand.text, facts)
            except ModelError as exc:
                self.notes.append(f"{view.item.gold.article} ({cand.system}): the judge "
                                  f"failed: {exc}")
            else:
                scores.judged, scores.judge_covered = len(verdicts), sum(verdicts)
        return scores


def run_eval(gold: GoldSet, settings: Settings, llm: LLM | None = None,
             options: EvalOptions | None = None) -> Run:
    """Score the model and the baselines on every gold article. Model failures are recorded
    per article (their scores count as empty outputs); bad input raises InputError."""
    options = options or EvalOptions()
    from summariser import llm as backends  # looked up at call time, so tests can swap it

    llm = backends.get_llm(settings) if llm is None else backends.as_backend(llm)
    harness = _Harness(settings, llm, options)
    views = [prepare(item) for item in gold.items]
    systems = {MODEL_SYSTEM: {v.item.gold.article: harness.model_scores(v) for v in views}}
    for name in BASELINES:
        options.progress(f"baseline {name}")
        systems[name] = {v.item.gold.article: harness.scored(v, baseline(name, v.item.article))
                         for v in views}
    labelled, note = labelled_scores(gold, options)
    news, news_note = news_scores(settings, llm, options)
    return Run(
        code_version=code_version(),
        gold=GoldInfo(directory=gold.directory, hash=gold.hash,
                      articles=[i.gold.article for i in gold.items]),
        model=_model_info(harness.results, llm),
        prompts=_prompts(harness),
        parameters=_parameters(settings, options, harness),
        systems={k: SystemRun(articles=v, overall=overall(list(v.values())))
                 for k, v in systems.items()},
        labelled=labelled, news=news,
        notes=[*harness.notes, *(n for n in (note, news_note) if n)],
    )


def news_scores(settings: Settings, llm: LLM, options: EvalOptions
                ) -> tuple[NewsRun | None, str | None]:
    """The news set when its file is there; (None, why) when it is not."""
    path = options.news
    if path is None:
        return None, None
    if not path.is_file():
        return None, f"no news set at {path}: the news documents were not scored"
    docs = load_news(path)
    return run_news(docs, settings, llm, source=_shown(path), progress=options.progress), None


def _shown(path: Path) -> str:
    """The file as a path relative to the repository's parent (../shared/...), when it is."""
    root = Path(__file__).resolve().parents[2]
    try:
        return str(Path("..") / path.resolve().relative_to(root.parent))
    except ValueError:
        return str(path)


def _model_info(results: list[SummaryResult], llm: LLM) -> ModelInfo:
    if results:
        return results[0].model
    return ModelInfo(backend=llm.backend, name=llm.name, params=llm.params())


def _prompts(harness: _Harness) -> list[Any]:
    prompts = [harness.results[0].prompt] if harness.results else []
    if harness.judge is not None:
        prompts.append(harness.judge.info)
    return prompts


def _parameters(settings: Settings, options: EvalOptions, harness: _Harness) -> dict[str, Any]:
    return {
        "prompt": settings.prompt, "temperature": settings.temperature, "seed": settings.seed,
        "max_tokens": settings.max_tokens, "context": settings.context,
        "reasks": settings.reasks, "use_cache": settings.use_cache,
        "coverage_threshold": options.coverage_threshold, "judge": options.judge,
        "judge_calls": harness.judge.calls if harness.judge is not None else 0,
    }


def labelled_scores(gold: GoldSet, options: EvalOptions) -> tuple[dict[str, Any] | None,
                                                                  str | None]:
    """The checker's catch and false-alarm rates on the labelled sentences, all groups
    together and per group; (None, why) when there are none."""
    from summariser.evaluation.gold import default_articles_dir
    from summariser.evaluation.labelled import default_cases, score_labelled

    directory = options.labelled_dir or Path(gold.directory).resolve().parent / "labelled"
    cases = default_cases(directory) if directory.is_dir() else []
    if not cases:
        return None, f"no labelled sentences in {directory}: the checker was not scored"
    seeds = options.articles_dir or default_articles_dir(Path(gold.directory))
    options.progress("checker on the labelled sentences")
    result = score_labelled(cases, seeds)
    corrupted = sum(g.corrupted for g in result.groups)
    faithful = sum(g.faithful for g in result.groups)
    return {
        "catch_rate": round(sum(g.caught for g in result.groups) / corrupted, 4)
        if corrupted else None,
        "false_alarm_rate": round(sum(g.false_alarms for g in result.groups) / faithful, 4)
        if faithful else None,
        "corrupted": corrupted, "faithful": faithful,
        "groups": {g.group: {"catch_rate": round(g.catch_rate, 4),
                             "false_alarm_rate": round(g.false_alarm_rate, 4),
                             "corrupted": g.corrupted, "faithful": g.faithful}
                   for g in result.groups},
    }, None
