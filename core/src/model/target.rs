//! The kinds of target real plans set, and their resolution to an implied level.
//!
//! The national 14th Five-Year Plan outline uses all of them: a level (`≥ 8 %`), a range, a
//! cumulative change over the period (〔13.5〕% reduction), an average annual growth rate
//! (年均增长 > 7 %), a relation to another indicator (in step with GDP growth) and none at all
//! (monitored only).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::indicator::{Baseline, Direction};
use crate::num::{years_between, Checked};

/// How a value is compared with a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Comparator {
    /// `value ≥ target` (以上, 不低于).
    AtLeast,
    /// `value > target` (超过, 高于).
    Above,
    /// `value ≤ target` (以下, 不高于, 控制在…以内).
    AtMost,
    /// `value < target` (低于).
    Below,
    /// `|value − target| ≤ tolerance`.
    Exactly {
        /// The accepted absolute deviation (≥ 0).
        #[serde(with = "crate::io::decimal")]
        #[cfg_attr(feature = "schema", schemars(with = "crate::io::decimal::Repr"))]
        tolerance: Decimal,
    },
}

impl Comparator {
    /// The comparator a bare target number means for an indicator of this direction.
    pub fn for_direction(direction: Direction) -> Self {
        match direction {
            Direction::Increase => Comparator::AtLeast,
            Direction::Decrease => Comparator::AtMost,
        }
    }

    /// Whether `value` meets `target` under this comparator (exact decimal comparison).
    pub fn is_met(self, value: Decimal, target: Decimal) -> bool {
        match self {
            Comparator::AtLeast => value >= target,
            Comparator::Above => value > target,
            Comparator::AtMost => value <= target,
            Comparator::Below => value < target,
            Comparator::Exactly { tolerance } => match value.checked_sub(target) {
                Some(diff) => diff.abs() <= tolerance,
                None => false,
            },
        }
    }

    /// The stable code, e.g. `at_least`.
    pub fn code(self) -> &'static str {
        match self {
            Comparator::AtLeast => "at_least",
            Comparator::Above => "above",
            Comparator::AtMost => "at_most",
            Comparator::Below => "below",
            Comparator::Exactly { .. } => "exactly",
        }
    }

    /// A symbol for tables: ≥, >, ≤, <, =.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::AtLeast => "≥",
            Comparator::Above => ">",
            Comparator::AtMost => "≤",
            Comparator::Below => "<",
            Comparator::Exactly { .. } => "=",
        }
    }
}

/// How a cumulative change is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChangeMode {
    /// In the indicator's own unit: percentage points for a percent indicator, years for
    /// life expectancy (〔1〕 year more).
    Absolute,
    /// As a fraction of the baseline: −0.135 is a 13.5 % reduction.
    Relative,
}

crate::io::names::deserialize_by_name!(ChangeMode {
    Absolute => "absolute",
    Relative => "relative",
});

/// How an indicator's growth must relate to a reference indicator's growth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Relation {
    /// Grow faster than the reference (高于).
    FasterThan,
    /// Grow in step with the reference (同步): at least as fast.
    InStepWith,
    /// Grow slower than the reference (低于).
    SlowerThan,
}

crate::io::names::deserialize_by_name!(Relation {
    FasterThan => "faster_than",
    InStepWith => "in_step_with",
    SlowerThan => "slower_than",
});

/// A target of an indicator.
///
/// In JSON a target is an object tagged by `kind`; decimals may be numbers or strings and are
/// read exactly. Each kind, and the level it implies from a baseline of 100 in 2020 (hand
/// calculations in the comments):
///
/// ```
/// use onpace::{Baseline, Direction, Target};
/// use rust_decimal::Decimal;
///
/// let base = Baseline::new(2020, Decimal::from(100));
/// let read = |json: &str| serde_json::from_str::<Target>(json).unwrap();
/// let level = |t: &Target| t.implied_level(&base, Direction::Increase).map(|l| l.value.normalize().to_string());
///
/// // A level to reach: 120 by 2025.
/// let t = read(r#"{"kind": "level", "year": 2025, "value": "120"}"#);
/// assert_eq!(level(&t)?, "120");
/// // A band: for an increase indicator its low end is the level to reach.
/// let t = read(r#"{"kind": "range", "year": 2025, "low": 110, "high": 130}"#);
/// assert_eq!(level(&t)?, "110");
/// // A cumulative change: relative (a fraction of the baseline) 100 × (1 − 0.135) = 86.5 …
/// let t = read(r#"{"kind": "change", "year": 2025, "amount": "-0.135", "mode": "relative"}"#);
/// assert_eq!(level(&t)?, "86.5");
/// // … or absolute, in the indicator's unit: 100 + 15.
/// let t = read(r#"{"kind": "change", "year": 2025, "amount": 15, "mode": "absolute"}"#);
/// assert_eq!(level(&t)?, "115");
/// // Average annual growth: 100 × 1.1² = 121 by 2022, exact ("10%" reads as 0.10).
/// let t = read(r#"{"kind": "annual_growth", "year": 2022, "rate": "10%"}"#);
/// assert_eq!(level(&t)?, "121");
///
/// // These resolve to no single level (an error saying why, code `no_target`):
/// for json in [
///     // growth relative to another indicator of the plan (needs its growth rate)
///     r#"{"kind": "relative", "year": 2025, "to": "gdp", "relation": "in_step_with"}"#,
///     // a bound to hold every year (each year is checked against it)
///     r#"{"kind": "every_year", "year": 2025, "value": "5.5", "comparator": "at_most"}"#,
///     // for growth-rate indicators: the period average of the yearly rates, per cent a year
///     r#"{"kind": "average_rate", "year": 2025, "value": "7"}"#,
///     // monitored only
///     r#"{"kind": "none"}"#,
/// ] {
///     assert_eq!(level(&read(json)).unwrap_err().code(), "no_target", "{json}");
/// }
///
/// // A field the kind does not have is refused.
/// assert!(serde_json::from_str::<Target>(r#"{"kind": "level", "year": 2025, "value": 1, "low": 0}"#).is_err());
/// # Ok::<(), onpace::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// The schema's description stays one line (the examples above are for Rust readers).
#[cfg_attr(feature = "schema", schemars(description = "A target of an indicator."))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Target {
    /// A level to reach by `year`.
    Level {
        /// Target year.
        year: i32,
        /// Target value, in the indicator's unit.
        #[serde(with = "crate::io::decimal")]
        #[cfg_attr(feature = "schema", schemars(with = "crate::io::decimal::Repr"))]
        value: Decimal,
        /// How the value is compared; absent means "at least" for increase indicators and
        /// "at most" for decrease indicators.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        comparator: Option<Comparator>,
    },
    /// A band `[low, high]` to be inside by `year`.
    Range {
        /// Target year.
        year: i32,
        /// Lower bound (inclusive).
        #[serde(with = "crate::io::decimal")]
        #[cfg_attr(feature = "schema", schemars(with = "crate::io::decimal::Repr"))]
        low: Decimal,
        /// Upper bound (inclusive).
        #[serde(with = "crate::io::decimal")]
        #[cfg_attr(feature = "schema", schemars(with = "crate::io::decimal::Repr"))]
        high: Decimal,
    },
    /// A cumulative change from the baseline by `year` (the plans' 〔…〕 figures).
    Change {
        /// Target year.
        year: i32,
        /// The change: signed, in the unit given by `mode`.
        #[serde(with = "crate::io::decimal")]
        #[cfg_attr(feature = "schema", schemars(with = "crate::io::decimal::Repr"))]
        amount: Decimal,
        /// Absolute (indicator unit) or relative (fraction of the baseline).
        mode: ChangeMode,
    },
    /// An average annual growth rate from the baseline to `year` (年均增长).
    AnnualGrowth {
        /// Target year.
        year: i32,
        /// The rate as a fraction: 0.07 is 7 % a year (`"7%"` is read as 0.07).
        #[serde(with = "crate::model::rate::serde_rate")]
        #[cfg_attr(feature = "schema", schemars(with = "crate::model::rate::RateRepr"))]
        rate: Decimal,
        /// How the achieved rate is compared; absent means by direction.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        comparator: Option<Comparator>,
    },
    /// Growth relative to another indicator's growth (与经济增长同步).
    Relative {
        /// Target year.
        year: i32,
        /// Id of the reference indicator.
        to: String,
        /// The relation required.
        relation: Relation,
        /// For growth-rate indicators: how far below the reference's rate "in step" still is,
        /// in percentage points (absent: 0).
        #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::io::decimal::option")]
        #[cfg_attr(feature = "schema", schemars(with = "Option<crate::io::decimal::Repr>"))]
        tolerance: Option<Decimal>,
    },
    /// A bound to hold in every year from the baseline to `year` (城镇调查失业率控制在 5.5 % 以内,
    /// 粮食综合生产能力 6.5 亿吨以上): for levels and for growth rates.
    EveryYear {
        /// Last year of the period.
        year: i32,
        /// The bound, in the indicator's unit.
        #[serde(with = "crate::io::decimal")]
        #[cfg_attr(feature = "schema", schemars(with = "crate::io::decimal::Repr"))]
        value: Decimal,
        /// How each year's value is compared; absent means by direction.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        comparator: Option<Comparator>,
    },
    /// For a growth-rate indicator: the period average of its yearly rates (chained, as 年均
    /// is), compared with `value` (per cent a year, the indicator's unit).
    AverageRate {
        /// Last year of the period.
        year: i32,
        /// The average rate, in the indicator's unit (7 for 7 % a year).
        #[serde(with = "crate::io::decimal")]
        #[cfg_attr(feature = "schema", schemars(with = "crate::io::decimal::Repr"))]
        value: Decimal,
        /// How the achieved average is compared; absent means by direction.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        comparator: Option<Comparator>,
    },
    /// No numeric target: the indicator is monitored only.
    None,
}

/// The kind names of [`Target`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TargetKind {
    Level,
    Range,
    Change,
    AnnualGrowth,
    Relative,
    EveryYear,
    AverageRate,
    None,
}

crate::io::names::deserialize_by_name!(TargetKind {
    Level => "level",
    Range => "range",
    Change => "change",
    AnnualGrowth => "annual_growth",
    Relative => "relative",
    EveryYear => "every_year",
    AverageRate => "average_rate",
    None => "none",
});

/// Every field any target kind has: serde reads a target into this flat record and
/// [`Target::try_from`] checks that the kind has exactly its own fields. Same format and rules
/// as an internally tagged enum, without the buffering code serde generates for one (a large
/// share of the WebAssembly module).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetRepr {
    kind: TargetKind,
    #[serde(default)]
    year: Option<i32>,
    #[serde(default, with = "crate::io::decimal::option")]
    value: Option<Decimal>,
    #[serde(default)]
    comparator: Option<Comparator>,
    #[serde(default, with = "crate::io::decimal::option")]
    low: Option<Decimal>,
    #[serde(default, with = "crate::io::decimal::option")]
    high: Option<Decimal>,
    #[serde(default, with = "crate::io::decimal::option")]
    amount: Option<Decimal>,
    #[serde(default)]
    mode: Option<ChangeMode>,
    #[serde(default, with = "crate::model::rate::serde_rate::option")]
    rate: Option<Decimal>,
    #[serde(default)]
    to: Option<String>,
    #[serde(default)]
    relation: Option<Relation>,
    #[serde(default, with = "crate::io::decimal::option")]
    tolerance: Option<Decimal>,
}

/// A required field of a kind, or the error serde would give for it.
fn need<T>(v: Option<T>, field: &str) -> std::result::Result<T, String> {
    v.ok_or_else(|| format!("missing field `{field}`"))
}

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        TargetRepr::deserialize(d).and_then(|r| Target::try_from(r).map_err(serde::de::Error::custom))
    }
}

impl TryFrom<TargetRepr> for Target {
    type Error = String;

    fn try_from(r: TargetRepr) -> std::result::Result<Self, String> {
        let present = [
            ("year", r.year.is_some()),
            ("value", r.value.is_some()),
            ("comparator", r.comparator.is_some()),
            ("low", r.low.is_some()),
            ("high", r.high.is_some()),
            ("amount", r.amount.is_some()),
            ("mode", r.mode.is_some()),
            ("rate", r.rate.is_some()),
            ("to", r.to.is_some()),
            ("relation", r.relation.is_some()),
            ("tolerance", r.tolerance.is_some()),
        ];
        let allowed: &[&str] = match r.kind {
            TargetKind::Level => &["year", "value", "comparator"],
            TargetKind::Range => &["year", "low", "high"],
            TargetKind::Change => &["year", "amount", "mode"],
            TargetKind::AnnualGrowth => &["year", "rate", "comparator"],
            TargetKind::Relative => &["year", "to", "relation", "tolerance"],
            TargetKind::EveryYear | TargetKind::AverageRate => &["year", "value", "comparator"],
            TargetKind::None => &[],
        };
        if let Some((field, _)) = present.iter().find(|(f, p)| *p && !allowed.contains(f)) {
            return Err(format!("unknown field `{field}`, expected one of {}", allowed.join(", ")));
        }
        Ok(match r.kind {
            TargetKind::Level => {
                Target::Level { year: need(r.year, "year")?, value: need(r.value, "value")?, comparator: r.comparator }
            }
            TargetKind::Range => {
                Target::Range { year: need(r.year, "year")?, low: need(r.low, "low")?, high: need(r.high, "high")? }
            }
            TargetKind::Change => Target::Change {
                year: need(r.year, "year")?,
                amount: need(r.amount, "amount")?,
                mode: need(r.mode, "mode")?,
            },
            TargetKind::AnnualGrowth => Target::AnnualGrowth {
                year: need(r.year, "year")?,
                rate: need(r.rate, "rate")?,
                comparator: r.comparator,
            },
            TargetKind::Relative => Target::Relative {
                year: need(r.year, "year")?,
                to: need(r.to, "to")?,
                relation: need(r.relation, "relation")?,
                tolerance: r.tolerance,
            },
            TargetKind::EveryYear => Target::EveryYear {
                year: need(r.year, "year")?,
                value: need(r.value, "value")?,
                comparator: r.comparator,
            },
            TargetKind::AverageRate => Target::AverageRate {
                year: need(r.year, "year")?,
                value: need(r.value, "value")?,
                comparator: r.comparator,
            },
            TargetKind::None => Target::None,
        })
    }
}

/// A target resolved to one level, year and comparator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImpliedLevel {
    /// Target year.
    pub year: i32,
    /// The level, in the indicator's unit.
    pub value: Decimal,
    /// How a value is compared with it.
    pub comparator: Comparator,
}

impl Target {
    /// The target year, if the target has one.
    pub fn year(&self) -> Option<i32> {
        match self {
            Target::Level { year, .. }
            | Target::Range { year, .. }
            | Target::Change { year, .. }
            | Target::AnnualGrowth { year, .. }
            | Target::Relative { year, .. }
            | Target::EveryYear { year, .. }
            | Target::AverageRate { year, .. } => Some(*year),
            Target::None => None,
        }
    }

    /// The stable code of the target kind, e.g. `annual_growth`.
    pub fn kind(&self) -> &'static str {
        match self {
            Target::Level { .. } => "level",
            Target::Range { .. } => "range",
            Target::Change { .. } => "change",
            Target::AnnualGrowth { .. } => "annual_growth",
            Target::Relative { .. } => "relative",
            Target::EveryYear { .. } => "every_year",
            Target::AverageRate { .. } => "average_rate",
            Target::None => "none",
        }
    }

    /// Resolve to the implied level target.
    ///
    /// - level: itself; range: the bound on the side of the indicator's direction (`low` for
    ///   increase, `high` for decrease); change: `y0 + amount` or `y0 (1 + amount)`;
    ///   annual growth: `y0 (1 + g)^N`, exact in decimal arithmetic.
    /// - relative and none cannot be resolved alone: [`Error::NoTarget`] says why
    ///   (see [`Target::implied_with_reference_rate`]).
    pub fn implied_level(&self, baseline: &Baseline, direction: Direction) -> Result<ImpliedLevel> {
        let by_direction = Comparator::for_direction(direction);
        match self {
            Target::Level { year, value, comparator } => {
                Ok(ImpliedLevel { year: *year, value: *value, comparator: comparator.unwrap_or(by_direction) })
            }
            Target::Range { year, low, high } => Ok(match direction {
                Direction::Increase => ImpliedLevel { year: *year, value: *low, comparator: Comparator::AtLeast },
                Direction::Decrease => ImpliedLevel { year: *year, value: *high, comparator: Comparator::AtMost },
            }),
            Target::Change { year, amount, mode } => {
                let value = match mode {
                    ChangeMode::Absolute => baseline.value.add_or(*amount, "target.amount")?,
                    ChangeMode::Relative => {
                        let factor = Decimal::ONE.add_or(*amount, "target.amount")?;
                        baseline.value.mul_or(factor, "target.amount")?
                    }
                };
                Ok(ImpliedLevel { year: *year, value, comparator: by_direction })
            }
            Target::AnnualGrowth { year, rate, comparator } => {
                let value = compound(baseline, *year, *rate, "target.rate")?;
                Ok(ImpliedLevel { year: *year, value, comparator: comparator.unwrap_or(by_direction) })
            }
            Target::Relative { to, .. } => Err(Error::NoTarget {
                field: "target".into(),
                message: format!("a target relative to `{to}` resolves only with that indicator's growth rate"),
            }),
            Target::EveryYear { .. } => Err(Error::NoTarget {
                field: "target".into(),
                message: "a bound held every year has no target level to reach: each year is checked against it".into(),
            }),
            Target::AverageRate { .. } => Err(Error::NoTarget {
                field: "target".into(),
                message: "a period-average rate is judged on the yearly rates, not on a level".into(),
            }),
            Target::None => Err(Error::NoTarget {
                field: "target".into(),
                message: "the indicator is monitored without a numeric target".into(),
            }),
        }
    }

    /// Whether the target is judged on growth (average annual growth, relative change, growth
    /// relative to another indicator): `cn-plan-pace` then measures completion on the
    /// geometric path (docs/methods-cn-plan-pace-forms.md).
    pub fn is_growth_type(&self) -> bool {
        matches!(
            self,
            Target::AnnualGrowth { .. } | Target::Change { mode: ChangeMode::Relative, .. } | Target::Relative { .. }
        )
    }

    /// The comparator of a bound or average-rate target (by direction when absent).
    pub fn bound_comparator(&self, direction: Direction) -> Option<(Decimal, Comparator)> {
        match self {
            Target::EveryYear { value, comparator, .. } | Target::AverageRate { value, comparator, .. } => {
                Some((*value, comparator.unwrap_or(Comparator::for_direction(direction))))
            }
            _ => None,
        }
    }

    /// Resolve a relative target given the reference indicator's average annual growth rate
    /// over the plan period: `y0 (1 + g_ref)^N`, compared above / at least / below by relation.
    /// Other kinds resolve as in [`Target::implied_level`].
    pub fn implied_with_reference_rate(
        &self,
        baseline: &Baseline,
        direction: Direction,
        reference_rate: Decimal,
    ) -> Result<ImpliedLevel> {
        match self {
            Target::Relative { year, relation, .. } => {
                let value = compound(baseline, *year, reference_rate, "reference_rate")?;
                let comparator = match relation {
                    Relation::FasterThan => Comparator::Above,
                    Relation::InStepWith => Comparator::AtLeast,
                    Relation::SlowerThan => Comparator::Below,
                };
                Ok(ImpliedLevel { year: *year, value, comparator })
            }
            other => other.implied_level(baseline, direction),
        }
    }

    /// Whether `value` meets the target: inside the band for a range, the comparator on the
    /// implied level otherwise.
    pub fn is_met(&self, value: Decimal, implied: &ImpliedLevel) -> bool {
        match self {
            Target::Range { low, high, .. } => *low <= value && value <= *high,
            _ => implied.comparator.is_met(value, implied.value),
        }
    }

    /// Rules of the target on its own (bounds in order, tolerances non-negative).
    pub(crate) fn validate(&self, path: &str) -> Result<()> {
        match self {
            Target::Range { low, high, .. } if low > high => {
                Err(Error::invalid_plan(format!("{path}.low"), format!("range low {low} is above high {high}")))
            }
            Target::Level { comparator: Some(Comparator::Exactly { tolerance }), .. }
            | Target::AnnualGrowth { comparator: Some(Comparator::Exactly { tolerance }), .. }
            | Target::EveryYear { comparator: Some(Comparator::Exactly { tolerance }), .. }
            | Target::AverageRate { comparator: Some(Comparator::Exactly { tolerance }), .. }
                if tolerance.is_sign_negative() =>
            {
                Err(Error::invalid_plan(format!("{path}.comparator.exactly.tolerance"), "tolerance must be ≥ 0"))
            }
            Target::AnnualGrowth { rate, .. } if *rate <= Decimal::NEGATIVE_ONE => Err(Error::invalid_plan(
                format!("{path}.rate"),
                format!(
                    "an annual growth rate must be above −1 (−100 %); {}",
                    crate::model::rate::large_rate_message(*rate)
                ),
            )),
            // A rate of +100 % a year or more is a per-cent figure typed as a fraction (7 for
            // 7 %), never a plan's target: refused rather than compounded 100× too fast.
            Target::AnnualGrowth { rate, .. } if *rate >= Decimal::ONE => {
                Err(Error::invalid_plan(format!("{path}.rate"), crate::model::rate::large_rate_message(*rate)))
            }
            Target::Change { amount, mode: ChangeMode::Relative, .. } if *amount < Decimal::NEGATIVE_ONE => {
                Err(Error::invalid_plan(format!("{path}.amount"), "a relative change cannot be below −1 (−100 %)"))
            }
            Target::Relative { to, .. } if to.trim().is_empty() => {
                Err(Error::invalid_plan(format!("{path}.to"), "the reference indicator id is empty"))
            }
            Target::Relative { tolerance: Some(t), .. } if t.is_sign_negative() => {
                Err(Error::invalid_plan(format!("{path}.tolerance"), "tolerance must be ≥ 0"))
            }
            _ => Ok(()),
        }
    }
}

/// `y0 (1 + g)^(year − y0.year)` in decimal arithmetic (integer power, exact to 28 digits).
fn compound(baseline: &Baseline, year: i32, rate: Decimal, field: &str) -> Result<Decimal> {
    let n = years_between(baseline.year, year);
    let factor = Decimal::ONE.add_or(rate, field)?;
    let power = crate::num::powi(factor, n, field)?;
    baseline.value.mul_or(power, field)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn base(v: &str) -> Baseline {
        Baseline { year: 2020, value: d(v) }
    }

    #[test]
    fn annual_growth_resolves_exactly() {
        // Python decimal (50 digits): 1.07**5 = 1.4025517307; × 24393.1 = 34212.58462213817 (exact).
        let t = Target::AnnualGrowth { year: 2025, rate: d("0.07"), comparator: None };
        let l = t.implied_level(&base("24393.1"), Direction::Increase).unwrap();
        assert_eq!(l.value, d("34212.58462213817"));
        assert_eq!(l.comparator, Comparator::AtLeast);
    }

    #[test]
    fn change_targets() {
        // A 13.5 % cumulative reduction from 100 leaves 86.5; +1 year from 77.3 is 78.3.
        let rel = Target::Change { year: 2025, amount: d("-0.135"), mode: ChangeMode::Relative };
        let l = rel.implied_level(&base("100"), Direction::Decrease).unwrap();
        assert_eq!(l.value, d("86.500"));
        assert_eq!(l.comparator, Comparator::AtMost);
        let abs = Target::Change { year: 2025, amount: d("1"), mode: ChangeMode::Absolute };
        assert_eq!(abs.implied_level(&base("77.3"), Direction::Increase).unwrap().value, d("78.3"));
    }

    #[test]
    fn range_uses_the_near_bound_and_inside_is_met() {
        let r = Target::Range { year: 2025, low: d("5"), high: d("5.5") };
        let inc = r.implied_level(&base("4"), Direction::Increase).unwrap();
        assert_eq!(inc.value, d("5"));
        assert!(r.is_met(d("5.2"), &inc));
        assert!(!r.is_met(d("5.6"), &inc));
        let dec = r.implied_level(&base("6"), Direction::Decrease).unwrap();
        assert_eq!(dec.value, d("5.5"));
    }

    #[test]
    fn relative_and_none_say_why() {
        let rel = Target::Relative { year: 2025, to: "gdp".into(), relation: Relation::InStepWith, tolerance: None };
        assert_eq!(rel.implied_level(&base("1"), Direction::Increase).unwrap_err().code(), "no_target");
        // 100 × 1.05^5 = 127.6281562500 (hand calculation).
        let l = rel.implied_with_reference_rate(&base("100"), Direction::Increase, d("0.05")).unwrap();
        assert_eq!(l.value, d("127.62815625"));
        assert_eq!(Target::None.implied_level(&base("1"), Direction::Increase).unwrap_err().code(), "no_target");
    }

    #[test]
    fn comparators() {
        assert!(Comparator::AtLeast.is_met(d("1"), d("1")));
        assert!(!Comparator::Above.is_met(d("1"), d("1")));
        assert!(Comparator::AtMost.is_met(d("1"), d("1")));
        assert!(!Comparator::Below.is_met(d("1"), d("1")));
        let ex = Comparator::Exactly { tolerance: d("0.1") };
        assert!(ex.is_met(d("1.1"), d("1")));
        assert!(!ex.is_met(d("1.11"), d("1")));
    }
}
