"""Hand-written model replies for seed 004, used by the fake model in unit tests."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from summariser.prompting.templates import load_prompt

SEED_004 = "seeds/004_ca5b7a342c02b2f4.txt"

GOOD_004: dict[str, Any] = {
    "headline": "Iran and Kazakhstan agree to deepen cooperation",
    "summary": "Iran's foreign minister Zarif met his Kazakh counterpart in Nur-Sultan. "
               "Trade between the two countries was $237 million in 2020, 37.2 percent less "
               "than in 2019.",
}


def reply(**changes: Any) -> dict[str, Any]:
    """GOOD_004 with some fields replaced."""
    data = copy.deepcopy(GOOD_004)
    data.update(changes)
    return data


def whole_article_prompt(directory: Path) -> str:
    """The summarise prompt without article_words (the model shown the whole article), as a
    prompt file in `directory`."""
    source = Path(load_prompt("summarise").path).read_text(encoding="utf-8")
    path = directory / "whole.md"
    path.write_text("".join(line for line in source.splitlines(keepends=True)
                            if not line.startswith("article_words:")), encoding="utf-8")
    return str(path)
