"""onpace.batch.assess: every batch method gives the shared vectors' statuses (and ratio,
score, index), agrees with the exact API on random series, refuses what it cannot honour."""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
import pytest

import onpace
from conftest import load_vectors


def num(v: Any) -> float:
    """A vector number: a number, a decimal string or an exact fraction "p/q"."""
    return float(Fraction(str(v)))


def fit(i: Dict[str, Any]) -> Optional[Tuple[str, Dict[str, float], List[float]]]:
    """The batch inputs of a vector case, or None when it needs more than the batch takes
    (the same rules as tests/tests/batch_vectors.rs)."""
    method = i["method"]
    if method not in onpace.batch.METHODS:
        return None
    ind, tgt = i["indicator"], i["indicator"]["target"]
    if "as_of" in i or tgt["kind"] != "level" or "comparator" in tgt:
        return None
    t0, y0 = float(ind["baseline"]["year"]), num(ind["baseline"]["value"])
    d = 1.0 if ind["direction"] == "increase" else -1.0
    points = {int(o["year"]): num(o["value"]) for o in i["observations"]}
    if not points:
        return None
    t = max(points)
    if method == "escap" and any(y < t0 for y in points):
        return None
    th: Dict[str, float] = {}
    window = 5.0
    for k, v in (i.get("thresholds") or {}).items():
        if method == "eurostat" and k == "window_years":
            window = num(v)
        elif k == "binding_lag_tolerance":
            return None
        else:
            th[k] = num(v)
    if method == "cn-plan-pace" and ind.get("nature") == "binding":
        th["lag_tolerance"] = 0.0
    sy, sv = t0, y0
    if method == "eurostat" and t > t0:
        start = t0 if window == 0 else t - window
        series = dict(points)
        series[int(t0)] = y0
        found = [(y, v) for y, v in sorted(series.items()) if start <= y < t]
        sy, sv = found[0] if found else (float(t), float("nan"))
    return method, th, [y0, num(tgt["value"]), t0, float(tgt["year"]), float(t), points[t], d, sy, sv]


def test_every_fitting_vector_gets_its_status() -> None:
    groups: Dict[Tuple[str, Tuple[Tuple[str, float], ...]], List[Tuple[str, Dict[str, Any], List[float]]]] = {}
    for name in ("cn_plan_pace.json", "methods.json", "regressions.json"):
        for c in load_vectors(name)["cases"]:
            if c["op"] != "assess":
                continue
            f = fit(c["input"])
            if f is not None:
                method, th, row = f
                groups.setdefault((method, tuple(sorted(th.items()))), []).append((c["name"], c["expected"], row))
    counts: Dict[str, int] = {}
    for (method, th), cases in groups.items():
        # One call per method and thresholds: the vectors run as the rows of one batch.
        cols = np.array([row for _, _, row in cases]).T
        out = onpace.batch.assess(*cols[:6], direction=cols[6], start_year=cols[7], start_value=cols[8], method=method, thresholds=dict(th))
        codes = onpace.batch.status_codes(method)
        for k, (name, expected, _) in enumerate(cases):
            assert codes[int(out["status"][k])] == expected["status"], name
            for key in ("ratio", "score", "index", "completion", "time_share"):
                if key not in out or key not in expected or (key == "ratio" and method == "cn-plan-pace"):
                    continue
                if expected[key] is None:
                    assert np.isnan(out[key][k]), (name, key)
                else:
                    assert out[key][k] == pytest.approx(num(expected[key]), rel=1e-9, abs=1e-9), (name, key)
            counts[method] = counts.get(method, 0) + 1
    for m in onpace.batch.METHODS:
        assert counts.get(m, 0) >= 10, counts


@pytest.mark.parametrize("method", ["eurostat", "open-sdg", "unsd", "escap", "sdsn"])
def test_random_series_agree_with_the_exact_api(method: str) -> None:
    # Differential: 300 random rows (positive, negative and sign-changing values, both
    # directions) through the batch and through Indicator.assess one by one.
    rng = np.random.default_rng(18)
    n = 300
    base = rng.uniform(-5, 10, n).round(3)
    target = (base + rng.choice([-1, 1], n) * rng.uniform(0.5, 5, n)).round(3)
    d = np.where(target > base, 1.0, -1.0)
    d[::7] *= -1  # some targets the baseline already meets
    year = rng.integers(2021, 2029, n).astype(float)
    value = (base + rng.uniform(-4, 6, n)).round(3)
    out = onpace.batch.assess(base, target, 2020, 2026, year, value, direction=d, method=method)
    codes = onpace.batch.status_codes(method)
    for k in range(n):
        ind = onpace.Indicator("x", unit="ratio", direction=int(d[k]), baseline=(2020, str(base[k])), target=(2026, str(target[k])))
        # The batch's default window start is the baseline: eurostat's window_years = 0.
        extra = {"window_years": 0} if method == "eurostat" else {}
        a = ind.assess({int(year[k]): str(value[k])}, method=method, **extra)
        assert codes[int(out["status"][k])] == a.status, (k, base[k], target[k], year[k], value[k], d[k])
        if a.ratio is None:
            assert np.isnan(out["ratio"][k]), k
        else:
            assert out["ratio"][k] == pytest.approx(a.ratio, rel=1e-9, abs=1e-12), k


def test_refusals_and_shapes() -> None:
    with pytest.raises(onpace.UnknownMethodError):
        onpace.batch.assess(1, 2, 2020, 2025, 2023, 1.5, method="destatis")
    with pytest.raises(onpace.UnknownMethodError):
        onpace.batch.status_codes("nope")
    for method, th in [("eurostat", {"window_years": 15}), ("cn-plan-pace", {"binding_lag_tolerance": 0}),
                       ("open-sdg", {"natural_limit": 100}), ("unsd", {"on_track": float("nan")}), ("escap", {"maintain": -1})]:
        with pytest.raises(onpace.InvalidArgumentError):
            onpace.batch.assess(1, 2, 2020, 2025, 2023, 1.5, method=method, thresholds=th)
    with pytest.raises(onpace.InvalidArgumentError):
        onpace.batch.assess(1, 2, 2020, 2025, 2023, 1.5, method="eurostat", start_year=2021)
    # A 2-D panel keeps its shape; a bad row is NaN and -1 alone.
    grid = onpace.batch.assess(np.array([[1.0, np.nan], [2.0, 3.0]]), 10, 2020, 2025, 2023, 5, method="open-sdg")
    assert grid["status"].shape == (2, 2) and grid["status"][0, 1] == -1 and np.isnan(grid["score"][0, 1])
    assert set(grid) == {"ratio", "score", "status"}
    # progress is the cn-plan-pace case of assess.
    args = (np.linspace(1, 5, 50), 10, 2020, 2025, 2023, np.linspace(0, 12, 50))
    p, a = onpace.batch.progress(*args), onpace.batch.assess(*args)
    for k in p:
        np.testing.assert_array_equal(p[k], a[k])


def test_threads_split_the_same_way() -> None:
    # Above the parallel threshold, and forced below and above it through the private knob:
    # the same arrays.
    rng = np.random.default_rng(5)
    n = 50_000
    cols = [rng.uniform(1, 10, n), rng.uniform(10, 20, n), np.array([2020.0]), np.array([2025.0]),
            rng.integers(2021, 2026, n).astype(float), rng.uniform(0, 25, n), np.array([1.0])]
    def run(method: str, parallel_from: int) -> List[Any]:
        values = [np.empty(n) for _ in range(len(onpace.batch.assess(1, 2, 2020, 2025, 2023, 1.5, method=method)) - 1)]
        status = np.empty(n, dtype=np.int8)
        onpace._core.batch_assess_into(method, cols, None, None, {}, values, status, parallel_from)
        return values + [status]

    for method in onpace.batch.METHODS:
        for x, y in zip(run(method, n + 1), run(method, 1)):
            np.testing.assert_array_equal(x, y)
