//! An indicator: what is measured, in which unit, which way is better, from where to where.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::label::Label;
use crate::model::target::{ImpliedLevel, Target};
use crate::model::unit::Unit;
use crate::num::Checked;

/// Which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher is better.
    Increase,
    /// Lower is better.
    Decrease,
}

crate::io::names::deserialize_by_name!(Direction {
    Increase => "increase",
    Decrease => "decrease",
});

impl Direction {
    /// `d` of `docs/methods.md`: +1 when higher is better, −1 when lower is better.
    pub fn sign(self) -> Decimal {
        match self {
            Direction::Increase => Decimal::ONE,
            Direction::Decrease => Decimal::NEGATIVE_ONE,
        }
    }

    /// `d` as f64.
    pub fn sign_f64(self) -> f64 {
        match self {
            Direction::Increase => 1.0,
            Direction::Decrease => -1.0,
        }
    }

    /// Parse `increase` / `decrease` (also `+1` / `-1`).
    pub fn parse(text: &str) -> Result<Self> {
        match text {
            "increase" | "+1" | "1" => Ok(Direction::Increase),
            "decrease" | "-1" => Ok(Direction::Decrease),
            other => Err(Error::invalid_argument(
                "direction",
                format!("unknown direction `{other}`; expected increase or decrease"),
            )),
        }
    }
}

/// The nature of an indicator in a Chinese plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Nature {
    /// 预期性: anticipatory, a guide for expectations.
    Anticipatory,
    /// 约束性: binding, an obligation of government.
    Binding,
}

crate::io::names::deserialize_by_name!(Nature {
    Anticipatory => "anticipatory",
    Binding => "binding",
});

/// The value an indicator starts from (its year may differ from the plan's base year): a
/// [`YearValue`](crate::YearValue), `{"year": 2020, "value": "0.36"}` in JSON.
pub type Baseline = crate::model::year_value::YearValue;

/// A later revision of an indicator's baseline (after a census, a benchmark revision): the
/// plan's printed value stays the default; evaluations use a revision on request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BaselineRevision {
    /// The revised value, in the indicator's unit.
    #[serde(with = "crate::io::decimal")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::io::decimal::Repr"))]
    pub value: Decimal,
    /// Publication date of the revision (`YYYY-MM-DD`).
    pub date: String,
    /// Where it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One side of a ratio indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Component {
    /// What is counted.
    pub label: Label,
    /// Its unit (money magnitude matters: 万元 over 亿元).
    pub unit: Unit,
}

/// The numerator and denominator a ratio indicator is computed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Components {
    /// The numerator.
    pub numerator: Component,
    /// The denominator.
    pub denominator: Component,
}

/// A quantified indicator of a plan.
// Deserializing one (in any serde format, inside any struct) checks every rule
// (`Indicator::validate`): there is no way to hold an unvalidated indicator from serde.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// `remote = "Self"`: the derives become the inherent `Indicator::serialize`/`deserialize`
// (unchecked); the trait impls below wrap them, the Deserialize one with the validation.
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Indicator {
    /// Stable id, unique in the plan: 1–64 lowercase ASCII letters, digits, `-` and `_`, not
    /// starting with `-`.
    pub id: String,
    /// Name.
    pub label: Label,
    /// Unit of the values.
    pub unit: Unit,
    /// Which way is better.
    pub direction: Direction,
    /// Anticipatory or binding, when the plan says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nature: Option<Nature>,
    /// Starting value.
    pub baseline: Baseline,
    /// Later revisions of the baseline value, oldest first (the plan's value is `baseline`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub baseline_revisions: Vec<BaselineRevision>,
    /// Target.
    pub target: Target,
    /// Decimals the plan publishes the indicator with (display rounding).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u32>,
    /// Numerator and denominator, for ratio indicators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub components: Option<Components>,
    /// Statistical definition or notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<Label>,
}

impl Serialize for Indicator {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        Indicator::serialize(self, s)
    }
}

impl<'de> Deserialize<'de> for Indicator {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let ind = Indicator::deserialize(d)?;
        ind.validate("indicator").map_err(|e| serde::de::Error::custom(format!("{} ({})", e, e.code())))?;
        Ok(ind)
    }
}

/// An indicator read without its rules checked, for readers that check them afterwards with
/// error paths of their own ([`crate::model::plan::Plan::from_json`], [`Indicator::from_json`]).
#[derive(Deserialize)]
#[serde(transparent)]
pub(crate) struct UncheckedIndicator(#[serde(with = "Indicator")] pub(crate) Indicator);

/// `Vec<Indicator>` read unchecked (the plan validates each with its index in the path).
pub(crate) fn unchecked_indicators<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Vec<Indicator>, D::Error> {
    let v: Vec<UncheckedIndicator> = Deserialize::deserialize(d)?;
    Ok(v.into_iter().map(|u| u.0).collect())
}

/// Years an indicator's baseline and target may have: wide enough for any real plan, narrow
/// enough that year arithmetic never overflows.
pub const YEAR_RANGE: std::ops::RangeInclusive<i32> = 1800..=2200;

impl Indicator {
    /// The target resolved to a level ([`Target::implied_level`]).
    pub fn implied_target(&self) -> Result<ImpliedLevel> {
        self.target.implied_level(&self.baseline, self.direction).map_err(|e| match e {
            Error::NoTarget { message, .. } => Error::NoTarget { field: self.id.clone(), message },
            other => other,
        })
    }

    /// Decimals for display: the published number, or 2.
    pub fn display_decimals(&self) -> u32 {
        self.decimals.unwrap_or(2)
    }

    /// The indicator's value from its components: `num × f_num / (den × f_den) × scale`,
    /// exact to 28 significant digits.
    pub fn derive_value(&self, numerator: Decimal, denominator: Decimal) -> Result<Decimal> {
        let components = self.components.as_ref().ok_or_else(|| {
            Error::invalid_argument(format!("{}.components", self.id), "the indicator has no numerator/denominator")
        })?;
        derive_ratio(numerator, denominator, components, &self.unit, &self.id)
    }

    /// Half a unit in the last published decimal: the largest difference between a derived
    /// and a reported value that rounding explains.
    pub fn rounding_tolerance(&self) -> Decimal {
        Decimal::new(5, self.display_decimals().saturating_add(1).min(28))
    }

    /// Check every rule of an indicator on its own; `path` prefixes error paths.
    pub fn validate(&self, path: &str) -> Result<()> {
        if !is_valid_id(&self.id) {
            return Err(Error::invalid_plan(
                format!("{path}.id"),
                format!("`{}` is not a valid id ({ID_RULE})", self.id),
            ));
        }
        if self.label.zh.trim().is_empty() {
            return Err(Error::invalid_plan(format!("{path}.label.zh"), "the Chinese label is empty"));
        }
        check_year(self.baseline.year, &format!("{path}.baseline.year"))?;
        if let Some(year) = self.target.year() {
            check_year(year, &format!("{path}.target.year"))?;
            if year <= self.baseline.year {
                return Err(Error::YearOutOfRange {
                    field: format!("{path}.target.year"),
                    year: i64::from(year),
                    message: format!("the target year must be after the baseline year {}", self.baseline.year),
                });
            }
        }
        self.target.validate(&format!("{path}.target"))?;
        self.check_target_fits_unit(path)?;
        for (i, r) in self.baseline_revisions.iter().enumerate() {
            crate::model::date::Date::parse(&r.date, &format!("{path}.baseline_revisions[{i}].date"))?;
        }
        if let Some(dp) = self.decimals {
            if dp > 10 {
                return Err(Error::invalid_plan(format!("{path}.decimals"), "at most 10 published decimals"));
            }
        }
        if let Unit::Custom { scale, .. } = &self.unit {
            if *scale <= Decimal::ZERO {
                return Err(Error::invalid_plan(format!("{path}.unit.scale"), "a unit scale must be positive"));
            }
        }
        Ok(())
    }
}

impl Indicator {
    /// A growth-rate indicator takes the targets that compare rates (every year, period
    /// average, relative to another rate, none); a level indicator never takes a period-average
    /// rate. Anything else would compound a rate, silently.
    fn check_target_fits_unit(&self, path: &str) -> Result<()> {
        let kind = self.target.kind();
        let fits = match &self.target {
            Target::EveryYear { .. } | Target::Relative { .. } | Target::None => true,
            Target::AverageRate { .. } => self.unit.is_growth_rate(),
            Target::Level { .. } | Target::Range { .. } | Target::Change { .. } | Target::AnnualGrowth { .. } => {
                !self.unit.is_growth_rate()
            }
        };
        if fits {
            if let (Target::Relative { tolerance: Some(_), .. }, false) = (&self.target, self.unit.is_growth_rate()) {
                return Err(Error::invalid_plan(
                    format!("{path}.target.tolerance"),
                    "a tolerance applies to growth-rate indicators compared with another rate",
                ));
            }
            return Ok(());
        }
        let message = if self.unit.is_growth_rate() {
            format!(
                "a `{kind}` target would compound a growth rate; a growth-rate indicator takes every_year, average_rate, relative or none"
            )
        } else {
            format!("a `{kind}` target is for growth-rate indicators (unit `growth_rate`)")
        };
        Err(Error::invalid_plan(format!("{path}.target.kind"), message))
    }

    /// The baseline value used: the plan's (default) or its latest revision published on or
    /// before `as_of` (all revisions when `as_of` is absent).
    pub fn baseline_value(&self, choice: BaselineChoice, as_of: Option<&str>) -> (Decimal, Option<&BaselineRevision>) {
        match choice {
            BaselineChoice::Plan => (self.baseline.value, None),
            BaselineChoice::Revised => {
                let r = self.baseline_revisions.iter().rev().find(|r| as_of.is_none_or(|d| r.date.as_str() <= d));
                r.map_or((self.baseline.value, None), |r| (r.value, Some(r)))
            }
        }
    }
}

/// Which baseline an evaluation uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BaselineChoice {
    /// The plan's printed value (the default).
    #[default]
    Plan,
    /// The latest revision known at the evaluation date.
    Revised,
}

crate::io::names::deserialize_by_name!(BaselineChoice {
    Plan => "plan",
    Revised => "revised",
});

/// `num × f_num / (den × f_den) × scale` for a ratio with these components and unit.
pub(crate) fn derive_ratio(
    numerator: Decimal,
    denominator: Decimal,
    components: &Components,
    unit: &Unit,
    id: &str,
) -> Result<Decimal> {
    if denominator.is_zero() {
        return Err(Error::InvalidObservations {
            path: format!("{id}.denominator"),
            line: None,
            message: "the denominator is zero".into(),
            cause: None,
        });
    }
    let field = format!("{id}.value");
    let num = numerator.mul_or(components.numerator.unit.base_factor(), &field)?;
    let den = denominator.mul_or(components.denominator.unit.base_factor(), &field)?;
    // Multiply by the scale before dividing so that terminating ratios stay exact.
    num.mul_or(unit.scale(), &field)?.div_or(den, &field).map(|v| v.normalize())
}

/// The rule [`is_valid_id`] checks, as error messages and docs state it.
pub(crate) const ID_RULE: &str = "1–64 characters: lowercase ASCII letters, digits, `-` and `_`, not starting with `-`";

/// Whether `id` is a valid plan or indicator id: 1–64 characters, each a lowercase ASCII
/// letter, a digit, `-` or `_`, the first not `-` (so ids are safe in URLs, CSV and JS, and
/// never read as an option on a command line).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && !id.starts_with('-')
}

pub(crate) fn check_year(year: i32, field: &str) -> Result<()> {
    if YEAR_RANGE.contains(&year) {
        Ok(())
    } else {
        Err(Error::YearOutOfRange {
            field: field.into(),
            year: i64::from(year),
            message: format!("years must be within {}–{}", YEAR_RANGE.start(), YEAR_RANGE.end()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::unit::Magnitude;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn rd_intensity() -> Indicator {
        let mut ind = Indicator::new(
            "rd-intensity",
            "rd-intensity",
            Unit::Percent,
            Direction::Increase,
            Baseline { year: 2020, value: d("0.36") },
            Target::Level { year: 2025, value: d("1.10"), comparator: None },
        )
        .unwrap();
        ind.components = Some(Components {
            numerator: Component {
                label: Label::zh("研发经费"),
                unit: Unit::Money { currency: "CNY".into(), magnitude: Magnitude::TenThousand },
            },
            denominator: Component {
                label: Label::zh("地区生产总值"),
                unit: Unit::Money { currency: "CNY".into(), magnitude: Magnitude::HundredMillion },
            },
        });
        ind
    }

    #[test]
    fn ids_are_checked_as_documented() {
        // Each case follows from the documented rule (ID_RULE), not from the code.
        for good in ["a", "rd-intensity", "gdp_growth", "0", "x_-1", &"a".repeat(64)] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in ["", "-a", "A", "rd intensity", "rd.intensity", "é", "a/b", &"a".repeat(65)] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn derived_value_mixes_magnitudes_exactly() {
        // Illustrative numbers, hand calculation: 26 000 万元 / 726.86 亿元 × 100
        // = 2.6e8 / 7.2686e10 × 100 = 0.357703…%.
        let v = rd_intensity().derive_value(d("26000"), d("726.86")).unwrap();
        assert_eq!(v.round_dp(6), d("0.357703"));
        // 1 万元 / 1 亿元 × 100 = 0.01 % exactly.
        assert_eq!(rd_intensity().derive_value(d("1"), d("1")).unwrap(), d("0.01"));
        assert_eq!(rd_intensity().derive_value(d("1"), d("0")).unwrap_err().code(), "invalid_observations");
    }

    #[test]
    fn rules() {
        let bad_year = Indicator::new(
            "x",
            "x",
            Unit::Percent,
            Direction::Increase,
            Baseline { year: 2020, value: d("1") },
            Target::Level { year: 2019, value: d("2"), comparator: None },
        );
        assert_eq!(bad_year.unwrap_err().code(), "year_out_of_range");
        let bad_id = Indicator::new(
            "Bad Id",
            "Bad Id",
            Unit::Percent,
            Direction::Increase,
            Baseline { year: 2020, value: d("1") },
            Target::None,
        );
        assert_eq!(bad_id.unwrap_err().field(), "indicator.id");
        assert_eq!(rd_intensity().rounding_tolerance(), d("0.005"));
    }
}
