"""Model and backend options shared by summarise, batch, check --judge and eval."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_model_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("model")
    g.add_argument("--model", help="model name on an OpenAI-compatible endpoint "
                   "(env SUMMARISER_MODEL); without it the embedded local model runs")
    g.add_argument("--base-url", help="OpenAI-compatible endpoint, e.g. http://localhost:8000/v1 "
                   "for vLLM, http://localhost:11434/v1 for Ollama (env OPENAI_BASE_URL); "
                   "the key comes from OPENAI_API_KEY")
    g.add_argument("--model-path", type=Path, help="run this GGUF file on the embedded backend")
    g.add_argument("--prompt", default=None, help="prompt name under prompts/ or a .md path")
    g.add_argument("--no-cache", action="store_true", help="ignore and do not write the cache")
    g.add_argument("--max-tokens", type=int, default=None, help="token budget of a reply")
    g.add_argument("--context", type=int, default=None, help="context size in tokens")
    g.add_argument("--threads", type=int, default=None, help="CPU threads (embedded model)")
    g.add_argument("--temperature", type=float, default=None)
    g.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                   help="seconds one request to an endpoint may take (env SUMMARISER_TIMEOUT, "
                        "default 120)")
    g.add_argument("--retries", type=int, default=None, metavar="N",
                   help="retries of a request that failed in a way that can succeed on retry: "
                        "no connection, timeout, 429, 5xx (env SUMMARISER_RETRIES, default 3)")
    g.add_argument("--deadline", type=float, default=None, metavar="SECONDS",
                   help="seconds one article may take in all: calls, retries, re-asks "
                        "(env SUMMARISER_DEADLINE, default 900; 0 for none)")


def settings_from_args(args: argparse.Namespace) -> Any:
    from summariser.config import Settings

    return Settings.from_env(
        model=args.model, base_url=args.base_url, model_path=args.model_path,
        prompt=args.prompt, max_tokens=args.max_tokens, context=args.context,
        threads=args.threads, temperature=args.temperature,
        use_cache=False if args.no_cache else None,
        timeout=args.timeout, retries=args.retries, deadline=args.deadline,
    )
