"""Plan loading and lookup scale linearly: Plan.from_json, Plan.to_dataframe/from_dataframe
and plan.indicator(id) over every id at 10^4 and 10^5 indicators, against the core's own
parse (PlanHandle.from_json). Reports seconds and the 10^5/10^4 ratio (10 when linear; the
quadratic Plan of before took 21 s at 10^5). The standard library's json.loads of the same text
is the yardstick: on a busy machine its own ratio exceeds 10 (allocation and cache effects), and
the Plan rows should track it.

    .venv/bin/python benches/python/plan_scale.py [--quick]

--quick runs 10^3 and 10^4 (what the pytest smoke run uses, so the script cannot rot).
"""

from __future__ import annotations

import json
import sys
import time
from typing import Callable, Dict, List

import onpace
from onpace import _core


def plan_json(n: int) -> str:
    indicators = [
        {"id": f"i{k}", "label": {"zh": f"指标{k}"}, "unit": {"kind": "index"}, "direction": "increase",
         "baseline": {"year": 2020, "value": str(100 + k % 7)}, "target": {"kind": "level", "year": 2025, "value": "130"}}
        for k in range(n)
    ]
    return json.dumps({"id": "big", "title": {"zh": "x"}, "issuer": {"zh": "x"}, "region": {"zh": "x"},
                       "period": {"start": 2021, "end": 2025}, "base_year": 2020, "indicators": indicators})


def seconds(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run(sizes: List[int]) -> Dict[str, List[float]]:
    out: Dict[str, List[float]] = {}
    for n in sizes:
        text = plan_json(n)
        plan = onpace.Plan.from_json(text)
        ids = [f"i{k}" for k in range(n)]
        rows = {
            "json.loads of the same text (stdlib)": seconds(lambda: json.loads(text)),
            "core parse (PlanHandle.from_json)": seconds(lambda: _core.PlanHandle.from_json(text)),
            "Plan.from_json": seconds(lambda: onpace.Plan.from_json(text)),
            "plan.indicator(id) for every id": seconds(lambda: [plan.indicator(i) for i in ids]),
            "Plan.from_dataframe(plan.to_dataframe())": seconds(lambda: onpace.Plan.from_dataframe(plan.to_dataframe(), id="big")),
        }
        for k, v in rows.items():
            out.setdefault(k, []).append(v)
    return out


def main() -> None:
    sizes = [1_000, 10_000] if "--quick" in sys.argv else [10_000, 100_000]
    results = run(sizes)
    print(f"{'':45} {sizes[0]:>10} {sizes[1]:>10}  ratio")
    for k, (a, b) in results.items():
        print(f"{k:45} {a:>9.3f}s {b:>9.3f}s  {b / a:5.1f}")


if __name__ == "__main__":
    main()
