"""The last step on a model's draft: whatever it wrote that the checker still does not support
after the re-ask is dropped, and said in the warnings, so it is never shown as a fact. The
summary ends on a full sentence (complete_sentences: the one the length cap cut is left out). A
sentence of the summary with an unsupported figure or name goes; an unsupported headline gives
way to the article's own title. The key points are chosen from the article (key_points: the
lead, the sentences of its main figures, its most salient other sentences). When nothing of the
summary is left, the article's lead stands in and the result is marked extractive."""

from __future__ import annotations

import re

from summariser.articles.models import Article
from summariser.articles.sentences import split_text
from summariser.pipeline.completion import completion
from summariser.pipeline.extractive import fallback_headline, lead_summary
from summariser.pipeline.key_points import complete_key_points
from summariser.pipeline.results import findings
from summariser.pipeline.schema import HEADLINE_CHARS, Draft, Mode, Reply


def finalise(article: Article, draft: Reply) -> tuple[Draft, list[str], Mode]:
    notes: list[str] = []
    written = own_scripts(article, article_initialisms(article, draft.summary), notes)
    kept = _supported_sentences(article, complete_sentences(written, notes, article), notes)
    headline = _headline(article, own_scripts(
        article, article_initialisms(article, draft.headline), notes), notes)
    mode: Mode = "model"
    summary = " ".join(kept)
    if not summary:
        summary = lead_summary(article)
        mode = "extractive"
        notes.append("no supported sentence of the model's summary was left: the summary is "
                     "the article's lead")
    points = complete_key_points(article, [], summary)
    return Draft(headline=headline, summary=summary, key_points=points), notes, mode


def _supported_sentences(article: Article, sentences: list[str], notes: list[str]) -> list[str]:
    """The sentences with no finding. They are checked together first and one by one only
    when that finds something: a sentence's findings have always been among those of the text
    it is part of (0 exceptions in 1,198 summaries of two or more sentences from the SummEdits
    sets, `benchmarks/summary_checks.py`), and most summaries are clean, so most articles pay
    for one check here, not one a sentence."""
    if not sentences or not findings(article, "\n".join(sentences)):
        return sentences
    kept = []
    for sentence in sentences:
        problems = findings(article, sentence)
        if problems:
            notes.append(f"dropped from the summary ({'; '.join(problems)}): {sentence!r}")
        else:
            kept.append(sentence)
    return kept


# Letters of the Han, kana and Hangul scripts (CJK radicals to ideographs, Hangul syllables,
# compatibility ideographs): a small model trained on much Chinese text now and then writes
# one of their tokens for an English word ('the needed信息'), most often where the cap cuts.
_CJK = re.compile("[\u2e80-\u2fdf\u3040-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
                  "\uf900-\ufaff]+")


def own_scripts(article: Article, text: str, notes: list[str]) -> str:
    """`text` without the runs of CJK letters it has when the article has none (a quoted
    Chinese name in an article that writes it keeps them), and said."""
    if not _CJK.search(text) or _CJK.search(article.text):
        return text
    notes.append(f"characters of a script the article does not use were left out: "
                 f"{' '.join(_CJK.findall(text))!r}")
    return re.sub(r"[ \t]{2,}", " ", _CJK.sub("", text)).strip()


# An initialism the model spaced out ('U. S.'): the sentence splitter reads 'the U. S. The ...'
# as one sentence, so a summary of two became one, cut by the length cap.
_SPACED_INITIALISM = re.compile(r"\b(?:[A-Z]\. ){1,4}[A-Z]\.")


def article_initialisms(article: Article, text: str) -> str:
    """`text` with each spaced-out initialism written as the article writes it ('U. S.' ->
    'U.S.'), when the article writes it unspaced and never spaced."""
    def unspaced(match: re.Match[str]) -> str:
        spaced = match.group(0)
        joined = spaced.replace(" ", "")
        return joined if joined in article.text and spaced not in article.text else spaced

    return _SPACED_INITIALISM.sub(unspaced, text)


# A clause the summary may end on when its only sentence was cut: after ', ' or '; ' before a
# word (not the ', 2021' of a date), and long enough to say something.
_CLAUSE_END = re.compile(r"[,;]\s+(?=[A-Za-z])")
MIN_CLAUSE_WORDS = 8


def _headline(article: Article, written: str, notes: list[str]) -> str:
    """The model's headline in whole words (the length cap may cut its last one: 'U.S.
    Semiconduct'), or the article's own when the checker does not support it."""
    headline = written.strip()
    if len(written) >= HEADLINE_CHARS and " " in headline:
        headline = headline.rsplit(" ", 1)[0].rstrip(",;:-–— ")
    problems = findings(article, headline) if headline else ["it is empty"]
    if problems:
        notes.append(f"headline replaced by the article's own ({'; '.join(problems)}): "
                     f"{headline!r}")
        headline = fallback_headline(article)
    return headline


def complete_sentences(summary: str, notes: list[str],
                       article: Article | None = None) -> list[str]:
    """The summary's sentences, ending on a full one: a last sentence cut off by the length
    limit (no final stop) is, given the article, the body sentence it was copying
    (completion), else left out, or, when it is the only one, ended at its last clause break
    ('..., focusing on the' -> '...'); [] when it has none."""
    sentences = [s for s in split_text(summary) if s.strip()]
    if not sentences or sentences[-1].rstrip("\"'”’)").endswith((".", "!", "?")):
        return sentences
    cut = sentences[-1]
    copied = completion(article, sentences[:-1], cut) if article is not None else None
    if copied is not None:
        notes.append(f"the summary's last sentence was cut off and ended as the article "
                     f"sentence it copies (S{copied.index}): {cut!r}")
        return [*sentences[:-1], copied.text]
    if len(sentences) > 1:
        notes.append(f"the summary's last sentence was cut off and left out: {cut!r}")
        return sentences[:-1]
    breaks = [m.start() for m in _CLAUSE_END.finditer(cut)
              if len(cut[: m.start()].split()) >= MIN_CLAUSE_WORDS]
    if not breaks:
        notes.append(f"the summary's only sentence was cut off and left out: {cut!r}")
        return []
    notes.append(f"the summary's only sentence was cut off and ended at its last clause: "
                 f"{cut[breaks[-1]:]!r} left out")
    return [cut[: breaks[-1]].rstrip() + "."]
