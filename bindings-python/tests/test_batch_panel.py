"""onpace.batch.evaluate: a long-format panel gets, series by series, what the exact API
(Indicator.assess) gives — on every shared assess vector (each vector one series of one
panel per method) and on random panels for every method and escap model (differential)."""

from __future__ import annotations

import json
import math
from fractions import Fraction
from typing import Any, Dict, List, Tuple

import numpy as np
import pandas as pd
import pytest

import onpace
from conftest import load_vectors

METHODS = ["cn-plan-pace", "eurostat", "open-sdg", "unsd", "escap", "destatis", "sdsn"]
NUMBERS = ("completion", "time_share", "ratio", "score", "index")


def num(v: Any) -> float:
    """A vector number: a number, a decimal string or an exact fraction "p/q"."""
    return float(Fraction(str(v)))


def test_every_shared_vector_gets_its_expected_result() -> None:
    # The vectors' expected values come from the independent reference (tests/reference/).
    groups: Dict[Tuple[str, str], List[Tuple[str, Dict[str, Any], Dict[str, Any]]]] = {}
    for name in ("cn_plan_pace.json", "methods.json", "regressions.json"):
        for k, c in enumerate(load_vectors(name)["cases"]):
            i = c["input"]
            if c["op"] != "assess" or "as_of" in i:
                continue
            key = (i["method"], json.dumps(i.get("thresholds") or {}, sort_keys=True))
            # The series key is unique (names repeat across files); the name is for messages.
            groups.setdefault(key, []).append((f"{name}#{k}: {c['name']}", i, c["expected"]))
    compared = 0
    for (method, th), cases in groups.items():
        rows = [(name, "-", int(o["year"]), num(o["value"])) for name, i, _ in cases for o in i["observations"]]
        # A vector without observations is still a series: one row with no figure.
        rows += [(name, "-", 2000, math.nan) for name, i, _ in cases if not i["observations"]]
        frame = pd.DataFrame(rows, columns=["indicator", "region", "year", "value"])
        indicators = {name: onpace.Indicator.from_json(json.dumps(i["indicator"])) for name, i, _ in cases}
        out = onpace.batch.evaluate(frame, method=method, plan=indicators, thresholds=json.loads(th)).set_index("indicator")
        for name, _, expected in cases:
            row = out.loc[name]
            assert row["status"] == expected["status"], (name, row["error"], row["message"])
            for key in NUMBERS:
                if key in expected:
                    if expected[key] is None:
                        assert np.isnan(row[key]), (name, key)
                    else:
                        assert row[key] == pytest.approx(num(expected[key]), rel=1e-9, abs=1e-12), (name, key)
            compared += 1
    assert compared >= 250, compared


def random_panel(seed: int, series: int = 60) -> pd.DataFrame:
    """Series of 0–9 annual values (gaps, NaN, negative and sign-changing values), level targets
    either side of the baseline or none (a NaN target), both directions; baseline years
    2010–2016."""
    rng = np.random.default_rng(seed)
    rows = []
    for s in range(series):
        t0 = int(rng.integers(2010, 2017))
        y0 = round(float(rng.uniform(-5, 20)), 2)
        target = round(y0 + float(rng.choice([-1, 1]) * rng.uniform(0.5, 10)), 2)
        d = 1 if target > y0 else -1
        if s % 9 == 0:
            d = -d  # a target the baseline already meets
        if s % 7 == 3:
            target = math.nan  # no target: the method's no-target variant
        n = int(rng.integers(0, 10))
        years = sorted(rng.choice(np.arange(t0 - 2, 2025), size=min(n, 2025 - t0 + 2), replace=False))
        for y in years:
            v = math.nan if rng.uniform() < 0.05 else round(y0 + float(rng.normal(0, 3)) + (y - t0) * float(rng.uniform(-1, 2)), 2)
            rows.append((f"ind{s % 4}", f"r{s}", int(y), v, y0, t0, target, 2030, d))
        if not years:
            rows.append((f"ind{s % 4}", f"r{s}", 2020, math.nan, y0, t0, target, 2030, d))
    return pd.DataFrame(rows, columns=["indicator", "region", "year", "value", "baseline", "base_year", "target", "target_year", "direction"])


def exact(frame: pd.DataFrame, method: str, model: Any) -> Dict[Tuple[str, str], Tuple[str, float, str]]:
    """The per-series loop a user would otherwise write: one Indicator.assess per series."""
    out = {}
    for (ind, reg), g in frame.groupby(["indicator", "region"]):
        first = g.iloc[0]
        target = None if math.isnan(first["target"]) else (int(first["target_year"]), str(first["target"]))
        indicator = onpace.Indicator("x", unit="ratio", direction=int(first["direction"]),
                                     baseline=(int(first["base_year"]), str(first["baseline"])), target=target)
        obs = {int(y): str(v) for y, v in zip(g["year"], g["value"]) if not math.isnan(v)}
        kw = {"model": model} if model else {}
        try:
            a = indicator.assess(obs, method=method, **kw)
            out[(ind, reg)] = (a.status, math.nan if a.ratio is None else a.ratio, "")
        except onpace.OnpaceError as e:
            out[(ind, reg)] = ("not_assessable", math.nan, getattr(e, "code", "?"))
    return out


@pytest.mark.parametrize("method,model", [(m, None) for m in METHODS] + [("escap", m) for m in ("ols_linear", "ols_loglinear", "weighted_geometric")])
def test_random_panels_agree_with_the_exact_api(method: str, model: Any) -> None:
    frame = random_panel(seed=len(method) * 31 + len(model or ""))
    out = onpace.batch.evaluate(frame, method=method, model=model)
    want = exact(frame, method, model)
    assert len(out) == len(want)
    statuses = set()
    for row in out.itertuples():
        status, ratio, code = want[(row.indicator, row.region)]
        assert row.status == status, (row.indicator, row.region, row.error, row.message, code)
        assert (row.error or "") == code, (row.region, row.error, code)
        if math.isnan(ratio):
            assert math.isnan(row.ratio), row.region
        else:
            assert row.ratio == pytest.approx(ratio, rel=1e-12, abs=1e-15), row.region
        statuses.add(row.status)
    assert len(statuses) >= 3, statuses  # the panel reaches several bands, not one


def test_frames_users_get_wrong() -> None:
    frame = random_panel(seed=3, series=5)
    with pytest.raises(onpace.InvalidArgumentError, match="missing columns: target"):
        onpace.batch.evaluate(frame.drop(columns=["target"]))
    with pytest.raises(onpace.InvalidArgumentError):
        onpace.batch.evaluate(frame.to_dict())
    with pytest.raises(onpace.UnknownMethodError):
        onpace.batch.evaluate(frame, method="nope")
    with pytest.raises(onpace.InvalidArgumentError):
        onpace.batch.evaluate(frame, thresholds={"nope": 1})
    with pytest.raises(onpace.InvalidArgumentError, match="value: numbers are required"):
        onpace.batch.evaluate(frame.assign(value="n/a"))
    with pytest.raises(onpace.UnknownIndicatorError):
        onpace.batch.evaluate(frame, plan=onpace.builtin_plan())
    # A plan given as a mapping of id → Indicator: a missing id is the same typed error (it was
    # a bare KeyError), with JS batchEvaluate's field and words.
    with pytest.raises(onpace.UnknownIndicatorError) as missing:
        onpace.batch.evaluate(frame, plan={"rd-intensity": onpace.builtin_plan().indicator("rd-intensity")})
    assert missing.value.code == "unknown_indicator" and missing.value.field == "plan"
    assert str(missing.value).startswith('plan: no indicator "') and str(missing.value).endswith('" in the plan')
    # A fractional year or a direction of 0 fails that series alone, with its error.
    bad = frame.astype({"year": float})
    bad.loc[bad["region"] == "r1", "year"] = 2021.5
    bad.loc[bad["region"] == "r2", "direction"] = 0
    out = onpace.batch.evaluate(bad).set_index("region")
    assert out.loc["r1", "error"] == "invalid_argument" and out.loc["r1", "status"] == "not_assessable"
    assert out.loc["r2", "error"] == "invalid_argument"
    assert out["error"].isna().sum() == 3
    # Words for the direction, rows in any order, an empty frame.
    words = frame.assign(direction=frame["direction"].map({1: "increase", -1: "decrease"}))
    pd.testing.assert_frame_equal(onpace.batch.evaluate(words), onpace.batch.evaluate(frame.sample(frac=1, random_state=1)))
    assert len(onpace.batch.evaluate(frame.iloc[:0])) == 0


def test_panel_bench_runs() -> None:
    """benches/python/panel_bench.py at a small size, untimed (it checks evaluate against the
    per-series loop before timing): the bench cannot rot; its timings live in benches/README.md."""
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "benches" / "python" / "panel_bench.py"
    sys.path.insert(0, str(path.parent))  # its helpers, as when run from there
    spec = importlib.util.spec_from_file_location("panel_bench", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.run(series=30, years=6, repeats=1)
    assert [r["method"] for r in rows] == ["cn-plan-pace", "open-sdg", "destatis", "escap (ols_linear)"]


@pytest.mark.parametrize("method", ["cn-plan-pace", "destatis", "unsd"])
def test_a_plans_indicators_by_region(method: str) -> None:
    # Every indicator of the built-in plan (level, growth and bound targets alike) in three
    # regions: the same status as plan.indicator(id).progress series by series.
    plan = onpace.builtin_plan()
    rng = np.random.default_rng(4)
    rows = []
    for ind in plan.indicators:
        y0 = float(ind.baseline[1])
        for r in range(3):
            for y in range(ind.baseline[0] + 1, 2025):
                rows.append((ind.id, f"r{r}", y, round(y0 * (1 + (y - ind.baseline[0]) * float(rng.uniform(-0.05, 0.12))), 3)))
    frame = pd.DataFrame(rows, columns=["indicator", "region", "year", "value"])
    out = onpace.batch.evaluate(frame, method=method, plan=plan)
    assert len(out) == 3 * len(plan.indicators)
    for row in out.itertuples():
        g = frame[(frame["indicator"] == row.indicator) & (frame["region"] == row.region)]
        try:
            want = plan.indicator(row.indicator).assess({int(y): str(v) for y, v in zip(g["year"], g["value"])}, method=method).status
        except onpace.OnpaceError:
            want = "not_assessable"
        assert row.status == want, (row.indicator, row.region, row.message)
