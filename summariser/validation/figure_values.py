"""Whether a claimed value holds for a source value: exact claims up to rounding, and the
hedges ("about", "nearly", "more than", "up to") with their tolerances (rules in figures.py's
docstring)."""

from __future__ import annotations

import math

from summariser.validation.arithmetic import round_sig
from summariser.validation.models import Figure

_ABOUT = frozenset({"about", "around", "roughly", "approximately", "some", "~", "circa",
                    "an estimated", "estimated", "close to"})
_NEAR = frozenset({"nearly", "almost", "just under"})
_LOWER = frozenset({"over", "more than", "above", "exceeding", "at least", "upwards of",
                    "in excess of", "just over", "well over"})
_UPPER = frozenset({"under", "less than", "fewer than", "below", "up to", "at most",
                    "no more than"})
_INCLUSIVE = frozenset({"at least", "up to", "at most", "no more than"})
_TOLERANCE = 0.05


def rounds_to(source: float, claimed: float, digits: int | None) -> bool:
    """The claim equals the source value, or the source rounded to the claim's digits."""
    if math.isclose(source, claimed, rel_tol=1e-9, abs_tol=1e-12):
        return True
    if digits is None or abs(source - claimed) > _TOLERANCE * abs(source):
        return False
    return math.isclose(round_sig(source, digits), claimed, rel_tol=1e-9)


def _bound_agrees(c: Figure, sv: float, s_approx: str | None, s_round: bool) -> bool:
    """A bound against a source value: on the bound's side of it, at most a factor of two
    away. A source's round figure is itself rounded, so "more than 40,000" is not contradicted
    by its "40,000" (nor "under 300" by "300"); "more than 237" is by "237"."""
    cv = c.value or 0.0
    approx = c.approx or ""
    equal_ok = approx in _INCLUSIVE or s_round
    if approx in _LOWER:
        if s_approx in _LOWER:
            return sv >= cv
        strict_ok = sv > cv or (equal_ok and sv == cv)
        return s_approx is None and strict_ok and sv <= 2 * cv
    if s_approx in _UPPER or s_approx in _NEAR:
        return sv <= cv
    strict_ok = sv < cv or (equal_ok and sv == cv)
    return s_approx is None and strict_ok and sv >= cv / 2


def is_round(f: Figure) -> bool:
    """Written with trailing zeros or a scale word: '40,000', '240', '$5bn' (not '237')."""
    if f.value is None or f.digits is None or not f.value.is_integer():
        return False
    return len(str(int(abs(f.value)))) > f.digits


def values_agree(c: Figure, sv: float, s_approx: str | None = None,
                 s_round: bool = False) -> bool:
    """Whether a claimed value (with its approximation word) holds for the source value `sv`
    (`s_round`: the source wrote it as a round figure)."""
    cv = c.value
    if cv is None:
        return False
    if c.approx is None or (c.approx == s_approx and c.approx not in _LOWER | _UPPER):
        return rounds_to(sv, cv, c.digits)
    if c.approx in _ABOUT:
        return abs(sv - cv) <= _TOLERANCE * abs(cv)
    if c.approx in _NEAR:
        return 0.9 * cv <= sv <= cv * (1 + 1e-9) and s_approx not in _LOWER
    return _bound_agrees(c, sv, s_approx, s_round)
