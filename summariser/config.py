"""Run settings, from CLI flags and environment variables, in one place."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError


def default_cache_dir() -> Path:
    if os.environ.get("SUMMARISER_CACHE_DIR"):
        return Path(os.environ["SUMMARISER_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "summariser"


def _number(name: str) -> float:
    from summariser.errors import ConfigError

    variable = f"SUMMARISER_{name.upper()}"
    try:
        return float(os.environ[variable])
    except ValueError:
        raise ConfigError(f"{variable} must be a number of "
                          f"{'tries' if name == 'retries' else 'seconds'}, "
                          f"not {os.environ[variable]!r}") from None


class Settings(BaseModel):
    backend: str = Field("embedded", description="embedded | openai")
    model: str | None = Field(None, description="model name on an OpenAI-compatible endpoint")
    base_url: str | None = None
    api_key: str | None = Field(None, repr=False, exclude=True)
    model_path: Path | None = Field(None, description="a GGUF file for the embedded backend")
    prompt: str = "summarise"
    temperature: float = 0.0
    seed: int = 0
    max_tokens: int = 420
    threads: int | None = None
    context: int = 4096
    timeout: float = Field(120.0, gt=0, description="seconds one request may take")
    retries: int = Field(3, ge=0, description="retries of a request after the first try")
    deadline: float = Field(900.0, ge=0, description="seconds for one article in all (0: none)")
    reasks: int = 2
    use_cache: bool = True
    cache_dir: Path = Field(default_factory=default_cache_dir)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Flags win over SUMMARISER_MODEL / OPENAI_BASE_URL / OPENAI_API_KEY. Any model name or
        endpoint selects the OpenAI-compatible backend; otherwise the embedded model runs."""
        values = {k: v for k, v in overrides.items() if v is not None}
        values.setdefault("model", os.environ.get("SUMMARISER_MODEL") or None)
        values.setdefault("base_url", os.environ.get("OPENAI_BASE_URL") or None)
        values.setdefault("api_key", os.environ.get("OPENAI_API_KEY") or None)
        for name in ("timeout", "retries", "deadline"):
            if os.environ.get(f"SUMMARISER_{name.upper()}"):
                values.setdefault(name, _number(name))
        if "backend" not in values:
            remote = values.get("model") or values.get("base_url")
            values["backend"] = "openai" if remote and not values.get("model_path") else "embedded"
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            from summariser.errors import ConfigError

            first = exc.errors()[0]
            raise ConfigError(f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from None
