"""The numpy a statistician writes for each batch method: the textbook formulas, powers for the
rates (`(value / baseline) ** (1 / n) - 1`), the plan years as Python scalars, `np.select` for
the status. No care for zero or sign-changing values, NaN rows or band-edge tolerance: the
benchmark inputs (positive values, years after the baseline) need none, and the results are
checked equal to onpace's before any time is taken (benches/python/compare_batch.py).

Each function takes (baseline, target, base_year, target_year, year, value, direction) and
returns the arrays onpace.batch.assess returns for the method. The no-target variants
(``NO_TARGET``) take the same arguments and ignore the target: the growth ``x = d·ga`` against
the method's no-target thresholds (docs/methods.md), ``np.interp`` for open-sdg's score.
"""

from __future__ import annotations

from typing import Any, Dict

import numpy as np

Arrays = Dict[str, Any]


def cn_plan_pace(baseline, target, base_year, target_year, year, value, direction, ahead=0.10, lag=0.05) -> Arrays:
    with np.errstate(divide="ignore", invalid="ignore"):
        n = year - base_year
        big_n = target_year - base_year
        tau = n / big_n
        completion = (value - baseline) / (target - baseline)
        pace = completion / tau
        ga = (value / baseline) ** (1 / n) - 1
        gr = (target / baseline) ** (1 / big_n) - 1
        ratio = direction * ga / np.abs(gr)
        status = np.select(
            [direction * (value - target) >= 0, (direction * (baseline - target) >= 0) | (completion < 0),
             completion < tau - lag, completion >= tau + ahead],
            [0, 4, 3, 1], 2).astype(np.int8)
    return {"completion": completion, "time_share": np.broadcast_to(tau, np.shape(value)), "pace": pace,
            "actual_cagr": ga, "required_cagr": gr, "ratio": ratio, "status": status}


def _met(baseline, target, value, direction):
    return direction * (value - target) >= 0, direction * (baseline - target) >= 0


def eurostat(baseline, target, base_year, target_year, year, value, direction) -> Arrays:
    with np.errstate(divide="ignore", invalid="ignore"):
        ga = (value / baseline) ** (1 / (year - base_year)) - 1
        gr = (target / baseline) ** (1 / (target_year - base_year)) - 1
        rr = direction * ga / np.abs(gr)
        met, slipped = _met(baseline, target, value, direction)
        status = np.select([met, slipped, rr >= 0.95, rr >= 0.60, rr >= 0], [0, 4, 1, 2, 3], 4).astype(np.int8)
    return {"ratio": np.where(met | slipped, np.nan, rr), "status": status}


def open_sdg(baseline, target, base_year, target_year, year, value, direction) -> Arrays:
    with np.errstate(divide="ignore", invalid="ignore"):
        ga = (value / baseline) ** (1 / (year - base_year)) - 1
        gr = (target / baseline) ** (1 / (target_year - base_year)) - 1
        r = direction * ga / np.abs(gr)
        met, slipped = _met(baseline, target, value, direction)
        status = np.select([met, slipped, r >= 0.95, r >= 0.6, r >= 0], [0, 4, 1, 2, 3], 4).astype(np.int8)
        score = np.select([met, slipped, r <= -0.6, r <= 0.6], [5.0, -5.0, -5.0, -5 + (r + 0.6) / 1.2 * 5],
                          np.minimum((r - 0.6) / 0.7 * 5, 5.0))
    return {"ratio": np.where(met | slipped, np.nan, r), "score": score, "status": status}


def unsd(baseline, target, base_year, target_year, year, value, direction) -> Arrays:
    with np.errstate(divide="ignore", invalid="ignore"):
        projected = value * (value / baseline) ** ((target_year - year) / (year - base_year))
        e = (projected - baseline) / (target - baseline)
        met, slipped = _met(baseline, target, value, direction)
        status = np.select([met, slipped, e >= 0.95, e >= 0.10], [0, 3, 1, 2], 3).astype(np.int8)
        score = np.select([status <= 1, status == 2], [3.0, 2.0], 1.0)
    return {"ratio": np.where(met | slipped, np.nan, e), "score": score, "status": status}


def escap(baseline, target, base_year, target_year, year, value, direction) -> Arrays:
    with np.errstate(divide="ignore", invalid="ignore"):
        gap = np.abs(target - baseline)
        csi = np.minimum(10 * direction * (value - baseline) / gap, 10)
        projected = value * (value / baseline) ** ((target_year - year) / (year - base_year))
        ap = direction * (projected - baseline) / gap
        met, slipped = _met(baseline, target, value, direction)
        status = np.select([met, slipped, ap >= 1, ap > 0], [0, 3, 1, 2], 3).astype(np.int8)
    return {"ratio": np.where(met | slipped, np.nan, ap), "index": csi, "status": status}


def sdsn(baseline, target, base_year, target_year, year, value, direction) -> Arrays:
    with np.errstate(divide="ignore", invalid="ignore"):
        worst, best = np.minimum(baseline, target), np.maximum(baseline, target)  # higher is better
        st = 100 * (value - worst) / (best - worst)
        s0 = 100 * (baseline - worst) / (best - worst)
        obs = (st - s0) / (year - base_year)
        left = target_year - year
        req = (100 - st) / left
        met, slipped = _met(baseline, target, value, direction)
        status = np.select([met, slipped, (left <= 0) & (obs < 0), left <= 0, obs >= req, obs > 0.5 * req, obs >= 0],
                           [0, 4, 4, 3, 1, 2, 3], 4).astype(np.int8)
    return {"ratio": np.where(met | slipped | (left <= 0), np.nan, obs / req), "score": np.clip(st, 0, 100), "status": status}


PLAIN = {"cn-plan-pace": cn_plan_pace, "eurostat": eurostat, "open-sdg": open_sdg, "unsd": unsd, "escap": escap, "sdsn": sdsn}


def _growth(baseline, base_year, year, value, direction):
    return direction * ((value / baseline) ** (1 / (year - base_year)) - 1)


def eurostat_no_target(baseline, target, base_year, target_year, year, value, direction, band=0.01) -> Arrays:
    with np.errstate(divide="ignore", invalid="ignore"):
        x = _growth(baseline, base_year, year, value, direction)
        status = np.select([x > band, x > 0, x >= -band], [1, 2, 5], 6).astype(np.int8)
    return {"ratio": x, "status": status}


def open_sdg_no_target(baseline, target, base_year, target_year, year, value, direction, limit=None) -> Arrays:
    with np.errstate(divide="ignore", invalid="ignore"):
        x = _growth(baseline, base_year, year, value, direction)
        c = 1.0 if limit is None else 1 - (baseline / limit) ** 4.44  # higher is better, below the limit
        hi, mid, cap = 0.015 * c, 0.005 * c, 0.02 * c
        status = np.select([x >= hi, x >= mid, x >= 0], [1, 2, 3], 4).astype(np.int8)
        score = np.select([x < 0, x < mid, x < hi, x < cap], [np.interp(x, [-0.02, 0], [-5, -2.5]), -2.5 + x / mid * 2.5,
                                                          (x - mid) / (hi - mid) * 2.5, 2.5 + (x - hi) / (cap - hi) * 2.5], 5.0)
    return {"ratio": x, "score": score, "status": status}


def unsd_no_target(baseline, target, base_year, target_year, year, value, direction) -> Arrays:
    with np.errstate(divide="ignore", invalid="ignore"):
        x = _growth(baseline, base_year, year, value, direction)
        status = np.select([x >= 0.02, x >= 0.005], [1, 2], 3).astype(np.int8)
        score = np.select([status == 1, status == 2], [3.0, 2.0], 1.0)
    return {"ratio": x, "score": score, "status": status}


#: name → (method, thresholds for onpace, plain numpy): the no-target variants.
NO_TARGET = {
    "eurostat no-target": ("eurostat", {}, eurostat_no_target),
    "open-sdg no-target": ("open-sdg", {}, open_sdg_no_target),
    "open-sdg no-target, natural limit": ("open-sdg", {"natural_limit": 12.0},
                                          lambda *a: open_sdg_no_target(*a, limit=12.0)),
    "unsd no-target": ("unsd", {}, unsd_no_target),
}
