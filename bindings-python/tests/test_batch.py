"""onpace.batch: same verdicts as the exact path, NaN rows, broadcasting, threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import numpy as np
import pytest

import onpace
from onpace.batch import STATUS_CODES


def test_matches_the_exact_path_away_from_band_edges() -> None:
    rng = np.random.default_rng(7)
    n = 2000
    baseline = rng.uniform(1, 10, n).round(4)
    target = baseline + rng.uniform(0.5, 5, n).round(4)
    year = rng.integers(2021, 2026, n).astype(float)
    value = (baseline + rng.uniform(-1, 6, n)).round(4)
    out = onpace.batch.progress(baseline, target, 2020, 2025, year, value)
    checked = 0
    for i in range(0, n, 7):
        tau = (year[i] - 2020) / 5
        comp = out["completion"][i]
        if min(abs(comp - (tau - 0.05)), abs(comp - (tau + 0.10))) < 1e-9:
            continue  # f64 and exact decimals may differ exactly at a band edge
        ind = onpace.Indicator("x", unit="ratio", direction=1, baseline=(2020, float(baseline[i])), target=(2025, float(target[i])))
        a = ind.assess({int(year[i]): float(value[i])})
        assert STATUS_CODES[int(out["status"][i])] == a.status
        assert out["completion"][i] == pytest.approx(float(a.completion or 0), rel=1e-12)
        if a.actual_cagr is not None:
            assert out["actual_cagr"][i] == pytest.approx(a.actual_cagr, rel=1e-12)
        checked += 1
    assert checked > 250


def test_nan_rows_and_broadcasting() -> None:
    out = onpace.batch.progress(np.array([0.0, np.nan, 1.0]), 100, 2020, 2025, 2023, np.array([75.0, 50.0, np.inf]))
    assert list(out["status"]) == [1, -1, -1]
    assert np.isnan(out["completion"][1]) and np.isnan(out["pace"][2])
    assert out["status"].dtype == np.int8 and out["completion"].dtype == np.float64
    grid = onpace.batch.progress(np.zeros((2, 3)), 100, 2020, 2025, 2023, np.array([[10, 60, 100], [-5, 55, 71]]))
    assert grid["status"].shape == (2, 3)
    # Hand: τ = 0.6 → 10 lagging, 60 on track, 100 achieved, −5 regressing, 55 on track, 71 ahead.
    assert grid["status"].tolist() == [[3, 2, 0], [4, 2, 1]]
    with pytest.raises(onpace.UnknownMethodError):
        onpace.batch.progress(0, 1, 2020, 2025, 2023, 0.5, method="eurostat")


def test_threads_give_the_same_results() -> None:
    rng = np.random.default_rng(11)
    n = 200_000  # above the parallel threshold
    args = (rng.uniform(1, 10, n), rng.uniform(10, 20, n), 2020, 2025, rng.integers(2021, 2026, n), rng.uniform(0, 25, n))
    one = onpace.batch.progress(*args)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: onpace.batch.progress(*args), range(8)))
    for r in results:
        for k in one:
            np.testing.assert_array_equal(r[k], one[k])
    assert Decimal(1)  # keep Decimal imported for readers comparing with the exact path


def test_misaligned_and_strided_inputs() -> None:
    # Buffers from pickling (e.g. dask workers) can start at an odd address.
    raw = np.zeros(8 * 100 + 1, dtype=np.uint8)
    misaligned = np.frombuffer(raw.data, dtype=np.float64, count=100, offset=1)
    assert not misaligned.flags.aligned
    out = onpace.batch.progress(misaligned, 100, 2020, 2025, 2023, np.arange(100.0)[::-1][::1])
    assert out["status"].shape == (100,)
    strided = np.arange(200.0)[::2]
    assert onpace.batch.progress(0, 100, 2020, 2025, 2023, strided)["status"].shape == (100,)


def test_band_edges_give_the_exact_paths_status() -> None:
    # Issue 13: Yanbian rd-intensity 0.36 → 1.10, 0.73 in 2022: completion 0.5 = τ + δa exactly,
    # `ahead` in the exact API; the batch now uses the same edge rule (1e-12) and agrees.
    rd = onpace.builtin_plan().indicator("rd-intensity")
    assert rd.assess({2022: Decimal("0.73")}).status == "ahead"
    out = onpace.batch.progress(0.36, 1.10, 2020, 2025, 2022, 0.73)
    assert STATUS_CODES[int(out["status"])] == "ahead"
    # Exact edges on a grid of round values (baseline 0.36, target 1.10, every year, 0.01 steps).
    values = np.round(np.arange(0.20, 1.30, 0.01), 2)
    for year in range(2021, 2026):
        out = onpace.batch.progress(0.36, 1.10, 2020, 2025, year, values)
        for v, s in zip(values, out["status"]):
            assert STATUS_CODES[int(s)] == rd.assess({year: Decimal(f"{v:.2f}")}).status, (year, v)


def test_rows_without_an_observation_after_the_baseline_are_all_nan() -> None:
    out = onpace.batch.progress(1.0, 2.0, 2020, 2025, np.array([2020.0, 2019.0, 2021.0]), 1.5)
    # 2020 and 2019 are not after the baseline; 2021 at 1.5 is completion 0.5 against τ 0.2: ahead.
    assert [STATUS_CODES[int(s)] for s in out["status"]] == ["not_assessable", "not_assessable", "ahead"]
    for k in ("completion", "time_share", "pace", "actual_cagr", "required_cagr", "ratio"):
        assert np.isnan(out[k][:2]).all(), k
        assert not np.isnan(out[k][2]), k


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -0.01])
def test_thresholds_must_be_finite_and_non_negative(bad: float) -> None:
    with pytest.raises(onpace.InvalidArgumentError) as e:
        onpace.batch.progress(1.0, 2.0, 2020, 2025, 2022, 1.5, ahead_margin=bad)
    assert e.value.code == "invalid_argument"
    with pytest.raises(onpace.InvalidArgumentError):
        onpace.batch.progress(1.0, 2.0, 2020, 2025, 2022, 1.5, lag_tolerance=bad)
