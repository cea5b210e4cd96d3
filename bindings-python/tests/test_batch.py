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
        a = ind.progress({int(year[i]): float(value[i])})
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
