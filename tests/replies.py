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
    "key_points": [
        {"text": "Zarif and Tleuberdi signed a memorandum of understanding.", "cite": [2]},
        {"text": "Trade fell 37.2 percent to $237 million in 2020.", "cite": [3]},
        {"text": "Kish Air launched a flight between Gorgan and Aktau.", "cite": [4]},
    ],
    "people": [{"name": "Mohammad Javad Zarif", "role": "foreign minister", "country": "Iran"},
               {"name": "Mukhtar Tleuberdi", "role": "foreign minister", "country": "Kazakhstan"}],
    "countries": ["Iran", "Kazakhstan"],
    "organisations": ["Eurasian Economic Union"],
}


def reply(**changes: Any) -> dict[str, Any]:
    """GOOD_004 with some fields replaced."""
    data = copy.deepcopy(GOOD_004)
    data.update(changes)
    return data
