"""onpace.batch against what a statistician would write: idiomatic vectorised numpy, and
pandas DataFrame.apply(axis=1). Results are checked equal (1e-12 relative, same statuses)
before any time is reported. Peak memory is measured in a fresh process per implementation.

    .venv/bin/python benches/python/compare_batch.py            # 1e4, 1e5, 1e6 series
    .venv/bin/python benches/python/compare_batch.py --methods  # every batch method vs plain numpy
    .venv/bin/python benches/python/compare_batch.py --threshold  # one thread vs both, by size

``--methods`` times, in one process and interleaved (best of 7 each), every batch method at
10^6 series against the plain numpy of ``plain_numpy.py`` (powers, scalar years, ``np.select``),
and cn-plan-pace also against the log1p/expm1 numpy below (per-row years); then the no-target
variants (a NaN target column; growth rates spread over every band) against their plain numpy
(``NO_TARGET``). ``--methods NAME`` runs the rows whose name starts with NAME. ``--threshold``
times the kernel on one thread and split over both cores at sizes around the parallel
threshold (the private ``parallel_from`` argument of ``_core.batch_assess_into``).
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import time

import numpy as np
import pandas as pd

import onpace
from plain_numpy import NO_TARGET, PLAIN

SIZES = [10_000, 100_000, 1_000_000]


def inputs(n: int, seed: int = 7) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    baseline = rng.uniform(1, 10, n)
    return {
        "baseline": baseline,
        "target": baseline + rng.uniform(0.5, 5, n),
        "base_year": np.full(n, 2020.0),
        "target_year": np.full(n, 2025.0),
        "year": rng.integers(2021, 2026, n).astype(float),
        "value": baseline + rng.uniform(-1, 6, n),
        "direction": np.ones(n),
    }


def onpace_progress(x: dict[str, np.ndarray]) -> dict:
    return onpace.batch.progress(x["baseline"], x["target"], x["base_year"], x["target_year"], x["year"], x["value"],
                                 direction=x["direction"])


def numpy_progress(baseline, target, base_year, target_year, year, value, direction, ahead=0.10, lag=0.05):
    """The cn-plan-pace formulas of docs/methods.md, vectorised the way one writes them in numpy."""
    with np.errstate(divide="ignore", invalid="ignore"):
        n = year - base_year
        big_n = target_year - base_year
        tau = n / big_n
        planned = target - baseline
        completion = np.where(planned != 0, (value - baseline) / planned, np.nan)
        pace = np.where(n > 0, completion / tau, np.nan)
        ok_a = (baseline != 0) & (value != 0) & (np.sign(baseline) == np.sign(value)) & (n > 0)
        ga = np.where(ok_a, np.expm1(np.log1p((value - baseline) / baseline) / n), np.nan)
        ok_r = (baseline != 0) & (target != 0) & (np.sign(baseline) == np.sign(target)) & (big_n > 0)
        gr = np.where(ok_r, np.expm1(np.log1p((target - baseline) / baseline) / big_n), np.nan)
        ratio = np.where(gr != 0, direction * ga / np.abs(gr), np.nan)
        status = np.select(
            [n <= 0, direction * (value - target) >= 0, (direction * (baseline - target) >= 0) | (completion < 0),
             completion < tau - lag, completion >= tau + ahead],
            [-1, 0, 4, 3, 1], default=2).astype(np.int8)
    return {"completion": completion, "time_share": tau, "pace": pace, "actual_cagr": ga, "required_cagr": gr,
            "ratio": ratio, "status": status}


def row_progress(r) -> pd.Series:
    """One row at a time, as with DataFrame.apply(axis=1)."""
    n, big_n = r.year - r.base_year, r.target_year - r.base_year
    tau = n / big_n
    planned = r.target - r.baseline
    c = (r.value - r.baseline) / planned if planned else math.nan
    ga = math.expm1(math.log1p((r.value - r.baseline) / r.baseline) / n) if n > 0 and r.value / r.baseline > 0 else math.nan
    gr = math.expm1(math.log1p((r.target - r.baseline) / r.baseline) / big_n) if r.target / r.baseline > 0 else math.nan
    d = r.direction
    if n <= 0:
        s = -1
    elif d * (r.value - r.target) >= 0:
        s = 0
    elif d * (r.baseline - r.target) >= 0 or c < 0:
        s = 4
    elif c < tau - 0.05:
        s = 3
    elif c >= tau + 0.10:
        s = 1
    else:
        s = 2
    return pd.Series({"completion": c, "time_share": tau, "pace": c / tau if n > 0 else math.nan, "actual_cagr": ga,
                      "required_cagr": gr, "ratio": d * ga / abs(gr) if gr else math.nan, "status": s})


def check_equal(a: dict, b: dict, what: str) -> None:
    for k in ("completion", "time_share", "pace", "actual_cagr", "required_cagr", "ratio"):
        np.testing.assert_allclose(np.asarray(a[k], dtype=float), np.asarray(b[k], dtype=float), rtol=1e-12, atol=0,
                                   equal_nan=True, err_msg=f"{what}: {k}")
    np.testing.assert_array_equal(np.asarray(a["status"]).astype(int), np.asarray(b["status"]).astype(int), err_msg=f"{what}: status")


def best(f, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def peak_rss_mb(impl: str, n: int) -> float:
    """Peak resident memory added by one call, in a fresh process: the kernel's peak counter
    (VmHWM) is reset after the inputs exist (/proc/self/clear_refs), so input generation and
    its temporaries do not count."""
    code = f"""
import sys
sys.path.insert(0, {json.dumps(sys.path[0])})
from compare_batch import inputs, numpy_progress, onpace_progress
x = inputs({n})
def status(key):
    for line in open('/proc/self/status'):
        if line.startswith(key):
            return int(line.split()[1])
open('/proc/self/clear_refs', 'w').write('5')
before = status('VmRSS:')
out = onpace_progress(x) if {impl!r} == 'onpace' else numpy_progress(*x.values())
print(before, status('VmHWM:'))
"""
    before, peak = map(int, subprocess.check_output([sys.executable, "-c", code]).split())
    return (peak - before) / 1024  # kB → MB


def main() -> None:
    rows = []
    for n in SIZES:
        x = inputs(n)
        ours = onpace_progress(x)
        ref = numpy_progress(*x.values())
        check_equal(ours, ref, f"numpy n={n}")
        t_onpace = best(lambda: onpace_progress(x), 5)
        t_numpy = best(lambda: numpy_progress(*x.values()), 5)
        df = pd.DataFrame(x)
        sample = df if n <= 100_000 else df.iloc[:100_000]
        t = time.perf_counter()
        applied = sample.apply(row_progress, axis=1)
        t_apply_sample = time.perf_counter() - t
        check_equal({k: applied[k].to_numpy() for k in applied.columns},
                    {k: v[: len(sample)] for k, v in ours.items()}, f"pandas n={n}")
        # At 10^6 rows the apply is timed on 10^5 rows and scaled: it is linear in rows.
        t_apply = t_apply_sample * (n / len(sample))
        rows.append({"n": n, "onpace_s": t_onpace, "numpy_s": t_numpy, "pandas_apply_s": t_apply,
                     "apply_measured_rows": len(sample), "numpy_over_onpace": t_numpy / t_onpace,
                     "apply_over_onpace": t_apply / t_onpace})
    n = SIZES[-1]
    io_mb = n * (7 * 8 + 6 * 8 + 1) / 1e6
    mem = {"n": n, "inputs_plus_outputs_mb": io_mb, "onpace_peak_growth_mb": peak_rss_mb("onpace", n),
           "numpy_peak_growth_mb": peak_rss_mb("numpy", n), "outputs_mb": n * (6 * 8 + 1) / 1e6}
    print(json.dumps({"timings": rows, "memory": mem}, indent=1))


def close(ours: dict, plain: dict, what: str) -> None:
    """Same statuses; values within 1e-12 (absolute 1e-12 too: `x ** (1/n) - 1` loses relative
    accuracy for rates near 0, which onpace keeps)."""
    np.testing.assert_array_equal(ours["status"], plain["status"], err_msg=f"{what}: status")
    for k, v in ours.items():
        if k != "status":
            np.testing.assert_allclose(v, plain[k], rtol=1e-12, atol=1e-12, equal_nan=True, err_msg=f"{what}: {k}")


def interleaved(fs: dict, repeats: int = 7) -> dict:
    """Best time of each function, the functions taking turns (the VM drifts over seconds)."""
    best_t = {k: math.inf for k in fs}
    for _ in range(repeats):
        for k, f in fs.items():
            t = time.perf_counter()
            f()
            best_t[k] = min(best_t[k], time.perf_counter() - t)
    return best_t


def methods(n: int = 1_000_000) -> None:
    x = inputs(n)
    b, t, y, v = x["baseline"], x["target"], x["year"], x["value"]
    rows = []
    for m, plain in PLAIN.items():
        if not selected(m):
            continue
        ours = onpace.batch.assess(b, t, 2020, 2025, y, v, method=m)
        close(ours, plain(b, t, 2020, 2025, y, v, 1), m)
        fs = {"onpace": lambda m=m: onpace.batch.assess(b, t, 2020, 2025, y, v, method=m),
              "plain": lambda plain=plain: plain(b, t, 2020, 2025, y, v, 1)}
        if m == "cn-plan-pace":
            check_equal(onpace_progress(x), numpy_progress(*x.values()), "log1p numpy")
            fs["log1p"] = lambda: numpy_progress(*x.values())
            fs["progress"] = lambda: onpace_progress(x)
        best_t = interleaved(fs)
        row = {"method": m, "n": n, **{f"{k}_ms": round(1e3 * s, 2) for k, s in best_t.items()},
               "plain_over_onpace": round(best_t["plain"] / best_t["onpace"], 2)}
        if "log1p" in best_t:
            row["log1p_over_onpace"] = round(best_t["log1p"] / best_t["onpace"], 2)
            row["plain_over_progress"] = round(best_t["plain"] / best_t["progress"], 2)
        rows.append(row)
        print(json.dumps(row), flush=True)
    # No target: growth of −3 % … +4 % a year, so that every band is hit; the target a NaN column.
    rng = np.random.default_rng(11)
    v_nt = b * (1 + rng.uniform(-0.03, 0.04, n)) ** (y - 2020)
    nan = np.full(n, np.nan)
    for name, (m, th, plain) in NO_TARGET.items():
        if not selected(name):
            continue
        ours = onpace.batch.assess(b, nan, 2020, nan, y, v_nt, method=m, thresholds=th)
        close(ours, plain(b, nan, 2020, nan, y, v_nt, 1), name)
        best_t = interleaved({"onpace": lambda m=m, th=th: onpace.batch.assess(b, nan, 2020, nan, y, v_nt, method=m, thresholds=th),
                              "plain": lambda plain=plain: plain(b, nan, 2020, nan, y, v_nt, 1)})
        row = {"method": name, "n": n, **{f"{k}_ms": round(1e3 * s, 2) for k, s in best_t.items()},
               "plain_over_onpace": round(best_t["plain"] / best_t["onpace"], 2)}
        print(json.dumps(row), flush=True)


def selected(name: str) -> bool:
    """Whether ``--methods NAME`` (or no name) selects this row."""
    args = sys.argv[sys.argv.index("--methods") + 1:] if "--methods" in sys.argv else []
    return not args or any(name.startswith(a) for a in args)


def threshold() -> None:
    rng = np.random.default_rng(3)
    for n in (1_024, 2_048, 4_096, 8_192, 16_384, 32_768, 65_536, 131_072):
        b = rng.uniform(1, 10, n)
        cols = [b, b + rng.uniform(0.5, 5, n), np.array([2020.0]), np.array([2025.0]),
                rng.integers(2021, 2026, n).astype(float), b + rng.uniform(-1, 6, n), np.array([1.0])]
        reps = max(20, 2_000_000 // n)
        def run(parallel_from: int, n: int = n, cols: list = cols) -> None:
            values = [np.empty(n) for _ in range(6)]
            onpace._core.batch_assess_into("cn-plan-pace", cols, None, None, {}, values, np.empty(n, dtype=np.int8), parallel_from)

        best_t = interleaved({"one": lambda: run(n + 1), "two": lambda: run(1)}, reps)
        print(json.dumps({"n": n, "one_thread_us": round(1e6 * best_t["one"], 1), "both_cores_us": round(1e6 * best_t["two"], 1),
                          "one_over_two": round(best_t["one"] / best_t["two"], 2)}), flush=True)


if __name__ == "__main__":
    if "--methods" in sys.argv:
        methods()
    elif "--threshold" in sys.argv:
        threshold()
    else:
        main()
