//! Observations of an indicator over time, with vintages and flags.
//!
//! A vintage (release date `YYYY-MM-DD`, or a label that sorts the same way) lets an
//! evaluation run "as known on date D": revisions are kept side by side, never overwritten.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::date::Date;
use crate::model::indicator::{check_year, derive_ratio, Indicator, YEAR_RANGE};
pub use crate::model::warning::WarningCode;

/// A qualifier attached to an observation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
#[non_exhaustive]
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
    /// The change on the previous year as a fraction (`-0.027` or `"-2.7%"`), for indicators
    /// whose cumulative change is published year by year: the library chains it exactly onto
    /// the previous year's level (the baseline for the first year). Give it instead of `value`.
    #[serde(default, with = "crate::model::rate::serde_rate::option_ser", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::io::decimal::Repr>"))]
    pub annual_change: Option<Decimal>,
    /// For a sub-annual figure: the part of `year` it covers, up to its end: `H1`, `Q1`–`Q3`,
    /// or a month `M01`–`M11` (a full year is an annual observation, without `period`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
}

/// Observations of a plan, by indicator id (what [`crate::Plan::evaluate`], the CSV and JSON
/// readers and the reports take).
pub type PlanObservations = std::collections::BTreeMap<String, Vec<Observation>>;

/// A sub-annual figure after the choice among vintages: its year, the month its period ends
/// in, and its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubAnnualPoint {
    /// Year.
    pub year: i32,
    /// The period as given (`H1`, `Q2`, `M05`, ...).
    pub period: String,
    /// The last month the period covers (6 for `H1` and `Q2`).
    pub end_month: u32,
    /// The value.
    pub value: Decimal,
}

/// The last month of a sub-annual period code: `H1` 6, `Q1`–`Q3` 3/6/9, `M01`–`M11`.
pub fn period_end_month(code: &str, field: &str) -> Result<u32> {
    let month = match code {
        "H1" => Some(6),
        "Q1" => Some(3),
        "Q2" => Some(6),
        "Q3" => Some(9),
        m if m.len() == 3 && m.starts_with('M') => {
            m.get(1..).and_then(|d| d.parse::<u32>().ok()).filter(|d| (1..=11).contains(d))
        }
        _ => None,
    };
    month.ok_or_else(|| {
        Error::invalid_argument(
            field,
            format!("`{code}` is not a sub-annual period: H1, Q1, Q2, Q3 or M01–M11 (a whole year has no period)"),
        )
    })
}

/// The sub-annual observations known at `as_of` (their period ended and their vintage was
/// released by then), the latest vintage of each (year, period), in time order. Sub-annual
/// figures need a value (not components or an annual change).
pub fn resolve_sub_annual(
    indicator: &Indicator,
    observations: &[Observation],
    as_of: &AsOf,
) -> Result<Vec<SubAnnualPoint>> {
    let mut out: Vec<(SubAnnualPoint, Option<&String>)> = Vec::new();
    for obs in observations {
        let Some(code) = obs.period.as_deref() else { continue };
        let path = format!("{}[{}].period", indicator.id, obs.year);
        check_year(obs.year, &path)?;
        let end_month = period_end_month(code, &path)?;
        let Some(value) = obs.value else {
            return Err(Error::InvalidObservations {
                path,
                line: None,
                message: "a sub-annual observation needs a value".into(),
                cause: None,
            });
        };
        let known = match as_of {
            AsOf::Latest => true,
            AsOf::Year(y) => obs.year <= *y,
            AsOf::Date(_) => {
                let end = Date {
                    year: obs.year,
                    month: end_month,
                    day: crate::model::date::days_in_month(obs.year, end_month),
                };
                let full = as_of.date();
                full.is_some_and(|d| end <= d)
                    && obs.vintage.as_ref().is_none_or(|v| full.is_some_and(|d| v.as_str() <= d.to_string().as_str()))
            }
        };
        if !known {
            continue;
        }
        let point = SubAnnualPoint { year: obs.year, period: code.to_string(), end_month, value };
        match out.iter_mut().find(|(p, _)| p.year == point.year && p.end_month == point.end_month) {
            Some((_, v)) if *v == obs.vintage.as_ref() => {
                return Err(Error::InvalidObservations {
                    path,
                    line: None,
                    message: format!("two observations for {} {code} with the same vintage", obs.year),
                    cause: None,
                })
            }
            Some((p, v)) if *v < obs.vintage.as_ref() => {
                *p = point;
                *v = obs.vintage.as_ref();
            }
            Some(_) => {}
            None => {
                // Kept in time order by insertion: a handful of figures, and no second sort
                // routine in the WebAssembly module.
                let at = out.iter().position(|(p, _)| (p.year, p.end_month) > (point.year, point.end_month));
                out.insert(at.unwrap_or(out.len()), (point, obs.vintage.as_ref()));
            }
        }
    }
    Ok(out.into_iter().map(|(p, _)| p).collect())
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
            annual_change: None,
            period: None,
        }
    }

    /// An observation given as the change on the previous year (a fraction: −0.027 is −2.7 %).
    pub fn annual_change(year: i32, change: Decimal) -> Self {
        Observation { value: None, annual_change: Some(change), ..Observation::new(year, Decimal::ZERO) }
    }

    /// An observation given by its numerator and denominator (the value is derived from the
    /// indicator's components).
    pub fn from_components(year: i32, numerator: Decimal, denominator: Decimal) -> Self {
        Observation {
            value: None,
            numerator: Some(numerator),
            denominator: Some(denominator),
            ..Observation::new(year, Decimal::ZERO)
        }
    }

    /// This observation with a vintage (release date `YYYY-MM-DD`, or a label sorting the same way).
    #[must_use]
    pub fn with_vintage(self, vintage: impl Into<String>) -> Self {
        Observation { vintage: Some(vintage.into()), ..self }
    }

    /// This observation with a flag.
    #[must_use]
    pub fn with_flag(self, flag: Flag) -> Self {
        Observation { flag: Some(flag), ..self }
    }

    /// This observation with its source.
    #[must_use]
    pub fn with_source(self, source: impl Into<String>) -> Self {
        Observation { source: Some(source.into()), ..self }
    }

    /// This observation as a sub-annual figure of its year (`H1`, `Q1`–`Q3`, `M01`–`M11`).
    #[must_use]
    pub fn with_period(self, period: impl Into<String>) -> Self {
        Observation { period: Some(period.into()), ..self }
    }
}

/// What "now" is for an evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AsOf {
    /// Everything known: all years, the latest vintage of each.
    #[default]
    Latest,
    /// Observations of this year and before (latest vintage of each).
    Year(i32),
    /// As known on this date: vintages released on or before it, and years before its year.
    /// Observations without a vintage count as always known. Build it from text with
    /// [`AsOf::parse_date`] (which refuses 2023-13-45) or from a checked [`Date`].
    Date(Date),
}

impl AsOf {
    fn admits(&self, obs: &Observation) -> bool {
        match self {
            AsOf::Latest => true,
            AsOf::Year(y) => obs.year <= *y,
            AsOf::Date(date) => {
                // Vintages are `YYYY-MM-DD` texts (or labels sorting the same way).
                let full = date.to_string();
                let vintage_ok = obs.vintage.as_ref().is_none_or(|v| v.as_str() <= full.as_str());
                obs.year < date.year && vintage_ok
            }
        }
    }

    /// As known on `date` (`YYYY-MM-DD`, or `YYYY-MM` for the month's last day); an impossible
    /// day (2023-02-30, 2023-13-45) is an `invalid_argument` error.
    pub fn parse_date(text: &str) -> Result<Self> {
        Date::parse(text, "as_of").map(AsOf::Date)
    }

    /// Check the year range (a [`Date`] is a real calendar day by construction).
    pub fn validate(&self) -> Result<()> {
        match self {
            AsOf::Latest => Ok(()),
            AsOf::Year(y) => check_year(*y, "as_of"),
            AsOf::Date(d) => check_year(d.year, "as_of"),
        }
    }

    /// The evaluation date, when `as_of` is one.
    pub fn date(&self) -> Option<Date> {
        match self {
            AsOf::Date(d) => Some(*d),
            _ => None,
        }
    }

    /// The time share at an evaluation date: years elapsed from the end of `base_year` to the
    /// date, over the years to `target_year` (2023-06-30 in 2021–2025 is 2.5/5), capped at 1.
    /// `None` unless `as_of` is a date.
    pub fn time_share(&self, base_year: i32, target_year: i32) -> Option<Decimal> {
        let date = self.date()?;
        let span = Decimal::from(i64::from(target_year).saturating_sub(i64::from(base_year)));
        if span <= Decimal::ZERO {
            return None;
        }
        let elapsed = date.years_after(base_year).max(Decimal::ZERO);
        elapsed.checked_div(span).map(|s| s.min(Decimal::ONE).normalize())
    }
}

/// The value used for one year after choosing among vintages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Point {
    /// Year.
    pub year: i32,
    /// Value in the indicator's unit (derived from the components when not reported).
    pub value: Decimal,
    /// Vintage of the figure used.
    pub vintage: Option<String>,
    /// Its flag.
    pub flag: Option<Flag>,
    /// The annual change the value was chained from, when it was given as one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_change: Option<Decimal>,
}

/// A machine-readable warning attached to a result.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Warning {
    /// Stable code, e.g. `component_mismatch`, `undefined_growth`.
    pub code: WarningCode,
    /// The field or quantity concerned.
    pub field: String,
    /// Human-readable explanation.
    pub message: String,
}

// Written by hand so that the code goes out as the `&str` every other field uses: a derived
// impl serializes a `WarningCode` field through serializer code of its own for each JSON
// formatter, about a kilobyte of WebAssembly for the same output.
impl Serialize for Warning {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut w = s.serialize_struct("Warning", 3)?;
        w.serialize_field("code", self.code.code())?;
        w.serialize_field("field", &self.field)?;
        w.serialize_field("message", &self.message)?;
        w.end()
    }
}

impl Warning {
    pub(crate) fn new(code: WarningCode, field: impl Into<String>, message: impl Into<String>) -> Self {
        Warning { code, field: field.into(), message: message.into() }
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
    let mut points = Vec::new();
    resolve_points_into(indicator, observations, as_of, warnings, &mut points)?;
    Ok(points)
}

/// [`resolve_points`] into `points` (cleared first), so that a plan evaluation reuses one
/// buffer for every indicator.
pub(crate) fn resolve_points_into(
    indicator: &Indicator,
    observations: &[Observation],
    as_of: &AsOf,
    warnings: &mut Vec<Warning>,
    points: &mut Vec<Point>,
) -> Result<()> {
    points.clear();
    as_of.validate()?;
    // One slot per year from the first to the last valid year given, in year order: a map
    // without a map type in the WebAssembly module (check_year below rejects the rest).
    let valid_years =
        || observations.iter().filter(|o| o.period.is_none()).map(|o| o.year).filter(|y| YEAR_RANGE.contains(y));
    let first_year = valid_years().min().unwrap_or(*YEAR_RANGE.start());
    let span = valid_years().max().map_or(0, |last| last.saturating_sub(first_year).saturating_add(1));
    let mut by_year: Vec<Option<&Observation>> = vec![None; usize::try_from(span).unwrap_or(0)];
    for obs in observations.iter().filter(|o| o.period.is_none()) {
        // The error paths are written only when there is an error: formatting them for every
        // observation was a large part of a plan evaluation's time.
        let path = || format!("{}[{}]", indicator.id, obs.year);
        if !YEAR_RANGE.contains(&obs.year) {
            check_year(obs.year, &format!("{}.year", path()))?;
        }
        if obs.value.is_none() && obs.annual_change.is_none() && (obs.numerator.is_none() || obs.denominator.is_none())
        {
            return Err(Error::InvalidObservations {
                path: path(),
                line: None,
                message: "an observation needs a value, an annual change, or a numerator and a denominator".into(),
                cause: None,
            });
        }
        if obs.annual_change.is_some() && (obs.value.is_some() || obs.numerator.is_some()) {
            return Err(Error::InvalidObservations {
                path: path(),
                line: None,
                message: "give either a value (or its components) or an annual change, not both".into(),
                cause: None,
            });
        }
        if obs.annual_change.is_some() && indicator.unit.is_growth_rate() {
            return Err(Error::InvalidObservations {
                path: path(),
                line: None,
                message: "a growth-rate indicator's values are already rates: give them as values".into(),
                cause: None,
            });
        }
        if !as_of.admits(obs) {
            continue;
        }
        let slot = usize::try_from(obs.year.saturating_sub(first_year)).ok().and_then(|i| by_year.get_mut(i));
        let Some(slot) = slot else {
            return Err(Error::YearOutOfRange {
                field: format!("{}.year", path()),
                year: i64::from(obs.year),
                message: "outside the year range".into(),
            });
        };
        match slot {
            Some(prev) if prev.vintage == obs.vintage => {
                return Err(Error::InvalidObservations {
                    path: path(),
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
    for obs in by_year.iter().flatten() {
        let year = obs.year;
        if let Some(change) = obs.annual_change {
            points.push(chain(indicator, points, obs, change)?);
            continue;
        }
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
                        WarningCode::ComponentMismatch,
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
        points.push(Point { year, value, vintage: obs.vintage.clone(), flag: obs.flag, annual_change: None });
    }
    Ok(())
}

/// The level of a year given as an annual change: the previous year's level (the baseline in
/// the year after it) × (1 + change), in exact decimal arithmetic.
fn chain(indicator: &Indicator, points: &[Point], obs: &Observation, change: Decimal) -> Result<Point> {
    use crate::num::Checked;
    let year = obs.year;
    let path = format!("{}[{year}].annual_change", indicator.id);
    let previous = if year.checked_sub(1) == Some(indicator.baseline.year) {
        Some(indicator.baseline.value)
    } else {
        points.iter().rev().find(|p| p.year < year).filter(|p| p.year.checked_add(1) == Some(year)).map(|p| p.value)
    };
    let Some(previous) = previous else {
        return Err(Error::InvalidObservations {
            path,
            line: None,
            message: format!(
                "an annual change chains onto the previous year's level, and {} has none (the baseline is {})",
                year.saturating_sub(1),
                indicator.baseline.year
            ),
            cause: None,
        });
    };
    let value = previous.mul_or(Decimal::ONE.add_or(change, &path)?, &path)?.normalize();
    Ok(Point { year, value, vintage: obs.vintage.clone(), flag: obs.flag, annual_change: Some(change) })
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
        let then = resolve_points(&ind(), &obs, &AsOf::parse_date("2022-12-31").unwrap(), &mut w).unwrap();
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
        for bad in ["2022/01/01", "2023-13-45", "2023-02-30"] {
            assert_eq!(AsOf::parse_date(bad).unwrap_err().code(), "invalid_argument", "{bad}");
        }
        // A checked date whose year is outside the supported range is refused when used.
        let far = AsOf::Date(crate::model::date::Date { year: 1700, month: 1, day: 1 });
        assert_eq!(resolve_points(&ind(), &[], &far, &mut vec![]).unwrap_err().code(), "year_out_of_range");
    }
}
