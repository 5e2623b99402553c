"""Hand-written model replies for seed 004, used by the fake model in unit tests."""

from __future__ import annotations

import copy
from typing import Any

SEED_004 = "seeds/004_ca5b7a342c02b2f4.txt"

GOOD_004: dict[str, Any] = {
    "headline": "Iran and Kazakhstan agree to deepen cooperation",
    "summary": "Iran's foreign minister Zarif met his Kazakh counterpart in Nur-Sultan. "
               "Trade between the two countries was $237 million in 2020, 37.2 percent less "
               "than in 2019.",
    "key_points": [1, 8, 10],  # as the model numbers the body: S2, S9, S11 of the article
}


def reply(**changes: Any) -> dict[str, Any]:
    """GOOD_004 with some fields replaced."""
    data = copy.deepcopy(GOOD_004)
    data.update(changes)
    return data
