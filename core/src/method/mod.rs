//! Named, versioned assessment methods behind one registry.
//!
//! Each method turns an indicator and its observations into an [`Assessment`] with a status
//! code from METHODS.md. Thresholds are configurable per call by name; an unknown name is an
//! error, so a typo never silently falls back to a default.

pub mod assessment;
pub mod cn_plan_pace;
pub mod evaluate;
pub mod prepare;
pub mod status;

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::model::indicator::Indicator;
use crate::model::series::{resolve_points, AsOf, Observation, Point, Warning};

pub use assessment::{Assessment, UsedInputs};
pub use status::Status;

/// Threshold values by name (e.g. `ahead_margin`).
pub type Thresholds = BTreeMap<String, Decimal>;

/// An assessment method.
pub trait Method: Sync {
    /// Stable id, e.g. `cn-plan-pace`.
    fn id(&self) -> &'static str;
    /// Version of the method's rules; bumped whenever a verdict could change.
    fn version(&self) -> &'static str;
    /// One line on what it does and where it comes from.
    fn description(&self) -> &'static str;
    /// The thresholds it takes, with their defaults.
    fn defaults(&self) -> Vec<(&'static str, Decimal)>;
    /// The status codes it can return, best first (`not_assessable` is always possible).
    fn statuses(&self) -> &'static [Status];
    /// Assess one indicator on resolved points with complete thresholds.
    fn assess_points(
        &self,
        indicator: &Indicator,
        points: &[Point],
        thresholds: &Thresholds,
        warnings: Vec<Warning>,
    ) -> Result<Assessment>;
}

static REGISTRY: &[&dyn Method] = &[&cn_plan_pace::CnPlanPace];

/// The method with this id.
pub fn method(id: &str) -> Result<&'static dyn Method> {
    REGISTRY
        .iter()
        .copied()
        .find(|m| m.id() == id)
        .ok_or_else(|| Error::UnknownMethod {
            id: id.into(),
            available: method_ids().join(", "),
        })
}

/// Ids of every registered method.
pub fn method_ids() -> Vec<&'static str> {
    REGISTRY.iter().map(|m| m.id()).collect()
}

/// Options of an assessment or evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessOptions {
    /// What "now" is.
    pub as_of: AsOf,
    /// Method id.
    pub method: String,
    /// Thresholds to override.
    pub thresholds: Thresholds,
}

impl Default for AssessOptions {
    fn default() -> Self {
        AssessOptions {
            as_of: AsOf::Latest,
            method: cn_plan_pace::ID.into(),
            thresholds: Thresholds::new(),
        }
    }
}

/// The method's defaults overridden by `given`; unknown names and negative values are errors.
pub fn merged_thresholds(m: &dyn Method, given: &Thresholds) -> Result<Thresholds> {
    let mut out: Thresholds = m
        .defaults()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    for (name, value) in given {
        if !out.contains_key(name) {
            let known: Vec<&str> = out.keys().map(String::as_str).collect();
            return Err(Error::invalid_argument(
                format!("thresholds.{name}"),
                format!(
                    "`{}` has no threshold `{name}`; it has: {}",
                    m.id(),
                    known.join(", ")
                ),
            ));
        }
        if value.is_sign_negative() {
            return Err(Error::invalid_argument(
                format!("thresholds.{name}"),
                "thresholds must be ≥ 0",
            ));
        }
        out.insert(name.clone(), *value);
    }
    Ok(out)
}

/// Assess one indicator on its observations.
pub fn assess(
    indicator: &Indicator,
    observations: &[Observation],
    options: &AssessOptions,
) -> Result<Assessment> {
    let m = method(&options.method)?;
    let thresholds = merged_thresholds(m, &options.thresholds)?;
    let mut warnings = Vec::new();
    let points = resolve_points(indicator, observations, &options.as_of, &mut warnings)?;
    m.assess_points(indicator, &points, &thresholds, warnings)
}

impl Indicator {
    /// Assess this indicator on its observations ([`assess`]).
    pub fn assess(
        &self,
        observations: &[Observation],
        options: &AssessOptions,
    ) -> Result<Assessment> {
        assess(self, observations, options)
    }
}
