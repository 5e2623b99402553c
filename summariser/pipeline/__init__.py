"""The pipeline stage: article -> prompt -> model -> citations resolved -> validation ->
`SummaryResult`. It sits above articles, prompting, llm and validation and uses each once.

- `summary.py`: `summarise`, with the result cache and one corrective re-ask on validation
  findings; `longform.py` articles longer than the context (split, summarised, merged).
- `results.py`: a Draft -> SummaryResult (citations to spans, the checker run);
  `article_names.py` the people, countries and organisations read from the article
  (`people.py` decides which names are people), `article_figures.py` its figures table.
- `finalise.py`: what the checker does not support is dropped; the summary ends whole (a
  sentence the length cap cut is the article sentence it copies, `completion.py`, or left out).
- `schema.py`: `Reply` (what the model is held to), `Draft` (a reply with its key points,
  chosen by `key_points.py`) and `SummaryResult` (what comes out).
- `cache.py`: the result cache (diskcache), keyed by everything that changes a result.
- `judge.py`: `check --judge`, an LLM's verdict added to the checker's report on the claims
  where the checker reports a departure without failing them (the checker needs no model).
"""
