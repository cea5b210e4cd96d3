"""Random differential test against the independent reference (issue 13, item 6).

`tests/reference/differential_ref.py` (exact rationals and MPFR at 128 bits, no onpace)
draws the cases — plans of 1–200 years, values from 1e-6 to 1e12, both directions, tiny and
huge growth, all-negative series — and computes what onpace must return. Each case goes
through the exact API (`Indicator.assess`, cn-plan-pace: every building block and the
status) and, all at once, through the f64 batch (`onpace.batch.progress`). Statuses must be
identical (the batch may differ only where the exact completion lies within the documented
1e-12 of a band edge without being on it; such cases are counted and reported); every
quantity's maximum relative error is reported in `target/differential-report.json` and held
to the bounds below.

CI runs ONPACE_DIFF_CASES (default 100 000) cases with the fixed seed ONPACE_DIFF_SEED;
`scripts/differential` runs more, with a fresh seed, for releases.
"""

from __future__ import annotations

import json
import math
import os
import sys
from decimal import Decimal
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Dict, List, Tuple

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "reference"))

import differential_ref as R  # noqa: E402

import onpace  # noqa: E402
from onpace.batch import STATUS_CODES  # noqa: E402

CASES = int(os.environ.get("ONPACE_DIFF_CASES", "100000"))
SEED = int(os.environ.get("ONPACE_DIFF_SEED", "20261130"))
CHUNK = 5000

# Bounds on the maximum relative error (absolute where the reference is 0). Rational results
# are exact decimals to 28 digits (their error is relative above 1, absolute below: a decimal
# has at most 28 digits after the point); rates are held to the 1e-13; quotients of rates
# (acceleration, ratio, years to target) to a few of those.
EXACT_BOUNDS = {
    "completion": 1e-24, "time_share": 1e-24, "pace": 1e-24,
    "actual_cagr": 1e-13, "required_cagr": 1e-13, "required_cagr_from_now": 1e-13,
    "acceleration": 5e-13, "years_to_target": 5e-13,
}
BATCH_BOUNDS = {
    "completion": 1e-15, "time_share": 1e-15, "pace": 1e-15,
    "actual_cagr": 1e-13, "required_cagr": 1e-13, "ratio": 5e-13,
}
EDGE_TOLERANCE = 1e-12


def _rel(got: Any, want: Any) -> float:
    if isinstance(got, Decimal):
        # Exact decimals, compared exactly (not through floats). A decimal keeps 28 digits
        # after the point at most, so below 1 its error is absolute (≤ 5e-29), above 1
        # relative: |got − want| / max(|want|, 1).
        g, w = R.mpq(str(got)), R.mpq(want)
        return float(abs(g - w) / max(abs(w), R.mpq(1)))
    w = float(want)
    g = float(got)
    if w == 0:
        return abs(g)
    return abs(g - w) / abs(w)


def _near_edge(ref: Dict[str, Any]) -> bool:
    """The exact completion within 1e-12 of a band edge but not on it: the batch's documented
    tolerance may decide either way there."""
    p, tau = ref["completion"], ref["time_share"]
    if p is None:
        return False
    for edge in (tau - R.mpq(1, 20), tau + R.mpq(1, 10)):
        gap = abs(float(p - edge))
        if p != edge and gap <= EDGE_TOLERANCE * max(1.0, abs(float(edge))):
            return True
    return False


def run_chunk(args: Tuple[int, int]) -> Dict[str, Any]:
    seed, n = args
    cases = R.random_cases(seed, n)
    worst: Dict[str, Tuple[float, Any]] = {}
    mismatches: List[str] = []
    near_edge = 0

    def track(prefix: str, name: str, got: Any, want: Any, case: Dict[str, Any]) -> None:
        key = f"{prefix}.{name}"
        if want is None:
            missing = got is None or (isinstance(got, float) and math.isnan(got))
            if not missing:
                mismatches.append(f"{key}: got {got}, reference has none: {case}")
            return
        if got is None or (isinstance(got, float) and math.isnan(got)):
            mismatches.append(f"{key}: got none, reference {float(want)!r}: {case}")
            return
        e = _rel(got, want)
        if e > worst.get(key, (-1.0, None))[0]:
            worst[key] = (e, case)

    refs = []
    for c in cases:
        ref = R.progress_ref(c)
        refs.append(ref)
        ind = onpace.Indicator("x", unit="ratio", direction=c["d"], baseline=(c["t0"], c["y0"]), target=(c["T"], c["ys"]))
        a = ind.assess({c["t"]: c["yt"]})
        if a.status != ref["status"]:
            mismatches.append(f"exact.status: {a.status} != {ref['status']}: {c}")
        for name in EXACT_BOUNDS:
            track("exact", name, getattr(a, name), ref[name], c)
    cols = {k: np.array([float(c[k]) for c in cases]) for k in ("y0", "ys", "t0", "T", "t", "yt", "d")}
    out = onpace.batch.progress(cols["y0"], cols["ys"], cols["t0"], cols["T"], cols["t"], cols["yt"], direction=cols["d"])
    for i, c in enumerate(cases):
        bref = R.batch_ref(c)
        status = STATUS_CODES[int(out["status"][i])]
        if status != refs[i]["status"]:
            if _near_edge(refs[i]):
                near_edge += 1
            else:
                mismatches.append(f"batch.status: {status} != {refs[i]['status']}: {c}")
        for name in BATCH_BOUNDS:
            track("batch", name, float(out[name][i]), bref[name], c)
    return {"worst": worst, "mismatches": mismatches, "near_edge": near_edge, "cases": len(cases)}


def test_random_cases_agree_with_the_reference() -> None:
    chunks = [(SEED * 1000 + k, min(CHUNK, CASES - k * CHUNK)) for k in range((CASES + CHUNK - 1) // CHUNK)]
    workers = max(1, min(2, os.cpu_count() or 1))
    with get_context("fork").Pool(workers) as pool:
        results = pool.map(run_chunk, chunks)
    worst: Dict[str, Tuple[float, Any]] = {}
    mismatches: List[str] = []
    for r in results:
        mismatches += r["mismatches"]
        for k, v in r["worst"].items():
            if v[0] > worst.get(k, (-1.0, None))[0]:
                worst[k] = v
    total = sum(r["cases"] for r in results)
    near_edge = sum(r["near_edge"] for r in results)
    report = {
        "cases": total, "seed": SEED, "status_mismatches": len(mismatches), "batch_near_edge_differences": near_edge,
        "max_relative_error": {k: v[0] for k, v in sorted(worst.items())},
        "worst_case": {k: v[1] for k, v in sorted(worst.items())},
    }
    out = ROOT / "target" / "differential-report.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps({k: report[k] for k in ("cases", "seed", "status_mismatches", "batch_near_edge_differences", "max_relative_error")}, indent=1))
    assert total == CASES
    assert not mismatches, "\n".join(mismatches[:20])
    for k, (e, case) in worst.items():
        api, name = k.split(".")
        bound = (EXACT_BOUNDS if api == "exact" else BATCH_BOUNDS)[name]
        assert e <= bound, f"{k}: max relative error {e:e} > {bound:e} at {case}"
    # Every quantity was compared somewhere (a quantity that is always None checks nothing).
    assert set(worst) == {f"exact.{n}" for n in EXACT_BOUNDS} | {f"batch.{n}" for n in BATCH_BOUNDS}
