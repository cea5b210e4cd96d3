//! The long-format panel: many series (indicator × region), each a run of (year, value) rows,
//! assessed with the exact method of [`crate::method::assess`] — every method, whole-series
//! ones included (`destatis`, `escap`'s fitted models, the no-target variants), with the same
//! status as `Indicator.progress` by construction. The caller groups the rows into series
//! (Python's `onpace.batch.evaluate` does it with pandas); this module turns each series into
//! an indicator and its observations and runs the method. One bad series never fails the
//! panel: it gets its error instead of an assessment. See `docs/batch.md`, "Panels".

use std::ops::Range;

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::method::{self, AssessOptions, Assessment};
use crate::model::indicator::{Baseline, Direction, Indicator};
use crate::model::series::Observation;
use crate::model::target::Target;
use crate::model::unit::Unit;

/// The rows of a panel, grouped by series: series `s` is rows `offsets[s]..offsets[s + 1]` of
/// `years` and `values`.
#[derive(Debug, Clone, Copy)]
pub struct Panel<'a> {
    /// Where each series starts, and the end of the last one (one more than the series).
    pub offsets: &'a [usize],
    /// The year of each row (whole years).
    pub years: &'a [f64],
    /// The value of each row; NaN: no figure that year (the row is skipped).
    pub values: &'a [f64],
}

impl Panel<'_> {
    /// The number of series.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Whether there are no series.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What each series is assessed against.
#[derive(Debug, Clone, Copy)]
pub enum PanelIndicators<'a> {
    /// Whole indicators (from a plan: any target kind, nature, unit), with the index of each
    /// series' indicator.
    Defined {
        /// The distinct indicators.
        indicators: &'a [Indicator],
        /// One index into `indicators` per series.
        of_series: &'a [usize],
    },
    /// A level target per series (the comparator the direction implies), one value per series
    /// in each column; the indicator id is given per series by the caller for messages only.
    Levels {
        /// Baseline values.
        baseline: &'a [f64],
        /// Baseline years.
        base_year: &'a [f64],
        /// Target values.
        target: &'a [f64],
        /// Target years.
        target_year: &'a [f64],
        /// +1 higher is better, −1 lower is better.
        direction: &'a [f64],
    },
}

/// A finite f64 as the decimal of its shortest round-trip text — what the Python and JS APIs
/// make of a float, so that a panel and `Indicator.progress` see the same number.
pub fn decimal_of(x: f64, field: &str) -> Result<Decimal> {
    if !x.is_finite() {
        return Err(Error::invalid_argument(
            field,
            format!("{} is not a finite number", crate::num::f64_text(x, None)),
        ));
    }
    crate::io::decimal::parse_exact(&format!("{x}")).map_err(|_| Error::overflow(field))
}

/// A whole year from an f64 column.
fn year_of(x: f64, field: &str) -> Result<i32> {
    if x.fract() != 0.0 || !(f64::from(i32::MIN)..=f64::from(i32::MAX)).contains(&x) {
        return Err(Error::invalid_argument(
            field,
            format!("a whole year is required, got {}", crate::num::f64_text(x, None)),
        ));
    }
    // In range and whole: the conversion is exact.
    #[allow(clippy::cast_possible_truncation)]
    Ok(x as i32)
}

fn at(col: &[f64], s: usize, field: &str) -> Result<f64> {
    col.get(s).copied().ok_or_else(|| Error::invalid_argument(field, "one value per series is required"))
}

/// The level indicator of series `s` of a [`PanelIndicators::Levels`] panel.
fn level_indicator(cols: [&[f64]; 5], s: usize) -> Result<Indicator> {
    let [baseline, base_year, target, target_year, direction] = cols;
    let d = at(direction, s, "direction")?;
    let direction = if d == 1.0 {
        Direction::Increase
    } else if d == -1.0 {
        Direction::Decrease
    } else {
        return Err(Error::invalid_argument(
            "direction",
            format!("+1 (higher is better) or -1 (lower is better), got {}", crate::num::f64_text(d, None)),
        ));
    };
    let baseline = Baseline {
        year: year_of(at(base_year, s, "base_year")?, "base_year")?,
        value: decimal_of(at(baseline, s, "baseline")?, "baseline")?,
    };
    // A NaN target is no target (the method's no-target variant), as in the array batch; its
    // year is then not read.
    let value = at(target, s, "target")?;
    let target = if value.is_nan() {
        Target::None
    } else {
        Target::Level {
            year: year_of(at(target_year, s, "target_year")?, "target_year")?,
            value: decimal_of(value, "target")?,
            comparator: None,
        }
    };
    Indicator::new("series", "series", Unit::Ratio, direction, baseline, target)
}

/// The observations of series `s` (rows with a NaN value skipped).
fn observations(panel: &Panel<'_>, s: usize) -> Result<Vec<Observation>> {
    let (Some(&from), Some(&to)) = (panel.offsets.get(s), panel.offsets.get(s.saturating_add(1))) else {
        return Err(Error::invalid_argument("offsets", "series out of range"));
    };
    let (Some(years), Some(values)) = (panel.years.get(from..to), panel.values.get(from..to)) else {
        return Err(Error::invalid_argument("offsets", "offsets must rise within the rows"));
    };
    let mut obs = Vec::with_capacity(values.len());
    for (&y, &v) in years.iter().zip(values) {
        if !v.is_nan() {
            obs.push(Observation::new(year_of(y, "year")?, decimal_of(v, "value")?));
        }
    }
    Ok(obs)
}

/// Assess series `s`.
pub fn assess_series(
    panel: &Panel<'_>,
    indicators: &PanelIndicators<'_>,
    s: usize,
    options: &AssessOptions,
) -> Result<Assessment> {
    let obs = observations(panel, s)?;
    match *indicators {
        PanelIndicators::Defined { indicators, of_series } => {
            let ind = of_series
                .get(s)
                .and_then(|&k| indicators.get(k))
                .ok_or_else(|| Error::invalid_argument("indicator", "no indicator for this series"))?;
            method::assess(ind, &obs, options)
        }
        PanelIndicators::Levels { baseline, base_year, target, target_year, direction } => {
            let ind = level_indicator([baseline, base_year, target, target_year, direction], s)?;
            method::assess(&ind, &obs, options)
        }
    }
}

/// The numeric fields of an assessment a panel returns per series, in order (the bindings'
/// column names).
pub const FIELDS: [&str; 8] =
    ["completion", "time_share", "pace", "actual_cagr", "required_cagr", "ratio", "score", "index"];

/// An assessment's [`FIELDS`] as f64 (NaN where the method gives none). The exact decimals go
/// through `rust_decimal`'s conversion, as the core's own f64 formulas take them (within an ulp or
/// two of the nearest f64; parsing their text instead would put the float parser's tables,
/// 13 KB gzipped, into the WebAssembly module).
pub fn numbers(a: &Assessment) -> [f64; 8] {
    let d = |x: Option<Decimal>| x.map_or(f64::NAN, crate::num::to_f64);
    let f = |x: Option<f64>| x.unwrap_or(f64::NAN);
    [
        d(a.completion),
        d(a.time_share),
        d(a.pace),
        f(a.actual_cagr),
        f(a.required_cagr),
        f(a.ratio),
        f(a.score),
        f(a.index),
    ]
}

/// Assess the series `range` (e.g. one thread's share), in order.
pub fn assess_panel(
    panel: &Panel<'_>,
    indicators: &PanelIndicators<'_>,
    range: Range<usize>,
    options: &AssessOptions,
) -> Vec<Result<Assessment>> {
    range.map(|s| assess_series(panel, indicators, s, options)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two series with one level target (baseline, base year, target, target year) and their
    /// directions; the columns are leaked: a test's lifetime.
    fn levels(v: [f64; 4], direction: &'static [f64]) -> PanelIndicators<'static> {
        let col = |x: f64| -> &'static [f64] { Box::leak(Box::new([x, x])) };
        PanelIndicators::Levels {
            baseline: col(v[0]),
            base_year: col(v[1]),
            target: col(v[2]),
            target_year: col(v[3]),
            direction,
        }
    }

    #[test]
    fn series_get_the_exact_methods_statuses() {
        // Two series of one level indicator 10 → 20 (2020 → 2030), higher is better:
        // 2023 at 14: completion 0.4 ≥ τ 0.3 + 0.1 → ahead; 2023 at 12: 0.2 < 0.3 − 0.05 → lagging
        // (hand calculation with the cn-plan-pace bands of docs/methods.md).
        let panel = Panel {
            offsets: &[0, 2, 4],
            years: &[2021.0, 2023.0, 2022.0, 2023.0],
            values: &[11.0, 14.0, f64::NAN, 12.0],
        };
        let cols = levels([10.0, 2020.0, 20.0, 2030.0], &[1.0, 1.0]);
        let out = assess_panel(&panel, &cols, 0..2, &AssessOptions::default());
        let statuses: Vec<&str> = out.iter().map(|a| a.as_ref().unwrap().status.code()).collect();
        assert_eq!(statuses, ["ahead", "lagging"]);
        // Without a target (NaN; its year NaN too): cn-plan-pace monitors, unsd judges the
        // growth, 10 → 14 in 3 years ≈ 11.9 % a year ≥ 2 %: on track.
        let cols = levels([10.0, 2020.0, f64::NAN, f64::NAN], &[1.0, 1.0]);
        let out = assess_panel(&panel, &cols, 0..1, &AssessOptions::default());
        assert_eq!(out[0].as_ref().unwrap().status.code(), "monitored");
        let unsd = AssessOptions::method(crate::method::MethodId::Unsd);
        assert_eq!(assess_panel(&panel, &cols, 0..1, &unsd)[0].as_ref().unwrap().status.code(), "on_track");
    }

    #[test]
    fn a_bad_series_is_its_own_error() {
        let panel = Panel { offsets: &[0, 1, 2], years: &[2023.5, 2023.0], values: &[1.0, 1.0] };
        let cols = levels([1.0, 2020.0, 2.0, 2025.0], &[1.0, 0.0]);
        let out = assess_panel(&panel, &cols, 0..2, &AssessOptions::default());
        assert_eq!(out[0].as_ref().unwrap_err().code(), "invalid_argument");
        assert_eq!(out[1].as_ref().unwrap_err().code(), "invalid_argument");
        assert_eq!(decimal_of(0.1, "x").unwrap(), Decimal::new(1, 1));
        assert_eq!(decimal_of(f64::NAN, "x").unwrap_err().code(), "invalid_argument");
    }

    #[test]
    fn numbers_are_the_assessments_fields() {
        // The first series of `series_get_the_exact_methods_statuses`: completion 0.4, τ 0.3,
        // pace 4/3 (hand calculation); the method gives no score or index.
        let panel = Panel { offsets: &[0, 2], years: &[2021.0, 2023.0], values: &[11.0, 14.0] };
        let cols = levels([10.0, 2020.0, 20.0, 2030.0], &[1.0, 1.0]);
        let a = assess_series(&panel, &cols, 0, &AssessOptions::default()).unwrap();
        let n = numbers(&a);
        assert_eq!(&n[..2], &[0.4, 0.3]);
        assert!((n[2] - 4.0 / 3.0).abs() < 1e-15, "{}", n[2]);
        assert!(n[6].is_nan() && n[7].is_nan());
        assert_eq!(FIELDS.len(), n.len());
    }
}
