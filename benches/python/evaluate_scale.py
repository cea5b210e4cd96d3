"""Python ``Plan.evaluate`` against Rust ``Plan::evaluate`` on one plan of 10^4 indicators.

Writes the plan and its observations as JSON (target/bench-data/), times Python's
``Plan.evaluate`` (best of 7), runs the Rust bench ``benches/benches/evaluate.rs`` on the same
files (best of 7), checks both give the same count per status, and prints the ratio:

    .venv/bin/python benches/python/evaluate_scale.py [N] [METHOD]     # 10000 open-sdg

The plan is synthetic (labelled so): indicator i has baseline 1 + (i mod 97)/10 in 2020, a
level target (i mod 13)/10 + 1 above it in 2025 (higher is better), and observations in 2021
and 2023 spread around the baseline, so every status occurs.
"""

from __future__ import annotations

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
    ev = plan.evaluate(obs, method=method)
    py_counts = {c.status: c.count for c in ev.summary.counts}
    best = float("inf")
    for _ in range(7):
        t = time.perf_counter()
        plan.evaluate(obs, method=method)
        best = min(best, time.perf_counter() - t)

    env = dict(os.environ, ONPACE_EVAL_PLAN=str(out / "plan.json"), ONPACE_EVAL_OBS=str(out / "observations.json"),
               ONPACE_EVAL_METHOD=method)
    res = subprocess.run(["cargo", "bench", "-q", "-p", "onpace-benches", "--bench", "evaluate"], cwd=ROOT, env=env,
                         check=True, capture_output=True, text=True)
    rust = json.loads(res.stdout.strip().splitlines()[-1])
    assert rust["counts"] == py_counts, (rust["counts"], py_counts)
    print(json.dumps({"indicators": n, "method": method, "python_ms": round(best * 1e3, 2), "rust_ms": rust["best_ms"],
                      "python_over_rust": round(best * 1e3 / rust["best_ms"], 2), "counts": py_counts}))


if __name__ == "__main__":
    main()
