"""Run settings, from CLI flags and environment variables, in one place."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError


def _user_cache() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")


def default_cache_dir() -> Path:
    """The result cache (model replies, judge verdicts): safe to clear, cheap to rebuild."""
    if os.environ.get("SUMMARISER_CACHE_DIR"):
        return Path(os.environ["SUMMARISER_CACHE_DIR"])
    return _user_cache() / "summariser"


def default_model_dir() -> Path:
    """The assembled embedded model (1.1 GB): beside the result cache, not inside it, so that
    clearing results or pointing SUMMARISER_CACHE_DIR elsewhere neither deletes nor copies it."""
    if os.environ.get("SUMMARISER_MODEL_DIR"):
        return Path(os.environ["SUMMARISER_MODEL_DIR"])
    return _user_cache() / "summariser-models"


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
    max_tokens: int = 256
    threads: int | None = None
    context: int | None = Field(None, description="context in tokens; None: the backend's own")
    timeout: float = Field(120.0, gt=0, description="seconds one request may take")
    retries: int = Field(3, ge=0, description="retries of a request after the first try")
    deadline: float = Field(900.0, ge=0, description="seconds for one article in all (0: none)")
    reasks: int = 2
    use_cache: bool = True
    cache_dir: Path = Field(default_factory=default_cache_dir)
    model_dir: Path = Field(default_factory=default_model_dir)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Flags win over SUMMARISER_MODEL / OPENAI_BASE_URL / OPENAI_API_KEY. Only a model name
        (flag or SUMMARISER_MODEL) or an explicit base URL selects the OpenAI-compatible
        backend: many OpenAI users export OPENAI_BASE_URL, and that alone must not turn the
        embedded default off. Once remote, OPENAI_BASE_URL is the endpoint unless one is given."""
        values = {k: v for k, v in overrides.items() if v is not None}
        values.setdefault("model", os.environ.get("SUMMARISER_MODEL") or None)
        values.setdefault("api_key", os.environ.get("OPENAI_API_KEY") or None)
        for name in ("timeout", "retries", "deadline"):
            if os.environ.get(f"SUMMARISER_{name.upper()}"):
                values.setdefault(name, _number(name))
        if "backend" not in values:
            remote = values.get("model") or values.get("base_url")
            values["backend"] = "openai" if remote and not values.get("model_path") else "embedded"
        if values["backend"] == "openai":
            values.setdefault("base_url", os.environ.get("OPENAI_BASE_URL") or None)
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            from summariser.errors import ConfigError

            first = exc.errors()[0]
            raise ConfigError(f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from None
