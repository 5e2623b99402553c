"""Prompt templates: files under prompts/ with front matter (name, version, description), a
system part and a user part, rendered through LangChain prompt templates."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from summariser.errors import ConfigError
from summariser.llm.base import Message

# The repository's prompts/ (for checkouts and editable installs); a non-editable install has
# its copy in the package, as summariser.prompt_files.
PROMPTS_DIR = Path(__file__).resolve().parents[2] / "prompts"
PACKAGED_DIR = Path(__file__).resolve().parents[1] / "prompt_files"
_FRONT = re.compile(r"\A---\n(?P<meta>.*?)\n---\n(?P<body>.*)\Z", re.S)
_PART = re.compile(r"^## (system|user)\s*$", re.M)


class PromptInfo(BaseModel):
    """Which prompt made an output: recorded in every result, cache key and run."""

    name: str
    version: str
    hash: str


class Prompt(BaseModel):
    name: str
    version: str
    description: str
    system: str
    user: str
    hash: str
    path: str
    # How many words of the article's body the model is shown, from its start (None: all of
    # it). Part of the prompt file, so it is in the prompt's hash and every cache key.
    article_words: int | None = None

    @property
    def info(self) -> PromptInfo:
        return PromptInfo(name=self.name, version=self.version, hash=self.hash)

    def render(self, **values: object) -> list[Message]:
        rendered = _template(self.system, self.user).format_messages(**values)
        roles = {"system": "system", "human": "user"}
        return [Message(role=roles[m.type], content=str(m.content)) for m in rendered]


@lru_cache(maxsize=16)
def _template(system: str, user: str) -> Any:
    """The LangChain template of a prompt, parsed once (a batch renders it for every article)."""
    # Imported here: langchain_core is slow to import and `check` never renders prompts.
    from langchain_core.prompts import ChatPromptTemplate

    return ChatPromptTemplate.from_messages([("system", system), ("user", user)])


def prompt_dirs() -> list[Path]:
    # The repository's prompts/ (editable installs and checkouts) first, then the packaged copy.
    return [d for d in (PROMPTS_DIR, PACKAGED_DIR) if d.is_dir()]


@lru_cache(maxsize=16)
def load_prompt(name_or_path: str) -> Prompt:
    """A prompt by name (prompts/NAME.md) or by path to a .md file."""
    path = Path(name_or_path)
    if not path.suffix:
        candidates = [d / f"{name_or_path}.md" for d in prompt_dirs()]
        found = [c for c in candidates if c.is_file()]
        if not found:
            raise ConfigError(f"no prompt named {name_or_path!r} in {PROMPTS_DIR}")
        path = found[0]
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the prompt ({exc})") from exc
    return parse_prompt(text, str(path))


def parse_prompt(text: str, path: str) -> Prompt:
    match = _FRONT.match(text.replace("\r\n", "\n"))
    if not match:
        raise ConfigError(f"{path}: a prompt file starts with front matter between '---' lines")
    meta = dict(_meta_lines(match["meta"], path))
    missing = [k for k in ("name", "version", "description") if k not in meta]
    if missing:
        raise ConfigError(f"{path}: front matter lacks {', '.join(missing)}")
    parts = _PART.split(match["body"])
    sections = dict(zip(parts[1::2], (p.strip() for p in parts[2::2]), strict=True))
    if "user" not in sections:
        raise ConfigError(f"{path}: a prompt needs a '## user' section")
    return Prompt(
        name=meta["name"], version=meta["version"], description=meta["description"],
        system=sections.get("system", ""), user=sections["user"],
        hash=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16], path=path,
        article_words=_positive(meta.get("article_words"), "article_words", path),
    )


def _positive(value: str | None, key: str, path: str) -> int | None:
    if value is None:
        return None
    if not value.isdigit() or int(value) < 1:
        raise ConfigError(f"{path}: front matter {key} must be a whole number of at least 1, "
                          f"not {value!r}")
    return int(value)


def _meta_lines(block: str, path: str) -> list[tuple[str, str]]:
    pairs = []
    for line in block.splitlines():
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise ConfigError(f"{path}: front matter line {line!r} is not 'key: value'")
        pairs.append((key.strip(), value.strip()))
    return pairs
