"""The building blocks without an indicator: progress at a point, paths, projections."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from . import _core
from ._convert import dec_str, opt_dec, year_of
from ._results import Path, Projection, ResultWarning, milestones

Number = Union[Decimal, int, float, str]


@dataclass(frozen=True)
class Progress:
    """Every building block of docs/methods.md at one observation (exact values as Decimal)."""

    completion: Optional[Decimal]
    time_share: Decimal
    pace: Optional[Decimal]
    milestone: Decimal
    gap_to_milestone: Decimal
    actual_cagr: Optional[float]
    required_cagr: Optional[float]
    required_cagr_from_now: Optional[float]
    actual_slope: Optional[Decimal]
    required_slope: Decimal
    required_slope_from_now: Optional[Decimal]
    acceleration: Optional[float]
    years_to_target: Optional[float]
    warnings: List[ResultWarning] = field(default_factory=list)


def _point(p: Tuple[Any, Any], name: str) -> Tuple[int, str]:
    return year_of(p[0], f"{name}.year"), dec_str(p[1], f"{name}.value")


def progress(base: Tuple[int, Number], latest: Tuple[int, Number], target: Tuple[int, Number], direction: str = "increase") -> Progress:
    """Completion, time share, pace, rates, acceleration and years to target at ``latest``."""
    (by, bv), (ly, lv), (ty, tv) = _point(base, "base"), _point(latest, "latest"), _point(target, "target")
    req = {"base_year": by, "base_value": bv, "latest_year": ly, "latest_value": lv, "target_year": ty,
           "target_value": tv, "direction": direction}
    d: Dict[str, Any] = json.loads(_core.progress_json(json.dumps(req)))
    dec = ("completion", "pace", "actual_slope", "required_slope_from_now")
    return Progress(
        **{k: opt_dec(d[k]) for k in dec},
        time_share=Decimal(d["time_share"]), milestone=Decimal(d["milestone"]),
        gap_to_milestone=Decimal(d["gap_to_milestone"]), required_slope=Decimal(d["required_slope"]),
        actual_cagr=d["actual_cagr"], required_cagr=d["required_cagr"], required_cagr_from_now=d["required_cagr_from_now"],
        acceleration=d["acceleration"], years_to_target=d["years_to_target"],
        warnings=[ResultWarning(w["code"], w["field"], w["message"]) for w in d["warnings"]],
    )


def required_path(start: Tuple[int, Number], end: Tuple[int, Number], kind: str = "linear") -> Path:
    """Milestones for every year from ``start`` to ``end``: exactly the start, exactly the end."""
    (fy, fv), (ty, tv) = _point(start, "start"), _point(end, "end")
    req = {"from_year": fy, "from_value": fv, "to_year": ty, "to_value": tv, "kind": kind}
    return milestones(json.loads(_core.required_path_json(json.dumps(req))))


def project(
    points: Sequence[Tuple[int, Number]],
    year: int,
    *,
    low: Optional[Number] = None,
    high: Optional[Number] = None,
    model: str = "ols_linear",
    level: float = 0.9,
) -> Projection:
    """Project ``(year, value)`` points to ``year``; ``low``/``high`` bound the target band."""
    band: Optional[Dict[str, str]] = None
    if low is not None or high is not None:
        band = {}
        if low is not None:
            band["low"] = dec_str(low, "low")
        if high is not None:
            band["high"] = dec_str(high, "high")
    req = {"points": [list(_point(p, "points")) for p in points], "year": year_of(year, "year"), "band": band,
           "model": model, "level": level}
    return Projection._from(json.loads(_core.project_points_json(json.dumps(req))))
