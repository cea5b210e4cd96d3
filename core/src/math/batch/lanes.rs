//! Four series at a time: the batch's logarithms and exponentials through `wide`'s SIMD
//! `f64x4` (one AVX register with FMA where the build enables them, which is where the kernel
//! uses these lanes; two SSE2 registers on plain x86-64, scalar arrays elsewhere). Both branches
//! of [`crate::math::rate`] are computed without branching per lane, and the result keeps its
//! accuracy: ≤ 1e-13 relative against 50-digit values on every branch (the tests below, run on
//! every build, and `docs/batch.md`, "The kernel").

// f64x4's operators are IEEE float arithmetic (no overflow panics, no wrapping): the crate's
// integer-minded lint does not apply.
#![allow(clippy::arithmetic_side_effects)]

use wide::f64x4;

/// `|δ|` below which the log of the ratio is taken as `ln_1p(δ)` (the same edge as the exact
/// API's [`crate::math::rate::log_ratio`]).
const NEAR_ONE: f64 = 1e-2;

/// `ln(to/from)/years` in each lane; NaN where no compound rate exists (a zero, a sign change,
/// a NaN, no years).
///
/// One `ln` per lane serves both branches: near 1 it is `ln(u)` of `u = 1 + δ` rounded, and
/// `δ·ln(u)/(u − 1)` recovers `ln_1p(δ)` to a few ulps (the classic `log1p` correction: the
/// rounding of `u` cancels between `ln(u)` and `u − 1`); elsewhere it is `ln(to/from)`, whose
/// relative accuracy a steep decline needs (`δ` would round to −1 there).
#[inline]
pub(crate) fn log_growth(from: f64x4, to: f64x4, years: f64x4) -> f64x4 {
    let zero = f64x4::ZERO;
    let one = f64x4::ONE;
    let ratio = to / from;
    let delta = (to - from) / from;
    let near = delta.abs().simd_lt(f64x4::splat(NEAR_ONE));
    let u = near.select(one + delta, ratio);
    let ln_u = u.ln();
    let um1 = u - one;
    let ln_1p = um1.simd_eq(zero).select(delta, delta * (ln_u / um1));
    let log = near.select(ln_1p, ln_u);
    // A rate exists when both values are non-zero with one sign (the ratio is > 0 and finite:
    // a zero `to` gives 0, a zero `from` ±∞ or NaN)
    // and the years are > 0; NaN inputs fail every comparison and land here too.
    let ok = ratio.simd_gt(zero) & ratio.is_finite() & years.simd_gt(zero);
    ok.select(log / years, f64x4::splat(f64::NAN))
}

/// `e^x − 1` in each lane: accurate near 0 (the tiny-growth branch) and elsewhere.
#[inline]
pub(crate) fn exp_m1(x: f64x4) -> f64x4 {
    x.exp_m1()
}

/// `e^(λ·years)` in each lane: a level grown at the log growth `λ` for `years`.
#[inline]
pub(crate) fn grow(log_per_year: f64x4, years: f64x4) -> f64x4 {
    (log_per_year * years).exp()
}

/// The compound rate `(to/from)^(1/years) − 1` in each lane, NaN where none exists: the
/// vectorised [`crate::math::rate::rate_f64`].
#[inline]
pub(crate) fn rate(from: f64x4, to: f64x4, years: f64x4) -> f64x4 {
    exp_m1(log_growth(from, to, years))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate1(from: f64, to: f64, years: f64) -> f64 {
        rate(f64x4::splat(from), f64x4::splat(to), f64x4::splat(years)).to_array()[0]
    }

    #[test]
    fn rates_on_every_branch_are_accurate() {
        // Expected: (to/from)^(1/years) − 1 in Python's decimal module at 50 digits, rounded to
        // f64 (the same cases as the scalar kernel's test in batch.rs, plus steep declines and
        // tiny growth computed with mpmath at 50 digits); every input is exact in binary.
        let cases = [
            (100.0, 100.5, 5.0, 0.000_998_005_979_079_482_1),
            (1.0, 1.000_122_070_312_5, 10.0, 1.220_636_074_958_288_7e-5),
            (1.0, 1.0625, 10.0, 0.006_080_876_097_912_181),
            (2.0, 3.0, 5.0, 0.084_471_771_197_698_61),
            (10.0, 9.0, 3.0, -0.034_510_615_394_370_24),
            (4.0, 1.0, 4.0, -0.292_893_218_813_452_5),
            (-5.0, -7.5, 2.0, 0.224_744_871_391_589_05),
            // 1e12 → 1e-6 over 100 years: (1e-18)^(1/100) − 1 (rate.rs's steep-decline case).
            (1e12, 1e-6, 100.0, -0.339_306_551_992_404),
            // 1 → 1 + 2^-40 over 1 year: the rate is 2^-40 exactly.
            (1.0, 1.0 + 2f64.powi(-40), 1.0, 2f64.powi(-40)),
            // 1 → 1 − 2^-30 over 3 years: (1 − 2^-30)^(1/3) − 1 = −3.1044085830153303e-10 (mpmath).
            (1.0, 1.0 - 2f64.powi(-30), 3.0, -3.104_408_583_015_33e-10),
        ];
        for (from, to, years, want) in cases {
            let got = rate1(from, to, years);
            assert!(((got - want) / want).abs() < 1e-13, "rate({from}, {to}, {years}) = {got}, want {want}");
        }
    }

    #[test]
    fn lanes_agree_with_the_scalar_routine() {
        // Every lane computes independently: mixed branches in one vector give the scalar
        // routine's answers (crate::math::rate::rate_f64, glibc's log1p/expm1/log/exp) to 1e-13.
        let from = [100.0, 1e12, -5.0, 3.0];
        let to = [100.5, 1e-6, -7.5, 2.999_999];
        let years = [5.0, 100.0, 2.0, 7.0];
        let got = rate(f64x4::new(from), f64x4::new(to), f64x4::new(years)).to_array();
        for k in 0..4 {
            let want = crate::math::rate::rate_f64(from[k], to[k], years[k]);
            assert!(((got[k] - want) / want).abs() < 1e-13, "lane {k}: {} vs {want}", got[k]);
        }
    }

    #[test]
    fn no_rate_is_nan() {
        for (from, to, years) in
            [(0.0, 1.0, 2.0), (1.0, 0.0, 2.0), (1.0, -1.0, 2.0), (-1.0, 1.0, 2.0), (1.0, 2.0, 0.0), (1.0, 2.0, -1.0)]
        {
            assert!(rate1(from, to, years).is_nan(), "{from} {to} {years}");
        }
        assert!(rate1(f64::NAN, 1.0, 1.0).is_nan() && rate1(1.0, f64::NAN, 1.0).is_nan());
        assert!(rate1(1.0, f64::INFINITY, 1.0).is_nan() && rate1(1.0, 2.0, f64::NAN).is_nan());
    }
}
