"""Independent reference for the seven assessment methods, projections and scenarios:
docs/methods.md written again in Python with exact fractions, and mpmath (60 digits) for roots,
logs and the Student t distribution. It does not import onpace."""
from fractions import Fraction as F

import mpmath as mp

mp.mp.dps = 60
SOURCE = "tests/reference/methods_ref.py (Python fractions + mpmath at 60 digits, docs/methods.md)"


def m(q):
    q = F(q)
    return mp.mpf(q.numerator) / q.denominator


def fl(x):
    if x is None:
        return None
    return float(x) if isinstance(x, F) else float(x)


def cagr(a, b, years):
    a, b = F(a), F(b)
    if a == 0 or b == 0 or (a < 0) != (b < 0):
        return None
    if years == 1:
        return b / a - 1  # rational: kept exact so that band edges are decided exactly
    return mp.power(m(b) / m(a), mp.mpf(1) / years) - 1


def comparator_of(ind):
    t = ind["target"]
    c = t.get("comparator")
    if isinstance(c, dict):
        return ("exactly", F(c["exactly"]["tolerance"]))
    if c:
        return (c, None)
    return ("at_least" if ind["direction"] == "increase" else "at_most", None)


def implied(ind):
    t, b = ind["target"], ind["baseline"]
    y0 = F(b["value"])
    k = t["kind"]
    if k == "level":
        return t["year"], F(t["value"])
    if k == "range":
        return t["year"], F(t["low"]) if ind["direction"] == "increase" else F(t["high"])
    if k == "annual_growth":
        return t["year"], y0 * (1 + F(t["rate"])) ** (t["year"] - b["year"])
    if k == "change":
        return t["year"], (y0 + F(t["amount"])) if t["mode"] == "absolute" else y0 * (1 + F(t["amount"]))
    return None


def met(ind, v):
    t = ind["target"]
    v = F(v)
    if t["kind"] == "range":
        return F(t["low"]) <= v <= F(t["high"])
    _, ys = implied(ind)
    c, tol = comparator_of(ind)
    if t["kind"] in ("change", "range"):
        c = "at_least" if ind["direction"] == "increase" else "at_most"
    return {"at_least": v >= ys, "above": v > ys, "at_most": v <= ys, "below": v < ys,
            "exactly": abs(v - ys) <= (tol or 0)}[c]


def series(ind, obs):
    b = ind["baseline"]
    pts = {o["year"]: F(o["value"]) for o in obs if o["year"] != b["year"]}
    pts[b["year"]] = F(b["value"])
    return sorted(pts.items())


def latest(ind, obs):
    after = [(o["year"], F(o["value"])) for o in obs if o["year"] > ind["baseline"]["year"]]
    return max(after) if after else None


def ge(x, edge):
    """x >= edge: exact when x is a Fraction (a value on the edge belongs to the upper band)."""
    edge = F(edge)
    return x >= edge if isinstance(x, F) else x >= m(edge)


def gt(x, edge):
    edge = F(edge)
    return x > edge if isinstance(x, F) else x > m(edge)


def all_negative(*values):
    return all(F(v) < 0 for v in values)


def rate_ratio(base, lat, tgt, d, negatives="slopes"):
    """d·ga/|gr|, or the ratio of slopes when a rate is undefined. All-negative start, latest
    and target: the rates are the magnitude's, so either the direction flips ("flip", Open
    SDG's published rule: docs/progress-methodology.md, "Minimum data requirements") or the
    slopes are used ("slopes", no published rule)."""
    (tb, yb), (t, yt), (T, ys) = base, lat, tgt
    if ys == yb:
        return "maintain", None
    neg = all_negative(yb, yt, ys)
    ga, gr = cagr(yb, yt, t - tb), cagr(yb, ys, T - tb)
    if ga is not None and gr is not None and gr != 0 and (not neg or negatives == "flip"):
        return ("flipped" if neg else "rate"), (-d if neg else d) * ga / abs(gr)
    sa, sr = (yt - yb) / (t - tb), (ys - yb) / (T - tb)
    return "linear", d * sa / abs(sr)


def result(status, **kw):
    out = {"status": status}
    for k, v in kw.items():
        if v is not None:
            out[k] = fl(v) if not isinstance(v, (list, str)) else v
    return out


def eurostat(ind, obs, th):
    d = 1 if ind["direction"] == "increase" else -1
    lat = latest(ind, obs)
    if lat is None:
        return result("not_assessable", warnings=["insufficient_data"])
    W = int(F(th.get("window_years", "5")))
    start = ind["baseline"]["year"] if W == 0 else lat[0] - W
    cands = [p for p in series(ind, obs) if start <= p[0] < lat[0]]
    if not cands:
        return result("not_assessable", warnings=["insufficient_data"])
    base = cands[0]
    warns = ["base_year_substituted"] if base[0] != start else []
    sig, mod = F(th.get("significant", "0.95")), F(th.get("moderate", "0.6"))
    if ind["target"]["kind"] == "none":
        band = F(th.get("no_target_band", "0.01"))
        ga = cagr(base[1], lat[1], lat[0] - base[0])
        if ga is None:
            return result("not_assessable", warnings=["undefined_growth"])
        # Every value negative: the rate is the magnitude's; the direction flips (the rule
        # Open SDG publishes, borrowed: Eurostat publishes none; docs/methods.md).
        if all_negative(base[1], lat[1]):
            d, warns = -d, warns + ["negative_values"]
        x = d * ga
        s = ("significant_progress" if gt(x, band) else "moderate_progress" if x > 0
             else "moderate_movement_away" if ge(x, -band) else "significant_movement_away")
        return result(s, ratio=x, warnings=warns + ["no_target"])
    T, ys = implied(ind)
    if met(ind, lat[1]):
        return result("achieved", warnings=warns)
    if met(ind, base[1]):
        return result("movement_away", warnings=warns + ["target_slipped"])
    kind, r = rate_ratio(base, lat, (T, ys), d)
    if kind == "maintain":
        return result("movement_away", warnings=warns + ["maintain_target"])
    if kind == "linear":
        warns.append("linear_fallback")
    s = ("significant_progress" if ge(r, sig) else "moderate_progress" if ge(r, mod)
         else "insufficient_progress" if r >= 0 else "movement_away")
    return result(s, ratio=r, warnings=warns)


def osdg_score(r):
    """Open SDG's score for a series with a target (progress-methodology.md, Figure 2):
    -5 at R <= -0.6, linear to 0 at R = 0.6, linear to 5 at R = 1.3, 5 beyond."""
    r = m(r) if isinstance(r, F) else mp.mpf(r)
    if r <= mp.mpf("-0.6"):
        return mp.mpf(-5)
    if r <= mp.mpf("0.6"):
        return -5 + (r + mp.mpf("0.6")) / mp.mpf("1.2") * 5
    return min((r - mp.mpf("0.6")) / mp.mpf("0.7") * 5, mp.mpf(5))


def osdg_limit_factor(y0, lim, d):
    """C of progress-methodology.md: 1 - (y0/lim)^4.44 below an upper limit (higher is
    better), 1 - (lim/y0)^4.44 above a lower limit (lower is better), 0 on the limit, 1 when
    no limit bounds progress in the desired direction (or the base is negative)."""
    if lim is None:
        return mp.mpf(1)
    y0, lim = F(y0), F(lim)
    if y0 < 0 or lim < 0:
        return mp.mpf(1)
    if y0 == lim:
        return mp.mpf(0)
    if d > 0 and y0 < lim:
        return 1 - mp.power(m(y0) / m(lim), mp.mpf("4.44"))
    if d < 0 and y0 > lim:
        return 1 - mp.power(m(lim) / m(y0), mp.mpf("4.44"))
    return mp.mpf(1)


def osdg_no_target_score(x, mid, hi, cap):
    """Figure 1: (-2 %, -5), (0, -2.5), (mid, 0), (hi, 2.5), (cap, 5), flat outside."""
    x = m(x) if isinstance(x, F) else mp.mpf(x)
    knots = [(mp.mpf("-0.02"), mp.mpf(-5)), (mp.mpf(0), mp.mpf("-2.5")), (mid, mp.mpf(0)), (hi, mp.mpf("2.5")), (cap, mp.mpf(5))]
    if x <= knots[0][0]:
        return mp.mpf(-5)
    if x >= cap:
        return mp.mpf(5)
    for (x0, s0), (x1, s1) in zip(knots, knots[1:]):
        if x0 <= x < x1:
            return s0 + (x - x0) / (x1 - x0) * (s1 - s0)
    return mp.mpf(5)


def open_sdg(ind, obs, th):
    d = 1 if ind["direction"] == "increase" else -1
    lat = latest(ind, obs)
    if lat is None:
        return result("not_assessable", warnings=["insufficient_data"])
    b = (ind["baseline"]["year"], F(ind["baseline"]["value"]))

    def band(x, hi, mid):
        return ("on_track" if ge(x, hi) else "acceleration_needed" if ge(x, mid)
                else "limited_progress" if x >= 0 else "deterioration")
    if ind["target"]["kind"] == "none":
        ga = cagr(b[1], lat[1], lat[0] - b[0])
        if ga is None:
            return result("not_assessable", warnings=["undefined_growth"])
        warns = ["no_target"]
        neg = all_negative(b[1], lat[1])
        if neg:
            d, warns = -d, warns + ["negative_values"]
        x = d * ga
        lim = th.get("natural_limit")
        c = mp.mpf(1) if neg else osdg_limit_factor(b[1], lim, d)
        hi = m(F(th.get("no_target_on_track", "0.015"))) * c
        mid = m(F(th.get("no_target_acceleration_needed", "0.005"))) * c
        cap = mp.mpf("0.02") * c
        xm = m(x) if isinstance(x, F) else x
        if c == 0 and xm >= 0:
            return result("on_track", ratio=x, score=5, warnings=warns)
        s = ("on_track" if xm >= hi else "acceleration_needed" if xm >= mid
             else "limited_progress" if xm >= 0 else "deterioration")
        return result(s, ratio=x, score=osdg_no_target_score(x, mid, hi, cap), warnings=warns)
    T, ys = implied(ind)
    if met(ind, lat[1]):
        return result("achieved", score=5)
    if met(ind, b[1]):
        return result("deterioration", score=-5, warnings=["target_slipped"])
    kind, r = rate_ratio(b, lat, (T, ys), d, negatives="flip")
    if kind == "maintain":
        return result("deterioration", score=-5, warnings=["maintain_target"])
    warns = {"linear": ["linear_fallback"], "flipped": ["negative_values"]}.get(kind, [])
    return result(band(r, F(th.get("on_track", "0.95")), F(th.get("acceleration_needed", "0.6"))), ratio=r,
                  score=osdg_score(r), warnings=warns)


def osdg_overall(scores, statuses):
    """The indicator's status from the mean of its series' scores (progress-methodology.md,
    "Aggregated progress status"): achieved only when every series is."""
    if not scores:
        return None
    if all(s == "achieved" for s in statuses):
        return "achieved"
    mean = sum(mp.mpf(x) for x in scores) / len(scores)
    return ("on_track" if mean >= mp.mpf("2.5") else "acceleration_needed" if mean >= 0
            else "limited_progress" if mean >= mp.mpf("-2.5") else "deterioration")


def unsd(ind, obs, th):
    d = 1 if ind["direction"] == "increase" else -1
    lat = latest(ind, obs)
    if lat is None:
        return result("not_assessable", warnings=["insufficient_data"])
    t0, y0 = ind["baseline"]["year"], F(ind["baseline"]["value"])
    levels = {"achieved": 3, "on_track": 3, "acceleration_needed": 2, "stagnation_or_regression": 1}

    def band(x, hi, mid):
        return "on_track" if ge(x, hi) else "acceleration_needed" if ge(x, mid) else "stagnation_or_regression"
    if ind["target"]["kind"] == "none":
        ga = cagr(y0, lat[1], lat[0] - t0)
        if ga is None:
            return result("not_assessable", warnings=["undefined_growth"])
        warns = ["no_target"]
        if all_negative(y0, lat[1]):  # the magnitude's rate: the direction flips (docs/methods.md)
            d, warns = -d, warns + ["negative_values"]
        x = d * ga
        s = band(x, F(th.get("no_target_on_track", "0.02")), F(th.get("no_target_acceleration_needed", "0.005")))
        return result(s, ratio=x, score=levels[s], warnings=warns)
    T, ys = implied(ind)
    if met(ind, lat[1]):
        return result("achieved", score=3)
    if met(ind, y0):
        return result("stagnation_or_regression", score=1, warnings=["target_slipped"])
    if ys == y0:
        return result("stagnation_or_regression", score=1, warnings=["maintain_target"])
    ahead = max(T - lat[0], 0)
    ga = cagr(y0, lat[1], lat[0] - t0)
    if ga is not None:
        proj = lat[1] * (1 + ga) ** ahead if isinstance(ga, F) else m(lat[1]) * mp.power(1 + ga, ahead)
        warns = []
    else:
        proj = lat[1] + (lat[1] - y0) / (lat[0] - t0) * ahead
        warns = ["linear_fallback"]
    e = (proj - y0) / (ys - y0) if isinstance(proj, F) else (proj - m(y0)) / m(ys - y0)
    s = band(e, F(th.get("on_track", "0.95")), F(th.get("acceleration_needed", "0.10")))
    return result(s, ratio=e, score=levels[s], warnings=warns)


def escap(ind, obs, th):
    d = 1 if ind["direction"] == "increase" else -1
    lat = latest(ind, obs)
    if lat is None or ind["target"]["kind"] == "none":
        return result("not_assessable", warnings=["insufficient_data" if lat is None else "no_target"])
    y0 = F(ind["baseline"]["value"])
    T, ys = implied(ind)
    gap = abs(ys - y0)
    csi = None if gap == 0 else min(10 * d * (lat[1] - y0) / gap, F(10))
    if met(ind, lat[1]):
        return result("achieved", index=csi)
    if met(ind, y0) or gap == 0:
        return result("reverse", index=csi, warnings=["target_slipped" if met(ind, y0) else "maintain_target"])
    pts = series(ind, obs)
    (t1, v1), (t2, v2) = pts[0], pts[-1]
    g = cagr(v1, v2, t2 - t1)
    if isinstance(g, F):
        proj = v2 * (1 + g) ** (T - t2)
        ap = d * (proj - y0) / gap
    else:
        proj = m(v2) * mp.power(1 + g, T - t2)
        ap = d * (proj - m(y0)) / m(gap)
    s = "maintain" if ge(ap, 1) else "accelerate" if gt(ap, 0) else "reverse"
    return result(s, ratio=ap, index=csi)


def destatis(ind, obs, th):
    d = 1 if ind["direction"] == "increase" else -1
    lat = latest(ind, obs)
    if lat is None or ind["target"]["kind"] == "none":
        return result("not_assessable", warnings=["insufficient_data" if lat is None else "no_target"])
    T, ys = implied(ind)
    y0 = F(ind["baseline"]["value"])
    if met(ind, lat[1]):
        return result("achieved")
    if met(ind, y0):
        return result("thunderstorm", warnings=["target_slipped"])
    t, yt = lat
    recent = [p for p in series(ind, obs) if t - 5 <= p[0] <= t]
    best = run = 1
    for a, b in zip(recent, recent[1:]):
        run = run + 1 if b[0] == a[0] + 1 else 1
        best = max(best, run)
    if best < 4:
        return result("not_assessable", warnings=["insufficient_data"])
    a = (yt - recent[0][1]) / (t - recent[0][0])
    p = yt + a * (T - t)
    dist = F(0) if d * (p - ys) >= 0 else abs(ys - p) / abs(ys - yt)
    s = ("sun" if dist < F("0.05") else "slightly_cloudy" if dist <= F("0.2")
         else "cloudy" if d * a > 0 else "thunderstorm")
    return result(s, ratio=dist)


def sdsn(ind, obs, th):
    lat = latest(ind, obs)
    if lat is None or ind["target"]["kind"] == "none":
        return result("not_assessable", warnings=["insufficient_data" if lat is None else "no_target"])
    t0, y0 = ind["baseline"]["year"], F(ind["baseline"]["value"])
    T, ys = implied(ind)
    lb, ub = F(th.get("lower_bound", y0)), F(th.get("upper_bound", ys))
    worst, best = (min(lb, ub), max(lb, ub)) if ind["direction"] == "increase" else (max(lb, ub), min(lb, ub))
    score = lambda x: 100 * (x - worst) / (best - worst)
    s0, st = score(y0), score(lat[1])
    clipped = min(max(st, F(0)), F(100))
    if met(ind, lat[1]):
        return result("achieved", score=clipped)
    if met(ind, y0):
        return result("decreasing", score=clipped, warnings=["target_slipped"])
    obs_rate = (st - s0) / (lat[0] - t0)
    if T - lat[0] <= 0:
        return result("decreasing" if obs_rate < 0 else "stagnating", score=clipped, warnings=["target_year_passed"])
    req = (100 - st) / (T - lat[0])
    share = F(th.get("improving_share", "0.5"))
    s = ("on_track" if obs_rate >= req else "moderately_improving" if obs_rate > share * req
         else "stagnating" if obs_rate >= 0 else "decreasing")
    return result(s, score=clipped, ratio=(obs_rate / req) if req != 0 else None)


METHODS = {"eurostat": eurostat, "open-sdg": open_sdg, "unsd": unsd, "escap": escap, "destatis": destatis, "sdsn": sdsn}


# ---- projections -------------------------------------------------------------------------

def t_cdf(x, df):
    x, df = mp.mpf(x), mp.mpf(df)
    tail = mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + x * x), regularized=True) / 2
    return 1 - tail if x >= 0 else tail


def t_quantile(p, df):
    return mp.findroot(lambda x: t_cdf(x, df) - p, mp.mpf(1))


def project(points, year, band, model, level):
    pts = [(y, F(v)) for y, v in points]
    xs = [F(y) for y, _ in pts]
    t_last, y_last = pts[-1]
    out = {}
    if model in ("endpoint_cagr", "weighted_geometric"):
        if model == "endpoint_cagr":
            g = cagr(pts[0][1], y_last, t_last - pts[0][0])
        else:
            T = year if year > t_last else t_last + 1
            t_min = pts[0][0]
            num = den = mp.mpf(0)
            for (a, ya), (b, yb) in zip(pts, pts[1:]):
                w = mp.mpf(T - t_min) / (T - b)
                num += w * mp.log(m(yb) / m(ya))
                den += w * (b - a)
            g = mp.exp(num / den) - 1
        f = lambda yr: m(y_last) * mp.power(1 + g, yr - t_last)
        out.update(value=f(year), growth=g)
        out["low"] = out["high"] = out["p_meet"] = None
    else:
        log = model == "ols_loglinear"
        ys = [mp.log(m(v)) for _, v in pts] if log else [m(v) for _, v in pts]
        n = len(pts)
        mx = sum(m(x) for x in xs) / n
        my = sum(ys) / n
        sxx = sum((m(x) - mx) ** 2 for x in xs)
        sxy = sum((m(x) - mx) * (y - my) for x, y in zip(xs, ys))
        b = sxy / sxx
        a = my - b * mx
        ssr = sum((y - a - b * m(x)) ** 2 for x, y in zip(xs, ys))
        s = mp.sqrt(ssr / (n - 2))
        se = s * mp.sqrt(1 + mp.mpf(1) / n + (year - mx) ** 2 / sxx)
        mean = a + b * year
        q = t_quantile(mp.mpf(1) / 2 + mp.mpf(level) / 2, n - 2)
        lo, hi = mean - q * se, mean + q * se
        tr = mp.exp if log else (lambda z: z)
        f = lambda yr: tr(a + b * yr)
        out.update(value=tr(mean), low=tr(lo), high=tr(hi))
        out["growth"] = mp.exp(b) - 1 if log else None
        out["slope"] = None if log else b
        if band is not None:
            cvt = (lambda v: mp.log(m(v)) if F(v) > 0 else None) if log else (lambda v: m(v))
            upper = 1 if band.get("high") is None else (t_cdf((cvt(band["high"]) - mean) / se, n - 2) if cvt(band["high"]) is not None else 0)
            lower = 0 if band.get("low") is None else (t_cdf((cvt(band["low"]) - mean) / se, n - 2) if cvt(band["low"]) is not None else 0)
            out["p_meet"] = upper - lower
        else:
            out["p_meet"] = None
    if band is not None:
        def inside(v):
            return (band.get("low") is None or v >= m(band["low"])) and (band.get("high") is None or v <= m(band["high"]))
        reached = t_last if inside(m(y_last)) else next((t_last + k for k in range(1, 101) if inside(f(t_last + k))), None)
        out["year_reached"] = reached
    return {k: (fl(v) if k != "year_reached" else v) for k, v in out.items()}
