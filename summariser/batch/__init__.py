"""Batches: many articles through the pipeline into a results directory that survives kill -9.

- `run.py`: `run_batch`, the orchestration (resume, restart, finish); `pool.py` runs the
  articles N at a time (threads, or worker processes against an OpenAI-compatible endpoint).
- `models.py`: `Outcome`, `BatchRun` and `result_key`, the types the others share.
- `store.py`: results.jsonl (whole lines, fsync'd), atomic writes, the directory lock, redaction.
- `estimate.py`: `--dry-run`'s tokens and cost; `openai_jobs.py`: `--openai-batch`, the
  articles' requests as an OpenAI Batch API job, its replies fed to `run_batch`.
- `manifest.py`: manifest.json. `report/`: report.md and report.html (jinja2 templates), with
  figures that differ between articles (`report/conflicts.py`, from the source figures the
  checker matched, kept in each result's figure checks).
"""
