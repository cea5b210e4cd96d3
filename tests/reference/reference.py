#!/usr/bin/env python3
"""Independent reference for the shared vectors: the formulas of METHODS.md written again in
plain Python, with exact fractions for rational quantities and 50-digit decimals for roots and
logs. It does not import onpace. Run it to regenerate tests/vectors/{paths,progress,cn_plan_pace}.json:

    python3 tests/reference/reference.py          # write
    python3 tests/reference/reference.py --check  # verify the committed files

Rational results are written as exact decimal strings when they terminate and as "p/q"
fractions otherwise; irrational results as floats with a relative tolerance of 1e-12.
"""
import json
import os
import sys
from decimal import Decimal, getcontext
from fractions import Fraction as F

getcontext().prec = 50
SOURCE = "tests/reference/reference.py (Python fractions + decimal at 50 digits)"
OUT = os.path.join(os.path.dirname(__file__), "..", "vectors")


def exact(q):
    """A Fraction as a terminating decimal string, or 'p/q'."""
    q = F(q)
    d = q.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    if d != 1:
        return f"{q.numerator}/{q.denominator}"
    s = Decimal(q.numerator) / Decimal(q.denominator)
    t = format(s.normalize(), "f")
    return t


def dec(x):
    return Decimal(str(x))


def root_rate(a, b, years):
    """(b/a)^(1/years) - 1 at 50 digits, or None when undefined."""
    a, b = F(a), F(b)
    if a == 0 or b == 0 or (a < 0) != (b < 0):
        return None
    r = Decimal(b.numerator * a.denominator) / Decimal(b.denominator * a.numerator)
    return float(r ** (Decimal(1) / Decimal(years)) - 1)


def path_cases():
    cases = []
    specs = [
        ("yanbian rd-intensity", 2020, "0.36", 2025, "1.10"),
        ("yanbian hightech-firms-per-10k", 2020, "19.24", 2025, "34.00"),
        ("thirds (non-terminating increments)", 2020, "1", 2023, "2"),
        ("decreasing", 2015, "100", 2030, "86.5"),
        ("negative to positive (linear only)", 2020, "-2", 2024, "2"),
    ]
    for name, t0, y0, t1, y1 in specs:
        n = t1 - t0
        lin = [exact(F(y0) + (F(y1) - F(y0)) * k / n) for k in range(n + 1)]
        cases.append({"name": f"linear path: {name}", "source": SOURCE, "op": "path",
                      "input": {"from_year": t0, "from_value": y0, "to_year": t1, "to_value": y1, "kind": "linear"},
                      "expected": {"values": lin}})
        if (F(y0) > 0) == (F(y1) > 0) and F(y0) != 0:
            ratio = Decimal(y1) / Decimal(y0)
            geo = [float(Decimal(y0) * ratio ** (Decimal(k) / Decimal(n))) for k in range(n + 1)]
            cases.append({"name": f"geometric path: {name}", "source": SOURCE, "op": "path",
                          "input": {"from_year": t0, "from_value": y0, "to_year": t1, "to_value": y1, "kind": "geometric"},
                          "expected": {"floats": geo}, "tolerance": 1e-12})
        else:
            cases.append({"name": f"geometric path undefined: {name}", "source": "METHODS.md: geometric milestone defined when y*/y0 > 0",
                          "op": "path",
                          "input": {"from_year": t0, "from_value": y0, "to_year": t1, "to_value": y1, "kind": "geometric"},
                          "expected": {"error": "undefined_growth"}})
    return cases


def progress_case(name, t0, y0, t, yt, T, ys, direction):
    y0f, ytf, ysf = F(y0), F(yt), F(ys)
    n, N = t - t0, T - t0
    d = 1 if direction == "increase" else -1
    exp = {}
    exp["time_share"] = exact(F(n, N))
    exp["completion"] = exact((ytf - y0f) / (ysf - y0f)) if ysf != y0f else None
    exp["pace"] = exact((ytf - y0f) / (ysf - y0f) / F(n, N)) if ysf != y0f and n > 0 else None
    exp["milestone"] = exact(y0f + (ysf - y0f) * n / N)
    exp["actual_slope"] = exact((ytf - y0f) / n) if n > 0 else None
    exp["required_slope"] = exact((ysf - y0f) / N)
    exp["required_slope_from_now"] = exact((ysf - ytf) / (T - t)) if t < T else None
    ga = root_rate(y0, yt, n) if n > 0 else None
    gr = root_rate(y0, ys, N)
    grn = root_rate(yt, ys, T - t) if t < T else None
    exp["actual_cagr"], exp["required_cagr"], exp["required_cagr_from_now"] = ga, gr, grn
    if d * (ytf - ysf) >= 0:
        ytt = 0.0
    elif ga is not None and ga != 0 and ((ga > 0) == (ysf / ytf > 1)) and ysf / ytf > 0:
        ytt = float((Decimal(ys) / Decimal(yt)).ln() / (Decimal(1) + Decimal(repr(ga))).ln())
    elif ga is None and n > 0 and (ytf - y0f) != 0 and ((ysf > ytf) == ((ytf - y0f) > 0)):
        ytt = float((ysf - ytf) / ((ytf - y0f) / n))
    else:
        ytt = None
    exp["years_to_target"] = ytt
    if grn is not None and ga is not None and ga != 0:
        acc = grn / ga
    elif t < T and n > 0 and ytf != y0f:
        acc = float(((ysf - ytf) / (T - t)) / ((ytf - y0f) / n))
    else:
        acc = None
    exp["acceleration"] = acc
    return {"name": f"progress: {name}", "source": SOURCE, "op": "progress",
            "input": {"base_year": t0, "base_value": y0, "latest_year": t, "latest_value": yt,
                      "target_year": T, "target_value": ys, "direction": direction},
            "expected": exp, "tolerance": 1e-12}


def progress_cases():
    return [
        progress_case("METHODS.md orientation example", 2015, "100", 2020, "110", 2030, "150", "increase"),
        progress_case("national basic-research share 2024", 2020, "6.01", 2024, "6.88", 2025, "8", "increase"),
        progress_case("national R&D expenditure 2024 vs implied 7%/yr level", 2020, "24393.1", 2024, "36326.8", 2025, "34212.58462213817", "increase"),
        progress_case("lower is better, improving", 2020, "100", 2022, "95", 2025, "86.5", "decrease"),
        progress_case("moving away", 2020, "10", 2023, "9", 2025, "12", "increase"),
        progress_case("zero baseline (linear fallback)", 2020, "0", 2022, "1", 2025, "5", "increase"),
        progress_case("latest at the target year", 2020, "1", 2025, "1.5", 2025, "2", "increase"),
        progress_case("target met early", 2020, "6.3", 2023, "11.8", 2025, "12", "increase"),
    ]


def cn_status(y0, yt, ys, t0, t, T, binding=False, ahead=F(1, 10), lag=F(1, 20), comparator="at_least"):
    """cn-plan-pace as written in METHODS.md, independent of onpace."""
    y0, yt, ys = F(y0), F(yt), F(ys)
    met = {"at_least": lambda v: v >= ys, "above": lambda v: v > ys, "at_most": lambda v: v <= ys, "below": lambda v: v < ys}[comparator]
    if t <= t0:
        return "not_assessable"
    if met(yt):
        return "achieved"
    if met(y0):
        return "regressing"
    if ys == y0:
        return "not_assessable"
    p = (yt - y0) / (ys - y0)
    tau = F(t - t0, T - t0)
    delta_t = F(0) if binding else lag
    if p < 0:
        return "regressing"
    if p < tau - delta_t:
        return "lagging"
    if p >= tau + ahead:
        return "ahead"
    return "on_track"


def indicator(y0, ys, direction="increase", nature=None, comparator=None, t0=2020, T=2025):
    ind = {"id": "x", "label": {"zh": "测试指标"}, "unit": {"kind": "percent"}, "direction": direction,
           "baseline": {"year": t0, "value": y0}, "target": {"kind": "level", "year": T, "value": ys}}
    if comparator:
        ind["target"]["comparator"] = comparator
    if nature:
        ind["nature"] = nature
    return ind


def cn_cases():
    cases = []
    # Band edges around tau = 3/5 with baseline 0 and target 100 (values are completion × 100).
    for v in ["100", "99.99", "70", "69.99", "55", "54.99", "0", "-0.01", "120"]:
        cases.append(("edge, anticipatory, value " + v, indicator("0", "100"), [[2023, v]], None, {}))
    for v in ["60", "59.99", "70"]:
        cases.append(("edge, binding, value " + v, indicator("0", "100", nature="binding"), [[2023, v]], None, {}))
    # Lower is better: 100 → 86.5 (a 13.5 % reduction), τ = 2/5.
    for v in ["95", "94.6", "94.7", "93.25", "101", "86.5", "80"]:
        cases.append(("decrease, value " + v, indicator("100", "86.5", direction="decrease"), [[2022, v]], None, {}))
    # Strict comparator: exactly at the target is not met for "above".
    cases.append(("above comparator at the target", indicator("6.01", "8", comparator="above"), [[2024, "8"]], None, {}))
    cases.append(("above comparator past the target", indicator("6.01", "8", comparator="above"), [[2024, "8.01"]], None, {}))
    # Baseline already meets an at-least target, then slips.
    cases.append(("baseline meets, latest meets", indicator("5", "4"), [[2022, "4.5"]], None, {}))
    cases.append(("baseline meets, latest slips", indicator("5", "4"), [[2022, "3.9"]], None, {}))
    # As-of year filters later observations.
    cases.append(("as-of year 2022 ignores 2023", indicator("0", "100"), [[2022, "20"], [2023, "90"]], {"year": 2022}, {}))
    # Custom thresholds.
    cases.append(("custom ahead margin 0.2", indicator("0", "100"), [[2023, "75"]], None, {"ahead_margin": "0.2"}))
    cases.append(("custom lag tolerance 0", indicator("0", "100"), [[2023, "59"]], None, {"lag_tolerance": "0"}))
    out = []
    for name, ind, obs, as_of, thr in cases:
        pts = [(y, v) for y, v in obs if as_of is None or y <= as_of["year"]]
        t, yt = pts[-1]
        ahead = F(thr.get("ahead_margin", "0.1"))
        lag = F(thr.get("lag_tolerance", "0.05"))
        comp = ind["target"].get("comparator") or ("at_least" if ind["direction"] == "increase" else "at_most")
        status = cn_status(ind["baseline"]["value"], yt, ind["target"]["value"], 2020, t, 2025,
                           binding=ind.get("nature") == "binding", ahead=ahead, lag=lag, comparator=comp)
        y0, ys = F(ind["baseline"]["value"]), F(ind["target"]["value"])
        expected = {"status": status, "time_share": exact(F(t - 2020, 5))}
        if ys != y0:
            expected["completion"] = exact((F(yt) - y0) / (ys - y0))
        case = {"name": f"cn-plan-pace: {name}", "source": SOURCE + "; band rules of METHODS.md §1", "op": "assess",
                "input": {"indicator": ind, "observations": [{"year": y, "value": v} for y, v in obs], "method": "cn-plan-pace"},
                "expected": expected}
        if as_of:
            case["input"]["as_of"] = as_of
        if thr:
            case["input"]["thresholds"] = thr
        out.append(case)
    # No observation after the baseline.
    out.append({"name": "cn-plan-pace: no observation after the baseline", "source": "METHODS.md: not_assessable with insufficient_data",
                "op": "assess", "input": {"indicator": indicator("0", "100"), "observations": [{"year": 2020, "value": "0"}], "method": "cn-plan-pace"},
                "expected": {"status": "not_assessable", "warnings": ["insufficient_data"]}})
    none_target = indicator("0", "100")
    none_target["target"] = {"kind": "none"}
    out.append({"name": "cn-plan-pace: no numeric target", "source": "METHODS.md: not_assessable with no_target",
                "op": "assess", "input": {"indicator": none_target, "observations": [{"year": 2022, "value": "3"}], "method": "cn-plan-pace"},
                "expected": {"status": "not_assessable", "warnings": ["no_target"]}})
    return out


def implied_cases():
    base = {"id": "x", "label": {"zh": "测试"}, "unit": {"kind": "percent"}, "direction": "increase",
            "baseline": {"year": 2020, "value": "24393.1"}}
    out = []

    def case(name, target, direction, y0, expected):
        ind = dict(base, direction=direction, baseline={"year": 2020, "value": y0}, target=target)
        out.append({"name": f"implied target: {name}", "source": SOURCE, "op": "implied_target",
                    "input": {"indicator": ind}, "expected": expected})

    case("annual growth 7% over 5 years", {"kind": "annual_growth", "year": 2025, "rate": "0.07"}, "increase", "24393.1",
         {"value": exact(F("24393.1") * F("1.07") ** 5), "comparator": "at_least"})
    case("relative change -13.5%", {"kind": "change", "year": 2025, "amount": "-0.135", "mode": "relative"}, "decrease", "100",
         {"value": exact(F(100) * (1 - F("0.135"))), "comparator": "at_most"})
    case("absolute change +1 year", {"kind": "change", "year": 2025, "amount": "1", "mode": "absolute"}, "increase", "77.93",
         {"value": exact(F("77.93") + 1), "comparator": "at_least"})
    case("range, increase uses low", {"kind": "range", "year": 2025, "low": "5", "high": "5.5"}, "increase", "4",
         {"value": "5", "comparator": "at_least"})
    case("range, decrease uses high", {"kind": "range", "year": 2025, "low": "5", "high": "5.5"}, "decrease", "6",
         {"value": "5.5", "comparator": "at_most"})
    case("level with explicit below", {"kind": "level", "year": 2025, "value": "5.5", "comparator": "below"}, "decrease", "6",
         {"value": "5.5", "comparator": "below"})
    case("none", {"kind": "none"}, "increase", "1", {"error": "no_target"})
    return out


CHECK = "--check" in sys.argv
STALE = []


def write(name, description, cases):
    text = json.dumps({"description": description, "cases": cases}, ensure_ascii=False, indent=1) + "\n"
    path = os.path.join(OUT, name)
    if CHECK:
        with open(path, encoding="utf-8") as f:
            if f.read() != text:
                STALE.append(name)
        return
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    write("paths.json", "Required paths (METHODS.md linear and geometric milestones).", path_cases())
    write("progress.json", "Building blocks at the latest observation (METHODS.md).", progress_cases())
    write("cn_plan_pace.json", "cn-plan-pace statuses, band edges and not-assessable cases.", cn_cases())
    write("implied_targets.json", "Target kinds resolved to an implied level.", implied_cases())
    if STALE:
        sys.exit(f"vectors differ from the reference: {', '.join(STALE)}; run python3 tests/reference/reference.py")
    print("vectors match the reference" if CHECK else "written")
