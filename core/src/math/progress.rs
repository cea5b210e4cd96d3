//! Progress at a year: completion, time share, pace, rates, acceleration, years to target.
//!
//! Rational quantities are exact decimals; rates that need roots or logs are f64. A quantity
//! that does not exist for the inputs is `None` with a [`Warning`] saying why, never NaN.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::math::rate::log_growth_f;
use crate::model::indicator::Direction;
use crate::model::series::Warning;
use crate::model::warning::WarningCode;
use crate::num::{finite, to_f64, years_between, Checked};

pub use crate::model::year_value::YearValue;

/// Every building block of `docs/methods.md` ("Building blocks") at the latest observation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Progress {
    /// Baseline used (`t0`, `y0`).
    pub base: YearValue,
    /// Latest observation (`t`, `yt`).
    pub latest: YearValue,
    /// Target (`T`, `y*`).
    pub target: YearValue,
    /// Completion share `P = (yt − y0)/(y* − y0)`; `None` when the target equals the baseline.
    pub completion: Option<Decimal>,
    /// Time share `τ = n/N`.
    pub time_share: Decimal,
    /// Pace `P/τ`; `None` when no time has elapsed or `P` is undefined.
    pub pace: Option<Decimal>,
    /// The linear milestone for the latest year, `m(t)`.
    pub milestone: Decimal,
    /// `d·(yt − m(t))`: positive when ahead of the linear path.
    pub gap_to_milestone: Decimal,
    /// Actual CAGR `(yt/y0)^(1/n) − 1`.
    pub actual_cagr: Option<f64>,
    /// Required CAGR from the base `(y*/y0)^(1/N) − 1`.
    pub required_cagr: Option<f64>,
    /// Required CAGR from now `(y*/yt)^(1/(T − t)) − 1`.
    pub required_cagr_from_now: Option<f64>,
    /// Actual slope `(yt − y0)/n`.
    pub actual_slope: Option<Decimal>,
    /// Required slope from the base `(y* − y0)/N`.
    pub required_slope: Decimal,
    /// Required slope from now `(y* − yt)/(T − t)`.
    pub required_slope_from_now: Option<Decimal>,
    /// Acceleration needed `gr'/ga`, or `sr'/sa` when the rates are undefined (warned).
    pub acceleration: Option<f64>,
    /// Years to reach the target at the current rate (0 when already met).
    pub years_to_target: Option<f64>,
    /// Why any of the above is missing, or approximated.
    pub warnings: Vec<Warning>,
}

/// Compute [`Progress`] from the baseline, the latest observation and the target level.
pub fn progress(base: YearValue, latest: YearValue, target: YearValue, direction: Direction) -> Result<Progress> {
    progress_and_log(base, latest, target, direction).map(|(p, _)| p)
}

/// [`progress`] and the actual log growth per year `ln(yt/y0)/n` it computed on the way (for
/// the methods that need it again). Each value is converted to f64 once and each log ratio
/// taken once; the results are the same bits as computing them where they are used
/// (docs/rust-crate.md, "Evaluation speed").
pub(crate) fn progress_and_log(
    base: YearValue,
    latest: YearValue,
    target: YearValue,
    direction: Direction,
) -> Result<(Progress, Option<f64>)> {
    let n = years_between(base.year, latest.year);
    let big_n = years_between(base.year, target.year);
    if big_n <= 0 {
        return Err(Error::YearOutOfRange {
            field: "target.year".into(),
            year: i64::from(target.year),
            message: format!("the target year must be after the baseline year {}", base.year),
        });
    }
    if n < 0 {
        return Err(Error::YearOutOfRange {
            field: "latest.year".into(),
            year: i64::from(latest.year),
            message: format!("the latest observation is before the baseline year {}", base.year),
        });
    }
    let remaining = years_between(latest.year, target.year);
    let (y0, yt, ys) = (base.value, latest.value, target.value);
    let d = direction.sign();
    let mut warnings = Vec::new();

    let time_share = Decimal::from(n).div_or(Decimal::from(big_n), "time_share")?;
    let planned = ys.sub_or(y0, "completion")?;
    let done = yt.sub_or(y0, "completion")?;
    let completion = if planned.is_zero() {
        warnings.push(Warning::new(
            WarningCode::MaintainTarget,
            "completion",
            "the target equals the baseline, so completion is undefined: the target is to maintain the level",
        ));
        None
    } else {
        Some(done.div_or(planned, "completion")?)
    };
    let pace = match completion {
        // (yt − y0)·N / ((y* − y0)·n): dividing once keeps terminating paces exact, where
        // P/τ would divide by an already-rounded 1/3.
        Some(c) if n > 0 => {
            // Near the top of the decimal range (7.9e28) the products overflow: then P/τ.
            match (done.checked_mul(Decimal::from(big_n)), planned.checked_mul(Decimal::from(n))) {
                (Some(a), Some(b)) => Some(a.div_or(b, "pace")?),
                _ => Some(c.div_or(time_share, "pace")?),
            }
        }
        Some(_) => {
            warnings.push(Warning::new(
                WarningCode::NoElapsedTime,
                "pace",
                "the latest observation is the baseline year",
            ));
            None
        }
        None => None,
    };
    // Multiply before dividing (terminating fractions stay exact), unless that overflows.
    let step = match planned.checked_mul(Decimal::from(n)) {
        Some(p) => p.div_or(Decimal::from(big_n), "milestone")?,
        None => planned.div_or(Decimal::from(big_n), "milestone")?.mul_or(Decimal::from(n), "milestone")?,
    };
    let milestone = y0.add_or(step, "milestone")?;
    let gap_to_milestone = d.mul_or(yt.sub_or(milestone, "gap_to_milestone")?, "gap_to_milestone")?;

    let (f0, ft, fs) = (to_f64(y0), to_f64(yt), to_f64(ys));
    let actual_log = if n > 0 { log_growth_f(y0, yt, f0, ft, n as f64) } else { None };
    let actual_cagr = if n > 0 { cagr_from_log(y0, yt, actual_log, n, "actual_cagr", &mut warnings) } else { None };
    let required_log = log_growth_f(y0, ys, f0, fs, big_n as f64);
    let required_cagr = cagr_from_log(y0, ys, required_log, big_n, "required_cagr", &mut warnings);
    // ln(y*/yt): the required growth from now, and the years to the target at the actual rate.
    let needed_log = crate::math::rate::log_ratio_f(yt, ys, ft, fs);
    let (required_cagr_from_now, required_slope_from_now) = if remaining > 0 {
        #[allow(clippy::cast_precision_loss)] // year counts are small.
        let log = needed_log.map(|l| l / remaining as f64).filter(|l| l.is_finite());
        (
            cagr_from_log(yt, ys, log, remaining, "required_cagr_from_now", &mut warnings),
            Some(
                ys.sub_or(yt, "required_slope_from_now")?
                    .div_or(Decimal::from(remaining), "required_slope_from_now")?,
            ),
        )
    } else {
        warnings.push(Warning::new(
            WarningCode::TargetYearPassed,
            "required_cagr_from_now",
            format!("the latest observation ({}) is not before the target year ({})", latest.year, target.year),
        ));
        (None, None)
    };
    let actual_slope = if n > 0 { Some(done.div_or(Decimal::from(n), "actual_slope")?) } else { None };
    let required_slope = planned.div_or(Decimal::from(big_n), "required_slope")?;

    let acceleration = match (required_cagr_from_now, actual_cagr) {
        (Some(need), Some(have)) if have != 0.0 => finite(need / have),
        _ => match (required_slope_from_now, actual_slope) {
            (Some(_), Some(_)) if !done.is_zero() => {
                if required_cagr_from_now.is_none() || actual_cagr.is_none() {
                    warnings.push(Warning::new(
                        WarningCode::LinearFallback,
                        "acceleration",
                        "growth rates are undefined; the acceleration is the ratio of slopes",
                    ));
                }
                // From the exact differences, not the slopes: a slope of 1e-18 a year keeps
                // only 10 digits in a 28-place decimal; the differences keep all of theirs.
                #[allow(clippy::cast_precision_loss)] // year counts are small.
                let (rem, n) = (remaining as f64, n as f64);
                finite((to_f64(ys.sub_or(yt, "acceleration")?) / rem) / (to_f64(done) / n))
            }
            _ => None,
        },
    };

    let met = d.mul_or(yt.sub_or(ys, "years_to_target")?, "years_to_target")? >= Decimal::ZERO;
    let years_to_target = if met {
        Some(0.0)
    } else {
        years_to_go(yt, ys, actual_log, needed_log, (n > 0).then_some((done, n)), &mut warnings)
    };

    // Exact results in canonical form (2/5 is "0.4", not "0.40"): they cross to JS as text.
    let canon = |d: Decimal| d.normalize();
    let p = Progress {
        base,
        latest,
        target,
        completion: completion.map(canon),
        time_share: canon(time_share),
        pace: pace.map(canon),
        milestone: canon(milestone),
        gap_to_milestone: canon(gap_to_milestone),
        actual_cagr,
        required_cagr,
        required_cagr_from_now,
        actual_slope: actual_slope.map(canon),
        required_slope: canon(required_slope),
        required_slope_from_now: required_slope_from_now.map(canon),
        acceleration,
        years_to_target,
        warnings,
    };
    Ok((p, actual_log))
}

/// `(to/from)^(1/years) − 1`, or `None` with an `undefined_growth` warning.
pub fn cagr(from: Decimal, to: Decimal, years: i64, field: &str, warnings: &mut Vec<Warning>) -> Option<f64> {
    #[allow(clippy::cast_precision_loss)] // year counts are small.
    let log = crate::math::rate::log_growth(from, to, years as f64);
    cagr_from_log(from, to, log, years, field, warnings)
}

/// [`cagr`] from the log growth per year `log` of `from` → `to` in `years`.
fn cagr_from_log(
    from: Decimal,
    to: Decimal,
    log: Option<f64>,
    years: i64,
    field: &str,
    warnings: &mut Vec<Warning>,
) -> Option<f64> {
    if from.is_zero() || to.is_zero() || from.is_sign_negative() != to.is_sign_negative() {
        warnings.push(Warning::new(
            WarningCode::UndefinedGrowth,
            field,
            format!("no compound rate from {from} to {to} (zero or sign change)"),
        ));
        return None;
    }
    let log = log?;
    if crate::math::rate::factor_underflows(log) {
        warnings.push(Warning::new(
            WarningCode::RateNotRepresentable,
            field,
            format!(
                "from {from} to {to} in {years} years the value falls by more than 99.89 % a year: the rate \
                 is −100 % to f64 precision and the growth factor 1 + g is not representable"
            ),
        ));
    }
    crate::num::finite(crate::math::rate::rate_from_log(log))
}

/// Years until `yt` reaches `ys` at the current rate: exponential when the CAGR exists
/// (`ln(y*/yt)/λ` with the actual log growth `λ`, so a steep decline is not lost in `ln(1 + g)`),
/// linear otherwise; `None` when moving away or standing still.
fn years_to_go(
    yt: Decimal,
    ys: Decimal,
    log_growth: Option<f64>,
    needed_log: Option<f64>,
    change: Option<(Decimal, i64)>,
    warnings: &mut Vec<Warning>,
) -> Option<f64> {
    let needed_up = ys > yt;
    // When both logs exist the exponential decides; when the target is zero or across zero
    // from the latest value (10 → 5 with a target of 0), no constant rate ever reaches it, and
    // the slope decides, as it does for the methods' ratio of slopes.
    if let (Some(l), Some(need)) = (log_growth, needed_log) {
        if l != 0.0 && (l > 0.0) == (need > 0.0) {
            return finite(need / l);
        }
    } else if let Some((done, n)) = change {
        // At the slope done/n, from the exact differences (a tiny decimal slope loses digits).
        if !done.is_zero() && done.is_sign_positive() == needed_up {
            warnings.push(Warning::new(WarningCode::LinearFallback, "years_to_target", "computed at the linear rate"));
            #[allow(clippy::cast_precision_loss)] // year counts are small.
            return finite(to_f64(ys.checked_sub(yt)?) / to_f64(done) * n as f64);
        }
    }
    warnings.push(Warning::new(
        WarningCode::MovingAway,
        "years_to_target",
        "at the current rate the target is never reached",
    ));
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn rel(a: f64, b: f64) -> f64 {
        ((a - b) / b).abs()
    }

    #[test]
    fn methods_md_orientation_example() {
        // The orientation example of the original methods notes (docs/methods.md notation),
        // reference values recomputed with Python decimal (50 digits):
        // ga = 1.1^(1/5) − 1 = 0.019244876491456;  gr = 1.5^(1/15) − 1 = 0.0273996590637164…;
        // P = 0.2 and τ = 1/3 by hand.
        let p = progress(
            YearValue::new(2015, d("100")),
            YearValue::new(2020, d("110")),
            YearValue::new(2030, d("150")),
            Direction::Increase,
        )
        .unwrap();
        assert_eq!(p.completion, Some(d("0.2")));
        assert_eq!(p.time_share.round_dp(20), d("0.33333333333333333333"));
        assert!(rel(p.actual_cagr.unwrap(), 0.019_244_876_491_456_62) < 1e-12);
        assert!(rel(p.required_cagr.unwrap(), 0.027_399_659_063_716_45) < 1e-12);
        assert_eq!(p.actual_slope, Some(d("2")));
        assert_eq!(p.required_slope.round_dp(10), d("3.3333333333"));
        assert_eq!(p.required_slope_from_now, Some(d("4")));
        // Linear milestone at 2020: 100 + 50 × 5/15 = 116.67; gap = 110 − 116.67 < 0 (behind).
        assert!(p.gap_to_milestone < Decimal::ZERO);
        // Years to target: ln(150/110)/ln(1 + ga) = 16.27081854952946… (Python decimal, 50 digits).
        assert!(rel(p.years_to_target.unwrap(), 16.270_818_549_529_47) < 1e-12);
    }

    #[test]
    fn undefined_quantities_are_none_with_warnings() {
        let p = progress(
            YearValue::new(2020, d("0")),
            YearValue::new(2022, d("1")),
            YearValue::new(2025, d("5")),
            Direction::Increase,
        )
        .unwrap();
        assert!(p.actual_cagr.is_none());
        assert!(p.warnings.iter().any(|w| w.code == "undefined_growth" && w.field == "actual_cagr"));
        // Linear fallback: sr' = 4/3, sa = 1/2 → 8/3.
        assert!(rel(p.acceleration.unwrap(), 8.0 / 3.0) < 1e-12);
        // Target equal to baseline: completion undefined.
        let m = progress(
            YearValue::new(2020, d("5")),
            YearValue::new(2022, d("5")),
            YearValue::new(2025, d("5")),
            Direction::Increase,
        )
        .unwrap();
        assert!(m.completion.is_none() && m.pace.is_none());
        assert_eq!(m.years_to_target, Some(0.0));
    }

    #[test]
    fn steep_declines_warn_where_f64_cannot_hold_the_rate() {
        // 1e28 → 1e-2 in 10 years: the factor 1 + g = 1e-3 a year (mpmath: g = −0.999 exactly),
        // below the 1.1e-3 an f64 rate can carry: a typed warning, and years to target from
        // the log growth (ln(1e-2/1e14)/(ln(1e14/1e28)/5) = 16·5/14 = 40/7 years, by hand).
        let p = progress(
            YearValue::new(2000, d("10000000000000000000000000000")),
            YearValue::new(2005, d("100000000000000")),
            YearValue::new(2010, d("0.01")),
            Direction::Decrease,
        )
        .unwrap();
        assert!(rel(p.required_cagr.unwrap(), -0.999) < 1e-13);
        assert!(p.warnings.iter().any(|w| w.code == "rate_not_representable" && w.field == "required_cagr"));
        assert!(rel(p.years_to_target.unwrap(), 40.0 / 7.0) < 1e-13);
    }

    #[test]
    fn a_target_of_zero_is_reached_at_the_slope() {
        // Issue 13: 10 → 5 in two years, lower is better, target 0: no constant rate reaches 0,
        // the slope (−2.5 a year) does in 2 more years; no `moving_away` warning.
        let p = progress(
            YearValue::new(2020, d("10")),
            YearValue::new(2022, d("5")),
            YearValue::new(2025, d("0")),
            Direction::Decrease,
        )
        .unwrap();
        assert_eq!(p.years_to_target, Some(2.0));
        assert!(!p.warnings.iter().any(|w| w.code == "moving_away"), "{:?}", p.warnings);
    }

    #[test]
    fn bad_years_are_errors() {
        let e = progress(
            YearValue::new(2020, d("1")),
            YearValue::new(2019, d("1")),
            YearValue::new(2025, d("2")),
            Direction::Increase,
        );
        assert_eq!(e.unwrap_err().code(), "year_out_of_range");
    }
}
