"""onpace's `open-sdg` side by side with Open SDG's own published rules (issue 13, item 5).

The peer model is `tests/reference/open_sdg_peer.py`: Open SDG's progress measure written
again from open-sdg's `docs/progress-methodology.md` and sdg-build's `sdg/ProgressMeasure.py`
(repositories, paths and commits cited there). Vendoring `ProgressMeasure.py` itself, as the
issue asks, is not possible here: sdg-build has no PyPI release and its code may not be
copied into this repository; see docs/methods.md, "Differences from Open SDG's own code".

20 000 random series (both directions, with and without targets, natural limits, short and
long series, gaps, zeros, negative and sign-changing values) go through both. Each
disagreement must fall under one of the differences documented in docs/methods.md, by its id;
any other fails the test. The agreement figures are written to
target/open-sdg-differential.json.
"""

from __future__ import annotations

import json
import os
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "reference"))

import open_sdg_peer as P  # noqa: E402

import onpace  # noqa: E402

SERIES = int(os.environ.get("ONPACE_OSDG_SERIES", "20000"))
SEED = int(os.environ.get("ONPACE_DIFF_SEED", "20261130"))

# Open SDG's status names → onpace's codes.
NAMES = {P.ACHIEVED: "achieved", P.ON_TRACK: "on_track", P.ACCEL: "acceleration_needed",
         P.LIMITED: "limited_progress", P.DETERIORATION: "deterioration", None: "not_assessable"}

# The documented differences (docs/methods.md, "Differences from Open SDG's own code").
DOCUMENTED = {
    "zero": "a zero base, latest value or target: Open SDG replaces a zero base or target by 0.001 "
            "(and a zero latest value gives a growth of −100 %); onpace uses the ratio of slopes",
    "sign_change": "values of both signs: Open SDG cannot assess the series; onpace uses the ratio of slopes "
                   "when the base, latest value and target differ in sign, and looks at no other value",
    "slipped": "the base meets the target, the latest value does not: both say deterioration; onpace scores −5, "
               "Open SDG scores the ratio",
    "maintain": "the target equals the base value: Open SDG divides by a zero required growth (no result); "
                "onpace says deterioration, score −5",
    "band_edge": "a ratio within 1e-9 of a band edge: Open SDG compares floats exactly, onpace with its 1e-12 "
                 "tolerance on accurately computed ratios",
}


def _value(rng: random.Random) -> str:
    mant = rng.randint(1, 9999)
    return str(mant * 10 ** rng.randint(-4, 4) / 100) if rng.random() < 0.5 else f"{mant / 100:.2f}"


def random_series(rng: random.Random) -> Dict[str, Any]:
    d = rng.choice([1, -1])
    t0 = rng.randint(2000, 2020)
    length = rng.choice([1, 1, 2, 3, 5, 8, 15, 25])
    years = [t0] + [y for y in range(t0 + 1, t0 + length + 1) if rng.random() < 0.7 or y == t0 + length]
    kind = rng.choice(["positive", "positive", "positive", "negative", "zeros", "mixed"])
    y0 = float(_value(rng)) or 1.0
    rate = rng.uniform(-0.15, 0.15)
    values = {}
    for y in years:
        v = y0 * (1 + rate) ** (y - t0) * rng.uniform(0.97, 1.03) if y != t0 else y0
        values[y] = round(v, 4)
    if kind == "negative":
        values = {y: -abs(v) or -0.5 for y, v in values.items()}
    elif kind == "zeros":
        values[rng.choice(years)] = 0.0
    elif kind == "mixed":
        values[rng.choice(years)] *= -1
    values = {y: v for y, v in values.items()}
    target: Optional[float] = None
    target_year = t0 + rng.choice([5, 10, 15, 20])
    if rng.random() < 0.7:
        base = values[t0]
        target = round(base * rng.choice([0.5, 0.8, 0.95, 1.0, 1.05, 1.3, 2.0]) + rng.choice([0, 0, 0.01]), 4)
        if kind == "zeros" and rng.random() < 0.3:
            target = 0.0
    limit = None
    if target is None and kind == "positive" and rng.random() < 0.4:
        base = values[t0]
        limit = round(base * rng.choice([1.0, 1.02, 1.2, 3.0, 0.5, 0.9]), 4)
    return {"d": d, "t0": t0, "T": target_year, "values": values, "target": target, "limit": limit}


def onpace_measure(s: Dict[str, Any]) -> Tuple[str, Optional[float]]:
    t0 = s["t0"]
    target: Any = {"kind": "none"} if s["target"] is None else (s["T"], repr(s["target"]))
    ind = onpace.Indicator("x", unit="ratio", direction=s["d"], baseline=(t0, repr(s["values"][t0])), target=target)
    obs = {y: repr(v) for y, v in s["values"].items() if y != t0}
    th = {} if s["limit"] is None else {"natural_limit": repr(s["limit"])}
    a = ind.assess(obs, method="open-sdg", **th)
    return a.status, a.score


def classify(s: Dict[str, Any]) -> List[str]:
    """Which documented differences apply to a series."""
    vals = s["values"]
    t0, t = s["t0"], max(vals)
    y0, yt, ys = vals[t0], vals[t], s["target"]
    out = []
    key = [y0, yt] + ([ys] if ys is not None else [])
    if any(v == 0 for v in key):
        out.append("zero")
    if len({v > 0 for v in vals.values() if v != 0} | {v > 0 for v in key if v != 0}) > 1:
        out.append("sign_change")
    if ys is not None:
        met = (lambda v: v >= ys) if s["d"] > 0 else (lambda v: v <= ys)
        if met(y0) and not met(yt):
            out.append("slipped")
        if ys == y0:
            out.append("maintain")
    return out


def behaves_as_documented(s: Dict[str, Any], status: str, score: Optional[float], reasons: List[str]) -> bool:
    """A documented difference must also be exactly the documented behaviour of onpace."""
    vals = s["values"]
    t0, t = s["t0"], max(vals)
    y0, yt, ys, d = vals[t0], vals[t], s["target"], s["d"]
    if ys is not None and ((d > 0 and yt >= ys) or (d < 0 and yt <= ys)):
        return status == "achieved" and score == 5.0
    if "slipped" in reasons or "maintain" in reasons:
        return status == "deterioration" and score == -5.0
    key = [y0, yt] + ([ys] if ys is not None else [])
    if any(v == 0 for v in key) or len({v > 0 for v in key}) > 1:
        if ys is None:  # no rate exists and a slope has no no-target thresholds
            return status == "not_assessable"
        # The ratio of slopes, banded and scored as the ratio of rates would be.
        r = d * ((yt - y0) / (t - t0)) / abs((ys - y0) / (s["T"] - t0))
        want = NAMES[P._band(r, 0.95, 0.6)]
        return status == want and score is not None and abs(score - P.score_with_target(r)) <= 1e-9
    if "sign_change" in reasons:
        # Only an interior value has the other sign: onpace looks at the base and the latest
        # value, as Open SDG would on those two points.
        peer = P.measure({t0: y0, t: yt}, t0, s["T"], ys, d, s["limit"])
        return status == NAMES[peer[0]] and (score is None or abs(score - peer[1]) <= 1e-9)
    return "band_edge" in reasons


def near_edge(s: Dict[str, Any]) -> bool:
    """The peer's ratio (or growth) within 1e-9 of one of its band edges."""
    vals = s["values"]
    t0, t = s["t0"], max(vals)
    try:
        g = (vals[t] / vals[t0]) ** (1 / (t - t0)) - 1
        if s["target"] is None:
            edges = [0.0, 0.005, 0.015, 0.02]
            x = abs(g)
            return any(abs(x - e) < 1e-9 for e in edges) or abs(g) < 1e-9
        gr = (s["target"] / vals[t0]) ** (1 / (s["T"] - t0)) - 1
        r = abs(g / gr)
        return any(abs(r - e) < 1e-9 for e in (0.0, 0.6, 0.95))
    except (ZeroDivisionError, TypeError, ValueError):
        return False


def test_open_sdg_agrees_with_open_sdgs_published_rules() -> None:
    rng = random.Random(SEED)
    counts: Counter[str] = Counter()
    undocumented: List[str] = []
    by_reason: Counter[str] = Counter()
    for _ in range(SERIES):
        s = random_series(rng)
        status, score = onpace_measure(s)
        peer_status, peer_score = P.measure({y: float(v) for y, v in s["values"].items()}, s["t0"], s["T"], s["target"], s["d"], s["limit"])
        want = NAMES[peer_status]
        same_score = (score is None and peer_score is None) or (
            score is not None and peer_score is not None and abs(score - peer_score) <= 1e-9)
        # onpace reports no score for a series it cannot assess; Open SDG neither.
        if status == want and (same_score or status == "not_assessable"):
            counts["agree"] += 1
            continue
        reasons = classify(s) + (["band_edge"] if near_edge(s) else [])
        if reasons and behaves_as_documented(s, status, score, reasons):
            counts["documented"] += 1
            by_reason[reasons[0]] += 1
        else:
            undocumented.append(f"onpace {status} {score} vs Open SDG {want} {peer_score}: {s}")
    report = {
        "series": SERIES, "seed": SEED, "agree": counts["agree"], "documented_differences": counts["documented"],
        "by_difference": dict(by_reason), "undocumented": len(undocumented),
        "agreement_outside_documented": counts["agree"] / max(1, SERIES - counts["documented"]),
    }
    out = ROOT / "target" / "open-sdg-differential.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps(report, indent=1))
    assert not undocumented, f"{len(undocumented)} undocumented differences:\n" + "\n".join(undocumented[:15])
    # The documented differences are each written down in docs/methods.md under their id.
    methods_md = (ROOT / "docs" / "methods.md").read_text(encoding="utf-8")
    for reason in by_reason:
        assert f"`{reason}`" in methods_md, f"difference `{reason}` is not documented in docs/methods.md"
    assert counts["agree"] >= SERIES * 0.6, report


def test_a_plans_mean_score_and_overall_status_are_open_sdgs() -> None:
    """Plans of three series (with and without targets): the evaluation's mean score and
    overall status equal Open SDG's aggregate over the same series (the issue's three-series
    case: the no-target scores count in the mean)."""
    rng = random.Random(SEED + 1)
    base = json.loads(onpace.builtin_plan("cn-14th-fyp-st").to_json())
    compared = 0
    while compared < 300:
        series = [random_series(rng) for _ in range(3)]
        if any(classify(s) or near_edge(s) or s["limit"] is not None for s in series):
            continue
        indicators, observations, peer = [], {}, []
        for k, s in enumerate(series):
            t0 = s["t0"]
            target: Any = {"kind": "none"} if s["target"] is None else {"kind": "level", "year": s["T"], "value": repr(s["target"])}
            indicators.append({"id": f"s{k}", "label": {"zh": f"序列{k}"}, "unit": {"kind": "ratio"},
                               "direction": "increase" if s["d"] > 0 else "decrease",
                               "baseline": {"year": t0, "value": repr(s["values"][t0])}, "target": target})
            observations[f"s{k}"] = [{"year": y, "value": repr(v)} for y, v in s["values"].items() if y != t0]
            peer.append(P.measure({y: float(v) for y, v in s["values"].items()}, t0, s["T"], s["target"], s["d"]))
        plan = onpace.Plan.from_json(json.dumps({**base, "indicators": indicators, "base_year": 2000,
                                                 "period": {"start": 2001, "end": 2045}}))
        ev = plan.evaluate(observations, method="open-sdg")
        want_status, want_mean = P.aggregate(peer)
        if want_mean is None:
            assert ev.summary.mean_score is None and ev.summary.overall_status is None
        else:
            assert ev.summary.mean_score is not None and abs(ev.summary.mean_score - want_mean) <= 1e-9, (series, ev.summary)
            assert ev.summary.overall_status == NAMES[want_status], (series, ev.summary)
        compared += 1
