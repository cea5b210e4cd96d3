//! Branch-free logarithms and exponentials for the batch kernel's loops.
//!
//! glibc's `log`/`exp` are scalar calls with branches: a loop over a block cannot be
//! vectorised through them. These are plain f64 arithmetic, bit operations and selects, so the
//! compiler vectorises the kernel's loops with them: four lanes with AVX2 and FMA, eight with
//! AVX-512, chosen at run time where the `simd` feature is on
//! (`docs/batch.md`, "The kernel"). The reductions are the textbook ones (exponent split off the
//! bits, Cody–Waite `k·ln 2` in two parts), the polynomials Taylor series on intervals small
//! enough that no division is needed. They keep the batch within 1e-13 relative of 50-digit values on every
//! branch, tiny growth and steep declines included (the tests below).
//!
//! `F` says whether the caller runs where FMA is available (the AVX-512 and AVX2 copies of the
//! kernel, or a build for a CPU with FMA). Without it — the portable x86-64 build, a CPU without
//! AVX2 — the routines are glibc's scalar ones, the exact API's (`crate::math::rate`): in two
//! SSE2 lanes without FMA these polynomials were slower than glibc (`docs/batch.md`).

// IEEE float arithmetic and wrapping bit operations: no overflow panics to guard against.
#![allow(clippy::arithmetic_side_effects)]

/// ln 2 in two parts: `LN2_HI` ends in 32 zero bits, so `k·LN2_HI` is exact for |k| < 2^21.
const LN2_HI: f64 = f64::from_bits(0x3FE6_2E42_FEE0_0000);
/// `ln 2 − LN2_HI` (Python's `decimal` at 50 digits, rounded to f64).
const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;
/// Bits of 1.0.
const ONE_BITS: u64 = 0x3FF0_0000_0000_0000;
/// Bits of 2^(−1/8): the exponent is split off so that the mantissa lies in [2^(−1/8), 2^(7/8)).
const LOW_BITS: u64 = 0x3FED_5818_DCFB_A487;
/// 2^52 and 1.5·2^52: adding `SHIFTER` rounds to an integer held in the low mantissa bits.
const TWO52: f64 = 4_503_599_627_370_496.0;
const SHIFTER: f64 = 6_755_399_441_055_744.0;
/// `|δ|` below which `ln(1 + δ)` is the series in δ itself (no rounding of `1 + δ`).
const NEAR_ONE: f64 = 0.09;
/// ln(f64::MAX): above it `e^x` is ∞.
const LN_MAX: f64 = 709.782_712_893_384;
/// Below this `e^x` is taken as 0 (the exact value is subnormal, under 3.3e-308).
const LN_MIN: f64 = -708.0;

/// `a·b + c`, fused where `F`.
#[inline(always)]
fn mad<const F: bool>(a: f64, b: f64, c: f64) -> f64 {
    if F {
        a.mul_add(b, c)
    } else {
        a * b + c
    }
}

/// `ln(1 + f)` for |f| ≤ 0.0906: the alternating series to f¹⁶ (truncation under 3e-18
/// relative).
#[inline(always)]
fn ln_1p_small<const F: bool>(f: f64) -> f64 {
    let mut p = -1.0 / 16.0;
    for c in [
        1.0 / 15.0,
        -1.0 / 14.0,
        1.0 / 13.0,
        -1.0 / 12.0,
        1.0 / 11.0,
        -1.0 / 10.0,
        1.0 / 9.0,
        -1.0 / 8.0,
        1.0 / 7.0,
        -1.0 / 6.0,
        1.0 / 5.0,
        -1.0 / 4.0,
        1.0 / 3.0,
        -1.0 / 2.0,
    ] {
        p = mad::<F>(p, f, c);
    }
    mad::<F>(f * f, p, f)
}

/// `ln(to/from)` from `delta = (to − from)/from` and `ratio = to/from`, for a ratio > 0 and
/// finite (anything else gives a number the caller masks). Near 1 it is the series in `delta`,
/// so a tiny growth is not lost in rounding `1 + δ`; elsewhere the ratio's own bits, so a steep
/// decline keeps its accuracy (`δ` would round to −1 there) — the two branches of
/// [`crate::math::rate::log_ratio`].
#[inline(always)]
pub(crate) fn ln_ratio<const F: bool>(delta: f64, ratio: f64) -> f64 {
    if !F {
        return crate::math::rate::log_ratio(delta, ratio);
    }
    let sub = ratio < f64::MIN_POSITIVE;
    let x = if sub { ratio * (TWO52 * 4.0) } else { ratio };
    let bits = x.to_bits();
    // x = 2^k·m with m in [2^(−1/8), 2^(7/8)), from integer operations on the bits alone.
    let u = bits.wrapping_add(ONE_BITS.wrapping_sub(LOW_BITS));
    let m = f64::from_bits(bits.wrapping_sub(u & 0xFFF0_0000_0000_0000).wrapping_add(ONE_BITS));
    let k = f64::from_bits((u >> 52) | 0x4330_0000_0000_0000) - TWO52 - 1023.0 - if sub { 54.0 } else { 0.0 };
    // A quarter power of 2 more, so that m·2^(−j/4) lies in [2^(−1/8), 2^(1/8)).
    let j = if m >= 1.542_210_825_407_940_7 {
        3.0
    } else if m >= 1.296_839_554_651_009_6 {
        2.0
    } else if m >= 1.090_507_732_665_257_7 {
        1.0
    } else {
        0.0
    };
    let c = if j == 3.0 {
        0.594_603_557_501_360_5
    } else if j == 2.0 {
        std::f64::consts::FRAC_1_SQRT_2
    } else if j == 1.0 {
        0.840_896_415_253_714_5
    } else {
        1.0
    };
    let near = delta.abs() < NEAR_ONE;
    let f = if near { delta } else { m * c - 1.0 };
    let k = if near { 0.0 } else { k + 0.25 * j };
    mad::<F>(k, LN2_HI, mad::<F>(k, LN2_LO, ln_1p_small::<F>(f)))
}

/// `(2^(k−1), e^r − 1)` with `x = k·ln 2 + r`, |r| ≤ ln 2 / 2, for x clamped to
/// [−708, ln(f64::MAX)] (half of 2^k, so that k = 1024 fits); `e^r − 1` is Taylor to r¹³
/// (truncation under 2e-17 relative).
#[inline(always)]
fn split<const F: bool>(x: f64) -> (f64, f64) {
    // Not `clamp`: a NaN stays NaN here and is passed through by the callers' selects.
    #[allow(clippy::manual_clamp)]
    let x = if x > LN_MAX {
        LN_MAX
    } else if x < LN_MIN {
        LN_MIN
    } else {
        x
    };
    let t = mad::<F>(x, std::f64::consts::LOG2_E, SHIFTER);
    let kf = t - SHIFTER;
    let r = mad::<F>(-kf, LN2_LO, mad::<F>(-kf, LN2_HI, x));
    let half_two_k = f64::from_bits(t.to_bits().wrapping_sub(SHIFTER.to_bits()).wrapping_add(1022) << 52);
    let mut p = 1.0 / 6_227_020_800.0;
    for c in [
        1.0 / 479_001_600.0,
        1.0 / 39_916_800.0,
        1.0 / 3_628_800.0,
        1.0 / 362_880.0,
        1.0 / 40_320.0,
        1.0 / 5_040.0,
        1.0 / 720.0,
        1.0 / 120.0,
        1.0 / 24.0,
        1.0 / 6.0,
        1.0 / 2.0,
    ] {
        p = mad::<F>(p, r, c);
    }
    (half_two_k, mad::<F>(r * r, p, r))
}

/// `e^x − 1`: accurate near 0 (with k = 0 it is the series itself, no cancellation); −1 below
/// −708, ∞ above ln(f64::MAX), NaN for NaN.
#[inline(always)]
pub(crate) fn exp_m1<const F: bool>(x: f64) -> f64 {
    if !F {
        return crate::math::rate::rate_from_log(x);
    }
    let (half, p) = split::<F>(x);
    let two_k = half * 2.0;
    // Above 709 the 1 is lost anyway, and 2^k may be 2^1024: e^x itself.
    let y = if x > 709.0 { mad::<F>(half, p, half) * 2.0 } else { mad::<F>(two_k, p, two_k - 1.0) };
    if x > LN_MAX {
        f64::INFINITY
    } else if x < LN_MIN {
        -1.0
    } else if x.is_nan() {
        x
    } else {
        y
    }
}

/// `e^x`: 0 below −708, ∞ above ln(f64::MAX), NaN for NaN.
#[inline(always)]
pub(crate) fn exp<const F: bool>(x: f64) -> f64 {
    if !F {
        return x.exp();
    }
    let (half, p) = split::<F>(x);
    let y = mad::<F>(half, p, half) * 2.0;
    if x > LN_MAX {
        f64::INFINITY
    } else if x < LN_MIN {
        0.0
    } else if x.is_nan() {
        x
    } else {
        y
    }
}

/// `ln(to/from)/years` given `1/from`, NaN where no compound rate exists (a zero, a sign
/// change, a NaN or infinity, no years).
#[inline(always)]
pub(crate) fn log_growth<const F: bool>(from: f64, to: f64, inv_from: f64, inv_years: f64) -> f64 {
    let ratio = to * inv_from;
    let delta = (to - from) * inv_from;
    let ok = ratio > 0.0 && ratio < f64::INFINITY && inv_years > 0.0 && inv_years < f64::INFINITY;
    if ok {
        ln_ratio::<F>(delta, ratio) * inv_years
    } else {
        f64::NAN
    }
}

/// The compound rate `(to/from)^(1/years) − 1`, NaN where none exists: the vectorisable
/// [`crate::math::rate::rate_f64`].
#[inline(always)]
pub(crate) fn rate<const F: bool>(from: f64, to: f64, years: f64) -> f64 {
    exp_m1::<F>(log_growth::<F>(from, to, 1.0 / from, 1.0 / years))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The polynomial route (`true`; FMA through the library's `fma` here, the same numbers)
    /// and the glibc route (`false`).
    fn both(from: f64, to: f64, years: f64) -> [f64; 2] {
        [rate::<false>(from, to, years), rate::<true>(from, to, years)]
    }

    #[test]
    fn rates_on_every_branch_are_accurate() {
        // Expected: (to/from)^(1/years) − 1 in Python's decimal module at 50 digits, rounded to
        // f64; every input is exact in binary, so only the routine's own error is measured.
        let cases = [
            (100.0, 100.5, 5.0, 0.000_998_005_979_079_482_1),
            (1.0, 1.000_122_070_312_5, 10.0, 1.220_636_074_958_288_7e-5),
            (1.0, 1.0625, 10.0, 0.006_080_876_097_912_181),
            (2.0, 3.0, 5.0, 0.084_471_771_197_698_61),
            (10.0, 9.0, 3.0, -0.034_510_615_394_370_24),
            (4.0, 1.0, 4.0, -0.292_893_218_813_452_5),
            (-5.0, -7.5, 2.0, 0.224_744_871_391_589_05),
            // 1e12 → 1e-6 over 100 years: (1e-18)^(1/100) − 1.
            (1e12, 1e-6, 100.0, -0.339_306_551_992_404),
            // 1 → 1 + 2^-40 over 1 year: the rate is 2^-40 exactly.
            (1.0, 1.0 + 2f64.powi(-40), 1.0, 2f64.powi(-40)),
            // 1 → 1 − 2^-30 over 3 years: (1 − 2^-30)^(1/3) − 1 (mpmath, 50 digits).
            (1.0, 1.0 - 2f64.powi(-30), 3.0, -3.104_408_583_015_33e-10),
            // Each side of every branch edge: δ = ±0.09, the quarter powers of 2, ratios far
            // from 1 (decimal module, 50 digits).
            (1.0, 1.09, 1.0, 0.09000000000000008),
            (1.0, 0.91, 1.0, -0.08999999999999997),
            (1.0, 1.0905, 2.0, 0.04427008000804084),
            (1.0, 1.3, 0.5, 0.6900000000000002),
            (1.0, 1.55, 3.0, 0.1572945272629379),
            (1.0, 1.8, 7.0, 0.08759574725442056),
            (3.0, 1e+30, 10.0, 894.9584598407622),
            (1e+30, 3.0, 10.0, -0.9988838768259661),
            (1e-300, 1e-310, 2.0, -0.99999),
            (0.5, 0.25, 0.25, -0.9375),
        ];
        for (from, to, years, want) in cases {
            for got in both(from, to, years) {
                assert!(((got - want) / want).abs() < 1e-13, "rate({from}, {to}, {years}) = {got}, want {want}");
            }
        }
    }

    #[test]
    fn exponentials_at_their_limits() {
        // e^x − 1 and e^x against the decimal module at 50 digits.
        for (x, em1, e) in [
            (1e-20, 1e-20, 1.0),
            (-0.346, -0.2924875128934983, 0.7075124871065017),
            (0.347, 0.41481672537042863, 1.4148167253704287),
            (700.0, 1.0142320547350045e+304, 1.0142320547350045e+304),
            (709.78, 1.7928227943945155e+308, 1.7928227943945155e+308),
            (-700.0, -1.0, 9.85967654375977e-305),
        ] {
            for (got, want) in
                [(exp_m1::<false>(x), em1), (exp::<false>(x), e), (exp_m1::<true>(x), em1), (exp::<true>(x), e)]
            {
                assert!(((got - want) / want).abs() < 1e-13, "{x}: {got} vs {want}");
            }
        }
        assert!(exp::<false>(710.0).is_infinite() && exp::<false>(-800.0) == 0.0 && exp_m1::<false>(-800.0) == -1.0);
        assert!(exp::<false>(f64::NAN).is_nan() && exp_m1::<false>(f64::NAN).is_nan());
    }

    #[test]
    fn no_rate_is_nan() {
        for (from, to, years) in [
            (0.0, 1.0, 2.0),
            (1.0, 0.0, 2.0),
            (1.0, -1.0, 2.0),
            (-1.0, 1.0, 2.0),
            (1.0, 2.0, 0.0),
            (1.0, 2.0, -1.0),
            (f64::NAN, 1.0, 1.0),
            (1.0, f64::NAN, 1.0),
            (1.0, f64::INFINITY, 1.0),
            (1.0, 2.0, f64::NAN),
            (1e-300, 1e300, 1.0),
        ] {
            assert!(both(from, to, years).iter().all(|r| r.is_nan()), "{from} {to} {years}");
        }
    }

    #[test]
    fn agrees_with_the_exact_apis_routine_everywhere() {
        // Differential against crate::math::rate::rate_f64 (glibc's log1p/log/expm1/exp, each
        // within an ulp or two): 200 000 pseudo-random rates, ratios 1e-30 … 1e30 and near 1,
        // years 0.25 … 100.
        let mut s = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 53) as f64
        };
        for i in 0..200_000 {
            let from = (next() * 20.0 - 10.0) * 10f64.powf(next() * 6.0 - 3.0);
            let ratio = if i % 2 == 0 {
                10f64.powf(next() * 60.0 - 30.0)
            } else {
                1.0 + (next() - 0.5) * 10f64.powf(-next() * 15.0)
            };
            let to = from * ratio;
            let years = 0.25 + next() * 100.0;
            let want = crate::math::rate::rate_f64(from, to, years);
            for got in both(from, to, years) {
                assert!(
                    got == want || ((got - want) / want).abs() < 1e-13,
                    "rate({from}, {to}, {years}) = {got}, glibc {want}"
                );
            }
        }
    }
}
