#!/usr/bin/env python3
"""Independent reference for the shared vectors: the formulas of docs/methods.md written again in
plain Python, with exact fractions for rational quantities and 50-digit decimals for roots and
logs. It does not import onpace. The methods, projections and scenarios are in methods_ref.py
(mpmath at 60 digits for roots, logs and the Student t distribution). Regenerate the vectors:

    .venv/bin/python tests/reference/reference.py          # write
    .venv/bin/python tests/reference/reference.py --check  # verify the committed files

(`pip install -r tests/reference/requirements.txt` first.) The OLS prediction intervals in
projections.json were also compared once, by hand, with statsmodels 0.15 OLS
`get_prediction(...).summary_frame()`: every bound agreed within 1e-10 relative (2e-13 for
the five-point series; the one-degree-of-freedom cases differ most, in scipy's quantile).

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
    # A decimal of more than 28 digits cannot be held exactly by onpace's decimals: as "p/q",
    # compared to 28 significant digits.
    if len(t.lstrip("-").replace(".", "").lstrip("0")) > 28:
        return f"{q.numerator}/{q.denominator}"
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
            cases.append({"name": f"geometric path undefined: {name}", "source": "docs/methods.md, Building blocks: geometric milestone defined when y*/y0 > 0",
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
    # Years to target: 0 when met; ln(y*/yt)/λ, λ = ln(yt/y0)/n, when both logs exist (None
    # when they differ in sign: moving away); otherwise at the slope if it heads for the target
    # (a zero, or a target across zero from yt: no constant rate reaches it).
    if d * (ytf - ysf) >= 0:
        ytt = 0.0
    elif ga is not None and ysf / ytf > 0:
        lam = (Decimal(yt) / Decimal(y0)).ln() / n
        need = (Decimal(ys) / Decimal(yt)).ln()
        ytt = float(need / lam) if lam != 0 and (lam > 0) == (need > 0) else None
    elif n > 0 and (ytf - y0f) != 0 and ((ysf > ytf) == ((ytf - y0f) > 0)):
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
        progress_case("orientation example of the methods notes", 2015, "100", 2020, "110", 2030, "150", "increase"),
        progress_case("national basic-research share 2024", 2020, "6.01", 2024, "6.88", 2025, "8", "increase"),
        progress_case("national R&D expenditure 2024 vs implied 7%/yr level", 2020, "24393.1", 2024, "36326.8", 2025, "34212.58462213817", "increase"),
        progress_case("lower is better, improving", 2020, "100", 2022, "95", 2025, "86.5", "decrease"),
        progress_case("moving away", 2020, "10", 2023, "9", 2025, "12", "increase"),
        progress_case("zero baseline (linear fallback)", 2020, "0", 2022, "1", 2025, "5", "increase"),
        progress_case("latest at the target year", 2020, "1", 2025, "1.5", 2025, "2", "increase"),
        progress_case("target met early", 2020, "6.3", 2023, "11.8", 2025, "12", "increase"),
        # Issue 13: steep declines keep their rate (ratios 1e-6, 1e-12, 1e-18 to the target).
        progress_case("ratio 1e-6, on the geometric path", 2000, "1000000", 2005, "1000", 2010, "1", "decrease"),
        progress_case("ratio 1e-12, on the geometric path", 2000, "1000000", 2006, "1", 2012, "0.000001", "decrease"),
        progress_case("ratio 1e-18 over 100 years, on the geometric path", 2000, "1000000000000", 2050, "1000", 2100, "0.000001", "decrease"),
        progress_case("ratio 1e24 over 24 years, on the geometric path", 2000, "0.000000000001", 2012, "1", 2024, "1000000000000", "increase"),
        progress_case("ratio 1e-24 over 12 years, on the geometric path", 2000, "1000000000000", 2006, "1", 2012, "0.000000000001", "decrease"),
        # Issue 13: 10 -> 5, lower is better, target 0: no constant rate reaches 0, the slope does.
        progress_case("lower is better, target 0 reached at the slope", 2020, "10", 2022, "5", 2025, "0", "decrease"),
    ]


def cn_status(y0, yt, ys, t0, t, T, binding=False, ahead=F(1, 10), lag=F(1, 20), comparator="at_least"):
    """cn-plan-pace as written in docs/methods.md, independent of onpace."""
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
    # All-negative values (issue 13): completion is a ratio of differences, valid at any sign.
    for v in ["-8", "-6.5", "-5", "-11"]:
        cases.append(("all negative, -10 -> target -2, value " + v, indicator("-10", "-2"), [[2023, v]], None, {}))
    for v in ["-3", "-5", "-1.5"]:
        cases.append(("all negative, lower is better, -2 -> target -10, value " + v, indicator("-2", "-10", direction="decrease"), [[2023, v]], None, {}))
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
        case = {"name": f"cn-plan-pace: {name}", "source": SOURCE + "; band rules of docs/methods.md, cn-plan-pace", "op": "assess",
                "input": {"indicator": ind, "observations": [{"year": y, "value": v} for y, v in obs], "method": "cn-plan-pace"},
                "expected": expected}
        if as_of:
            case["input"]["as_of"] = as_of
        if thr:
            case["input"]["thresholds"] = thr
        out.append(case)
    # No observation after the baseline.
    out.append({"name": "cn-plan-pace: no observation after the baseline", "source": "docs/methods.md: not_assessable with insufficient_data",
                "op": "assess", "input": {"indicator": indicator("0", "100"), "observations": [{"year": 2020, "value": "0"}], "method": "cn-plan-pace"},
                "expected": {"status": "not_assessable", "warnings": ["insufficient_data"]}})
    none_target = indicator("0", "100")
    none_target["target"] = {"kind": "none"}
    out.append({"name": "cn-plan-pace: no numeric target", "source": "docs/methods.md: not_assessable with no_target",
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


def ind_spec(y0, target, direction="increase", t0=2020, nature=None):
    ind = {"id": "x", "label": {"zh": "测试指标"}, "unit": {"kind": "ratio"}, "direction": direction,
           "baseline": {"year": t0, "value": y0}, "target": target}
    if nature:
        ind["nature"] = nature
    return ind


def level(year, value, comparator=None):
    t = {"kind": "level", "year": year, "value": value}
    if comparator:
        t["comparator"] = comparator
    return t


def method_cases():
    import methods_ref as R
    cases = []

    def add(name, method, ind, obs, thresholds=None, note=""):
        obs_l = [{"year": y, "value": v} for y, v in obs]
        th = thresholds or {}
        exp = R.METHODS[method](ind, obs_l, th)
        inp = {"indicator": ind, "observations": obs_l, "method": method}
        if th:
            inp["thresholds"] = th
        case = {"name": f"{method}: {name}", "source": R.SOURCE + (f"; {note}" if note else ""), "op": "assess",
                "input": inp, "expected": exp}
        if any(k in exp for k in ("ratio", "score", "index")):
            case["tolerance"] = 1e-12
        cases.append(case)

    # One year from base to target with the latest observation in the target year, so that
    # every growth ratio reduces to (yt - y0)/(y* - y0) exactly: band edges land exactly.
    edge = ind_spec("100", level(2021, "200"))
    w0 = {"window_years": "0"}
    for v in ["195", "194.99", "160", "159.99", "100", "99.99"]:
        add(f"band edge, latest {v}", "eurostat", edge, [(2021, v)], w0, "ratio = (yt - 100)/100 exactly")
        add(f"band edge, latest {v}", "open-sdg", edge, [(2021, v)], None, "ratio = (yt - 100)/100 exactly")
    for v in ["195", "194.99", "110", "109.99", "90"]:
        add(f"band edge, latest {v}", "unsd", edge, [(2021, v)], None, "E = (yt - 100)/100 exactly")
    for v in ["200", "250"]:
        for meth in ["eurostat", "open-sdg", "unsd", "escap", "destatis", "sdsn"]:
            add(f"target met at {v}", meth, edge, [(2021, v)], w0 if meth == "eurostat" else None)
    # A realistic case, every method: the national basic-research share (published figures).
    basic = ind_spec("6.01", level(2025, "8", "above"))
    obs = [(2021, "6.50"), (2022, "6.57"), (2023, "6.77"), (2024, "6.88")]
    for meth in R.METHODS:
        add("national basic-research share 2021-2024", meth, basic, obs)
    add("long-term window (15 years)", "eurostat", basic, obs, {"window_years": "15"})
    # Decreasing indicators, a 13.5 % cumulative reduction.
    red = ind_spec("100", {"kind": "change", "year": 2025, "amount": "-0.135", "mode": "relative"}, "decrease")
    for v in ["97", "99.5", "101", "86"]:
        for meth in R.METHODS:
            add(f"13.5% reduction, 2022 at {v}", meth, red, [(2021, "99"), (2022, v)])
    # Annual-growth target: achieved CAGR against the required 7 %.
    growth = ind_spec("100", {"kind": "annual_growth", "year": 2025, "rate": "0.07"})
    for v in ["122.5", "110", "98"]:
        for meth in ["eurostat", "open-sdg", "unsd", "escap"]:
            add(f"7 %/yr target, 2023 at {v}", meth, growth, [(2021, "104"), (2022, "108"), (2023, v)])
    # Range target.
    rng = ind_spec("4", {"kind": "range", "year": 2025, "low": "5", "high": "5.5"})
    for meth in R.METHODS:
        add("range target, moving up", meth, rng, [(2021, "4.2"), (2022, "4.4"), (2023, "4.6")])
    # No numeric target: the no-target variants.
    none = ind_spec("100", {"kind": "none"})
    for v in ["103", "101", "99.5", "97"]:
        for meth in ["eurostat", "open-sdg", "unsd"]:
            add(f"no target, 2022 at {v}", meth, none, [(2021, "100.5"), (2022, v)])
    add("no target", "escap", none, [(2022, "103")])
    add("no target", "sdsn", none, [(2022, "103")])
    # Baseline already meets an at-least target, then slips (never a ratio of opposite-signed rates).
    slip = ind_spec("5", level(2025, "4"))
    for meth in R.METHODS:
        add("baseline meets, latest slips", meth, slip, [(2022, "3.9")])
        add("baseline meets, latest still meets", meth, slip, [(2022, "4.5")])
    # Maintain: target equal to the baseline, not met (strict comparator).
    keep = ind_spec("5", level(2025, "5", "above"))
    for meth in ["eurostat", "open-sdg", "unsd", "escap"]:
        add("maintain target not met", meth, keep, [(2022, "4.9")])
    # Zero baseline: CAGR undefined, slopes instead.
    zero = ind_spec("0", level(2025, "10"))
    for meth in ["eurostat", "open-sdg", "unsd"]:
        add("zero baseline (linear fallback)", meth, zero, [(2022, "3")], w0 if meth == "eurostat" else None)
    # One data point only: nothing after the baseline.
    for meth in R.METHODS:
        add("no observation after the baseline", meth, basic, [(2020, "6.01")])
    # Eurostat window start without data: nearest later year with a warning.
    add("window start 2019 missing, 2020 used", "eurostat", basic, obs)
    # ESCAP anticipated progress, exact at the edges: 100 -> 110 in 2021, 1.1^2 more by 2023.
    esc = ind_spec("100", level(2023, "133.1"))
    for v in ["110", "105", "100", "99"]:
        add(f"AP, 2021 at {v}", "escap", esc, [(2021, v)], None, "AP = 1 exactly at 110")
    # Destatis: baseline 2018, latest 2023, target 100 in 2025, a = (y2023 - y2018)/5.
    for first, name in [("32.5", "D = 0.05 exactly (slightly cloudy)"), ("32.6", "D just below 0.05 (sun)"),
                        ("40", "D = 0.20 exactly (slightly cloudy)"), ("40.1", "D just above 0.20 (cloudy)"),
                        ("90", "moving away (thunderstorm)"), ("20", "P(T) beyond the target (sun)")]:
        ind = ind_spec(first, level(2025, "100"), t0=2018)
        add(name, "destatis", ind, [(2019, "50"), (2020, "55"), (2021, "60"), (2022, "70"), (2023, "80")])
    gap = ind_spec("40", level(2025, "100"), t0=2018)
    add("only three consecutive values", "destatis", gap, [(2019, "50"), (2021, "60"), (2022, "70"), (2023, "80")])
    # SDSN: baseline 0, target 100 (score = value); at 2022 obs = yt/2, req = (100 - yt)/3.
    sd = ind_spec("0", level(2025, "100"))
    for v, note in [("40", "obs = req exactly"), ("39", "moderately improving"), ("25", "obs = 0.5 req exactly"),
                    ("25.01", "just above 0.5 req"), ("0", "no change"), ("-1", "decreasing")]:
        add(f"2022 at {v} ({note})", "sdsn", sd, [(2022, v)])
    add("custom bounds", "sdsn", sd, [(2022, "30")], {"lower_bound": "-50", "upper_bound": "100"})
    add("latest past the target year", "sdsn", sd, [(2026, "90")])
    # Absolute change (+1.5 points), and the below / exactly comparators.
    absch = ind_spec("3.19", {"kind": "change", "year": 2025, "amount": "0.81", "mode": "absolute"})
    below = ind_spec("6", level(2025, "5", "below"), "decrease")
    exact_ = ind_spec("10", level(2025, "12", {"exactly": {"tolerance": "0.1"}}))
    for meth in R.METHODS:
        add("absolute change +0.81 points", meth, absch, [(2021, "3.3"), (2022, "3.45"), (2023, "3.6")])
        add("below comparator, at the bound", meth, below, [(2021, "5.6"), (2022, "5.3"), (2023, "5")])
        add("exactly 12 within 0.1, at 11.95", meth, exact_, [(2021, "10.5"), (2022, "11"), (2023, "11.95")])
        add("exactly 12 within 0.1, at 11.5", meth, exact_, [(2021, "10.5"), (2022, "11"), (2023, "11.5")])
    # Sign change: a negative baseline (a deficit) moving to a surplus target.
    sign = ind_spec("-2", level(2025, "2"))
    for meth in ["eurostat", "open-sdg", "unsd"]:
        add("sign change, -2 to 2 (linear fallback)", meth, sign, [(2022, "-0.5")], w0 if meth == "eurostat" else None)
    # Irregular spacing and a latest observation past the target year.
    irr = ind_spec("10", level(2025, "20"))
    for meth in R.METHODS:
        add("irregular spacing", meth, irr, [(2021, "11"), (2023, "13.5"), (2024, "15")])
        add("latest past the target year", meth, irr, [(2024, "15"), (2026, "18")])

    # Custom thresholds.
    add("custom significant threshold 0.5", "eurostat", edge, [(2021, "160")], {"window_years": "0", "significant": "0.5"})

    # Negative series (issue 13): every value below zero, both directions, every method.
    # The example: -10 (2015) -> -5 (2020), higher is better, -2 by 2030. Open SDG's
    # published rule flips the direction: R = 1.2727, score 4.8, on track.
    neg_up = ind_spec("-10", level(2030, "-2"), t0=2015)
    neg_down = ind_spec("-2", level(2030, "-10"), "decrease", t0=2015)
    neg_none = ind_spec("-10", {"kind": "none"}, t0=2015)
    for meth in R.METHODS:
        th = w0 if meth == "eurostat" else None
        add("all negative, higher is better, -10 -> -5 (target -2)", meth, neg_up, [(2016, "-9"), (2017, "-8"), (2018, "-7"), (2019, "-6"), (2020, "-5")], th)
        add("all negative, higher is better, moving away -10 -> -12", meth, neg_up, [(2016, "-10.5"), (2017, "-11"), (2018, "-11.5"), (2019, "-11.8"), (2020, "-12")], th)
        add("all negative, lower is better, -2 -> -4 (target -10)", meth, neg_down, [(2016, "-2.4"), (2017, "-2.8"), (2018, "-3.2"), (2019, "-3.6"), (2020, "-4")], th)
    for meth in ["eurostat", "open-sdg", "unsd"]:
        add("all negative, no target, -10 -> -9", meth, neg_none, [(2020, "-9")], w0 if meth == "eurostat" else None)
        add("all negative, no target, -10 -> -11", meth, neg_none, [(2020, "-11")], w0 if meth == "eurostat" else None)
    # Steep declines (issue 13): 1e12 (2000) -> 1e-6 (2100), a ratio of 1e-18; the latest value
    # 1e3 in 2050 is exactly on the geometric path, so the ratio of rates is exactly 1.
    steep = ind_spec("1000000000000", level(2100, "0.000001"), "decrease", t0=2000)
    for meth in ["eurostat", "open-sdg", "unsd"]:
        add("ratio 1e-18, exactly on the geometric path", meth, steep, [(2050, "1000")], w0 if meth == "eurostat" else None)
    for ratio_name, y0, ys, t1, yt in [("1e-6", "1000000", "1", 2010, "1000"), ("1e-12", "1000000", "0.000001", 2012, "1")]:
        ind = ind_spec(y0, level(t1, ys), "decrease", t0=2000)
        for meth in ["eurostat", "open-sdg", "unsd"]:
            add(f"ratio {ratio_name}, exactly on the geometric path", meth, ind, [(2000 + (t1 - 2000) // 2, yt)], w0 if meth == "eurostat" else None)
    # Open SDG without a target near a natural limit (progress-methodology.md): C = 1 - (y0/lim)^4.44.
    lim_up = ind_spec("95", {"kind": "none"}, t0=2015)
    add("no target, 95 -> 96, no limit", "open-sdg", lim_up, [(2020, "96")])
    add("no target, 95 -> 96, natural limit 100", "open-sdg", lim_up, [(2020, "96")], {"natural_limit": "100"})
    add("no target, 95 -> 94, natural limit 100", "open-sdg", lim_up, [(2020, "94")], {"natural_limit": "100"})
    add("no target, 95 -> 95, natural limit 95 (on the limit)", "open-sdg", lim_up, [(2020, "95")], {"natural_limit": "95"})
    add("no target, 95 -> 99, limit below (ignored)", "open-sdg", lim_up, [(2020, "99")], {"natural_limit": "50"})
    lim_down = ind_spec("4", {"kind": "none"}, "decrease", t0=2015)
    add("no target, lower is better, 4 -> 3.9, natural limit 2", "open-sdg", lim_down, [(2020, "3.9")], {"natural_limit": "2"})
    add("no target, lower is better, 4 -> 3.9, no limit", "open-sdg", lim_down, [(2020, "3.9")])
    return cases


def projection_cases():
    import methods_ref as R
    cases = []
    series_sets = {
        "national R&D expenditure 2020-2024": [(2020, "24393.1"), (2021, "27956.3"), (2022, "30782.9"), (2023, "33357.1"), (2024, "36326.8")],
        "national basic-research share 2020-2024": [(2020, "6.01"), (2021, "6.50"), (2022, "6.57"), (2023, "6.77"), (2024, "6.88")],
        "irregular spacing": [(2015, "10"), (2017, "12.5"), (2018, "12.9"), (2021, "15.2")],
        "three points (one degree of freedom)": [(2020, "1"), (2021, "1.3"), (2022, "1.5")],
    }
    bands = {"national R&D expenditure 2020-2024": {"low": "34212.58462213817"},
             "national basic-research share 2020-2024": {"low": "8"},
             "irregular spacing": {"low": "18"},
             "three points (one degree of freedom)": {"low": "1.2", "high": "2"}}
    for name, pts in series_sets.items():
        for model in ["endpoint_cagr", "ols_linear", "ols_loglinear", "weighted_geometric"]:
            for level_ in [0.9, 0.95]:
                if level_ == 0.95 and model not in ("ols_linear", "ols_loglinear"):
                    continue
                exp = R.project(pts, 2025, bands[name], model, level_)
                cases.append({"name": f"{model} at {level_}: {name}", "source": R.SOURCE + "; t quantiles by mpmath findroot on the regularised incomplete beta",
                              "op": "project", "input": {"points": [[y, v] for y, v in pts], "year": 2025, "band": bands[name],
                                                          "model": model, "level": level_},
                              "expected": exp, "tolerance": 1e-11})
    for model, n in [("endpoint_cagr", 1), ("weighted_geometric", 1), ("ols_linear", 2), ("ols_loglinear", 2)]:
        pts = [(2020 + i, "1") for i in range(n)]
        cases.append({"name": f"{model} with {n} point(s)", "source": "docs/user-guide/projections.md, Projection models: fewest points", "op": "project",
                      "input": {"points": [[y, v] for y, v in pts], "year": 2025, "band": None, "model": model, "level": 0.9},
                      "expected": {"error": "insufficient_data"}})
    cases.append({"name": "log-linear with a zero value", "source": "docs/user-guide/projections.md, Projection models: ols_loglinear needs all values > 0", "op": "project",
                  "input": {"points": [[2020, "0"], [2021, "1"], [2022, "2"]], "year": 2025, "band": None, "model": "ols_loglinear", "level": 0.9},
                  "expected": {"error": "undefined_growth"}})
    return cases


def scenario_cases():
    from fractions import Fraction as Fr
    cases = []
    for g in ["0.04", "0.05", "0.06"]:
        gdp = [Fr("726.86") * (1 + Fr(g)) ** k for k in range(6)]
        ratio = [Fr("0.36") + (Fr("1.10") - Fr("0.36")) * k / 5 for k in range(6)]
        # R&D (万元) = ratio (%) / 100 × GDP (亿元) × 10^8 / 10^4
        num = [r / 100 * d * 10 ** 8 / 10 ** 4 for r, d in zip(ratio, gdp)]
        import mpmath as mp
        mp.mp.dps = 50
        c = mp.power(mp.mpf(num[5].numerator) / num[5].denominator / (mp.mpf(num[0].numerator) / num[0].denominator), mp.mpf(1) / 5) - 1
        cases.append({"name": f"Yanbian R&D spending for 1.10 % of GDP by 2025, GDP +{g}/yr from 726.86 亿元",
                      "source": "exact fractions (tests/reference/reference.py); GDP 2020 from the Yanbian 2020 statistical communiqué",
                      "op": "numerator_path", "input": {"plan": "yanbian-st-14", "indicator": "rd-intensity", "denominator_year": 2020,
                                                        "denominator": "726.86", "growth": g, "kind": "linear"},
                      "expected": {"numerators": [exact(x) for x in num], "denominators": [exact(x) for x in gdp], "numerator_cagr": float(c)},
                      "tolerance": 1e-12})
    for growth, val in [({"rate": "0.05"}, "100"), ({"increment": "2.5"}, "100"), ({"rate": "-0.02"}, "100")]:
        k, gv = next(iter(growth.items()))
        vals = [Fr(val) * (1 + Fr(gv)) ** i if k == "rate" else Fr(val) + Fr(gv) * i for i in range(6)]
        target = Fr("110")
        reached = next((2020 + i for i, v in enumerate(vals) if v >= target), None)
        cases.append({"name": f"what-if {k} {gv} from 100 in 2020, target at least 110 in 2025",
                      "source": "exact fractions (tests/reference/reference.py)", "op": "what_if",
                      "input": {"indicator": ind_spec("100", level(2025, "110")), "from_year": 2020, "value": val, "growth": growth},
                      "expected": {"values": [exact(v) for v in vals], "meets_target": vals[-1] >= target, "year_reached": reached}})
    return cases


def evaluate_cases():
    """The national plan on its shipped figures under every method, evaluated by the reference
    implementations (observation choice: the latest year after the baseline; as-of dates keep
    figures released on or before the date, of years before its year)."""
    import methods_ref as R
    here = os.path.dirname(__file__)
    data = os.path.join(here, "..", "..", "core", "src", "builtin", "data")
    plan = json.load(open(os.path.join(data, "cn-14th-fyp-st.json"), encoding="utf-8"))
    obs = json.load(open(os.path.join(data, "cn-14th-fyp-st.observations.json"), encoding="utf-8"))
    good = {"achieved", "ahead", "on_track", "significant_progress", "maintain", "sun"}
    out = []
    for as_of in [None, 2022, "2023-12-31"]:
        for method in ["cn-plan-pace", "eurostat", "open-sdg", "unsd", "escap", "destatis", "sdsn"]:
            statuses, scores = [], []
            for ind in plan["indicators"]:
                rows = obs.get(ind["id"], [])
                if isinstance(as_of, int):
                    rows = [o for o in rows if o["year"] <= as_of]
                elif isinstance(as_of, str):
                    rows = [o for o in rows if o["year"] < int(as_of[:4]) and o.get("vintage", "") <= as_of]
                if method == "cn-plan-pace":
                    lat = R.latest(ind, rows)
                    if lat is None:
                        statuses.append("not_assessable")
                        continue
                    T, ys = R.implied(ind)
                    c, _ = R.comparator_of(ind)
                    statuses.append(cn_status(ind["baseline"]["value"], lat[1], ys, ind["baseline"]["year"], lat[0], T,
                                              binding=ind.get("nature") == "binding", comparator=c))
                else:
                    r = R.METHODS[method](ind, rows, {})
                    statuses.append(r["status"])
                    if method == "open-sdg" and "score" in r:
                        scores.append(r["score"])
            assessed = [s for s in statuses if s != "not_assessable"]
            case = {"name": f"evaluate cn-14th-fyp-st: {method}, as of {as_of or 'latest'}", "source": SOURCE + "; methods_ref.py",
                    "op": "evaluate", "input": {"plan": "cn-14th-fyp-st", "method": method},
                    "expected": {"statuses": statuses, "assessed": len(assessed), "not_assessable": len(statuses) - len(assessed),
                                 "on_pace": sum(1 for s in assessed if s in good)}}
            if method == "open-sdg" and scores:
                case["expected"]["mean_score"] = float(sum(R.mp.mpf(x) for x in scores) / len(scores))
                case["expected"]["overall_status"] = R.osdg_overall(scores, assessed)
                case["tolerance"] = 1e-12
            if as_of is not None:
                case["input"]["as_of"] = as_of
            out.append(case)
    return out


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(__file__))
    write("paths.json", "Required paths (docs/methods.md: linear and geometric milestones).", path_cases())
    write("progress.json", "Building blocks at the latest observation (docs/methods.md).", progress_cases())
    write("cn_plan_pace.json", "cn-plan-pace statuses, band edges and not-assessable cases.", cn_cases())
    write("implied_targets.json", "Target kinds resolved to an implied level.", implied_cases())
    write("methods.json", "The six other assessment methods: band edges, every status, every target kind, edge cases.", method_cases())
    write("projections.json", "Projection models: value, interval, probability of meeting the target, year reached.", projection_cases())
    write("scenarios.json", "What-if paths and the numerator decomposition of a ratio target.", scenario_cases())
    write("evaluations.json", "Whole-plan evaluations of the national plan's shipped figures under every method.", evaluate_cases())
    if STALE:
        sys.exit(f"vectors differ from the reference: {', '.join(STALE)}; run python3 tests/reference/reference.py")
    print("vectors match the reference" if CHECK else "written")
