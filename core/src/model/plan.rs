//! A development plan: its indicators, and for the seed plan its achievements and projects.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::achievement::Achievement;
use crate::model::indicator::{check_year, is_valid_id, Indicator};
use crate::model::label::Label;
use crate::model::project::{KeyField, Project};
use crate::model::target::Target;

/// The years a plan covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanPeriod {
    /// First year (2021 for a 14th Five-Year Plan).
    pub start: i32,
    /// Last year (2025).
    pub end: i32,
}

/// A source of the plan's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Title of the publication.
    pub title: Label,
    /// Publisher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Notes (edition, date, what was taken from it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A published figure the plan's maths may need that is not an indicator (a GDP level for a
/// decomposition, say), with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReferenceValue {
    /// Stable id, e.g. `gdp`.
    pub id: String,
    /// What it is.
    pub label: Label,
    /// Year it refers to.
    pub year: i32,
    /// The value.
    #[serde(with = "crate::io::decimal")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::io::decimal::Repr"))]
    pub value: rust_decimal::Decimal,
    /// Its unit.
    pub unit: crate::model::unit::Unit,
    /// Where it was published.
    pub source: String,
}

/// A plan with quantified indicators.
// Deserializing one (in any serde format, inside any struct) checks every rule
// (`Plan::validate`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// `remote = "Self"`: see `Indicator`; the trait impls below wrap the derived functions.
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Plan {
    /// Stable id, e.g. `yanbian-st-14`: 1–64 lowercase ASCII letters, digits, `-` and `_`, not
    /// starting with `-`.
    pub id: String,
    /// Title.
    pub title: Label,
    /// Issuing body.
    pub issuer: Label,
    /// Region covered.
    pub region: Label,
    /// Period covered.
    pub period: PlanPeriod,
    /// Base year of the plan (the last year of the previous plan).
    pub base_year: i32,
    /// Indicators, in the plan's order.
    #[serde(deserialize_with = "crate::model::indicator::unchecked_indicators")]
    pub indicators: Vec<Indicator>,
    /// Where the indicator figures come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Achievements of the previous period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub achievements: Vec<Achievement>,
    /// Key projects.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
    /// Key fields and directions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_fields: Vec<KeyField>,
    /// Published figures used by scenarios (not indicators).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reference_values: Vec<ReferenceValue>,
}

impl Serialize for Plan {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        Plan::serialize(self, s)
    }
}

impl<'de> Deserialize<'de> for Plan {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let plan = Plan::deserialize(d)?;
        plan.validate().map_err(|e| serde::de::Error::custom(format!("{} ({}, at {})", e, e.code(), e.field())))?;
        Ok(plan)
    }
}

/// A plan read without its rules checked, for [`Plan::from_json`], which checks them with
/// typed errors.
#[derive(Deserialize)]
#[serde(transparent)]
pub(crate) struct UncheckedPlan(#[serde(with = "Plan")] pub(crate) Plan);

impl Plan {
    /// The indicator with this id.
    pub fn indicator(&self, id: &str) -> Result<&Indicator> {
        self.indicators.iter().find(|i| i.id == id).ok_or_else(|| Error::UnknownIndicator { id: id.into() })
    }

    /// The reference value with this id.
    pub fn reference_value(&self, id: &str) -> Result<&ReferenceValue> {
        self.reference_values.iter().find(|r| r.id == id).ok_or_else(|| {
            Error::invalid_argument("reference_value", format!("the plan has no reference value `{id}`"))
        })
    }

    /// Projects running during `year`.
    pub fn projects_active(&self, year: i32) -> Vec<&Project> {
        self.projects.iter().filter(|p| p.period.active_in(year)).collect()
    }

    /// Projects matching every given criterion: active in `year`, in `location` (county, or a
    /// part of the printed location), with an undertaker containing `undertaker`, in `table`.
    pub fn projects_where(
        &self,
        year: Option<i32>,
        location: Option<&str>,
        undertaker: Option<&str>,
        table: Option<u8>,
    ) -> Vec<&Project> {
        self.projects
            .iter()
            .filter(|p| year.is_none_or(|y| p.period.active_in(y)))
            .filter(|p| location.is_none_or(|l| p.county.as_deref() == Some(l) || p.location.contains(l)))
            .filter(|p| undertaker.is_none_or(|u| p.undertakers.iter().any(|x| x.contains(u))))
            .filter(|p| table.is_none_or(|t| p.table == t))
            .collect()
    }

    /// Check every rule of the model; the error names the path at fault.
    pub fn validate(&self) -> Result<()> {
        if !is_valid_id(&self.id) {
            return Err(Error::invalid_plan(
                "id",
                format!("`{}` is not a valid id ({})", self.id, crate::model::indicator::ID_RULE),
            ));
        }
        check_year(self.period.start, "period.start")?;
        check_year(self.period.end, "period.end")?;
        check_year(self.base_year, "base_year")?;
        if self.period.end < self.period.start {
            return Err(Error::YearOutOfRange {
                field: "period.end".into(),
                year: i64::from(self.period.end),
                message: format!("the plan ends before it starts ({})", self.period.start),
            });
        }
        if self.base_year > self.period.start {
            return Err(Error::YearOutOfRange {
                field: "base_year".into(),
                year: i64::from(self.base_year),
                message: "the base year is after the first plan year".into(),
            });
        }
        let ids: Vec<&str> = self.indicators.iter().map(|ind| ind.id.as_str()).collect();
        let repeat = first_repeat(&ids);
        for (i, ind) in self.indicators.iter().enumerate() {
            let path = format!("indicators[{i}]");
            ind.validate(&path)?;
            if repeat == Some(i) {
                return Err(Error::invalid_plan(format!("{path}.id"), format!("duplicate indicator id `{}`", ind.id)));
            }
        }
        let mut sorted_ids = ids;
        sorted_ids.sort_unstable();
        for (i, ind) in self.indicators.iter().enumerate() {
            if let Target::Relative { to, .. } = &ind.target {
                if sorted_ids.binary_search(&to.as_str()).is_err() || *to == ind.id {
                    return Err(Error::invalid_plan(
                        format!("indicators[{i}].target.to"),
                        format!("`{to}` is not another indicator of this plan"),
                    ));
                }
                // Rates are compared with rates, levels' growth with levels' growth: mixing the
                // two would compound a rate (docs/methods-cn-plan-pace-forms.md).
                let reference = self.indicators.iter().find(|r| r.id == *to);
                if let Some(r) = reference {
                    if r.unit.is_growth_rate() != ind.unit.is_growth_rate() {
                        let kind =
                            |u: &crate::model::unit::Unit| if u.is_growth_rate() { "a growth rate" } else { "a level" };
                        return Err(Error::invalid_plan(
                            format!("indicators[{i}].target.to"),
                            format!(
                                "`{}` is {} but its reference `{to}` is {}: growth is compared rate with rate, or level growth with level growth",
                                ind.id,
                                kind(&ind.unit),
                                kind(&r.unit)
                            ),
                        ));
                    }
                }
            }
        }
        for (i, a) in self.achievements.iter().enumerate() {
            a.check_breakdown(&format!("achievements[{i}]"))?;
        }
        let numbers: Vec<(u8, u32)> = self.projects.iter().map(|p| (p.table, p.number)).collect();
        let repeat = first_repeat(&numbers);
        for (i, p) in self.projects.iter().enumerate() {
            let path = format!("projects[{i}]");
            p.validate(&path)?;
            if repeat == Some(i) {
                return Err(Error::invalid_plan(
                    format!("{path}.number"),
                    format!("table {} already has a project number {}", p.table, p.number),
                ));
            }
        }
        Ok(())
    }
}

/// The positions of `keys` in the keys' order (equal keys by position). Shared by the plan's
/// checks and the evaluation's id index (`method/evaluate.rs`), so the WebAssembly module has
/// one sort of ids.
pub(crate) fn sorted_order<K: Ord>(keys: &[K]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| keys.get(a).cmp(&keys.get(b)).then(a.cmp(&b)));
    order
}

/// The position of the first key equal to an earlier one, in input order: what inserting them
/// one by one into a set would find, in O(n log n) and without a set type in the WebAssembly
/// module.
fn first_repeat<K: Ord>(keys: &[K]) -> Option<usize> {
    sorted_order(keys)
        .windows(2)
        .filter_map(|w| if let [a, b] = w { (keys.get(*a) == keys.get(*b)).then_some(*b) } else { None })
        .min()
}

#[cfg(test)]
mod tests {
    use super::first_repeat;

    #[test]
    fn first_repeat_is_the_first_key_seen_before() {
        // By hand: scanning left to right, the first key already seen.
        assert_eq!(first_repeat(&["b", "a", "b", "a"]), Some(2));
        assert_eq!(first_repeat(&["x", "y", "y", "x"]), Some(2));
        assert_eq!(first_repeat(&[(1u8, 2u32), (2, 1), (1, 3), (2, 1)]), Some(3));
        assert_eq!(first_repeat(&["a", "b", "c"]), None);
        assert_eq!(first_repeat::<&str>(&[]), None);
    }
}
