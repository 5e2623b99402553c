"""The last step on a model's draft: whatever it wrote that the checker still does not support
after the re-ask is dropped, and said in the warnings, so it is never shown as a fact. A
sentence of the summary with an unsupported figure or name goes; an unsupported headline gives
way to the article's own title; key point numbers that are no body sentence are left out, and
the key points are completed with the lead and the sentences of the article's main figures
(key_points). When nothing of the summary or of the key points is left, the article's own
sentences stand in and the result is marked extractive."""

from __future__ import annotations

from summariser.articles.models import Article
from summariser.articles.sentences import split_text
from summariser.pipeline.extractive import fallback_headline, key_sentence_numbers, lead_summary
from summariser.pipeline.key_points import complete_key_points
from summariser.pipeline.results import findings, key_sentences
from summariser.pipeline.schema import Draft, Mode


def finalise(article: Article, draft: Draft) -> tuple[Draft, list[str], Mode]:
    notes: list[str] = []
    kept = []
    for sentence in complete_sentences(draft.summary, notes):
        problems = findings(article, sentence)
        if problems:
            notes.append(f"dropped from the summary ({'; '.join(problems)}): {sentence!r}")
        else:
            kept.append(sentence)
    headline = draft.headline.strip()
    problems = findings(article, headline) if headline else ["it is empty"]
    if problems:
        notes.append(f"headline replaced by the article's own ({'; '.join(problems)}): "
                     f"{headline!r}")
        headline = fallback_headline(article)
    mode: Mode = "model"
    summary = " ".join(kept)
    if not summary:
        summary = lead_summary(article)
        mode = "extractive"
        notes.append("no supported sentence of the model's summary was left: the summary is "
                     "the article's lead")
    points = draft.key_points
    if not key_sentences(article, points)[0]:
        points = key_sentence_numbers(article)
        notes.append("none of the model's key point numbers is a sentence of the article body: "
                     "the key points are the sentences with the most figures and names")
    final = Draft(headline=headline, summary=summary, key_points=points)
    # no validation on the copy: Draft's limit on key points is the model's, not the result's
    return final.model_copy(update={"key_points": complete_key_points(article, points,
                                                                      summary)}), notes, mode


def complete_sentences(summary: str, notes: list[str]) -> list[str]:
    """The summary's sentences without a last one cut off by the length limit (no final stop),
    unless it is the only one."""
    sentences = [s for s in split_text(summary) if s.strip()]
    if len(sentences) > 1 and not sentences[-1].rstrip("\"'”’)").endswith((".", "!", "?")):
        notes.append(f"the summary's last sentence was cut off and left out: {sentences[-1]!r}")
        return sentences[:-1]
    return sentences
