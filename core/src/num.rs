//! Checked decimal arithmetic and the f64 bridge for irrational results.
//!
//! Decimal operators panic on overflow, so library code goes through these helpers, which
//! turn overflow into [`Error::Overflow`] naming the quantity being computed.

use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;

use crate::error::{Error, Result};

/// Checked operations that name the quantity at fault.
pub(crate) trait Checked: Sized {
    fn add_or(self, rhs: Self, field: &str) -> Result<Self>;
    fn sub_or(self, rhs: Self, field: &str) -> Result<Self>;
    fn mul_or(self, rhs: Self, field: &str) -> Result<Self>;
    /// Division; a zero divisor is reported as undefined growth only by callers that know why,
    /// here it is an invalid argument.
    fn div_or(self, rhs: Self, field: &str) -> Result<Self>;
}

impl Checked for Decimal {
    fn add_or(self, rhs: Self, field: &str) -> Result<Self> {
        self.checked_add(rhs).ok_or_else(|| Error::overflow(field))
    }
    fn sub_or(self, rhs: Self, field: &str) -> Result<Self> {
        self.checked_sub(rhs).ok_or_else(|| Error::overflow(field))
    }
    fn mul_or(self, rhs: Self, field: &str) -> Result<Self> {
        self.checked_mul(rhs).ok_or_else(|| Error::overflow(field))
    }
    fn div_or(self, rhs: Self, field: &str) -> Result<Self> {
        if rhs.is_zero() {
            return Err(Error::invalid_argument(field, "division by zero"));
        }
        self.checked_div(rhs).ok_or_else(|| Error::overflow(field))
    }
}

/// `base^exp` for a whole `exp ≥ 0` by square-and-multiply with checked products: exact
/// whenever the result fits 28 digits (1.07^5 = 1.4025517307), overflow otherwise.
pub(crate) fn powi(base: Decimal, exp: i64, field: &str) -> Result<Decimal> {
    if exp < 0 {
        return Err(Error::invalid_argument(field, "negative exponent"));
    }
    let (mut result, mut b, mut e) = (Decimal::ONE, base, exp);
    while e > 0 {
        if e & 1 == 1 {
            result = result.mul_or(b, field)?;
        }
        e >>= 1;
        if e > 0 {
            b = b.mul_or(b, field)?;
        }
    }
    Ok(result)
}

/// A year difference as a decimal (years are validated to a small range, so this cannot fail
/// for model data; it is still checked).
pub(crate) fn years_between(from: i32, to: i32) -> i64 {
    i64::from(to).saturating_sub(i64::from(from))
}

/// Decimal → f64 for the irrational formulas. Every Decimal fits an f64 (with rounding).
///
/// The result is rust_decimal's own (`Decimal::to_f64`) to the bit. That conversion works in
/// 128-bit integers (a division and a remainder by `10^scale`, two 128-bit → f64 conversions),
/// a large share of a plan evaluation's time; a mantissa that fits 64 bits (every value below
/// 1.8e19 units of its last place, i.e. nearly all data) takes the same steps in 64-bit
/// integers, which give the same quotient, remainder and f64 values. Native builds only: the
/// WebAssembly module keeps rust_decimal's route, which is smaller (its size budget).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn to_f64(d: Decimal) -> f64 {
    let by_rust_decimal = || d.to_f64().unwrap_or(f64::NAN);
    let scale = d.scale();
    let Ok(mantissa) = u64::try_from(d.mantissa().unsigned_abs()) else { return by_rust_decimal() };
    let negative = d.is_sign_negative();
    if scale == 0 {
        // As rust_decimal: the signed integer's f64 (zero is +0.0, whatever its sign bit).
        let x = mantissa as f64;
        return if negative && mantissa != 0 { -x } else { x };
    }
    let Some(precision) = 10u64.checked_pow(scale) else { return by_rust_decimal() };
    let (Some(q), Some(r)) = (mantissa.checked_div(precision), mantissa.checked_rem(precision)) else {
        return by_rust_decimal();
    };
    let (integral, frac) = (q as f64, r as f64 / precision as f64);
    let value = if frac == 0.0 {
        integral
    } else {
        let round_to = 10f64.powi(scale as i32); // scale ≤ 19 here
        (((integral + frac) * round_to).round()) / round_to
    };
    if negative {
        -value
    } else {
        value
    }
}

/// Decimal → f64 (rust_decimal's conversion; see the native build's for the same bits, faster).
#[cfg(target_arch = "wasm32")]
pub(crate) fn to_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(f64::NAN)
}

/// f64 → Decimal for results the API returns as Decimal; non-finite values are refused.
pub(crate) fn from_f64(x: f64, field: &str) -> Result<Decimal> {
    if !x.is_finite() {
        return Err(Error::overflow(field));
    }
    Decimal::from_f64(x).ok_or_else(|| Error::overflow(field))
}

/// A finite f64, or None: irrational results never leak NaN or infinity into the API.
pub(crate) fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// Compound annual growth `(to/from)^(1/years) − 1` ([`crate::math::rate::compound_rate`],
/// the routine shared with the batch). `None` when the rate does not exist (zero or
/// sign-changing values) or is not finite.
pub(crate) fn compound_rate(from: Decimal, to: Decimal, years: f64) -> Option<f64> {
    crate::math::rate::compound_rate(from, to, years)
}

/// An f64 as text for messages and tables, through Decimal (so the WebAssembly build needs no
/// float-formatting machinery): `places` decimals (half away from zero), or all significant
/// digits when `None`.
pub fn f64_text(x: f64, places: Option<u32>) -> String {
    match Decimal::from_f64(x) {
        Some(d) => match places {
            Some(p) => format_fixed(d, p),
            None => d.normalize().to_string(),
        },
        None if x.is_nan() => "NaN".into(),
        None if x > 0.0 => "inf".into(),
        None if x < 0.0 => "-inf".into(),
        None => "?".into(),
    }
}

/// Round half away from zero (四舍五入) to `decimals` places, for display.
pub fn round_half_away(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// Format at exactly `decimals` places, rounding half away from zero.
pub fn format_fixed(value: Decimal, decimals: u32) -> String {
    let mut r = round_half_away(value, decimals);
    r.rescale(decimals);
    r.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        // Hand-checked: 四舍五入 rounds .5 away from zero, unlike banker's rounding.
        assert_eq!(format_fixed(d("0.125"), 2), "0.13");
        assert_eq!(format_fixed(d("-0.125"), 2), "-0.13");
        assert_eq!(format_fixed(d("2.5"), 0), "3");
        assert_eq!(format_fixed(d("1.1"), 2), "1.10");
    }

    #[test]
    fn integer_powers_are_exact() {
        // Hand calculation: 1.07^5 = 1.4025517307; 1.05^0 = 1.
        assert_eq!(powi(d("1.07"), 5, "p").unwrap(), d("1.4025517307"));
        assert_eq!(powi(d("1.05"), 0, "p").unwrap(), Decimal::ONE);
        assert_eq!(powi(d("10"), 40, "p").unwrap_err().code(), "overflow");
        assert_eq!(powi(d("2"), -1, "p").unwrap_err().code(), "invalid_argument");
    }

    #[test]
    fn to_f64_is_rust_decimals_conversion_to_the_bit() {
        // The reference is rust_decimal's own `to_f64` (the 128-bit route); the fast route
        // must give the same bits for every sign, scale 0–28 and mantissa size, zeros included.
        let mut s: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            s
        };
        let mut cases: Vec<Decimal> = vec![Decimal::ZERO, Decimal::MAX, Decimal::MIN, d("0.1")];
        for scale in 0..=28u32 {
            for negative in [false, true] {
                for bits in [0u32, 1, 4, 20, 32, 53, 54, 63, 64, 65, 80, 96] {
                    for _ in 0..40 {
                        let r = u128::from(next()) << 64 | u128::from(next());
                        let m = if bits == 0 { 0 } else { r >> (128 - bits) };
                        let (lo, mid, hi) = (m as u32, (m >> 32) as u32, (m >> 64) as u32);
                        cases.push(Decimal::from_parts(lo, mid, hi, negative, scale));
                    }
                }
                // Values with few digits, as data has them (12.5, 0.36, 1.10).
                for _ in 0..200 {
                    cases.push(Decimal::from_parts((next() % 100_000) as u32, 0, 0, negative, scale));
                }
            }
        }
        // Negative zeros (set_sign_negative on a zero, as a method does for a band of 0).
        for scale in 0..=28u32 {
            let mut z = Decimal::from_parts(0, 0, 0, false, scale);
            z.set_sign_negative(true);
            cases.push(z);
        }
        for x in cases {
            let want = x.to_f64().unwrap();
            assert_eq!(to_f64(x).to_bits(), want.to_bits(), "{x} (scale {})", x.scale());
        }
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let e = Decimal::MAX.add_or(Decimal::ONE, "x").unwrap_err();
        assert_eq!(e.code(), "overflow");
        assert_eq!(d("1").div_or(Decimal::ZERO, "y").unwrap_err().code(), "invalid_argument");
    }
}
