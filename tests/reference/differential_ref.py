"""Independent reference for the random differential test (issue 13, item 6): the building
blocks of docs/methods.md and the cn-plan-pace status, in exact rationals (gmpy2.mpq), with
MPFR at 128 bits (gmpy2.mpfr: correctly rounded log and expm1) for logs and roots. It does not
import onpace.

`random_cases(seed, n)` draws plans of 1–200 years with values from 1e-6 to 1e12, both
directions, tiny (1e-9 … 1e-12), ordinary and huge (up to 1e±12) growth, all-negative series,
zero latest values, and latest values around the target; every value is a decimal string of at
most 15 significant digits. `progress_ref(case)` gives what onpace's exact API must return for
it, `batch_ref(case)` what the f64 batch must return for the same values rounded to f64.
"""
import random
from decimal import Context, Decimal

import gmpy2
from gmpy2 import mpfr, mpq

# One precision for every MPFR operation of this module (set on the thread's context once:
# entering a local context per call would cost as much as the logs themselves).
gmpy2.get_context().precision = 128
SOURCE = "tests/reference/differential_ref.py (gmpy2: exact rationals, MPFR at 128 bits)"


def log_ratio(a, b):
    """ln(b/a) for two rationals of one sign, neither zero; None otherwise."""
    if a == 0 or b == 0 or (a < 0) != (b < 0):
        return None
    return gmpy2.log(mpfr(b / a))


def rate_from_log(lr, years):
    return gmpy2.expm1(lr / years)


def rate(a, b, years):
    """(b/a)^(1/years) - 1 = expm1(ln(b/a)/years), to 128 bits at every ratio."""
    lr = log_ratio(a, b)
    return None if lr is None or years <= 0 else rate_from_log(lr, years)


def cn_status(y0, yt, ys, t0, t, T, d, ahead=mpq(1, 10), lag=mpq(1, 20)):
    """cn-plan-pace (docs/methods.md): met (at least / at most by direction), slipped,
    backwards, then the bands with exact comparisons, a value on an edge in the upper band."""
    if t <= t0:
        return "not_assessable"
    met = (lambda v: v >= ys) if d > 0 else (lambda v: v <= ys)
    if met(yt):
        return "achieved"
    if met(y0):
        return "regressing"
    p = (yt - y0) / (ys - y0)
    tau = mpq(t - t0, T - t0)
    if p < 0:
        return "regressing"
    if p < tau - lag:
        return "lagging"
    if p >= tau + ahead:
        return "ahead"
    return "on_track"


def progress_ref(c, values=None):
    """Every quantity of one case: rationals where rational, MPFR where irrational, None where
    the quantity does not exist (docs/methods.md, "Building blocks")."""
    y0, yt, ys = values or (mpq(c["y0"]), mpq(c["yt"]), mpq(c["ys"]))
    t0, t, T, d = c["t0"], c["t"], c["T"], c["d"]
    n, N = t - t0, T - t0
    out = {"time_share": mpq(n, N)}
    out["completion"] = (yt - y0) / (ys - y0) if ys != y0 else None
    out["pace"] = out["completion"] / out["time_share"] if out["completion"] is not None and n > 0 else None
    la = log_ratio(y0, yt) if n > 0 else None
    ga = rate_from_log(la, n) if la is not None else None
    out["actual_cagr"], out["required_cagr"] = ga, rate(y0, ys, N)
    need = log_ratio(yt, ys)
    grn = rate_from_log(need, T - t) if t < T and need is not None else None
    out["required_cagr_from_now"] = grn
    sa = (yt - y0) / n if n > 0 else None
    srn = (ys - yt) / (T - t) if t < T else None
    if grn is not None and ga is not None and ga != 0:
        out["acceleration"] = grn / ga
    elif srn is not None and sa is not None and sa != 0:
        out["acceleration"] = srn / sa
    else:
        out["acceleration"] = None
    # Years to target: 0 when met; ln(y*/yt)/λ when both logs exist (λ = ln(yt/y0)/n, of the
    # need's sign); otherwise at the slope when it heads for the target.
    if d * (yt - ys) >= 0:
        ytt = mpq(0)
    elif la is not None and need is not None:
        lam = la / n
        ytt = need / lam if lam != 0 and (lam > 0) == (need > 0) else None
    elif sa is not None and sa != 0 and (sa > 0) == (ys > yt):
        ytt = (ys - yt) / sa
    else:
        ytt = None
    out["years_to_target"] = ytt
    out["status"] = cn_status(y0, yt, ys, t0, t, T, d)
    return out


def batch_ref(c):
    """What the f64 batch must give for the case's values rounded to f64 (its inputs): the same
    quantities, exactly, from those f64 values, and the ratio d·ga/|gr|."""
    r = progress_ref(c, tuple(mpq(float(mpq(c[k]))) for k in ("y0", "yt", "ys")))
    ga, gr = r["actual_cagr"], r["required_cagr"]
    r["ratio"] = c["d"] * ga / abs(gr) if ga is not None and gr is not None and gr != 0 else None
    return r


def _text(x, digits):
    """A rational or MPFR value as a plain decimal string of at most `digits` significant digits."""
    if isinstance(x, type(mpq(0))):
        dec = Context(prec=digits).divide(Decimal(int(x.numerator)), Decimal(int(x.denominator)))
    else:
        dec = Context(prec=digits).plus(Decimal(format(x, ".40e")))
    return format(dec.normalize(), "f")


def random_cases(seed, n):
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        N = rng.choice([1, 2, 3, 5, 10, 15, 30, 50, 100, 200, rng.randint(1, 200)])
        t0 = rng.randint(1800, 2200 - N)
        T = t0 + N
        t = rng.randint(t0 + 1, T)
        digits0 = rng.choice([1, 3, 6])
        y0 = mpq(rng.randint(10 ** (digits0 - 1), 10 ** digits0 - 1), 10 ** (digits0 - 1)) * mpq(10) ** rng.randint(-6, 12)
        kind = rng.choice(["tiny", "ordinary", "ordinary", "huge"])
        if kind == "tiny":
            ratio = 1 + mpq(rng.choice([-1, 1]) * rng.randint(1, 999), 10 ** rng.randint(9, 12))
        elif kind == "ordinary":
            ratio = mpq(rng.randint(200, 5000), 1000)
        else:
            ratio = mpq(10) ** rng.randint(-12, 12) * mpq(rng.randint(100, 999), 100)
        ys = y0 * ratio
        share = mpq(t - t0, N)
        how = rng.choice(["geometric", "linear", "random", "random"])
        if how == "geometric":  # on the constant-rate path (rounded to the digits below)
            yt = mpfr(y0) * gmpy2.exp(gmpy2.log(mpfr(ratio)) * share)
        elif how == "linear":
            yt = y0 + (ys - y0) * share
        else:
            yt = y0 + (ys - y0) * mpq(rng.randint(-500, 1500), 1000)
        sign = -1 if rng.random() < 0.1 else 1  # all-negative series
        digits = 15 if kind == "tiny" else rng.choice([4, 6, 15])
        c = {"t0": t0, "T": T, "t": t, "d": rng.choice([1, -1]),
             "y0": _text(sign * y0, digits), "yt": _text(sign * yt, digits), "ys": _text(sign * ys, digits)}
        if rng.random() < 0.02:  # a zero latest value: rates undefined, slopes decide
            c["yt"] = "0"
        # Every value must fit onpace's decimals: at most 28 digits, at most 28 after the point.
        def fits(text):
            whole, _, frac = text.lstrip("-").partition(".")
            return len(frac) <= 28 and len(whole.lstrip("0") + frac) <= 28
        if not all(fits(c[k]) for k in ("y0", "yt", "ys")):
            continue
        out.append(c)
    return out
