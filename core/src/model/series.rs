//! Observations of an indicator over time, with vintages and flags.
//!
//! A vintage (release date `YYYY-MM-DD`, or a label that sorts the same way) lets an
//! evaluation run "as known on date D": revisions are kept side by side, never overwritten.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::indicator::{check_year, derive_ratio, Indicator, YEAR_RANGE};

/// A qualifier attached to an observation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// A first, preliminary release (初步核算).
    Preliminary,
    /// An estimate (估计).
    Estimated,
    /// A break in the series: the definition or coverage changed this year.
    BreakInSeries,
    /// A revised figure.
    Revised,
}

crate::io::names::deserialize_by_name!(Flag {
    Preliminary => "preliminary",
    Estimated => "estimated",
    BreakInSeries => "break_in_series",
    Revised => "revised",
});

impl Flag {
    /// Parse the snake_case code.
    pub fn parse(text: &str) -> Result<Self> {
        match text {
            "preliminary" => Ok(Flag::Preliminary),
            "estimated" => Ok(Flag::Estimated),
            "break_in_series" => Ok(Flag::BreakInSeries),
            "revised" => Ok(Flag::Revised),
            other => Err(Error::invalid_argument(
                "flag",
                format!("unknown flag `{other}`; expected preliminary, estimated, break_in_series or revised"),
            )),
        }
    }

    /// The snake_case code.
    pub fn code(self) -> &'static str {
        match self {
            Flag::Preliminary => "preliminary",
            Flag::Estimated => "estimated",
            Flag::BreakInSeries => "break_in_series",
            Flag::Revised => "revised",
        }
    }
}

/// One observed value of an indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// The year the value refers to.
    pub year: i32,
    /// The value in the indicator's unit; may be absent when components are given.
    #[serde(default, with = "crate::io::decimal::option", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::io::decimal::Repr>"))]
    pub value: Option<Decimal>,
    /// Numerator, for ratio indicators.
    #[serde(default, with = "crate::io::decimal::option", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::io::decimal::Repr>"))]
    pub numerator: Option<Decimal>,
    /// Denominator, for ratio indicators.
    #[serde(default, with = "crate::io::decimal::option", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::io::decimal::Repr>"))]
    pub denominator: Option<Decimal>,
    /// Release date (`YYYY-MM-DD`) or label of the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vintage: Option<String>,
    /// Qualifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<Flag>,
    /// Where the figure was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Observation {
    /// A plain observation: a year and a value.
    pub fn new(year: i32, value: Decimal) -> Self {
        Observation {
            year,
            value: Some(value),
            numerator: None,
            denominator: None,
            vintage: None,
            flag: None,
            source: None,
        }
    }
}

/// What "now" is for an evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AsOf {
    /// Everything known: all years, the latest vintage of each.
    #[default]
    Latest,
    /// Observations of this year and before (latest vintage of each).
    Year(i32),
    /// As known on this date (`YYYY-MM-DD`): vintages released on or before it, and years
    /// before its year. Observations without a vintage count as always known.
    Date(String),
}

impl AsOf {
    fn admits(&self, obs: &Observation) -> bool {
        match self {
            AsOf::Latest => true,
            AsOf::Year(y) => obs.year <= *y,
            AsOf::Date(date) => {
                let year_ok = date_year(date).is_none_or(|y| obs.year < y);
                let vintage_ok = obs.vintage.as_ref().is_none_or(|v| v.as_str() <= date.as_str());
                year_ok && vintage_ok
            }
        }
    }

    /// Check the date form.
    pub fn validate(&self) -> Result<()> {
        match self {
            AsOf::Latest => Ok(()),
            AsOf::Year(y) => check_year(*y, "as_of"),
            AsOf::Date(d) => match date_year(d) {
                Some(y)
                    if d.len() == 10 && d.as_bytes().get(4) == Some(&b'-') && d.as_bytes().get(7) == Some(&b'-') =>
                {
                    check_year(y, "as_of")
                }
                _ => Err(Error::invalid_argument("as_of", format!("`{d}` is not a date YYYY-MM-DD"))),
            },
        }
    }
}

fn date_year(date: &str) -> Option<i32> {
    date.get(..4).and_then(|y| y.parse().ok())
}

/// The value used for one year after choosing among vintages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    /// Year.
    pub year: i32,
    /// Value in the indicator's unit (derived from the components when not reported).
    pub value: Decimal,
    /// Vintage of the figure used.
    pub vintage: Option<String>,
    /// Its flag.
    pub flag: Option<Flag>,
}

/// A machine-readable warning attached to a result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Warning {
    /// Stable code, e.g. `component_mismatch`, `undefined_growth`.
    pub code: String,
    /// The field or quantity concerned.
    pub field: String,
    /// Human-readable explanation.
    pub message: String,
}

impl Warning {
    pub(crate) fn new(code: &str, field: impl Into<String>, message: impl Into<String>) -> Self {
        Warning { code: code.into(), field: field.into(), message: message.into() }
    }
}

/// Pick one value per year: the latest vintage admitted by `as_of`; derive values from
/// components; warn when a reported value and its components disagree beyond rounding.
pub fn resolve_points(
    indicator: &Indicator,
    observations: &[Observation],
    as_of: &AsOf,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<Point>> {
    as_of.validate()?;
    // One slot per year from the first to the last valid year given, in year order: a map
    // without a map type in the WebAssembly module (check_year below rejects the rest).
    let valid_years = || observations.iter().map(|o| o.year).filter(|y| YEAR_RANGE.contains(y));
    let first_year = valid_years().min().unwrap_or(*YEAR_RANGE.start());
    let span = valid_years().max().map_or(0, |last| last.saturating_sub(first_year).saturating_add(1));
    let mut by_year: Vec<Option<&Observation>> = vec![None; usize::try_from(span).unwrap_or(0)];
    for obs in observations {
        let path = format!("{}[{}]", indicator.id, obs.year);
        check_year(obs.year, &format!("{path}.year"))?;
        if obs.value.is_none() && (obs.numerator.is_none() || obs.denominator.is_none()) {
            return Err(Error::InvalidObservations {
                path,
                line: None,
                message: "an observation needs a value, or a numerator and a denominator".into(),
                cause: None,
            });
        }
        if !as_of.admits(obs) {
            continue;
        }
        let slot = usize::try_from(obs.year.saturating_sub(first_year)).ok().and_then(|i| by_year.get_mut(i));
        let Some(slot) = slot else {
            return Err(Error::YearOutOfRange {
                field: format!("{path}.year"),
                year: i64::from(obs.year),
                message: "outside the year range".into(),
            });
        };
        match slot {
            Some(prev) if prev.vintage == obs.vintage => {
                return Err(Error::InvalidObservations {
                    path,
                    line: None,
                    message: format!(
                        "two observations for {} with the same vintage ({})",
                        obs.year,
                        obs.vintage.as_deref().unwrap_or("none")
                    ),
                    cause: None,
                })
            }
            // Undated figures sort before dated ones; otherwise ISO dates sort as text.
            Some(prev) if prev.vintage > obs.vintage => {}
            _ => *slot = Some(obs),
        }
    }
    let mut points = Vec::new();
    for obs in by_year.into_iter().flatten() {
        let year = obs.year;
        let derived = match (obs.numerator, obs.denominator, &indicator.components) {
            (Some(n), Some(d), Some(c)) => Some(derive_ratio(n, d, c, &indicator.unit, &indicator.id)?),
            (Some(_), Some(_), None) => {
                return Err(Error::InvalidObservations {
                    path: format!("{}[{year}]", indicator.id),
                    line: None,
                    message: "numerator and denominator given, but the indicator defines no components".into(),
                    cause: None,
                })
            }
            _ => None,
        };
        let value = match (obs.value, derived) {
            (Some(reported), Some(derived)) => {
                let diff = reported.checked_sub(derived).map(|d| d.abs());
                if diff.is_none_or(|d| d > indicator.rounding_tolerance()) {
                    warnings.push(Warning::new(
                        "component_mismatch",
                        format!("{}[{year}]", indicator.id),
                        format!(
                            "reported {reported} differs from numerator/denominator {} by more than rounding",
                            crate::num::round_half_away(derived, indicator.display_decimals().saturating_add(2))
                        ),
                    ));
                }
                reported
            }
            (Some(v), None) => v,
            (None, Some(v)) => v,
            (None, None) => continue,
        };
        points.push(Point { year, value, vintage: obs.vintage.clone(), flag: obs.flag });
    }
    Ok(points)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::indicator::{Baseline, Direction};
    use crate::model::target::Target;
    use crate::model::unit::Unit;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn ind() -> Indicator {
        Indicator::new(
            "x",
            Unit::Percent,
            Direction::Increase,
            Baseline { year: 2020, value: d("1") },
            Target::Level { year: 2025, value: d("2"), comparator: None },
        )
        .unwrap()
    }

    fn vint(year: i32, v: &str, vintage: &str) -> Observation {
        Observation { vintage: Some(vintage.into()), ..Observation::new(year, d(v)) }
    }

    #[test]
    fn latest_vintage_known_at_the_date_wins() {
        let obs =
            vec![vint(2021, "1.2", "2022-03-01"), vint(2021, "1.3", "2023-03-01"), vint(2022, "1.5", "2023-03-01")];
        let mut w = vec![];
        let all = resolve_points(&ind(), &obs, &AsOf::Latest, &mut w).unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].value, d("1.3"));
        let then = resolve_points(&ind(), &obs, &AsOf::Date("2022-12-31".into()), &mut w).unwrap();
        assert_eq!(then.len(), 1);
        assert_eq!(then[0].value, d("1.2"));
        let by_year = resolve_points(&ind(), &obs, &AsOf::Year(2021), &mut w).unwrap();
        assert_eq!(by_year.len(), 1);
    }

    #[test]
    fn duplicates_are_refused() {
        let obs = vec![Observation::new(2021, d("1")), Observation::new(2021, d("2"))];
        let e = resolve_points(&ind(), &obs, &AsOf::Latest, &mut vec![]).unwrap_err();
        assert_eq!(e.code(), "invalid_observations");
        let bad = AsOf::Date("2022/01/01".into());
        assert_eq!(resolve_points(&ind(), &[], &bad, &mut vec![]).unwrap_err().code(), "invalid_argument");
    }
}
