"""Shared helpers for the Python suite."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Optional

import pytest

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "vectors"


def load_vectors(name: str) -> Any:
    return json.loads((VECTORS / name).read_text(encoding="utf-8"))


def check_dec(case: str, field: str, actual: Optional[Decimal], expected: Any) -> None:
    """Exact decimal strings compare exactly; "p/q" fractions to 28 significant digits."""
    if expected is None:
        assert actual is None, f"{case}: {field} = {actual}, expected None"
        return
    assert actual is not None, f"{case}: {field} is None, expected {expected}"
    if "/" in expected:
        want = Fraction(expected)
        diff = abs(Fraction(actual) - want)
        assert diff <= max(abs(want), Fraction(1)) * Fraction(1, 10**25), f"{case}: {field} = {actual}, expected {expected}"
    else:
        assert actual == Decimal(expected), f"{case}: {field} = {actual}, expected {expected}"


def check_float(case: str, field: str, actual: Optional[float], expected: Any, tol: float) -> None:
    if expected is None:
        assert actual is None, f"{case}: {field} = {actual}, expected None"
        return
    assert actual is not None, f"{case}: {field} is None, expected {expected}"
    err = abs(actual) if expected == 0 else abs((actual - expected) / expected)
    assert err <= tol, f"{case}: {field} = {actual!r}, expected {expected!r} (relative error {err:.2e})"


@pytest.fixture(scope="session")
def yanbian() -> Any:
    import onpace

    return onpace.builtin_plan()
