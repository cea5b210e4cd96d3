"""Independent reference for the plan forms of issue 12 (docs/methods-cn-plan-pace-forms.md),
written from the rules, not from onpace: exact fractions for levels, bounds, chained annual
changes, products of yearly rates and time shares; 50-digit decimals for logs and roots.

Rules written again here:
- cn-plan-pace, level targets: completion P = (yt − y0)/(y* − y0) on the linear path.
- cn-plan-pace, growth-type targets (annual_growth, relative change, relative to a level
  indicator): P = ln(yt/y0)/ln(y*/y0), the share of the required growth achieved (the
  geometric path). A value within 1e-20 of a band edge counts as on it (onpace uses 1e-12 on
  f64, the reference 50 digits; no case here lies between the two).
- Time share: n/N from the latest observation's year; at an as-of date, years elapsed from the
  end of the baseline year to the date, in months (2023-06-30 after 2020 is 2.5), over N.
- every_year bounds: `held` when every observed year after the baseline, up to the target
  year, meets the bound; `breached` with the years otherwise. Same under every method.
- average_rate (growth-rate indicators, values in % a year): Π(1 + r/100) over the observed
  years against (1 + v/100)^n; `achieved` when the period is complete and met, `on_track`
  when met so far, `lagging` otherwise. Same under every method.
- relative targets between growth-rate indicators: the chained average rate of each over the
  indicator's observed years; faster_than: a > r; in_step_with: a ≥ r − tolerance;
  slower_than: a < r; statuses as for average_rate.
- none: `monitored` under cn-plan-pace and, for growth-rate indicators, every method.
- annual changes chain onto the previous year's level (the baseline first), exactly.
- a revised baseline replaces the plan's value when asked for.
- sub-annual figures (period H1, Q1–Q3, M01–M11, known once the period has ended) stand in
  for the latest value under cn-plan-pace when later than the latest annual figure, for level
  targets of point-in-time units (not counts, money or growth rates); the time share then runs
  to the end of the period (or to the evaluation date).
"""
import calendar
from decimal import Decimal, getcontext
from fractions import Fraction as F

getcontext().prec = 50
EDGE = Decimal("1e-20")
GROWTH_KINDS = {"annual_growth", "relative"}


def _d(q):
    q = F(q)
    return Decimal(q.numerator) / Decimal(q.denominator)


def date_share(date, t0, T):
    y, m, d = (int(x) for x in date.split("-"))
    dim = calendar.monthrange(y, m)[1]
    elapsed = F(y - t0 - 1) + (F(m - 1) + F(d, dim)) / 12
    return min(max(elapsed, F(0)) / (T - t0), F(1))


END_MONTH = {"H1": 6, "Q1": 3, "Q2": 6, "Q3": 9, **{f"M{m:02d}": m for m in range(1, 12)}}


def sub_annual(ind, obs, as_of):
    """The latest known sub-annual figure, as (year, end month, value), when comparable."""
    t = ind["target"]
    level = t["kind"] in ("level", "range") or (t["kind"] == "change" and t["mode"] == "absolute")
    if not level or ind["unit"]["kind"] in ("count", "money", "growth_rate"):
        return None
    known = []
    for o in obs:
        if "period" not in o:
            continue
        y, m = o["year"], END_MONTH[o["period"]]
        end = f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"
        if isinstance(as_of, str) and end > as_of:
            continue
        if isinstance(as_of, int) and y > as_of:
            continue
        known.append((y, m, F(o["value"])))
    return max(known) if known else None


def admitted(obs, as_of):
    obs = [o for o in obs if "period" not in o]
    if as_of is None:
        return obs
    if isinstance(as_of, int):
        return [o for o in obs if o["year"] <= as_of]
    return [o for o in obs if o["year"] < int(as_of[:4]) and o.get("vintage", "") <= as_of]


def levels(ind, obs, baseline_value):
    """(year, level, annual change or None) per admitted year, chaining annual changes."""
    out = []
    prev = {ind["baseline"]["year"]: F(baseline_value)}
    for o in sorted(obs, key=lambda o: o["year"]):
        if "annual_change" in o:
            c = o["annual_change"]
            c = F(c[:-1]) / 100 if isinstance(c, str) and c.endswith("%") else F(c)
            v = prev[o["year"] - 1] * (1 + c)
            out.append((o["year"], v, c))
        else:
            v = F(o["value"])
            out.append((o["year"], v, None))
        prev[o["year"]] = v
    return out


def comparator(ind):
    c = ind["target"].get("comparator")
    return c or ("at_least" if ind["direction"] == "increase" else "at_most")


MET = {"at_least": lambda v, b: v >= b, "above": lambda v, b: v > b,
       "at_most": lambda v, b: v <= b, "below": lambda v, b: v < b}


def implied(ind, y0, ref_rate=None):
    t = ind["target"]
    n = t["year"] - ind["baseline"]["year"]
    k = t["kind"]
    if k == "level":
        return F(t["value"]), comparator(ind)
    if k == "annual_growth":
        r = t["rate"]
        r = F(r[:-1]) / 100 if isinstance(r, str) and r.endswith("%") else F(r)
        return y0 * (1 + r) ** n, comparator(ind)
    if k == "change":
        a = F(t["amount"])
        return (y0 + a if t["mode"] == "absolute" else y0 * (1 + a)), ("at_least" if ind["direction"] == "increase" else "at_most")
    if k == "relative":
        c = {"faster_than": "above", "in_step_with": "at_least", "slower_than": "below"}[t["relation"]]
        return y0 * (1 + F(ref_rate)) ** n, c
    raise ValueError(k)


def cn_level(ind, pts, y0, as_of, ref_rate=None, ahead=F(1, 10), lag=F(1, 20), sub=None):
    t0, T = ind["baseline"]["year"], ind["target"]["year"]
    after = [p for p in pts if p[0] > t0]
    sub_tau = None
    if sub is not None and sub[0] > t0 and (not after or sub[0] > after[-1][0]):
        after = after + [(sub[0], sub[2], None)]
        sub_tau = (F(sub[0] - t0 - 1) + F(sub[1], 12)) / (T - t0)
    if not after:
        return {"status": "not_assessable"}
    t, yt = after[-1][0], after[-1][1]
    ys, comp = implied(ind, y0, ref_rate)
    tau = date_share(as_of, t0, T) if isinstance(as_of, str) else sub_tau if sub_tau is not None else F(t - t0, T - t0)
    growth = ind["target"]["kind"] in GROWTH_KINDS or (ind["target"]["kind"] == "change" and ind["target"]["mode"] == "relative")
    geometric = growth and y0 > 0 and yt > 0 and ys > 0 and ys != y0
    out = {"time_share": tau, "path": "geometric" if geometric else "linear", "latest_value": yt}
    met = MET[comp]
    lag = F(0) if ind.get("nature") == "binding" else lag
    if met(yt, ys):
        return {**out, "status": "achieved"}
    if met(y0, ys):
        return {**out, "status": "regressing"}
    if geometric:
        p = (_d(yt) / _d(y0)).ln() / (_d(ys) / _d(y0)).ln()
        lo, hi = _d(tau - lag), _d(tau + ahead)
        if p < 0:
            s = "regressing"
        elif p < lo - EDGE:
            s = "lagging"
        elif p >= hi - EDGE:
            s = "ahead"
        else:
            s = "on_track"
        return {**out, "status": s, "completion": float(p)}
    p = (yt - y0) / (ys - y0)
    s = "regressing" if p < 0 else "lagging" if p < tau - lag else "ahead" if p >= tau + ahead else "on_track"
    return {**out, "status": s, "completion": p}


def bound(ind, pts):
    t0, T = ind["baseline"]["year"], ind["target"]["year"]
    years = [(y, v) for y, v, _ in pts if t0 < y <= T]
    if not years:
        return {"status": "not_assessable"}
    b = F(ind["target"]["value"])
    met = MET[comparator(ind)]
    breach = [y for y, v in years if not met(v, b)]
    return {"status": "breached" if breach else "held", "breach_years": breach}


def chained_average(rates):
    prod = F(1)
    for r in rates:
        prod *= 1 + F(r) / 100
    return prod


def rate_status(ind, pts, required, comp, exact=True):
    """required: a fraction a year (Fraction when exact, Decimal otherwise)."""
    t0, T = ind["baseline"]["year"], ind["target"]["year"]
    years = [(y, v) for y, v, _ in pts if t0 < y <= T]
    if not years:
        return {"status": "not_assessable"}
    prod = chained_average([v for _, v in years])
    n = len(years)
    if exact:
        met = MET[comp](prod, (1 + required) ** n)
    else:
        a = _d(prod) ** (Decimal(1) / n) - 1
        met = {"above": lambda: a > required + EDGE, "at_least": lambda: a >= required - EDGE,
               "below": lambda: a < required - EDGE}[comp]()
    complete = years[-1][0] >= T
    return {"status": ("achieved" if complete else "on_track") if met else "lagging"}


def assess(ind, obs, as_of=None, method="cn-plan-pace", baseline="plan", reference=None):
    """The expected row for one indicator. `reference`: (reference indicator, its observations)
    for a relative target."""
    y0 = F(ind["baseline"]["value"])
    if baseline == "revised":
        revs = [r for r in ind.get("baseline_revisions", []) if not isinstance(as_of, str) or r["date"] <= as_of]
        if revs:
            y0 = F(revs[-1]["value"])
    pts = levels(ind, admitted(obs, as_of), y0)
    k = ind["target"]["kind"]
    rate_unit = ind["unit"]["kind"] == "growth_rate"
    if k == "every_year":
        return bound(ind, pts)
    if k == "average_rate":
        return rate_status(ind, pts, F(ind["target"]["value"]) / 100, comparator(ind))
    if k == "none":
        return {"status": "monitored"} if rate_unit or method == "cn-plan-pace" else None
    ref_rate = None
    if k == "relative":
        ref_ind, ref_obs = reference
        ref_pts = levels(ref_ind, admitted(ref_obs, as_of), F(ref_ind["baseline"]["value"]))
        if rate_unit:
            own_years = {y for y, _, _ in pts}
            rates = [v for y, v, _ in ref_pts if y > ref_ind["baseline"]["year"] and y in own_years]
            r = _d(chained_average(rates)) ** (Decimal(1) / len(rates)) - 1
            tol = _d(F(ind["target"].get("tolerance", "0")) / 100)
            req, comp = {"faster_than": (r, "above"), "in_step_with": (r - tol, "at_least"),
                         "slower_than": (r, "below")}[ind["target"]["relation"]]
            return rate_status(ind, pts, req, comp, exact=False)
        t, v = [(y, v) for y, v, _ in ref_pts if y > ref_ind["baseline"]["year"]][-1]
        r = (_d(v) / _d(F(ref_ind["baseline"]["value"]))) ** (Decimal(1) / (t - ref_ind["baseline"]["year"])) - 1
        ref_rate = F(r)
    if method != "cn-plan-pace":
        return None
    return cn_level(ind, pts, y0, as_of, ref_rate, sub=sub_annual(ind, obs, as_of))
