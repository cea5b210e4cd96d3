//! Axis ticks on round values: steps of 1, 2, 2.5 or 5 × 10ⁿ, the finest that gives at most
//! a set number of intervals, so an axis has enough ticks to read and no more. Labels carry
//! the decimals the step needs (2.5 → one, 0.25 → two) and no others.

use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;

/// The multipliers of a power of ten a step may use, finest first.
const STEPS: [f64; 4] = [1.0, 2.0, 2.5, 5.0];

/// Ticks covering `[lo, hi]`: the first at or below `lo`, the last at or above `hi`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Ticks {
    /// The tick values, increasing.
    pub values: Vec<f64>,
    /// The step between them.
    pub step: f64,
    /// Decimals a label needs for this step.
    pub decimals: u32,
}

impl Ticks {
    /// The first tick (the axis's low end).
    pub fn low(&self) -> f64 {
        self.values.first().copied().unwrap_or(0.0)
    }

    /// The last tick (the axis's high end).
    pub fn high(&self) -> f64 {
        self.values.last().copied().unwrap_or(1.0)
    }

    /// A tick's label: exactly `decimals` places, `0` rather than `-0`.
    pub fn label(&self, v: f64) -> String {
        let v = if v.abs() < self.step * 1e-9 { 0.0 } else { v };
        Decimal::from_f64(v).map(|d| crate::num::format_fixed(d, self.decimals)).unwrap_or_default()
    }
}

/// Round ticks for data from `lo` to `hi`, with at most `max_intervals` intervals (≥ 1).
/// Non-finite bounds give the ticks of `[0, 1]`; an empty range is widened around its value.
pub fn nice_ticks(lo: f64, hi: f64, max_intervals: u32) -> Ticks {
    let max_intervals = max_intervals.max(1);
    let (mut lo, mut hi) = if lo.is_finite() && hi.is_finite() { (lo.min(hi), lo.max(hi)) } else { (0.0, 1.0) };
    if hi - lo <= hi.abs().max(lo.abs()) * 1e-12 {
        let half = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        (lo, hi) = (lo - half, hi + half);
    }
    let raw = (hi - lo) / f64::from(max_intervals);
    let exponent = raw.log10().floor();
    // The smallest candidate step is below `raw` and the largest (10 × 10ⁿ) above it, so a
    // step in the list always fits.
    for e in [exponent, exponent + 1.0] {
        for m in STEPS {
            if let Some(t) = ticks_with(lo, hi, m, e, max_intervals) {
                return t;
            }
        }
    }
    ticks_with(lo, hi, 1.0, exponent + 2.0, max_intervals).unwrap_or_else(|| ends(lo, hi))
}

/// The data's own ends as ticks: for ranges so near the largest float that round ticks
/// beyond them would overflow.
fn ends(lo: f64, hi: f64) -> Ticks {
    Ticks { values: vec![lo, hi], step: hi / 2.0 - lo / 2.0, decimals: 0 }
}

fn ticks_with(lo: f64, hi: f64, m: f64, exponent: f64, max_intervals: u32) -> Option<Ticks> {
    let power = 10f64.powf(exponent);
    let step = m * power;
    // Tick k is k·m·10ⁿ; dividing by 10^-n rather than multiplying by 10ⁿ keeps 0.2 exact-ish.
    let at = |k: f64| if exponent < 0.0 { k * m / 10f64.powf(-exponent) } else { k * step };
    // Rounding noise (1.10 / 0.1 = 11.000000000000002) must not add an interval.
    let first = (lo / step + 1e-9).floor();
    let last = (hi / step - 1e-9).ceil();
    let intervals = last - first;
    if !(intervals >= 1.0 && intervals <= f64::from(max_intervals)) {
        return None;
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 1 ≤ intervals ≤ max
    let n = intervals as u32;
    let values: Vec<f64> = (0..=n).map(|i| at(first + f64::from(i))).collect();
    if !values.iter().all(|v| v.is_finite()) {
        return Some(ends(lo, hi));
    }
    Some(Ticks { values, step, decimals: decimals_for(step) })
}

/// The fewest decimals that write every multiple of `step` exactly (2.5 → 1, 0.25 → 2).
fn decimals_for(step: f64) -> u32 {
    (0..=12)
        .find(|d| {
            let scaled = step * 10f64.powi(*d);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .map(|d| u32::try_from(d).unwrap_or(0))
        .unwrap_or(12)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ranges and the ticks the rule gives, worked by hand: raw step = span / 6, then the
    /// first of 1, 2, 2.5, 5 × 10ⁿ (n = ⌊log₁₀ raw⌋) whose multiples cover the range in ≤ 6
    /// intervals.
    #[test]
    fn the_tick_rule_on_a_table_of_ranges() {
        let table: &[(f64, f64, &[&str])] = &[
            // span 1, raw 0.167: step 0.1 needs 10 intervals, 0.2 needs 5.
            (0.0, 1.0, &["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
            // The axis: 23114…34212.6, raw 1850: 1000 → 12, 2000 → 7, 2500 → 5.
            (23114.0, 34212.6, &["22500", "25000", "27500", "30000", "32500", "35000"]),
            // 0.36…1.10 (Yanbian R&D intensity), raw 0.123: 0.1 → 8, 0.2 → 5 (0.2…1.2).
            (0.36, 1.10, &["0.2", "0.4", "0.6", "0.8", "1.0", "1.2"]),
            // 5.9…8.1, raw 0.367: 0.1 → 22, 0.2 → 12, 0.25 → 10, 0.5 → 6 (5.5…8.5).
            (5.9, 8.1, &["5.5", "6.0", "6.5", "7.0", "7.5", "8.0", "8.5"]),
            // Negative to positive, raw 3.33: 1 → 20, 2 → 10, 2.5 → 8, 5 → 4.
            (-7.0, 13.0, &["-10", "-5", "0", "5", "10", "15"]),
            // A single value 3.36 widens by 10 % either side: 3.024…3.696, raw 0.112: 0.1 → 7, 0.2 → 4.
            (3.36, 3.36, &["3.0", "3.2", "3.4", "3.6", "3.8"]),
            // Shares 0…1.3 with 6 intervals: raw 0.217: 0.1 → 13, 0.2 → 7, 0.25 → 6.
            (0.0, 1.3, &["0.00", "0.25", "0.50", "0.75", "1.00", "1.25", "1.50"]),
        ];
        for (lo, hi, want) in table {
            let t = nice_ticks(*lo, *hi, 6);
            let got: Vec<String> = t.values.iter().map(|v| t.label(*v)).collect();
            assert_eq!(got, *want, "{lo}…{hi}");
        }
    }

    #[test]
    fn non_finite_and_huge() {
        let t = nice_ticks(f64::NAN, 1.0, 5);
        assert!(t.values.iter().all(|v| v.is_finite()));
        let t = nice_ticks(0.0, f64::INFINITY, 5);
        assert!(t.values.iter().all(|v| v.is_finite()));
        let t = nice_ticks(1e300, 1.7e308, 5);
        assert!(t.values.iter().all(|v| v.is_finite()), "{t:?}");
    }
}
