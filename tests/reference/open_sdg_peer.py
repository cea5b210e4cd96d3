"""Open SDG's progress measure as Open SDG itself publishes it, written again in our own code
for the differential test of onpace's `open-sdg` (issue 13, item 5). It does not import onpace.

Why not the peer's own file: the issue asks to vendor sdg-build's `sdg/ProgressMeasure.py`,
but sdg-build is not on PyPI (no installable release to pin) and its code, read through the
project's search tool, may not be copied into our repository. So this module implements the
rules Open SDG publishes, reading its code and documentation closely:

- open-sdg/open-sdg `docs/progress-methodology.md` (commit 26d2e38700e4fee329fea4823e908c4298064693):
  the ratio R = d·CAGR_i/|CAGR_T| against 95 % / 60 % / 0; without a target d·CAGR against
  1.5 %·C / 0.5 %·C / 0; the scaling factor C near a natural limit; the scores (Figures 1 and
  2: ±60 %/130 % with a target, −2 %/+2 %·C without); the mean score and the aggregate status;
  zero base or target replaced by 0.001; all-negative data: the direction flipped; at least
  two years of data; the base year moved to the first year with data after it.
- open-sdg/sdg-build `sdg/ProgressMeasure.py` (commit 27c0bf031b11add6def719a67c6083b1216664b8):
  the control flow (target achieved first, by `>=` / `<=` on the current value; the growth
  `(current/base)^(1/(t − t0)) − 1` in floats; the base year as the first year after a missing
  one; fewer than two years: no result; `>=` on every band edge, floats compared exactly).
  That version predates the published scores, limits, the `d·…/|…|` ratio and the flip for
  negative data (its ratio is CAGR_o/CAGR_r, its direction defaults to "negative"); where the
  two disagree this module follows the published methodology, and docs/methods.md lists both.

Everything is in Python floats, as Open SDG computes; a float operation that fails (a zero
divisor, a negative number to a fractional power) is "unable to assess" (None), as a crash
in Open SDG's build would leave the indicator without a status.

`measure(series, base_year, target_year, target, direction, limit)` returns
`(status, score)` with Open SDG's status names, or `(None, None)`.
"""
import math

ON_TRACK, ACCEL, LIMITED, DETERIORATION, ACHIEVED = (
    "on_track", "progress_needs_acceleration", "limited_progress", "deterioration", "target_achieved")
ZERO_REPLACEMENT = 0.001


def _growth(current, base, t, t0):
    """CAGR in floats; None when undefined (the float operation would fail or be complex)."""
    if base == 0 or t == t0:
        return None
    q = current / base
    if q < 0:
        return None
    return q ** (1.0 / (t - t0)) - 1.0


def _band(value, high, med, low=0.0):
    if value >= high:
        return ON_TRACK
    if value >= med:
        return ACCEL
    if value >= low:
        return LIMITED
    return DETERIORATION


def score_with_target(r):
    """Figure 2: −5 at R ≤ −0.6, linear to 0 at 0.6, to 5 at 1.3, 5 beyond."""
    if r <= -0.6:
        return -5.0
    if r <= 0.6:
        return -5.0 + (r + 0.6) / 1.2 * 5.0
    return min((r - 0.6) / 0.7 * 5.0, 5.0)


def score_without_target(x, c):
    """Figure 1, with the thresholds above 0 scaled by C."""
    knots = [(-0.02, -5.0), (0.0, -2.5), (0.005 * c, 0.0), (0.015 * c, 2.5), (0.02 * c, 5.0)]
    if x <= -0.02:
        return -5.0
    if x >= 0.02 * c:
        return 5.0
    for (x0, s0), (x1, s1) in zip(knots, knots[1:]):
        if x0 <= x < x1:
            return s0 + (x - x0) / (x1 - x0) * (s1 - s0)
    return 5.0


def scaling_factor(y0, limit, d):
    """C: an upper limit bounds progress when higher is better, a lower one when lower is."""
    if limit is None or y0 < 0 or limit < 0:
        return 1.0
    if y0 == limit:
        return 0.0
    if d > 0 and y0 < limit:
        return 1.0 - (y0 / limit) ** 4.44
    if d < 0 and y0 > limit:
        return 1.0 - (limit / y0) ** 4.44
    return 1.0


def measure(series, base_year, target_year, target, direction, limit=None):
    """One series (dict year → float value, gaps allowed). `direction` is +1 or −1."""
    years = sorted(series)
    if not years or base_year > years[-1]:
        return None, None
    if base_year not in series:
        later = [y for y in years if y > base_year]
        if not later:
            return None, None
        base_year = later[0]
    t, t0 = years[-1], base_year
    if t - t0 < 1:
        return None, None
    current, base = series[t], series[t0]
    values = [series[y] for y in years if y >= t0]
    d = direction
    if target is not None and target == 0:
        target = ZERO_REPLACEMENT
    if base == 0:
        base = ZERO_REPLACEMENT
    # All values negative (the target too, when there is one): the direction flips.
    negative = all(v < 0 for v in values) and (target is None or target < 0)
    if target is None:
        g = _growth(current, base, t, t0)
        if g is None:
            return None, None
        if negative:
            d = -d
        x = d * g
        c = 1.0 if negative else scaling_factor(base, limit, d)
        if c == 0.0 and x >= 0:
            return ON_TRACK, 5.0
        return _band(x, 0.015 * c, 0.005 * c), score_without_target(x, c)
    if (d < 0 and current <= target) or (d > 0 and current >= target):
        return ACHIEVED, 5.0
    g_o, g_r = _growth(current, base, t, t0), _growth(target, base, target_year, t0)
    if g_o is None or g_r is None or g_r == 0:
        return None, None
    if negative:
        d = -d
    r = d * g_o / abs(g_r)
    if not math.isfinite(r):
        return None, None
    return _band(r, 0.95, 0.6), score_with_target(r)


def aggregate(results):
    """The indicator's status from its series' (status, score): achieved only when all are;
    otherwise the band of the mean score. None when no series has a score."""
    scored = [(s, sc) for s, sc in results if sc is not None]
    if not scored:
        return None, None
    mean = sum(sc for _, sc in scored) / len(scored)
    if all(s == ACHIEVED for s, _ in scored):
        return ACHIEVED, mean
    return (ON_TRACK if mean >= 2.5 else ACCEL if mean >= 0 else LIMITED if mean >= -2.5 else DETERIORATION), mean
