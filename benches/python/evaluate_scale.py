"""Python ``Plan.evaluate`` against Rust ``Plan::evaluate`` on one plan of 10^4 indicators.

Writes the plan and its observations as JSON (target/bench-data/), runs the Rust bench
``benches/benches/evaluate.rs`` on the same files (best of 7, before and again after the Python
timings, the better of the two; it also writes its evaluation as JSON), checks that Python's evaluation is the same JSON text byte for byte, then times in turns
(best of 7 each):

- ``plan.evaluate(obs)``: the thin call path (typed conversions in, rows kept in Rust until
  ``.rows`` is read; docs/python-call-path.md);
- the same with every row made as an ``Assessment`` and its ``status`` read (the rows are lazy:
  each field is converted when first read, docs/python-call-path.md, "Rows");
- the same with every field of every row read (``getattr`` of each dataclass field: every
  conversion done);
- the JSON route the thin path replaced (request and result as JSON text, rows converted in
  Python), through a handle that declines the typed calls;

and prints each ratio to Rust with the load average:

    .venv/bin/python benches/python/evaluate_scale.py [N] [METHOD]     # 10000 open-sdg

The plan is synthetic (labelled so): indicator i has baseline 1 + (i mod 97)/10 in 2020, a
level target (i mod 13)/10 + 1 above it in 2025 (higher is better), and observations in 2021
and 2023 spread around the baseline, so every status occurs. The Rust benches generate the
same plan (``onpace_benches::synthetic_plan_json``).
"""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import onpace

ROOT = Path(__file__).resolve().parents[2]


def plan_and_observations(n: int) -> tuple[dict, dict]:
    indicators, obs = [], {}
    for i in range(n):
        base = Decimal(10 + i % 97) / 10
        target = base + 1 + Decimal(i % 13) / 10
        ident = f"i{i}"
        indicators.append({"id": ident, "label": {"zh": f"合成指标 {i}"}, "unit": {"kind": "ratio"},
                           "direction": "increase", "baseline": {"year": 2020, "value": str(base)},
                           "target": {"kind": "level", "year": 2025, "value": str(target)}})
        obs[ident] = [{"year": 2021, "value": str(base + Decimal(i % 7 - 2) / 10)},
                      {"year": 2023, "value": str(base + Decimal(i % 23 - 4) / 10)}]
    plan = {"id": "synthetic-1e4", "title": {"zh": "合成基准规划（非真实数据）", "en": "Synthetic benchmark plan (not real data)"},
            "issuer": {"zh": "无"}, "region": {"zh": "无"}, "period": {"start": 2021, "end": 2025},
            "base_year": 2020, "indicators": indicators}
    return plan, obs


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    method = sys.argv[2] if len(sys.argv) > 2 else "open-sdg"
    plan_doc, obs = plan_and_observations(n)
    out = ROOT / "target" / "bench-data"
    out.mkdir(parents=True, exist_ok=True)
    (out / "plan.json").write_text(json.dumps(plan_doc), encoding="utf-8")
    (out / "observations.json").write_text(json.dumps(obs), encoding="utf-8")

    plan = onpace.Plan.from_json(json.dumps(plan_doc))
    env = dict(os.environ, ONPACE_EVAL_PLAN=str(out / "plan.json"), ONPACE_EVAL_OBS=str(out / "observations.json"),
               ONPACE_EVAL_METHOD=method, ONPACE_EVAL_OUT=str(out / "evaluation.json"))

    def rust_bench() -> dict:
        res = subprocess.run(["cargo", "bench", "-q", "-p", "onpace-benches", "--bench", "evaluate"], cwd=ROOT, env=env,
                             check=True, capture_output=True, text=True)
        return json.loads(res.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]

    rust = rust_bench()

    ev = plan.evaluate(obs, method=method)
    assert ev.to_json() == (out / "evaluation.json").read_text(encoding="utf-8"), "Python and Rust evaluations differ"
    py_counts = {c.status: c.count for c in ev.summary.counts}
    assert rust["counts"] == py_counts, (rust["counts"], py_counts)
    json_route = json_only(plan)
    assert [r.status for r in json_route.evaluate(obs, method=method).rows] == [r.status for r in ev.rows]
    # The lazy rows are the rows Assessment._from builds from the core's JSON, field by field.
    eager = [onpace.Assessment._from(r) for r in json.loads(ev.to_json())["rows"]]
    assert [repr(dataclasses.asdict(r)) for r in ev.rows] == [repr(dataclasses.asdict(r)) for r in eager]

    names = [f.name for f in dataclasses.fields(onpace.Assessment)]
    timed = {
        "thin": lambda: plan.evaluate(obs, method=method),
        "rows_status": lambda: [r.status for r in plan.evaluate(obs, method=method).rows],
        "rows_every_field": lambda: [[getattr(r, k) for k in names] for r in plan.evaluate(obs, method=method).rows],
        "json_route": lambda: json_route.evaluate(obs, method=method),
    }
    best = {k: float("inf") for k in timed}
    for _ in range(7):  # in turns, so a change in load falls on each alike
        for k, f in timed.items():
            t = time.perf_counter()
            f()
            best[k] = min(best[k], time.perf_counter() - t)
    # Rust again after Python, the better of its two runs: the load on this shared machine
    # changes within a minute, and a ratio of timings taken minutes apart would show it.
    rust["best_ms"] = min(rust["best_ms"], rust_bench()["best_ms"])
    ms = {k: round(v * 1e3, 2) for k, v in best.items()}
    print(json.dumps({"indicators": n, "method": method, "load_1m": round(os.getloadavg()[0], 2), "rust_ms": rust["best_ms"],
                      "python_ms": ms["thin"], "python_over_rust": round(ms["thin"] / rust["best_ms"], 2),
                      "python_rows_status_ms": ms["rows_status"],
                      "python_rows_status_over_rust": round(ms["rows_status"] / rust["best_ms"], 2),
                      "python_every_field_ms": ms["rows_every_field"],
                      "python_every_field_over_rust": round(ms["rows_every_field"] / rust["best_ms"], 2),
                      "json_route_ms": ms["json_route"], "json_route_over_rust": round(ms["json_route"] / rust["best_ms"], 2),
                      "counts": py_counts}))


def json_only(plan: onpace.Plan) -> onpace.Plan:
    """The plan with a handle that declines the typed calls: the JSON route."""

    class JsonOnly:
        def __init__(self, handle: object) -> None:
            self._handle = handle

        def evaluate_plain(self, *args: object) -> None:
            return None

        def __getattr__(self, name: str) -> object:
            return getattr(self._handle, name)

    twin = copy.copy(plan)
    twin._h = JsonOnly(plan._h)  # type: ignore[assignment]
    return twin


if __name__ == "__main__":
    main()
