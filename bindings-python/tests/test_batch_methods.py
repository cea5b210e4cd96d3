"""onpace.batch.assess: every batch method gives the shared vectors' statuses (and ratio,
score, index), agrees with the exact API on random series, refuses what it cannot honour."""

from __future__ import annotations

import math
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
    (the same rules as tests/tests/batch_vectors.rs). No target: a NaN target and target year."""
    method = i["method"]
    if method not in onpace.batch.METHODS:
        return None
    ind, tgt = i["indicator"], i["indicator"]["target"]
    if "as_of" in i or tgt["kind"] not in ("level", "none") or "comparator" in tgt:
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
    target, target_year = (num(tgt["value"]), float(tgt["year"])) if tgt["kind"] == "level" else (math.nan, math.nan)
    return method, th, [y0, target, t0, target_year, float(t), points[t], d, sy, sv]


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
    no_target: Dict[str, int] = {}
    for (method, th), cases in groups.items():
        # One call per method and thresholds: the vectors run as the rows of one batch, those
        # with a target and those without (a NaN target) mixed.
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
                elif np.isnan(cols[1][k]):
                    # No target: x = d·ga and the score within 1e-13 of the reference (the score
                    # crosses 0 at the middle threshold, where an absolute 1e-14 on its −5…5
                    # scale is what f64 can give: the exact API is at 8e-14 relative there).
                    assert out[key][k] == pytest.approx(num(expected[key]), rel=1e-13, abs=1e-14 if key == "score" else 0), (name, key)
                else:
                    assert out[key][k] == pytest.approx(num(expected[key]), rel=1e-9, abs=1e-9), (name, key)
            counts[method] = counts.get(method, 0) + 1
            if np.isnan(cols[1][k]):
                no_target[method] = no_target.get(method, 0) + 1
    for m in onpace.batch.METHODS:
        assert counts.get(m, 0) >= 10, counts
    # The no-target vectors of tests/vectors/methods.json and cn_plan_pace.json all fit.
    assert no_target == {"cn-plan-pace": 1, "eurostat": 6, "open-sdg": 13, "unsd": 6, "escap": 1, "sdsn": 1}, no_target


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


def _exact(method: str, k: int, cols: List[Any], th: Dict[str, float]) -> Any:
    """Row k through Indicator.assess (no target where the batch's is NaN)."""
    base, target, year, value, d = (c[k] for c in cols)
    target_arg = None if np.isnan(target) else (2026, str(target))
    ind = onpace.Indicator("x", unit="ratio", direction=int(d), baseline=(2020, str(base)), target=target_arg)
    # The batch's default window start is the baseline: eurostat's window_years = 0.
    extra: Dict[str, Any] = {"window_years": 0} if method == "eurostat" else {}
    extra.update({k: str(v) for k, v in th.items()})
    return ind.assess({int(year): str(value)}, method=method, **extra)


@pytest.mark.parametrize(
    "method,th",
    [
        ("cn-plan-pace", {}),
        ("eurostat", {}),
        ("eurostat", {"no_target_band": 0.03, "significant": 0.9}),
        ("open-sdg", {}),
        ("open-sdg", {"natural_limit": 12.0}),
        ("open-sdg", {"no_target_on_track": 0.05, "no_target_acceleration_needed": 0.01, "natural_limit": 2.0}),
        ("unsd", {}),
        ("unsd", {"no_target_on_track": 0.04, "no_target_acceleration_needed": 0.0}),
        ("escap", {}),
        ("sdsn", {}),
    ],
)
def test_random_series_with_and_without_targets_agree_with_the_exact_api(method: str, th: Dict[str, float]) -> None:
    # Differential: 400 random rows, a third without a target (NaN), mixed in one call, with
    # positive, negative, zero and sign-changing values, both directions, observations in and
    # past the target year, against Indicator.assess series by series.
    rng = np.random.default_rng(1818)
    n = 400
    base = rng.uniform(-5, 12, n).round(2)
    base[::37] = 0.0
    target = (base + rng.choice([-1, 1], n) * rng.uniform(0.5, 5, n)).round(2)
    target[rng.uniform(size=n) < 0.35] = np.nan
    d = rng.choice([-1.0, 1.0], n)
    year = rng.integers(2021, 2029, n).astype(float)
    value = (base * rng.uniform(0.7, 1.3, n) + rng.uniform(-1, 1, n) * (rng.uniform(size=n) < 0.2)).round(2)
    out = onpace.batch.assess(base, target, 2020, 2026, year, value, direction=d, method=method, thresholds=th)
    codes = onpace.batch.status_codes(method)
    assessed_without = 0
    for k in range(n):
        a = _exact(method, k, [base, target, year, value, d], th)
        got = codes[int(out["status"][k])]
        assert got == a.status, (k, base[k], target[k], year[k], value[k], d[k], a.warnings)
        assessed_without += bool(np.isnan(target[k]) and int(out["status"][k]) >= 0)
        for key in ("ratio", "score"):
            if key not in out or (method == "cn-plan-pace" and key == "ratio"):
                continue
            want = getattr(a, key)
            if want is None:
                assert np.isnan(out[key][k]), (k, key)
            elif np.isnan(target[k]):
                assert out[key][k] == pytest.approx(want, rel=1e-13, abs=1e-14 if key == "score" else 0), (k, key)
            else:
                assert out[key][k] == pytest.approx(want, rel=1e-9, abs=1e-12), (k, key)
    # The variants judge most rows without a target; the methods without one judge none.
    if method in ("eurostat", "open-sdg", "unsd"):
        assert assessed_without > 80, assessed_without
    else:
        assert assessed_without == 0


# x = d·ga exactly on each band edge in decimals (100 → 100·(1 + x)² in 2 years), so only the
# f64 rounding of the rate decides which side it lands: the edge rule (within 1e-12 of an edge
# is on it) gives the status the rules of docs/methods.md give by hand, in both APIs.
EDGES = [
    ("eurostat", 1, "102.01", "moderate_progress"),  # x = +1 %: not above the band
    ("eurostat", 1, "98.01", "moderate_movement_away"),  # x = −1 %: at least −band
    ("eurostat", -1, "98.01", "moderate_progress"),  # lower is better: x = +1 %
    ("eurostat", 1, "100", "moderate_movement_away"),  # x = 0: not above 0
    ("eurostat", 1, "102.0201", "significant_progress"),  # x = 1.00499 %: above the band
    ("open-sdg", 1, "103.0225", "on_track"),  # x = 1.5 %
    ("open-sdg", 1, "101.0025", "acceleration_needed"),  # x = 0.5 %
    ("open-sdg", 1, "100", "limited_progress"),  # x = 0
    ("open-sdg", -1, "100.0001", "deterioration"),  # x just below 0
    ("unsd", 1, "104.04", "on_track"),  # x = 2 %
    ("unsd", 1, "101.0025", "acceleration_needed"),  # x = 0.5 %
    ("unsd", -1, "99.0025", "acceleration_needed"),  # lower is better: ga = −0.5 %, x = +0.5 %
]


@pytest.mark.parametrize("method,d,value,status", EDGES)
def test_no_target_band_edges(method: str, d: int, value: str, status: str) -> None:
    out = onpace.batch.assess(100, np.nan, 2020, np.nan, 2022, float(value), direction=d, method=method)
    assert onpace.batch.status_codes(method)[int(out["status"])] == status
    ind = onpace.Indicator("x", unit="ratio", direction=d, baseline=(2020, "100"), target=None)
    extra: Dict[str, Any] = {"window_years": 0} if method == "eurostat" else {}
    assert ind.assess({2022: value}, method=method, **extra).status == status


def test_eurostat_no_target_from_the_window_start() -> None:
    # The short-term window (the exact method's default, 5 years): the caller passes the value
    # of year − 5 as the window start; the growth is judged from there, not from the baseline
    # (both APIs, 200 random series with yearly values from a 2010 baseline).
    rng = np.random.default_rng(55)
    n = 200
    base = rng.uniform(-3, 10, n).round(2)
    years = np.arange(2011, 2023)
    series = (base[:, None] * np.cumprod(1 + rng.uniform(-0.04, 0.05, (n, len(years))), axis=1)).round(3)
    d = rng.choice([-1.0, 1.0], n)
    start = series[:, list(years).index(2017)]
    out = onpace.batch.assess(base, np.nan, 2010, np.nan, 2022, series[:, -1], direction=d, method="eurostat",
                              start_year=2017, start_value=start)
    codes = onpace.batch.status_codes("eurostat")
    seen = set()
    for k in range(n):
        ind = onpace.Indicator("x", unit="ratio", direction=int(d[k]), baseline=(2010, str(base[k])), target=None)
        a = ind.assess({int(y): str(v) for y, v in zip(years, series[k])}, method="eurostat")
        assert codes[int(out["status"][k])] == a.status, k
        if a.ratio is not None:
            assert out["ratio"][k] == pytest.approx(a.ratio, rel=1e-13), k
        seen.add(a.status)
    assert len(seen) >= 4, seen


def test_no_target_rows() -> None:
    # On a natural limit (open-sdg: C = 0): holding is on track with score 5, falling away
    # deterioration; the limit comes from the thresholds, as in Indicator.assess.
    out = onpace.batch.assess(95, np.nan, 2015, np.nan, 2020, np.array([95, 96, 94.0]), method="open-sdg", thresholds={"natural_limit": 95})
    codes = onpace.batch.status_codes("open-sdg")
    assert [codes[int(s)] for s in out["status"]] == ["on_track", "on_track", "deterioration"]
    assert list(out["score"][:2]) == [5.0, 5.0]
    # Only NaN means "no target": an infinite target is a bad row; the target year of a row
    # without a target is not used (NaN or not); a bad direction or no observation after the
    # baseline stays not assessable; a zero or sign change has no rate.
    out = onpace.batch.assess(
        np.array([100, 100, 100, 100, 100, 0, -1.0]), np.array([np.inf, np.nan, np.nan, np.nan, np.nan, np.nan, np.nan]), 2020,
        np.array([2025, 2025, np.nan, 2025, np.nan, np.nan, np.nan]), np.array([2022, 2022, 2022, 2020, 2022, 2022, 2022.0]),
        np.array([110, 110, 110, 110, 110, 1, 1.0]), direction=np.array([1, 1, 1, 1, 0, 1, 1.0]), method="unsd")
    assert list(out["status"]) == [-1, 1, 1, -1, -1, -1, -1]
    assert np.isnan(out["ratio"][[0, 3, 4, 5, 6]]).all() and out["ratio"][1] == out["ratio"][2]
    # cn-plan-pace reports a series without a target as monitored (code -2), with no numbers.
    out = onpace.batch.progress(np.array([1.0, 1.0]), np.array([np.nan, 2.0]), 2020, 2025, 2023, 1.5)
    assert list(out["status"]) == [-2, 3] and np.isnan(out["completion"][0])  # 0.5 < τ 0.6 − 0.05: lagging
    assert onpace.batch.STATUS_CODES == onpace.batch.status_codes("cn-plan-pace")
    assert onpace.batch.STATUS_CODES[-2] == "monitored"
    # eurostat's table names the no-target movement-away statuses.
    assert [onpace.batch.status_codes("eurostat")[c] for c in (5, 6)] == ["moderate_movement_away", "significant_movement_away"]


def test_missing_and_wrong_target_cells() -> None:
    # What a DataFrame column holds: None, NaN and pandas' NA are all "no target"; text is a
    # typed error naming the column; lengths that do not broadcast too.
    pd = pytest.importorskip("pandas")
    want = onpace.batch.assess(100, np.nan, 2020, np.nan, 2022, 103, method="unsd")
    for target in ([None, 110.0], pd.array([pd.NA, 110.0], dtype="Float64"), pd.Series([np.nan, 110.0])):
        out = onpace.batch.assess(100, target, 2020, 2025, 2022, 103, method="unsd")
        assert out["status"][0] == want["status"] and out["ratio"][0] == want["ratio"]
        # By hand: 103·(1.03^(1/2))³ ≈ 107.67, E = 7.67/10 ≈ 0.77 in [0.10, 0.95).
        assert onpace.batch.status_codes("unsd")[int(out["status"][1])] == "acceleration_needed"
    with pytest.raises(onpace.InvalidArgumentError, match="target"):
        onpace.batch.assess(100, np.array(["x", 110], dtype=object), 2020, 2025, 2022, 103, method="unsd")
    with pytest.raises(onpace.InvalidArgumentError):
        onpace.batch.assess(np.ones(3), np.ones(2), 2020, 2025, 2022, 103, method="unsd")


def test_refusals_and_shapes() -> None:
    with pytest.raises(onpace.UnknownMethodError):
        onpace.batch.assess(1, 2, 2020, 2025, 2023, 1.5, method="destatis")
    with pytest.raises(onpace.UnknownMethodError):
        onpace.batch.status_codes("nope")
    for method, th in [("eurostat", {"window_years": 15}), ("cn-plan-pace", {"binding_lag_tolerance": 0}),
                       ("open-sdg", {"natural_limit": -1}), ("unsd", {"natural_limit": 100}), ("eurostat", {"no_target_band": float("inf")}),
                       ("unsd", {"on_track": float("nan")}), ("escap", {"maintain": -1})]:
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
