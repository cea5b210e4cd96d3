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
pub mod id;
pub mod open_sdg;
// Helpers the methods share; public for the benches and tests, not part of the supported API.
#[doc(hidden)]
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
use crate::model::warning::WarningCode;

pub use assessment::{Assessment, UsedInputs};
pub use id::MethodId;
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
#[non_exhaustive]
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
///
/// Start from [`AssessOptions::default`] (or [`AssessOptions::method`]) and change what you
/// need with the `with_*` methods: the struct is `#[non_exhaustive]`, so a new option in a
/// later release breaks no caller.
///
/// ```
/// use onpace::{AsOf, AssessOptions, Indicator, MethodId, Observation};
/// use rust_decimal::Decimal;
///
/// // 0.36 in 2020 → at least 1.10 in 2025; 0.60 observed in 2022 (illustrative).
/// let rd = Indicator::from_json(r#"{"id": "rd", "label": {"zh": "研发经费投入强度"},
///     "unit": {"kind": "percent"}, "direction": "increase",
///     "baseline": {"year": 2020, "value": "0.36"},
///     "target": {"kind": "level", "year": 2025, "value": "1.10"}}"#)?;
/// let obs = [Observation::new(2022, Decimal::new(60, 2))];
///
/// // Completion (0.60 − 0.36)/(1.10 − 0.36) = 0.3243 against a time share of 2/5 = 0.4:
/// // 7.6 points behind. With the default lag tolerance (5 points) that is lagging …
/// let strict = AssessOptions::default().with_as_of(AsOf::Year(2022));
/// assert_eq!(rd.assess(&obs, &strict)?.status.code(), "lagging");
/// // … and with a 10-point tolerance, on track.
/// let lenient = strict.with_threshold("lag_tolerance", Decimal::new(10, 2));
/// assert_eq!(rd.assess(&obs, &lenient)?.status.code(), "on_track");
///
/// // Another method, by typed id; a threshold it does not have is an error, never ignored.
/// let sdg = AssessOptions::method(MethodId::OpenSdg).with_threshold("lag_tolerance", Decimal::ONE);
/// assert_eq!(rd.assess(&obs, &sdg).unwrap_err().code(), "invalid_argument");
/// # Ok::<(), onpace::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AssessOptions {
    /// What "now" is.
    pub as_of: AsOf,
    /// The method.
    pub method: MethodId,
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
            method: MethodId::CnPlanPace,
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
    pub fn method(id: MethodId) -> Self {
        AssessOptions { method: id, ..AssessOptions::default() }
    }

    /// These options with another method.
    #[must_use]
    pub fn with_method(self, id: MethodId) -> Self {
        AssessOptions { method: id, ..self }
    }

    /// These options with another evaluation point.
    #[must_use]
    pub fn with_as_of(self, as_of: AsOf) -> Self {
        AssessOptions { as_of, ..self }
    }

    /// These options with one threshold set (checked against the method's names when used).
    #[must_use]
    pub fn with_threshold(mut self, name: impl Into<String>, value: Decimal) -> Self {
        self.thresholds.insert(name.into(), value);
        self
    }

    /// These options with another projection model (for `escap`).
    #[must_use]
    pub fn with_model(self, model: Model) -> Self {
        AssessOptions { model, ..self }
    }

    /// These options with the reference indicator's average annual growth.
    #[must_use]
    pub fn with_reference_rate(self, rate: Decimal) -> Self {
        AssessOptions { reference_rate: Some(rate), ..self }
    }

    /// These options with a roll-up weight for one indicator.
    #[must_use]
    pub fn with_weight(mut self, indicator: impl Into<String>, weight: Decimal) -> Self {
        self.weights.insert(indicator.into(), weight);
        self
    }

    /// These options with another policy for not-assessable rows in roll-ups.
    #[must_use]
    pub fn with_missing(self, missing: MissingPolicy) -> Self {
        AssessOptions { missing, ..self }
    }

    /// These options with another baseline choice.
    #[must_use]
    pub fn with_baseline(self, baseline: BaselineChoice) -> Self {
        AssessOptions { baseline, ..self }
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
    let m = options.method.method();
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
    // The plan's baseline (no date to format, no copy) unless a revision may replace it.
    if options.baseline == BaselineChoice::Plan || indicator.baseline_revisions.is_empty() {
        return (std::borrow::Cow::Borrowed(indicator), None);
    }
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
    if sub_annual
        && !a.warnings.iter().any(|w| matches!(w.code, WarningCode::SubAnnual | WarningCode::SubAnnualNotComparable))
    {
        a.warnings.push(Warning::new(
            WarningCode::SubAnnualNotComparable,
            "observations",
            format!("`{}` judges this target on annual values; the sub-annual figures were not used", m.id()),
        ));
    }
    a.sanitize();
    Ok(a)
}

impl Indicator {
    /// Assess this indicator on its observations ([`assess`]).
    pub fn assess(&self, observations: &[Observation], options: &AssessOptions) -> Result<Assessment> {
        assess(self, observations, options)
    }
}
