//! Required paths: per-year milestones from a starting point to the target.
//!
//! The linear path is exact decimal arithmetic (equal increments); the geometric path
//! (constant rate) needs fractional powers, computed in f64 with both ends set exactly.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::num::{from_f64, to_f64, years_between, Checked};

/// The shape of a required path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PathKind {
    /// Equal annual increments: `m(y) = y0 + (y* − y0)(y − t0)/N`.
    Linear,
    /// Constant annual rate: `m(y) = y0 (y*/y0)^((y − t0)/N)`.
    Geometric,
}

impl PathKind {
    /// Parse `linear` or `geometric`.
    pub fn parse(text: &str) -> Result<Self> {
        match text {
            "linear" => Ok(PathKind::Linear),
            "geometric" => Ok(PathKind::Geometric),
            other => Err(Error::invalid_argument(
                "kind",
                format!("unknown path kind `{other}`; expected linear or geometric"),
            )),
        }
    }

    /// `linear` or `geometric`.
    pub fn code(self) -> &'static str {
        match self {
            PathKind::Linear => "linear",
            PathKind::Geometric => "geometric",
        }
    }
}

/// The value a path requires in one year: a [`YearValue`](crate::YearValue).
pub type Milestone = crate::model::year_value::YearValue;

/// Milestones for every year from `from` to `to`, both included.
///
/// The first milestone is exactly the starting value and the last exactly the target.
pub fn required_path(from: impl Into<Milestone>, to: impl Into<Milestone>, kind: PathKind) -> Result<Vec<Milestone>> {
    path_between(from.into(), to.into(), kind)
}

/// [`required_path`] once, whatever the callers' argument types (one copy in the WebAssembly
/// module, not one per pair of types).
fn path_between(from: Milestone, to: Milestone, kind: PathKind) -> Result<Vec<Milestone>> {
    let Milestone { year: t0, value: y0 } = from;
    let Milestone { year: t1, value: y1 } = to;
    // Bounded years bound the path's length (no input allocates without limit).
    crate::model::indicator::check_year(t0, "from.year")?;
    crate::model::indicator::check_year(t1, "to.year")?;
    if t1 <= t0 {
        return Err(Error::YearOutOfRange {
            field: "to.year".into(),
            year: i64::from(t1),
            message: format!("a path needs a target year after the start year {t0}"),
        });
    }
    let n = years_between(t0, t1);
    let big_n = Decimal::from(n);
    let ratio = match kind {
        PathKind::Linear => None,
        PathKind::Geometric => Some(geometric_ratio(y0, y1)?),
    };
    let diff = y1.sub_or(y0, "path")?;
    let mut out = Vec::with_capacity(usize::try_from(n).unwrap_or(0).saturating_add(1));
    for k in 0..=n {
        let year = i32::try_from(i64::from(t0).saturating_add(k)).map_err(|_| Error::overflow("path.year"))?;
        let value = if k == 0 {
            y0
        } else if k == n {
            y1
        } else {
            match ratio {
                // Multiply before dividing so that terminating fractions stay exact.
                None => y0.add_or(diff.mul_or(Decimal::from(k), "path")?.div_or(big_n, "path")?, "path")?.normalize(),
                #[allow(clippy::cast_precision_loss)] // k and n are small year counts.
                Some(r) => from_f64(to_f64(y0) * r.powf(k as f64 / n as f64), "path")?,
            }
        };
        out.push(Milestone { year, value });
    }
    Ok(out)
}

/// `y*/y0` as f64, defined only when both are non-zero and of the same sign.
fn geometric_ratio(y0: Decimal, y1: Decimal) -> Result<f64> {
    if y0.is_zero() || y1.is_zero() || y0.is_sign_negative() != y1.is_sign_negative() {
        return Err(Error::UndefinedGrowth {
            field: "geometric path".into(),
            message: format!("a constant rate from {y0} to {y1} does not exist (zero or sign change)"),
        });
    }
    Ok(to_f64(y1) / to_f64(y0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn linear_path_is_exact() {
        // Hand calculation: 0.36 → 1.10 over 5 years is +0.148 a year.
        let p = required_path((2020, d("0.36")), (2025, d("1.10")), PathKind::Linear).unwrap();
        let got: Vec<String> = p.iter().map(|m| m.value.normalize().to_string()).collect();
        assert_eq!(got, ["0.36", "0.508", "0.656", "0.804", "0.952", "1.1"]);
        assert_eq!(p[0].year, 2020);
        assert_eq!(p[5].year, 2025);
    }

    #[test]
    fn geometric_path_matches_reference() {
        // Python decimal, 50 digits: 0.36 × (1.10/0.36)^(1/5) = 0.450111944290480157…
        let p = required_path((2020, d("0.36")), (2025, d("1.10")), PathKind::Geometric).unwrap();
        let m1 = to_f64(p[1].value);
        assert!((m1 - 0.450_111_944_290_480_2).abs() / m1 < 1e-12, "{m1}");
        assert_eq!(p[5].value, d("1.10"));
        let e = required_path((2020, d("0")), (2025, d("1")), PathKind::Geometric).unwrap_err();
        assert_eq!(e.code(), "undefined_growth");
    }
}
