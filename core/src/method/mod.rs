//! Named, versioned assessment methods behind one registry.
//!
//! Each method turns an indicator and its observations into an [`Assessment`] with a status
//! code from `docs/methods.md`. Thresholds are configurable per call by name; an unknown name
//! is an error, so a typo never silently falls back to a default.

pub mod assessment;
pub mod cn_plan_pace;
pub mod destatis;
pub mod escap;
pub mod eurostat;
pub mod evaluate;
pub mod forms;
pub mod open_sdg;
pub mod prepare;
pub mod project;
pub mod sdsn;
pub mod status;
pub mod unsd;

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::math::trend::Model;
use crate::model::indicator::{BaselineChoice, Indicator};
use crate::model::series::{resolve_points, AsOf, Observation, Point, Warning};

pub use assessment::{Assessment, UsedInputs};
pub use status::{Status, Tone, ALL_STATUSES};

/// Threshold values by name (e.g. `ahead_margin`).
pub type Thresholds = BTreeMap<String, Decimal>;

/// What a method is given.
#[derive(Debug)]
pub struct Context<'a> {
    /// The indicator.
    pub indicator: &'a Indicator,
    /// Its points (one per year, as of the evaluation point).
    pub points: &'a [Point],
    /// Thresholds, defaults merged with the caller's.
    pub thresholds: &'a Thresholds,
    /// The caller's options.
    pub options: &'a AssessOptions,
    /// Warnings raised so far (component mismatches, ...).
    pub warnings: Vec<Warning>,
    /// Sub-annual figures known at the evaluation point, in time order.
    pub sub_annual: &'a [crate::model::series::SubAnnualPoint],
}

impl Context<'_> {
    /// A threshold by name (every name a method reads has a default, or is optional).
    pub fn threshold(&self, name: &str) -> Option<Decimal> {
        self.thresholds.get(name).copied()
    }
}

/// An assessment method.
pub trait Method: Sync {
    /// Stable id, e.g. `cn-plan-pace`.
    fn id(&self) -> &'static str;
    /// Version of the method's rules; bumped whenever a verdict could change.
    fn version(&self) -> &'static str;
    /// One line on what it does and where it comes from.
    fn description(&self) -> &'static str;
    /// The thresholds it takes, with their defaults (`None`: optional, no default).
    fn defaults(&self) -> Vec<(&'static str, Option<Decimal>)>;
    /// The status codes it can return, best first (`not_assessable` is always possible).
    fn statuses(&self) -> &'static [Status];
    /// Assess one indicator.
    fn assess_points(&self, ctx: Context<'_>) -> Result<Assessment>;
    /// The status a set of series gets from its mean score, for a method that defines one
    /// (`open-sdg`); `None` otherwise.
    fn status_from_mean_score(&self, _mean: f64) -> Option<Status> {
        None
    }
}

/// Statuses every method can return besides its own, for the target forms no method's rules
/// cover (bounds held every year, monitored indicators; docs/methods-cn-plan-pace-forms.md).
pub const SHARED_STATUSES: &[Status] = &[Status::Held, Status::Breached, Status::Monitored];

static REGISTRY: &[&dyn Method] = &[
    &cn_plan_pace::CnPlanPace,
    &eurostat::Eurostat,
    &open_sdg::OpenSdg,
    &unsd::Unsd,
    &escap::Escap,
    &destatis::Destatis,
    &sdsn::Sdsn,
];

/// The method with this id.
pub fn method(id: &str) -> Result<&'static dyn Method> {
    REGISTRY
        .iter()
        .copied()
        .find(|m| m.id() == id)
        .ok_or_else(|| Error::UnknownMethod { id: id.into(), available: method_ids().join(", ") })
}

/// Ids of every registered method.
pub fn method_ids() -> Vec<&'static str> {
    REGISTRY.iter().map(|m| m.id()).collect()
}

/// What a plan evaluation does with indicators that cannot be assessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MissingPolicy {
    /// Report them and leave them out of shares and means (the default).
    #[default]
    Exclude,
    /// Report them and count them as not on pace in shares (never as a zero score).
    CountAsOffPace,
}

crate::io::names::deserialize_by_name!(MissingPolicy {
    Exclude => "exclude",
    CountAsOffPace => "count_as_off_pace",
});

/// Options of an assessment or evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessOptions {
    /// What "now" is.
    pub as_of: AsOf,
    /// Method id.
    pub method: String,
    /// Thresholds to override.
    pub thresholds: Thresholds,
    /// Projection model, for methods that project (`escap`).
    pub model: Model,
    /// The reference indicator's average annual growth, for a target relative to it
    /// (plan evaluations compute it from the reference's own observations).
    pub reference_rate: Option<Decimal>,
    /// Weights per indicator id for the weighted roll-up (absent: 1).
    pub weights: BTreeMap<String, Decimal>,
    /// Not-assessable rows in roll-ups.
    pub missing: MissingPolicy,
    /// The plan's printed baseline (default) or its latest revision known at `as_of`.
    pub baseline: BaselineChoice,
}

impl Default for AssessOptions {
    fn default() -> Self {
        AssessOptions {
            as_of: AsOf::Latest,
            method: crate::DEFAULTS.method.into(),
            thresholds: Thresholds::new(),
            model: crate::DEFAULTS.assess_model,
            reference_rate: None,
            weights: BTreeMap::new(),
            missing: crate::DEFAULTS.missing,
            baseline: BaselineChoice::Plan,
        }
    }
}

impl AssessOptions {
    /// Default options with another method.
    pub fn method(id: &str) -> Self {
        AssessOptions { method: id.into(), ..AssessOptions::default() }
    }
}

/// The method's defaults overridden by `given`; unknown names and negative values are errors.
pub fn merged_thresholds(m: &dyn Method, given: &Thresholds) -> Result<Thresholds> {
    let names = m.defaults();
    let mut out: Thresholds = names.iter().filter_map(|(k, v)| v.map(|v| (k.to_string(), v))).collect();
    for (name, value) in given {
        if !names.iter().any(|(k, _)| k == name) {
            let known: Vec<&str> = names.iter().map(|(k, _)| *k).collect();
            return Err(Error::invalid_argument(
                format!("thresholds.{name}"),
                format!("`{}` has no threshold `{name}`; it has: {}", m.id(), known.join(", ")),
            ));
        }
        if value.is_sign_negative() && !name.ends_with("_bound") {
            return Err(Error::invalid_argument(format!("thresholds.{name}"), "thresholds must be ≥ 0"));
        }
        out.insert(name.clone(), *value);
    }
    Ok(out)
}

/// Assess one indicator on its observations.
pub fn assess(indicator: &Indicator, observations: &[Observation], options: &AssessOptions) -> Result<Assessment> {
    let m = method(&options.method)?;
    let thresholds = merged_thresholds(m, &options.thresholds)?;
    let mut warnings = Vec::new();
    let (used, revision) = with_baseline(indicator, options);
    let points = resolve_points(&used, observations, &options.as_of, &mut warnings)?;
    let sub_annual = crate::model::series::resolve_sub_annual(&used, observations, &options.as_of)?;
    let ctx = Context {
        indicator: &used,
        points: &points,
        thresholds: &thresholds,
        options,
        warnings,
        sub_annual: &sub_annual,
    };
    run(m, ctx, revision)
}

/// The indicator with the baseline the options ask for, and the plan's value and the revision
/// used when it is a revision.
pub(crate) fn with_baseline<'i>(
    indicator: &'i Indicator,
    options: &AssessOptions,
) -> (std::borrow::Cow<'i, Indicator>, Option<(Decimal, String)>) {
    // Revisions known at the evaluation point: by its date, or by the end of its year.
    let date = match &options.as_of {
        crate::model::series::AsOf::Year(y) => Some(format!("{y:04}-12-31")),
        other => other.date().map(|d| d.to_string()),
    };
    match indicator.baseline_value(options.baseline, date.as_deref()) {
        (value, Some(r)) => {
            let mut revised = indicator.clone();
            revised.baseline.value = value;
            (std::borrow::Cow::Owned(revised), Some((indicator.baseline.value, r.date.clone())))
        }
        (_, None) => (std::borrow::Cow::Borrowed(indicator), None),
    }
}

/// Run a method on one indicator: the target forms every method shares first ([`forms`]),
/// the method's own rules otherwise; then note in the inputs which baseline was used and the
/// annual changes the levels were chained from.
pub(crate) fn run(m: &dyn Method, ctx: Context<'_>, revision: Option<(Decimal, String)>) -> Result<Assessment> {
    let points = ctx.points;
    let sub_annual = !ctx.sub_annual.is_empty();
    let mut a = match forms::assess_form(&ctx, m.id(), m.version(), m.id() == cn_plan_pace::ID)? {
        Some(a) => a,
        None => m.assess_points(ctx)?,
    };
    if let Some(inputs) = a.inputs.as_mut() {
        if let Some((plan_value, date)) = revision {
            inputs.baseline = BaselineChoice::Revised;
            inputs.plan_base_value = Some(plan_value);
            inputs.revision_date = Some(date);
        }
        inputs.chained_annual_changes = points
            .iter()
            .filter(|p| p.year <= inputs.latest_year)
            .filter_map(|p| p.annual_change.map(|c| crate::math::progress::YearValue::new(p.year, c)))
            .collect();
    }
    if sub_annual && !a.warnings.iter().any(|w| w.code.starts_with("sub_annual")) {
        a.warnings.push(Warning::new(
            "sub_annual_not_comparable",
            "observations",
            format!("`{}` judges this target on annual values; the sub-annual figures were not used", m.id()),
        ));
    }
    Ok(a.sanitized())
}

impl Indicator {
    /// Assess this indicator on its observations ([`assess`]).
    pub fn assess(&self, observations: &[Observation], options: &AssessOptions) -> Result<Assessment> {
        assess(self, observations, options)
    }
}
