//! The f64 kernel for many series at once (numpy arrays in Python, typed arrays in JS).
//!
//! One series is a level target reached from a baseline, or a NaN target for a series without
//! one (the method's no-target variant, as in the exact API): see `docs/batch.md`. It works in
//! f64 for speed; the exact decimal path is [`crate::assess`]. A row with any other NaN input, a
//! non-positive plan length or a direction other than ±1 comes out as NaN with status
//! [`NOT_ASSESSABLE`]: one bad row never fails the batch.

mod kernel;
pub mod panel;
mod spec;
mod vmath;

pub use kernel::{assess_into, series_count, Columns, Outputs};
pub use spec::{BatchMethod, BatchSpec, Column, BATCH_METHODS, MAX_COLUMNS, MAX_THRESHOLDS};

/// Status code of a batch row: `achieved`.
pub const ACHIEVED: i8 = 0;
/// `ahead`.
pub const AHEAD: i8 = 1;
/// `on_track`.
pub const ON_TRACK: i8 = 2;
/// `lagging`.
pub const LAGGING: i8 = 3;
/// `regressing`.
pub const REGRESSING: i8 = 4;
/// `not_assessable`.
pub const NOT_ASSESSABLE: i8 = -1;
/// `monitored`: a `cn-plan-pace` row without a target (NaN), which the exact method reports
/// without a verdict.
pub const MONITORED: i8 = -2;

/// The code table: int8 code → status code.
pub const STATUS_TABLE: &[(i8, &str)] = &[
    (ACHIEVED, "achieved"),
    (AHEAD, "ahead"),
    (ON_TRACK, "on_track"),
    (LAGGING, "lagging"),
    (REGRESSING, "regressing"),
    (NOT_ASSESSABLE, "not_assessable"),
    (MONITORED, "monitored"),
];

/// One series' inputs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BatchInput {
    /// Baseline value `y0`.
    pub baseline: f64,
    /// Target value `y*` (NaN: no target, the row is [`MONITORED`]).
    pub target: f64,
    /// Baseline year `t0`.
    pub base_year: f64,
    /// Target year `T`.
    pub target_year: f64,
    /// Latest year `t`.
    pub year: f64,
    /// Latest value `yt`.
    pub value: f64,
    /// +1 higher is better, −1 lower is better.
    pub direction: f64,
}

/// One series' outputs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BatchRow {
    /// `P`.
    pub completion: f64,
    /// `τ`.
    pub time_share: f64,
    /// `P/τ`.
    pub pace: f64,
    /// Actual CAGR.
    pub actual_cagr: f64,
    /// Required CAGR from the base.
    pub required_cagr: f64,
    /// `d·ga/|gr|`.
    pub ratio: f64,
    /// Status code (see [`STATUS_TABLE`]).
    pub status: i8,
}

const NAN_ROW: BatchRow = BatchRow {
    completion: f64::NAN,
    time_share: f64::NAN,
    pace: f64::NAN,
    actual_cagr: f64::NAN,
    required_cagr: f64::NAN,
    ratio: f64::NAN,
    status: NOT_ASSESSABLE,
};

/// `cn-plan-pace` thresholds for the batch.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BatchThresholds {
    /// `δa` (0.10).
    pub ahead_margin: f64,
    /// `δt` (0.05).
    pub lag_tolerance: f64,
}

impl Default for BatchThresholds {
    fn default() -> Self {
        BatchThresholds { ahead_margin: 0.10, lag_tolerance: 0.05 }
    }
}

impl BatchThresholds {
    /// Checked thresholds: each finite and ≥ 0, as the exact path requires of its decimals
    /// (a NaN margin would silently make every comparison false).
    pub fn new(ahead_margin: f64, lag_tolerance: f64) -> crate::error::Result<Self> {
        for (name, v) in [("ahead_margin", ahead_margin), ("lag_tolerance", lag_tolerance)] {
            if !v.is_finite() || v < 0.0 {
                return Err(crate::error::Error::invalid_argument(
                    format!("thresholds.{name}"),
                    format!("thresholds must be finite and ≥ 0, got {}", crate::num::f64_text(v, None)),
                ));
            }
        }
        Ok(BatchThresholds { ahead_margin, lag_tolerance })
    }
}

/// `x ≥ edge` with the exact path's rule for f64 comparisons: within 1e-12 (relative, at least
/// absolute) of the edge counts as on it ([`crate::method::prepare::at_least`]). The batch's
/// completion and time share are f64 quotients of decimal inputs, so an exact edge such as
/// 0.37/0.74 = 0.5 may land an ulp below; the tolerance makes both APIs give one answer.
#[inline(always)]
fn at_least(x: f64, edge: f64) -> bool {
    x >= edge - crate::method::prepare::EDGE_TOLERANCE * edge.abs().max(1.0)
}

/// Compound rates `(to/from)^(1/years) − 1` of many series with the batch kernel's routine
/// (vectorised; AVX-512 or AVX2 + FMA at run time with the `simd` feature), NaN where none exists; `out`
/// takes the shortest length.
pub fn compound_rates(from: &[f64], to: &[f64], years: &[f64], out: &mut [f64]) {
    struct Rates<'a, 'o>(&'a [f64], &'a [f64], &'a [f64], &'o mut [f64]);
    impl kernel::Twice for Rates<'_, '_> {
        type Output = ();
        #[inline(always)]
        fn run<const F: bool>(self) {
            for (((o, f), t), y) in self.3.iter_mut().zip(self.0).zip(self.1).zip(self.2) {
                *o = vmath::rate::<F>(*f, *t, *y);
            }
        }
    }
    kernel::dispatch(Rates(from, to, years, out));
}

/// `(to/from)^(1/years) − 1`: the routine the exact API uses too ([`crate::math::rate`]).
fn rate(from: f64, to: f64, years: f64) -> f64 {
    crate::math::rate::rate_f64(from, to, years)
}

/// Assess one series.
pub fn progress_row(x: BatchInput, th: BatchThresholds) -> BatchRow {
    if monitored(x.target, x.baseline, x.base_year, x.direction) {
        return BatchRow { status: MONITORED, ..NAN_ROW };
    }
    if !assessable(&x) {
        return NAN_ROW;
    }
    let n = x.year - x.base_year;
    let big_n = x.target_year - x.base_year;
    progress_with_rates(x, th, rate(x.baseline, x.value, n), rate(x.baseline, x.target, big_n))
}

/// Whether a `cn-plan-pace` row is `monitored`: no target (NaN), and a valid baseline and
/// direction (the exact method needs no observation for it: `core/src/method/forms.rs`).
#[inline(always)]
fn monitored(target: f64, baseline: f64, base_year: f64, direction: f64) -> bool {
    target.is_nan() && baseline.is_finite() && base_year.is_finite() && (direction == 1.0 || direction == -1.0)
}

/// Whether a row can be assessed: every input finite, a direction of ±1, a plan length > 0 and
/// an observation after the baseline (the exact path says `insufficient_data` otherwise).
fn assessable(x: &BatchInput) -> bool {
    let all = [x.baseline, x.target, x.base_year, x.target_year, x.year, x.value, x.direction];
    all.iter().all(|v| v.is_finite())
        && (x.direction == 1.0 || x.direction == -1.0)
        && x.target_year - x.base_year > 0.0
        && x.year - x.base_year > 0.0
}

/// The `cn-plan-pace` row of an assessable series, given its two compound rates (computed one
/// series at a time by [`progress_row`], four at a time by the vectorised kernel).
fn progress_with_rates(x: BatchInput, th: BatchThresholds, actual_cagr: f64, required_cagr: f64) -> BatchRow {
    let big_n = x.target_year - x.base_year;
    let n = x.year - x.base_year;
    let d = x.direction;
    let time_share = n / big_n;
    let planned = x.target - x.baseline;
    let completion = if planned == 0.0 { f64::NAN } else { (x.value - x.baseline) / planned };
    let pace = completion / time_share;
    let ratio = if required_cagr != 0.0 { d * actual_cagr / required_cagr.abs() } else { f64::NAN };
    // The same order and edges as the exact `cn-plan-pace` (core/src/method/cn_plan_pace.rs):
    // met, slipped, moved backwards, then the bands with `at_least` on their edges.
    let status = if d * (x.value - x.target) >= 0.0 {
        ACHIEVED
    } else if d * (x.baseline - x.target) >= 0.0 || completion < 0.0 {
        // Slipped from a baseline that met the target, or moved backwards.
        REGRESSING
    } else if completion.is_nan() {
        NOT_ASSESSABLE
    } else if !at_least(completion, time_share - th.lag_tolerance) {
        LAGGING
    } else if at_least(completion, time_share + th.ahead_margin) {
        AHEAD
    } else {
        ON_TRACK
    };
    BatchRow { completion, time_share, pace, actual_cagr, required_cagr, ratio, status }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base_input() -> BatchInput {
        BatchInput {
            baseline: 0.0,
            target: 100.0,
            base_year: 2020.0,
            target_year: 2025.0,
            year: 2023.0,
            value: f64::NAN,
            direction: 1.0,
        }
    }

    fn row(value: f64) -> BatchRow {
        progress_row(BatchInput { value, ..base_input() }, BatchThresholds::default())
    }

    #[test]
    fn rates_on_every_branch_are_accurate() {
        // Expected: (to/from)^(1/years) − 1 in Python's decimal module at 50 digits, rounded to
        // f64; every input is exact in binary, so only the kernel's own error is measured.
        let cases = [
            (100.0, 100.5, 5.0, 0.000_998_005_979_079_482_1), // ln_1p, exp_m1
            (1.0, 1.000_122_070_312_5, 10.0, 1.220_636_074_958_288_7e-5), // ln_1p, exp_m1
            (1.0, 1.0625, 10.0, 0.006_080_876_097_912_181),   // ln, exp_m1
            (2.0, 3.0, 5.0, 0.084_471_771_197_698_61),        // ln, exp
            (10.0, 9.0, 3.0, -0.034_510_615_394_370_24),      // ln, exp
            (4.0, 1.0, 4.0, -0.292_893_218_813_452_5),        // ln, exp
            (-5.0, -7.5, 2.0, 0.224_744_871_391_589_05),      // negative levels
        ];
        for (from, to, years, want) in cases {
            let got = rate(from, to, years);
            assert!(((got - want) / want).abs() < 1e-13, "rate({from}, {to}, {years}) = {got}, want {want}");
        }
        assert!(rate(1.0, -1.0, 2.0).is_nan() && rate(0.0, 1.0, 2.0).is_nan() && rate(1.0, 2.0, 0.0).is_nan());
    }

    #[test]
    fn statuses_and_nan() {
        // τ = 0.6; hand calculation as for the exact method (these values are exact in f64).
        assert_eq!(row(75.0).status, AHEAD);
        assert_eq!(row(60.0).status, ON_TRACK);
        assert_eq!(row(50.0).status, LAGGING);
        assert_eq!(row(-1.0).status, REGRESSING);
        assert_eq!(row(100.0).status, ACHIEVED);
        let r = row(f64::NAN);
        assert_eq!(r.status, NOT_ASSESSABLE);
        assert!(r.completion.is_nan());
        // No target: monitored, with no numbers, whatever the observation (forms.rs).
        let x = BatchInput { target: f64::NAN, ..BatchInput { value: 75.0, ..base_input() } };
        let r = progress_row(x, BatchThresholds::default());
        assert_eq!((r.status, r.completion.is_nan(), r.actual_cagr.is_nan()), (MONITORED, true, true));
        let r = progress_row(BatchInput { year: f64::NAN, ..x }, BatchThresholds::default());
        assert_eq!(r.status, MONITORED);
        let r = progress_row(BatchInput { direction: 0.0, ..x }, BatchThresholds::default());
        assert_eq!(r.status, NOT_ASSESSABLE);
    }

    #[test]
    fn series_count_is_the_shared_length() {
        assert_eq!(series_count([3, 1, 3, 1]).unwrap(), 3);
        assert_eq!(series_count([1, 1]).unwrap(), 1);
        assert_eq!(series_count([0, 1, 0]).unwrap(), 0);
        let e = series_count([3, 1, 2]).unwrap_err();
        assert_eq!((e.code(), e.field()), ("invalid_argument", "columns"));
        assert!(e.to_string().contains("got 3 and 2"), "{e}");
    }
}
