"""End to end on the real embedded model (Qwen2.5-Coder-1.5B through llama.cpp): no fake parts.
About a minute on a 2-core machine; the model is assembled from its PyPI packages on first use."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summariser.articles.load import load_article
from summariser.pipeline.key_points import MAX_KEY_POINTS

pytestmark = pytest.mark.model
SEED = "seeds/004_ca5b7a342c02b2f4.txt"


def run_cli(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SUMMARISER_CACHE_DIR": str(cache)}
    for key in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARISER_MODEL"):
        env.pop(key, None)  # offline, no key: the embedded model must be chosen
    return subprocess.run([sys.executable, "-m", "summariser", *args], capture_output=True,
                          text=True, env=env, timeout=900)


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # A fresh reply cache; the assembled model lives in its own directory
    # (SUMMARISER_MODEL_DIR), so it is shared rather than assembled again.
    return tmp_path_factory.mktemp("cache")


def test_real_model_summarises_a_seed_article_and_the_rerun_is_cached(cache: Path) -> None:
    first = run_cli("summarise", SEED, "--format", "json", cache=cache)
    assert first.returncode == 0, first.stderr  # flagged figures are marked, not a failure
    result = json.loads(first.stdout)
    article = load_article(SEED)
    assert result["model"]["backend"] == "embedded"
    assert result["prompt"]["name"] == "summarise"
    assert 5 <= len(result["summary"].split()) <= 100
    assert 3 <= len(result["key_points"]) <= MAX_KEY_POINTS
    for claim in result["claims"]:
        for s in claim["sentences"]:
            assert article.text[s["start"]:s["end"]] == s["text"]
    assert result["usage"]["calls"] >= 1 and result["usage"]["completion_tokens"] > 0
    assert "April 19, 2024" not in json.dumps(result)  # the page's "Last update" furniture
    assert result["validation"]["figures"] == result["figures"]

    again = run_cli("summarise", SEED, "--format", "json", cache=cache)
    cached = json.loads(again.stdout)
    assert cached["usage"]["cached"] is True
    assert cached["summary"] == result["summary"]
    assert cached["validation"] == result["validation"]  # checked again, by the same checker


def test_real_model_judges_a_reworded_claim_supported_and_an_added_fact_not(
    cache: Path, tmp_path: Path
) -> None:
    """Both claims carry words the seed's sentences do not use ('inked'; 'oil', 'pipelines'),
    which the checker reports without failing: the judge is asked about them, and must tell
    a rewording from an added fact."""
    reworded = tmp_path / "reworded.txt"
    reworded.write_text("Zarif and Tleuberdi inked a memorandum of understanding.")
    added = tmp_path / "added.txt"
    added.write_text("Zarif and Tleuberdi signed a memorandum of understanding on oil pipelines.")
    verdicts, codes = [], []
    for summary in (reworded, added):
        done = run_cli("check", SEED, str(summary), "--judge", "--format", "json", cache=cache)
        assert done.returncode in (0, 1), done.stderr
        codes.append(done.returncode)
        verdicts.append([c["judge"] for c in json.loads(done.stdout)["claims"]])
    assert verdicts[0] == ["supported"] and codes[0] == 0
    assert verdicts[1] != ["supported"] and None not in verdicts[1] and codes[1] == 1
