//! Scenarios: what-if paths, and for ratio indicators the numerator a target requires.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::math::path::{Milestone, PathKind};
use crate::math::progress::cagr;
use crate::model::indicator::Indicator;
use crate::num::{years_between, Checked};

/// How a what-if path grows each year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Growth {
    /// A constant annual rate (0.05 = 5 % a year), compounded.
    Rate(Decimal),
    /// A constant annual increment in the indicator's unit.
    Increment(Decimal),
}

/// A what-if path and what it means for the target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct WhatIf {
    /// Values from the starting year to the target year, exact to 28 digits.
    pub path: Vec<Milestone>,
    /// Whether the value in the target year meets the target (None without one).
    pub meets_target: Option<bool>,
    /// First year of the path that meets the target.
    pub year_reached: Option<i32>,
}

/// Grow `start` by `growth` each year up to `to_year`.
pub fn what_if_path(start: (i32, Decimal), growth: Growth, to_year: i32) -> Result<Vec<Milestone>> {
    let (t0, y0) = start;
    // Bounded years bound the path's length (no input allocates or loops without limit).
    crate::model::indicator::check_year(t0, "from_year")?;
    crate::model::indicator::check_year(to_year, "to_year")?;
    let n = years_between(t0, to_year);
    if n < 0 {
        return Err(Error::YearOutOfRange {
            field: "to_year".into(),
            year: i64::from(to_year),
            message: format!("before the starting year {t0}"),
        });
    }
    let mut out = Vec::new();
    for k in 0..=n {
        let year = i32::try_from(i64::from(t0).saturating_add(k)).map_err(|_| Error::overflow("year"))?;
        let value = match growth {
            Growth::Rate(g) => {
                if g <= Decimal::NEGATIVE_ONE {
                    return Err(Error::invalid_argument("growth", "a rate must be above −1 (−100 %)"));
                }
                let factor = crate::num::powi(Decimal::ONE.add_or(g, "what_if")?, k, "what_if")?;
                y0.mul_or(factor, "what_if")?
            }
            Growth::Increment(d) => y0.add_or(d.mul_or(Decimal::from(k), "what_if")?, "what_if")?,
        };
        // The start as given; computed values in canonical form (105, not 105.00).
        out.push(Milestone { year, value: if k == 0 { value } else { value.normalize() } });
    }
    Ok(out)
}

/// One year of a numerator decomposition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DecompositionRow {
    /// Year.
    pub year: i32,
    /// Denominator forecast, in the denominator's unit.
    pub denominator: Decimal,
    /// The ratio the required path asks for, in the indicator's unit.
    pub ratio: Decimal,
    /// The numerator that ratio needs, in the numerator's unit.
    pub numerator: Decimal,
}

/// The numerator a ratio indicator's target needs, year by year, given a denominator forecast.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Decomposition {
    /// The required path used for the ratio.
    pub kind: PathKind,
    /// The denominator's annual growth assumed.
    pub denominator_growth: Decimal,
    /// Baseline year to target year.
    pub rows: Vec<DecompositionRow>,
    /// Average annual growth of the numerator over the period.
    pub numerator_cagr: Option<f64>,
}

impl Indicator {
    /// A what-if path from (`from_year`, `value`) to the target year, judged against the target.
    pub fn what_if(&self, from_year: i32, value: Decimal, growth: Growth) -> Result<WhatIf> {
        crate::model::indicator::check_year(from_year, "from_year")?;
        let level = self.implied_target().ok();
        let to = level.map(|l| l.year).or(self.target.year()).unwrap_or_else(|| from_year.saturating_add(5));
        let path = what_if_path((from_year, value), growth, to)?;
        let met = |v: Decimal| level.as_ref().map(|l| self.target.is_met(v, l));
        Ok(WhatIf {
            meets_target: path.last().and_then(|m| met(m.value)),
            year_reached: path.iter().find(|m| met(m.value) == Some(true)).map(|m| m.year),
            path,
        })
    }

    /// The numerator path this ratio indicator needs to follow its required path (`kind`),
    /// if the denominator is `denominator` in `year` and grows at `growth` a year:
    /// `numerator = ratio × denominator × f_den / (scale × f_num)`.
    pub fn numerator_path(
        &self,
        denominator: (i32, Decimal),
        growth: Decimal,
        kind: PathKind,
    ) -> Result<Decomposition> {
        let components = self.components.as_ref().ok_or_else(|| {
            Error::invalid_argument(
                format!("{}.components", self.id),
                "only a ratio indicator with components can be decomposed",
            )
        })?;
        let path = self.path(kind)?;
        let (d_year, d0) = denominator;
        crate::model::indicator::check_year(d_year, "denominator_year")?;
        let mut rows = Vec::with_capacity(path.len());
        for m in &path {
            let den = *what_if_path((d_year, d0), Growth::Rate(growth), m.year)?
                .last()
                .map(|x| &x.value)
                .ok_or_else(|| Error::overflow("denominator"))?;
            let numerator = m
                .value
                .mul_or(den, "numerator")?
                .mul_or(components.denominator.unit.base_factor(), "numerator")?
                .div_or(self.unit.scale().mul_or(components.numerator.unit.base_factor(), "numerator")?, "numerator")?;
            rows.push(DecompositionRow {
                year: m.year,
                denominator: den,
                ratio: m.value,
                numerator: numerator.normalize(),
            });
        }
        let numerator_cagr = match (rows.first(), rows.last()) {
            (Some(a), Some(b)) => {
                cagr(a.numerator, b.numerator, years_between(a.year, b.year), "numerator_cagr", &mut Vec::new())
            }
            _ => None,
        };
        Ok(Decomposition { kind, denominator_growth: growth, rows, numerator_cagr })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn what_if_is_exact() {
        // 100 at 5 % a year: 105, 110.25, 115.7625 (hand calculation).
        let p =
            what_if_path((2020, Decimal::ONE_HUNDRED), Growth::Rate(Decimal::from_str("0.05").unwrap()), 2023).unwrap();
        let v: Vec<String> = p.iter().map(|m| m.value.normalize().to_string()).collect();
        assert_eq!(v, ["100", "105", "110.25", "115.7625"]);
        assert!(what_if_path((2020, Decimal::ONE), Growth::Rate(Decimal::NEGATIVE_ONE), 2021).is_err());
    }
}
