"""The building blocks without an indicator: progress at a point, paths, projections."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from . import _core
from ._convert import dec_str, float_arg, opt_dec, year_of
from ._results import Path, Projection, ResultWarning, milestones

Number = Union[Decimal, int, float, str]


@dataclass(frozen=True)
class Progress:
    """Every building block at one observation (docs/methods.md; exact values as Decimal).

    Attributes
    ----------
    base, latest, target : (int, Decimal)
        The three points the blocks were computed from, as the core read them.
    completion : Decimal or None
        ``(latest − base)/(target − base)``.
    time_share : Decimal
        ``(latest year − base year)/(target year − base year)``.
    pace : Decimal or None
        ``completion / time_share``.
    milestone, gap_to_milestone : Decimal
        The linear path's value at the latest year, and the latest value's gap to it.
    actual_cagr, required_cagr, required_cagr_from_now : float or None
    actual_slope, required_slope, required_slope_from_now : Decimal (or None)
    acceleration : float or None
        Required growth from now over the actual growth so far.
    years_to_target : float or None
    warnings : list of ResultWarning
    """

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
    base: Tuple[int, Decimal]
    latest: Tuple[int, Decimal]
    target: Tuple[int, Decimal]
    warnings: List[ResultWarning] = field(default_factory=list)


def _year_value(d: Dict[str, Any]) -> Tuple[int, Decimal]:
    return int(d["year"]), Decimal(d["value"])


def _point(p: Tuple[Any, Any], name: str) -> Tuple[int, str]:
    return year_of(p[0], f"{name}.year"), dec_str(p[1], f"{name}.value")


def progress(base: Tuple[int, Number], latest: Tuple[int, Number], target: Tuple[int, Number], direction: str = "increase") -> Progress:
    """Completion, time share, pace, rates, acceleration and years to target at ``latest``.

    Parameters
    ----------
    base, latest, target : (year, number)
        Any number type (int, float, Decimal, str, numpy scalar).
    direction : {"increase", "decrease"}

    Returns
    -------
    Progress

    Examples
    --------
    >>> p = onpace.progress((2020, "0.36"), (2022, "0.60"), (2025, "1.10"))
    >>> p.time_share, p.milestone      # 2/5 of the time; 0.36 + 2 × 0.148
    (Decimal('0.4'), Decimal('0.656'))
    """
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
        base=_year_value(d["base"]), latest=_year_value(d["latest"]), target=_year_value(d["target"]),
        warnings=[ResultWarning(w["code"], w["field"], w["message"]) for w in d["warnings"]],
    )


def required_path(start: Tuple[int, Number], end: Tuple[int, Number], kind: str = "linear") -> Path:
    """Milestones for every year from ``start`` to ``end``: exactly the start, exactly the end.

    Parameters
    ----------
    start, end : (year, number)
    kind : {"linear", "geometric"}

    Examples
    --------
    >>> [str(m.value) for m in onpace.required_path((2020, 100), (2022, 121), "geometric")]
    ['100', '110', '121']
    """
    (fy, fv), (ty, tv) = _point(start, "start"), _point(end, "end")
    req = {"from_year": fy, "from_value": fv, "to_year": ty, "to_value": tv, "kind": kind}
    return milestones(json.loads(_core.required_path_json(json.dumps(req))))


def project_trend(
    points: Sequence[Tuple[int, Number]],
    year: int,
    *,
    low: Optional[Number] = None,
    high: Optional[Number] = None,
    model: str = "ols_linear",
    level: float = 0.9,
) -> Projection:
    """Project ``(year, value)`` points to ``year``; ``low``/``high`` bound the target band.

    Parameters
    ----------
    points : sequence of (year, number)
    year : int
    low, high : number, optional
        The band the value must fall in to meet the target (for ``p_meet``, ``year_reached``).
    model : {"ols_linear", "ols_loglinear", "endpoint_cagr", "weighted_geometric"}
    level : number
        The prediction interval's level, in (0, 1).

    Examples
    --------
    >>> p = onpace.project_trend([(2020, 1), (2021, 2), (2022, 3)], 2025)
    >>> round(p.value, 6), p.points
    (6.0, 3)
    """
    band: Optional[Dict[str, str]] = None
    if low is not None or high is not None:
        band = {}
        if low is not None:
            band["low"] = dec_str(low, "low")
        if high is not None:
            band["high"] = dec_str(high, "high")
    req = {"points": [list(_point(p, "points")) for p in points], "year": year_of(year, "year"), "band": band,
           "model": model, "level": float_arg(level, "level")}
    return Projection._from(json.loads(_core.project_points_json(json.dumps(req))))
