//! Compound annual growth rates `(to/from)^(1/years) − 1`: the one routine behind the exact
//! API ([`crate::math::progress`], the methods, projections) and the f64 batch
//! ([`crate::math::batch`]).
//!
//! The rate is `expm1(λ)` with the log growth `λ = ln(to/from)/years`. The log of the ratio is
//! taken two ways so that it keeps full relative accuracy for every ratio a decimal can hold
//! (about 1e-56 … 1e56), see `docs/methods.md` ("Growth rates"):
//!
//! - near 1 (`|δ| < 1e-2`, `δ = (to − from)/from`): `ln_1p(δ)`, with `δ` computed exactly in
//!   decimal by the exact API, so that a tiny growth is not lost in `ratio − 1`;
//! - elsewhere: `ln(ratio)` of the f64 ratio. Taking `ln_1p` of a rounded `δ` there is what
//!   went wrong before: for a steep decline `δ` rounds to −1 and the rate to −100 %.
//!
//! `expm1` is used for `|λ| < 1e-2` and `exp(λ) − 1` elsewhere (the faster call; its relative
//! error there is below 1.2e-14). Together the relative error stays below 1e-13, checked
//! against mpmath at ratios 1e-30 … 1e30 (`tests/vectors/rates.json`).

use rust_decimal::Decimal;

use crate::num::to_f64;

/// `|δ|` below which `ln_1p(δ)` is used instead of `ln(ratio)`.
const NEAR_ONE: f64 = 1e-2;

/// Below this growth factor `1 + g = e^λ`, the f64 rate `g` no longer carries the factor to
/// 1e-13 relative (`1 + g` computed from `g` has an absolute error of 1.1e-16): the rate
/// reads as −100 % and a `rate_not_representable` warning says so.
pub const MIN_FACTOR: f64 = 1.1e-3;

/// `ln(to/from)` from the relative change `delta` and the ratio `ratio` (both f64).
#[inline]
pub fn log_ratio(delta: f64, ratio: f64) -> f64 {
    if delta.abs() < NEAR_ONE {
        delta.ln_1p()
    } else {
        ratio.ln()
    }
}

/// The rate `e^λ − 1` for a log growth `λ` per year.
#[inline]
pub fn rate_from_log(log_per_year: f64) -> f64 {
    if log_per_year.abs() < NEAR_ONE {
        log_per_year.exp_m1()
    } else {
        log_per_year.exp() - 1.0
    }
}

/// The compound rate of f64 values, NaN when it does not exist (a zero, a sign change, no
/// years): the batch's form.
#[inline]
pub fn rate_f64(from: f64, to: f64, years: f64) -> f64 {
    if from == 0.0 || to == 0.0 || (from < 0.0) != (to < 0.0) || years <= 0.0 || from.is_nan() || to.is_nan() {
        return f64::NAN;
    }
    let delta = (to - from) / from;
    rate_from_log(log_ratio(delta, to / from) / years)
}

/// `ln(to/from)` of two decimals of the same sign, neither zero; `None` otherwise.
pub fn log_ratio_decimal(from: Decimal, to: Decimal) -> Option<f64> {
    log_ratio_f(from, to, to_f64(from), to_f64(to))
}

/// [`log_ratio_decimal`] with `from` and `to` already converted to f64 (`from_f`, `to_f`), for
/// callers that take several logs of the same values.
pub(crate) fn log_ratio_f(from: Decimal, to: Decimal, from_f: f64, to_f: f64) -> Option<f64> {
    if from.is_zero() || to.is_zero() || from.is_sign_negative() != to.is_sign_negative() {
        return None;
    }
    let ratio = to_f / from_f;
    if !(ratio.is_finite() && ratio > 0.0) {
        return None;
    }
    // The exact δ is only needed (and only cheap: no overflow) when the ratio is near 1.
    if (ratio - 1.0).abs() < 2.0 * NEAR_ONE {
        let delta = to.checked_sub(from)?.checked_div(from)?;
        return Some(log_ratio(to_f64(delta), ratio));
    }
    Some(ratio.ln())
}

/// The log growth per year `ln(to/from)/years`; `None` when no rate exists.
pub fn log_growth(from: Decimal, to: Decimal, years: f64) -> Option<f64> {
    log_growth_f(from, to, to_f64(from), to_f64(to), years)
}

/// [`log_growth`] with `from` and `to` already converted to f64 (`from_f`, `to_f`).
pub(crate) fn log_growth_f(from: Decimal, to: Decimal, from_f: f64, to_f: f64, years: f64) -> Option<f64> {
    if years.is_nan() || years <= 0.0 {
        return None;
    }
    let l = log_ratio_f(from, to, from_f, to_f)? / years;
    l.is_finite().then_some(l)
}

/// Compound annual growth of two decimals, `None` when it does not exist (zero or
/// sign-changing values, no years).
pub fn compound_rate(from: Decimal, to: Decimal, years: f64) -> Option<f64> {
    log_growth(from, to, years).map(rate_from_log).filter(|g| g.is_finite())
}

/// Whether a log growth per year gives a rate that f64 cannot hold to 1e-13 in `1 + g`.
pub fn factor_underflows(log_per_year: f64) -> bool {
    log_per_year < MIN_FACTOR.ln()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn steep_decline_keeps_its_rate() {
        // The example: 1e12 → 1e-6 over 100 years. mpmath at 50 digits:
        // (1e-18)^(1/100) − 1 = −0.339306551992403993...
        let g = compound_rate(d("1000000000000"), d("0.000001"), 100.0).unwrap();
        assert!(((g + 0.339_306_551_992_404) / 0.339_306_551_992_404).abs() < 1e-13, "{g}");
    }

    #[test]
    fn tiny_growth_is_not_lost_in_rounding() {
        // 1 → 1.0000000000000000001 over 1 year: δ = 1e-19 exactly, the rate is δ itself
        // to 1e-38; the f64 ratio would be exactly 1.
        let g = compound_rate(d("1"), d("1.0000000000000000001"), 1.0).unwrap();
        assert!((g - 1e-19).abs() / 1e-19 < 1e-15, "{g}");
    }

    #[test]
    fn undefined_rates() {
        assert!(compound_rate(d("0"), d("1"), 1.0).is_none());
        assert!(compound_rate(d("-1"), d("1"), 1.0).is_none());
        assert!(compound_rate(d("1"), d("2"), 0.0).is_none());
        assert!(rate_f64(1.0, -1.0, 2.0).is_nan() && rate_f64(0.0, 1.0, 2.0).is_nan());
        assert!(factor_underflows((1e-30f64).ln()) && !factor_underflows((0.5f64).ln()));
    }
}
