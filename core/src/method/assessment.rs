//! The result of assessing one indicator with one method.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::method::status::Status;
use crate::model::series::Warning;
use crate::model::warning::WarningCode;

/// The values an assessment actually used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct UsedInputs {
    /// Base year used.
    pub base_year: i32,
    /// Base value used.
    pub base_value: Decimal,
    /// Latest observation year.
    pub latest_year: i32,
    /// Latest observed value.
    pub latest_value: Decimal,
    /// Target year.
    pub target_year: i32,
    /// Implied target level (the bound, for a bound held every year).
    pub target_value: Decimal,
    /// Which baseline was used: the plan's printed value or a revision.
    #[serde(default)]
    pub baseline: crate::model::indicator::BaselineChoice,
    /// The plan's printed baseline value (equal to `base_value` unless a revision was used).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_base_value: Option<Decimal>,
    /// Publication date of the revision used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision_date: Option<String>,
    /// Annual changes the levels were chained from (year, change as a fraction), when the
    /// observations were given so; `latest_value` is then the chained level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chained_annual_changes: Vec<crate::math::progress::YearValue>,
    /// The sub-annual period of the latest value (`H1`, `Q3`, ...), when one was used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_period: Option<String>,
}

/// The verdict on one indicator, with the numbers behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Assessment {
    /// Indicator id.
    pub indicator: String,
    /// Method id, e.g. `cn-plan-pace`: the text of a `MethodId`.
    #[cfg_attr(feature = "schema", schemars(with = "crate::method::MethodId"))]
    pub method: String,
    /// Method version.
    pub method_version: String,
    /// The verdict.
    pub status: Status,
    /// Completion share `P` (exact).
    pub completion: Option<Decimal>,
    /// Time share `τ` (exact).
    pub time_share: Option<Decimal>,
    /// Pace `P/τ` (exact).
    pub pace: Option<Decimal>,
    /// Actual CAGR since the base.
    pub actual_cagr: Option<f64>,
    /// Required CAGR from the base.
    pub required_cagr: Option<f64>,
    /// Required CAGR from the latest observation.
    pub required_cagr_from_now: Option<f64>,
    /// The method-specific number behind the status (pace for `cn-plan-pace`).
    pub ratio: Option<f64>,
    /// A method score (Open SDG's −5…+5), when the method has one.
    pub score: Option<f64>,
    /// A method index (ESCAP's CSI), when the method has one.
    pub index: Option<f64>,
    /// Years to the target at the current rate.
    pub years_to_target: Option<f64>,
    /// Acceleration needed.
    pub acceleration: Option<f64>,
    /// Linear milestone for the latest year.
    pub milestone: Option<Decimal>,
    /// The required path completion is measured on: `linear` for level targets, `geometric`
    /// for growth-type targets (`cn-plan-pace`); absent for bounds and rate comparisons.
    #[serde(default)]
    pub path: Option<crate::math::path::PathKind>,
    /// Years in which a bound held every year was breached.
    #[serde(default)]
    pub breach_years: Vec<i32>,
    /// The values used, when the indicator was assessable.
    pub inputs: Option<UsedInputs>,
    /// The thresholds in force.
    pub thresholds: BTreeMap<String, Decimal>,
    /// Machine-readable warnings.
    pub warnings: Vec<crate::model::series::Warning>,
}

impl Assessment {
    /// Replace any non-finite number (a ratio of extreme values can overflow f64) by `None`
    /// with an `overflow` warning: results never carry NaN or infinity.
    pub(crate) fn sanitize(&mut self) {
        let mut bad = Vec::new();
        for (name, slot) in [
            ("actual_cagr", &mut self.actual_cagr),
            ("required_cagr", &mut self.required_cagr),
            ("required_cagr_from_now", &mut self.required_cagr_from_now),
            ("ratio", &mut self.ratio),
            ("score", &mut self.score),
            ("index", &mut self.index),
            ("years_to_target", &mut self.years_to_target),
            ("acceleration", &mut self.acceleration),
        ] {
            if slot.is_some_and(|v| !v.is_finite()) {
                *slot = None;
                bad.push(name);
            }
        }
        for name in bad {
            self.warnings.push(Warning::new(
                WarningCode::Overflow,
                name,
                "the value is beyond the range of a 64-bit float",
            ));
        }
    }

    /// A `not_assessable` result with the warning that says why.
    pub fn not_assessable(indicator: &str, method: &str, version: &str, warning: Warning) -> Self {
        let mut a = Self::bare(indicator, method, version, Status::NotAssessable);
        a.warnings.push(warning);
        a
    }

    /// A result with a status and no numbers yet.
    pub fn bare(indicator: &str, method: &str, version: &str, status: Status) -> Self {
        Assessment {
            indicator: indicator.into(),
            method: method.into(),
            method_version: version.into(),
            status,
            completion: None,
            time_share: None,
            pace: None,
            actual_cagr: None,
            required_cagr: None,
            required_cagr_from_now: None,
            ratio: None,
            score: None,
            index: None,
            years_to_target: None,
            acceleration: None,
            milestone: None,
            path: None,
            breach_years: Vec::new(),
            inputs: None,
            thresholds: BTreeMap::new(),
            warnings: Vec::new(),
        }
    }
}
