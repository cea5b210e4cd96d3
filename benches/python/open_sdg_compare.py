"""onpace's open-sdg against Open SDG's progress rules on the same 10^4 series.

The anchor the issue names is sdg-build's ``ProgressMeasure.py``. It cannot be vendored here
(sdg-build is not on PyPI, and its code read through the project's search tool may not be
copied), so the peer is the repository's own model of Open SDG's published rules,
``tests/reference/open_sdg_peer.py`` (written for the differential test, issue 13), timed two
ways:

- ``peer``: the model as it is, plain Python floats per series — faster than Open SDG's own
  code, which handles each indicator's data as a pandas DataFrame;
- ``peer_pandas``: the same rules behind per-series pandas data handling in the style of
  sdg-build (a DataFrame of Year/Value rows per series, missing values dropped, sorted by year,
  then the base and latest rows read from it). This handling is our own model of that cost,
  not sdg-build's code.

onpace is timed through the object API (``plan.indicator(id).assess(obs, method="open-sdg")``
per series) and through ``Plan.evaluate`` with every row read (``[r.status for r in
ev.rows]``), on a plan of the same 10^4 series (the synthetic plan of ``evaluate_scale.py``:
base year 2020, a level target in 2025, observations in 2021 and 2023). Before timing, every
series' status and score are checked equal to the peer's (status names mapped as in
``bindings-python/tests/test_open_sdg_differential.py``, scores within 1e-9). Each cell is the
best of 3, timed in turns; the ratios are peer time ÷ onpace time (higher: onpace faster):

    .venv/bin/python benches/python/open_sdg_compare.py [N]      # 10000
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

import pandas as pd

import onpace

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "reference"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import open_sdg_peer as P  # noqa: E402
from evaluate_scale import plan_and_observations  # noqa: E402

NAMES = {P.ACHIEVED: "achieved", P.ON_TRACK: "on_track", P.ACCEL: "acceleration_needed",
         P.LIMITED: "limited_progress", P.DETERIORATION: "deterioration", None: "not_assessable"}

Series = Tuple[Dict[int, float], int, int, float, int]


def peer_series(plan_doc: Dict[str, Any], obs: Dict[str, Any]) -> List[Series]:
    """Each indicator as the peer takes it: {year: value} with the baseline, base year,
    target year, target and direction (+1: every synthetic indicator is higher-is-better)."""
    out = []
    for ind in plan_doc["indicators"]:
        b = ind["baseline"]
        values = {b["year"]: float(b["value"])}
        values.update({o["year"]: float(o["value"]) for o in obs[ind["id"]]})
        out.append((values, b["year"], ind["target"]["year"], float(ind["target"]["value"]), 1))
    return out


def peer(series: List[Series]) -> List[Tuple[Optional[str], Optional[float]]]:
    return [P.measure(v, t0, t, target, d) for v, t0, t, target, d in series]


def peer_pandas(series: List[Series]) -> List[Tuple[Optional[str], Optional[float]]]:
    out = []
    for values, t0, t, target, d in series:
        df = pd.DataFrame({"Year": list(values), "Value": list(values.values())})
        df = df.dropna(subset=["Value"]).sort_values("Year")
        base_year = int(df["Year"].iloc[0]) if t0 not in set(df["Year"]) else t0
        base = float(df.loc[df["Year"] == base_year, "Value"].iloc[0])
        latest_year = int(df["Year"].iloc[-1])
        latest = float(df.loc[df["Year"] == latest_year, "Value"].iloc[0])
        out.append(P.measure({base_year: base, latest_year: latest}, base_year, t, target, d))
    return out


def run(n: int, rounds: int = 3) -> Dict[str, Any]:
    plan_doc, obs = plan_and_observations(n)
    plan = onpace.Plan.from_json(json.dumps(plan_doc))
    ids = [i["id"] for i in plan_doc["indicators"]]
    indicators = {i: plan.indicator(i) for i in ids}
    series = peer_series(plan_doc, obs)

    def object_api() -> List[onpace.Assessment]:
        return [plan.indicator(i).assess(obs[i], method="open-sdg") for i in ids]

    def evaluate() -> List[str]:
        ev = plan.evaluate(obs, method="open-sdg")
        return [r.status for r in ev.rows]

    # Results equal first: every series' status and score.
    want = peer(series)
    assert want == peer_pandas(series)
    ev = plan.evaluate(obs, method="open-sdg")
    for (status, score), row, one in zip(want, ev.rows, object_api()):
        assert row.status == one.status == NAMES[status], (row, status)
        assert (score is None and row.score is None) or abs(row.score - score) <= 1e-9, (row, score)
        assert row.score == one.score
    del indicators

    timed: Dict[str, Callable[[], Any]] = {"peer": lambda: peer(series), "peer_pandas": lambda: peer_pandas(series),
                                           "object_api": object_api, "plan_evaluate": evaluate}
    best = {k: float("inf") for k in timed}
    for _ in range(rounds):
        for k, f in timed.items():
            t = time.perf_counter()
            f()
            best[k] = min(best[k], time.perf_counter() - t)
    ms = {k: round(v * 1e3, 2) for k, v in best.items()}
    return {
        "series": n, "load_1m": round(os.getloadavg()[0], 2), "ms": ms,
        "us_per_series": {k: round(v * 1e6 / n, 2) for k, v in best.items()},
        "peer_over_object_api": round(best["peer"] / best["object_api"], 2),
        "peer_over_plan_evaluate": round(best["peer"] / best["plan_evaluate"], 2),
        "peer_pandas_over_object_api": round(best["peer_pandas"] / best["object_api"], 2),
        "peer_pandas_over_plan_evaluate": round(best["peer_pandas"] / best["plan_evaluate"], 2),
    }


def main() -> None:
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)))


if __name__ == "__main__":
    main()
