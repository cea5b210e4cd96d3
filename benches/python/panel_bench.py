"""onpace.batch.evaluate(frame) against the per-series loop a user would otherwise write
(group the long frame, build an Indicator per series, call Indicator.assess), on one
synthetic panel. Results are checked equal first (status and ratio of every series); then both
are timed in turns, best of 5, in one process.

    .venv/bin/python benches/python/panel_bench.py [SERIES] [YEARS]   # default 2000 series x 10 years
"""

from __future__ import annotations

import json
import math
import sys
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
import pandas as pd

import onpace
from compare_batch import interleaved

CASES: List[Tuple[str, Optional[str]]] = [("cn-plan-pace", None), ("open-sdg", None), ("destatis", None), ("escap", "ols_linear")]


def panel(series: int, years: int, seed: int = 11) -> pd.DataFrame:
    """`series` region series of `years` annual values each, after a 2015 baseline, targets 2030."""
    rng = np.random.default_rng(seed)
    y0 = rng.uniform(5, 50, series).round(2)
    target = (y0 * rng.uniform(1.1, 2.0, series)).round(2)
    slope = rng.uniform(-0.5, 3.0, series)
    yr = np.arange(2016, 2016 + years)
    value = (y0[:, None] + slope[:, None] * (yr - 2015)[None, :] + rng.normal(0, 1, (series, years))).round(2)
    return pd.DataFrame({
        "indicator": np.repeat([f"ind{s % 10}" for s in range(series)], years),
        "region": np.repeat([f"r{s}" for s in range(series)], years),
        "year": np.tile(yr, series), "value": value.ravel(),
        "baseline": np.repeat(y0, years), "base_year": 2015, "target": np.repeat(target, years), "target_year": 2030,
        "direction": 1,
    })


def loop(frame: pd.DataFrame, method: str, model: Optional[str]) -> pd.DataFrame:
    """What a user writes without the panel entry point."""
    kw: Dict[str, Any] = {"model": model} if model else {}
    rows = []
    for (ind, reg), g in frame.groupby(["indicator", "region"], sort=True):
        f = g.iloc[0]
        indicator = onpace.Indicator("x", unit="ratio", direction=int(f["direction"]), baseline=(int(f["base_year"]), float(f["baseline"])),
                                     target=(int(f["target_year"]), float(f["target"])))
        a = indicator.assess(dict(zip(g["year"].astype(int), g["value"])), method=method, **kw)
        rows.append((ind, reg, a.status, math.nan if a.ratio is None else a.ratio))
    return pd.DataFrame(rows, columns=["indicator", "region", "status", "ratio"])


def run(series: int = 2000, years: int = 10, repeats: int = 5) -> List[Dict[str, Any]]:
    frame = panel(series, years)
    rows = []
    for method, model in CASES:
        ours = onpace.batch.evaluate(frame, method=method, model=model)
        theirs = loop(frame, method, model)
        assert ours["error"].isna().all(), ours["message"].dropna().head()
        assert list(ours["status"]) == list(theirs["status"]), method
        np.testing.assert_allclose(ours["ratio"], theirs["ratio"], rtol=1e-12, equal_nan=True)
        t = interleaved({"evaluate": lambda: onpace.batch.evaluate(frame, method=method, model=model),
                  "loop": lambda: loop(frame, method, model)}, repeats)
        rows.append({"method": method if model is None else f"{method} ({model})", "series": series, "rows": len(frame),
                     "evaluate_ms": round(1e3 * t["evaluate"], 2), "loop_ms": round(1e3 * t["loop"], 1),
                     "loop_over_evaluate": round(t["loop"] / t["evaluate"], 1)})
    return rows


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    for row in run(*args):
        print(json.dumps(row), flush=True)
