"""The public API, and what the `check` command imports: only what a check needs (the process
start is most of `summariser check`'s time; benchmarks/check_speed.py times it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "004_ca5b7a342c02b2f4.txt"


def test_summarise_and_check_are_the_public_api() -> None:
    from summariser import check, summarise
    from summariser.pipeline.summary import summarise as pipeline_summarise
    from summariser.validation.checker import check as checker_check

    assert (summarise, check) == (pipeline_summarise, checker_check)


def test_the_check_command_imports_no_model_stack_report_or_terminal(tmp_path: Path) -> None:
    summary = tmp_path / "summary.txt"
    summary.write_text("Iran and Kazakhstan signed a memorandum of understanding.")
    code = ("import sys\nfrom summariser.cli import cli\n"
            f"code = cli(['check', {str(SEED)!r}, {str(summary)!r}, '--format', 'json'])\n"
            "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    loaded = set(done.stderr.split())
    assert '"ok"' in done.stdout and "summariser.validation.checker" in loaded
    heavy = {m for m in loaded if m.split(".")[0] in ("rich", "openai", "langchain_core",
                                                      "llama_cpp", "tenacity", "jinja2",
                                                      "english_words", "trafilatura")
             or m.startswith(("summariser.llm", "summariser.pipeline", "summariser.batch",
                              "summariser.evaluation", "summariser.prompting"))
             or m in ("summariser.commands.batch", "summariser.commands.summarise",
                      "summariser.commands.eval")}
    assert heavy == set()
