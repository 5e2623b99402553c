"""The public API, and what the `check` command imports: only what a check needs (the process
start is most of `summariser check`'s time; benchmarks/check_speed.py times it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "004_ca5b7a342c02b2f4.txt"


def test_summarise_and_check_are_the_public_api() -> None:
    from summariser import check, summarise
    from summariser.pipeline.summary import summarise as pipeline_summarise
    from summariser.validation.checker import check as checker_check

    assert (summarise, check) == (pipeline_summarise, checker_check)


SAID = "Iran and Kazakhstan signed a memorandum of understanding."
SUMMARIES = {  # as text, as summarise's JSON writes it, as a check input
    "text": SAID,
    "result": json.dumps({"headline": "Iran and Kazakhstan", "summary": SAID, "key_points": [
        SAID], "claims": [{"text": SAID, "sentences": [{"index": 3, "text": "..."}]}],
        "people": [{"name": "Mohammad Javad Zarif", "role": "Foreign Minister"}],
        "countries": ["Iran"], "organisations": []}),
    "input": json.dumps({"text": SAID, "names": [["Iran", "country"]], "claims": [
        {"text": SAID, "cited": [3]}], "roles": [["Zarif", "Foreign Minister", "Iran"]]}),
}


@pytest.mark.parametrize("shape", sorted(SUMMARIES))
def test_the_check_command_imports_no_model_stack_report_or_terminal(
        tmp_path: Path, shape: str) -> None:
    # nor pydantic (its import and model classes were a third of the command's time): JSON of
    # the right types is read without it (validation/inputs.py)
    summary = tmp_path / "summary.txt"
    summary.write_text(SUMMARIES[shape])
    code = ("import sys\nfrom summariser.cli import cli\n"
            f"code = cli(['check', {str(SEED)!r}, {str(summary)!r}, '--format', 'json'])\n"
            "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    loaded = set(done.stderr.split())
    assert '"ok"' in done.stdout and "summariser.validation.checker" in loaded
    heavy = {m for m in loaded if m.split(".")[0] in ("rich", "openai", "langchain_core",
                                                      "llama_cpp", "tenacity", "jinja2",
                                                      "english_words", "trafilatura",
                                                      "pydantic", "pydantic_core")
             or m.startswith(("summariser.llm", "summariser.pipeline", "summariser.batch",
                              "summariser.evaluation", "summariser.prompting"))
             or m in ("summariser.commands.batch", "summariser.commands.summarise",
                      "summariser.commands.eval")
             # ~9 ms of imports to read a data file (wordlist.read_data uses pkgutil); the
             # error path's redaction
             or m in ("importlib.resources", "zipfile", "summariser.redaction")}
    assert heavy == set()


TYPED = [{"text": "a"}, {}, {"text": "a", "names": [["X", "person"], ("Y", "other")],
                            "claims": [{"text": "b", "cited": [1, 2], "extra": 0}],
                            "roles": [["X", "", "Iran"]], "other": 1}]
COERCED = [{"text": "a", "claims": [{"text": "b", "cited": ["3"]}]},
           {"claims": [{"text": "b", "cited": (1,)}]}, {"claims": [{"text": "b", "cited": [True]}]},
           {"names": [["X", "boss"]]}, {"names": [["X"]]}, {"text": 5}, {"claims": [{"text": 3}]},
           {"claims": [{"cited": [1]}]}, {"claims": ["b"]}, {"roles": [["a", "b"]]},
           {"names": None}, {"claims": [{"text": "b", "cited": [2.0]}]}]


@pytest.mark.parametrize("data", TYPED + COERCED)
def test_json_read_without_pydantic_is_what_pydantic_makes_of_it(data: dict[str, object]) -> None:
    from pydantic import TypeAdapter, ValidationError

    from summariser.validation.inputs import check_input_of
    from summariser.validation.models import CheckInput

    try:
        expected: object = TypeAdapter(CheckInput).validate_python(data)
    except ValidationError as exc:
        expected = exc.errors()[0]["msg"]
    try:
        got: object = check_input_of(data)
    except ValidationError as exc:
        got = exc.errors()[0]["msg"]
    assert got == expected and type(got) is type(expected)
    if isinstance(got, CheckInput):
        assert [type(n) for n in got.names + got.roles] == [tuple] * len(got.names + got.roles)
