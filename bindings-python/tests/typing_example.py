"""A typical notebook session, checked by ``mypy --strict`` (not run by pytest)."""

from __future__ import annotations

from decimal import Decimal
from typing import Dict, List

import onpace


def main() -> None:
    plan: onpace.Plan = onpace.builtin_plan("yanbian-st-14")
    rd: onpace.Indicator = plan.indicator("rd-intensity")
    path: List[onpace.Milestone] = rd.path("geometric")
    first: Decimal = path[0].value
    a: onpace.Assessment = rd.assess({2022: Decimal("0.60")}, method="eurostat", window_years=0)
    completion: Decimal | None = a.completion
    p: onpace.Projection = rd.project([(2021, "0.45"), (2022, "0.6"), (2023, "0.7")], model="ols_loglinear", level=0.95)
    low: float | None = p.low
    cn = onpace.builtin_plan("cn-14th-fyp-st")
    obs: Dict[str, Dict[int, Decimal]] = onpace.builtin_observations("cn-14th-fyp-st")
    e: onpace.Evaluation = cn.evaluate(obs, method="open-sdg", as_of=2024)
    share: Decimal | None = e.summary.share_on_pace
    md: str = e.to_markdown("en")
    try:
        onpace.builtin_plan("nope")
    except onpace.UnknownPlanError as err:
        code: str = err.code
        print(code)
    out = onpace.batch.progress([1.0, 2.0], 3.0, 2020, 2025, 2023, [2.0, 2.5])
    print(first, completion, low, share, md[:10], out["status"])


if __name__ == "__main__":
    main()
