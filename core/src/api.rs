//! The façade the front ends (Python, WebAssembly) call, typed first.
//!
//! Each operation is a typed function — the object it works on and a request struct in, a
//! result struct out ([`assess`]: `&Indicator` + [`AssessRequest`] → [`Assessment`]) — and a
//! JSON-string entry point named `…_json` that is one line over it: read the request, call the
//! typed function, write the result. A binding with typed conversions (the Python extension's
//! `Plan.evaluate` and `Indicator.assess`) builds the request struct itself; the others send
//! JSON text. Both end in the same typed function, so they give the same results; decimals
//! travel as strings in JSON, so nothing is rounded on the way. JSON requests refuse unknown
//! fields and name the path of a wrong type (`observations[0].value`), and every error is a
//! typed [`Error`]. Request structs implement `Default`: build one and set its fields.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::io::json::{from_json_text, from_request_json_text};
use crate::math::path::Milestone;
use crate::math::path::PathKind;
use crate::math::progress::Progress;
use crate::math::scenario::Growth;
use crate::math::scenario::{Decomposition, WhatIf};
use crate::math::trend::Model;
use crate::math::trend::Projection;
use crate::method::evaluate::Evaluation;
use crate::method::project::ProjectOptions;
use crate::method::{AssessOptions, Assessment, MissingPolicy, Thresholds};
use crate::model::indicator::{BaselineChoice, Indicator};
use crate::model::plan::Plan;
use crate::model::series::PlanObservations;
use crate::model::series::{AsOf, Observation};

/// An exact decimal in a request: a JSON number or a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Dec(
    #[serde(with = "crate::io::decimal")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::io::decimal::Repr"))]
    pub Decimal,
);

/// A rate in a request: a JSON number or decimal string (a fraction, `0.05`), or per cent
/// text (`"5%"`). Checked by [`crate::model::rate::parse_rate`] once the request says whether
/// large rates are meant.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct RateArg(#[cfg_attr(feature = "schema", schemars(with = "crate::model::rate::RateRepr"))] pub RateText);

pub use crate::model::rate::RateText;

impl RateArg {
    /// The rate as a fraction, refusing bare |rate| ≥ 1 unless `allow_large`.
    pub fn rate(&self, allow_large: bool, field: &str) -> Result<Decimal> {
        crate::model::rate::parse_rate(&self.0 .0, allow_large, field)
    }
}

/// Request of [`parse_rate`].
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParseRateRequest {
    /// The rate as typed: `0.05`, `"0.05"` or `"5%"`.
    pub rate: RateArg,
    /// Accept a bare rate of ±1 (±100 % a year) or more on purpose.
    #[serde(default)]
    pub allow_large: bool,
    /// The field to name in an error (`rate` by default).
    #[serde(default)]
    pub field: Option<String>,
}

/// One rate as a fraction. The one parser every front end's rate input goes through ("5%" is
/// 0.05; a bare 5 is refused with "5 means +500 % a year; write 0.05 or '5%'").
pub fn parse_rate(r: &ParseRateRequest) -> Result<Decimal> {
    r.rate.rate(r.allow_large, r.field.as_deref().unwrap_or("rate"))
}

/// [`parse_rate`] from JSON: request [`ParseRateRequest`], response `{"rate": "0.05"}`.
pub fn parse_rate_json(request_json: &str) -> Result<String> {
    #[derive(Serialize)]
    struct Response {
        rate: String,
    }
    to_json(&Response { rate: parse_rate(&request(request_json)?)?.to_string() })
}

fn to_json<T: Serialize>(value: &T) -> Result<String> {
    crate::io::json::write_json(value, false)
}

/// A request whose JSON has the wrong shape or a value that is not a number is a `parse`
/// error naming the path (`observations[2022].value`): the front ends build requests from the
/// user's values, so that is what such an error nearly always means.
fn request<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    from_request_json_text(text, |path, message| Error::parse(path, None, message))
}

/// `as_of` in a request: null or `"latest"`, a year number, or a date `"YYYY-MM-DD"`.
// A date is checked as it is read; a bad one is kept as its text and refused when the request
// is used, with `invalid_argument` (not the reader's `parse`).
#[derive(Debug, Clone, PartialEq)]
pub struct AsOfInput(std::result::Result<AsOf, String>);

impl Default for AsOfInput {
    fn default() -> Self {
        AsOfInput(Ok(AsOf::Latest))
    }
}

impl From<AsOf> for AsOfInput {
    fn from(as_of: AsOf) -> Self {
        AsOfInput(Ok(as_of))
    }
}

impl<'de> Deserialize<'de> for AsOfInput {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = AsOfInput;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("null, \"latest\", a year or a date YYYY-MM-DD")
            }
            fn visit_unit<E: serde::de::Error>(self) -> std::result::Result<AsOfInput, E> {
                Ok(AsOfInput(Ok(AsOf::Latest)))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<AsOfInput, E> {
                i32::try_from(v)
                    .map(|y| AsOfInput(Ok(AsOf::Year(y))))
                    .map_err(|_| E::custom(format!("`{v}` is not a year")))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<AsOfInput, E> {
                i32::try_from(v)
                    .map(|y| AsOfInput(Ok(AsOf::Year(y))))
                    .map_err(|_| E::custom(format!("`{v}` is not a year")))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<AsOfInput, E> {
                Ok(AsOfInput(if v == "latest" {
                    Ok(AsOf::Latest)
                } else {
                    AsOf::parse_date(v).map_err(|_| v.to_string())
                }))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> std::result::Result<AsOfInput, A::Error> {
                // A JSON number under serde_json's arbitrary_precision (if a dependent's build
                // turns it on); any other object is not a year.
                let key: Option<String> = map.next_key()?;
                if key.as_deref() != Some("$serde_json::private::Number") {
                    return Err(serde::de::Error::invalid_type(serde::de::Unexpected::Map, &self));
                }
                let text: String = map.next_value()?;
                text.parse::<i32>()
                    .map(|y| AsOfInput(Ok(AsOf::Year(y))))
                    .map_err(|_| serde::de::Error::custom(format!("`{text}` is not a year")))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for AsOfInput {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "AsOf".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "What \"now\" is: null or \"latest\", a year, or a date \"YYYY-MM-DD\".",
            "anyOf": [{ "type": "null" }, { "type": "integer" }, { "type": "string" }]
        })
    }
}

fn as_of(value: &AsOfInput) -> Result<AsOf> {
    let a = match &value.0 {
        Ok(a) => a.clone(),
        Err(text) => AsOf::parse_date(text)?,
    };
    a.validate()?;
    Ok(a)
}

fn model(m: &Option<String>, default: Model) -> Result<Model> {
    m.as_deref().map(Model::parse).transpose().map(|m| m.unwrap_or(default))
}

/// Request of [`assess`].
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AssessRequest {
    /// Observations of the indicator.
    #[serde(default)]
    pub observations: Vec<Observation>,
    /// What "now" is (latest by default; checked by [`assess`]).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<AsOfInput>"))]
    pub as_of: AsOfInput,
    /// Method id (`cn-plan-pace` by default).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::method::MethodId>"))]
    pub method: Option<String>,
    /// Threshold overrides.
    #[serde(default, deserialize_with = "crate::io::decimal::map")]
    #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<String, crate::io::decimal::Repr>"))]
    pub thresholds: Thresholds,
    /// Projection model for methods that project.
    #[serde(default)]
    pub model: Option<String>,
    /// Reference growth rate for a relative target (`0.05` or `"5%"`).
    #[serde(default)]
    pub reference_rate: Option<RateArg>,
    /// `plan` (default): the plan's printed baseline; `revised`: its latest revision.
    #[serde(default)]
    pub baseline: Option<BaselineChoice>,
    /// Accept bare rates of ±1 (±100 % a year) or more on purpose.
    #[serde(default)]
    pub allow_large_rates: bool,
}

/// The shared defaults ([`crate::DEFAULTS`]) as JSON, for the bindings.
pub fn defaults() -> Result<String> {
    to_json(&crate::DEFAULTS)
}

/// Assess an indicator.
pub fn assess(indicator: &Indicator, r: AssessRequest) -> Result<Assessment> {
    let options = AssessOptions {
        as_of: as_of(&r.as_of)?,
        method: r.method.as_deref().map(str::parse).transpose()?.unwrap_or_default(),
        thresholds: r.thresholds,
        model: model(&r.model, crate::DEFAULTS.assess_model)?,
        reference_rate: r.reference_rate.map(|d| d.rate(r.allow_large_rates, "reference_rate")).transpose()?,
        baseline: r.baseline.unwrap_or_default(),
        ..AssessOptions::default()
    };
    indicator.assess(&r.observations, &options)
}

/// [`assess`] from JSON: request [`AssessRequest`], response an [`Assessment`].
pub fn assess_json(indicator: &Indicator, request_json: &str) -> Result<String> {
    to_json(&assess(indicator, request(request_json)?)?)
}

/// Request of [`evaluate`].
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EvaluateRequest {
    /// Observations by indicator id.
    #[serde(default)]
    pub observations: PlanObservations,
    /// What "now" is (latest by default; checked by [`evaluate`]).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<AsOfInput>"))]
    pub as_of: AsOfInput,
    /// Method id.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::method::MethodId>"))]
    pub method: Option<String>,
    /// Threshold overrides.
    #[serde(default, deserialize_with = "crate::io::decimal::map")]
    #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<String, crate::io::decimal::Repr>"))]
    pub thresholds: Thresholds,
    /// Projection model for methods that project.
    #[serde(default)]
    pub model: Option<String>,
    /// Weights per indicator id.
    #[serde(default, deserialize_with = "crate::io::decimal::map")]
    #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<String, crate::io::decimal::Repr>"))]
    pub weights: BTreeMap<String, Decimal>,
    /// `exclude` (default) or `count_as_off_pace`.
    #[serde(default)]
    pub missing: Option<MissingPolicy>,
    /// `plan` (default): the plans' printed baselines; `revised`: their latest revisions.
    #[serde(default)]
    pub baseline: Option<BaselineChoice>,
}

/// An evaluation with what the renderers need besides it.
#[derive(Debug, Clone)]
pub struct Evaluated {
    /// The evaluation.
    pub evaluation: Evaluation,
    /// The observations it was computed from.
    pub observations: PlanObservations,
    /// The options it ran with (for roll-ups of parts of the plan).
    pub options: AssessOptions,
}

impl Evaluated {
    /// Evaluate `plan` ([`evaluate`]) and keep the observations and options for the renderers.
    pub fn new(plan: &Plan, r: EvaluateRequest) -> Result<Self> {
        let (observations, options) = evaluate_options(r)?;
        let evaluation = plan.evaluate(&observations, &options)?;
        Ok(Evaluated { evaluation, observations, options })
    }

    /// The evaluation as JSON (written when asked for: a binding that converts the result
    /// itself never pays for the text).
    pub fn json(&self) -> Result<String> {
        to_json(&self.evaluation)
    }
}

#[cfg(feature = "reports")]
#[cfg_attr(docsrs, doc(cfg(feature = "reports")))]
impl Evaluated {
    /// The self-contained HTML report in a language.
    pub fn html(&self, plan: &Plan, lang: crate::Lang) -> Result<String> {
        crate::report::html::evaluation_html(plan, &self.observations, &self.evaluation, lang)
    }

    /// The SVG chart of one indicator.
    pub fn chart_svg(&self, plan: &Plan, id: &str, lang: crate::Lang) -> Result<String> {
        crate::report::svg::indicator_chart(plan, id, &self.observations, &self.evaluation.as_of, lang)
    }

    /// The completion-against-time-share chart of the plan.
    pub fn pace_svg(&self, plan: &Plan, lang: crate::Lang) -> String {
        crate::report::svg::pace_chart(plan, &self.evaluation, lang)
    }

    /// The evaluation as CSV.
    pub fn csv(&self) -> String {
        crate::report::html::evaluation_csv(&self.evaluation)
    }

    /// The report table (labels, units, targets as written, the observation each verdict
    /// used, the method's numbers): rows as JSON, one object per indicator.
    pub fn table_json(&self, plan: &Plan, lang: crate::Lang) -> Result<String> {
        to_json(&crate::report::table::evaluation_table(plan, &self.observations, &self.evaluation, lang)?)
    }

    /// The report table as CSV (columns [`crate::report::table::CSV_COLUMNS`]).
    pub fn table_csv(&self, plan: &Plan, lang: crate::Lang) -> Result<String> {
        let rows = crate::report::table::evaluation_table(plan, &self.observations, &self.evaluation, lang)?;
        Ok(crate::report::table::table_csv(&rows))
    }

    /// The roll-up by a field of the indicators (`nature`: binding, anticipatory,
    /// unspecified; `target_kind`): JSON `{group: Summary}` for the groups present.
    pub fn summary_by_json(&self, plan: &Plan, field: &str) -> Result<String> {
        let mut groups: BTreeMap<String, Vec<crate::method::Assessment>> = BTreeMap::new();
        for row in &self.evaluation.rows {
            let ind = plan.indicator(&row.indicator)?;
            let key = match field {
                "nature" => crate::report::table::nature_group(ind).to_string(),
                "target_kind" => ind.target.kind().to_string(),
                _ => {
                    return Err(Error::invalid_argument(
                        "by",
                        format!("cannot group by `{field}`; use nature or target_kind"),
                    ))
                }
            };
            groups.entry(key).or_default().push(row.clone());
        }
        let mut out = BTreeMap::new();
        for (k, rows) in groups {
            out.insert(k, crate::method::evaluate::summary_of(&rows, &self.options)?);
        }
        to_json(&out)
    }
}

/// The request's observations and options (moved, not copied: no second instance of the
/// maps' clone code in the WebAssembly module).
fn evaluate_options(r: EvaluateRequest) -> Result<(PlanObservations, AssessOptions)> {
    let options = AssessOptions {
        as_of: as_of(&r.as_of)?,
        method: r.method.as_deref().map(str::parse).transpose()?.unwrap_or_default(),
        thresholds: r.thresholds,
        model: model(&r.model, crate::DEFAULTS.assess_model)?,
        reference_rate: None,
        weights: r.weights,
        missing: r.missing.unwrap_or_default(),
        baseline: r.baseline.unwrap_or_default(),
    };
    Ok((r.observations, options))
}

/// Evaluate a plan.
pub fn evaluate(plan: &Plan, r: EvaluateRequest) -> Result<Evaluation> {
    let (observations, options) = evaluate_options(r)?;
    plan.evaluate(&observations, &options)
}

/// [`Evaluated::new`] from JSON: request [`EvaluateRequest`], response an [`Evaluated`] (for
/// the renderers; [`Evaluated::json`] writes the evaluation).
pub fn evaluate_json(plan: &Plan, request_json: &str) -> Result<Evaluated> {
    Evaluated::new(plan, request(request_json)?)
}

/// Request of [`project`].
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProjectRequest {
    /// Observations of the indicator.
    #[serde(default)]
    pub observations: Vec<Observation>,
    /// What "now" is (latest by default; checked by [`project`]).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<AsOfInput>"))]
    pub as_of: AsOfInput,
    /// Model code (`ols_linear` by default).
    #[serde(default)]
    pub model: Option<String>,
    /// Interval level in (0, 1), 0.9 by default.
    #[serde(default)]
    pub level: Option<f64>,
}

/// Project an indicator to its target year.
pub fn project(indicator: &Indicator, r: &ProjectRequest) -> Result<Projection> {
    let options = ProjectOptions {
        as_of: as_of(&r.as_of)?,
        model: model(&r.model, crate::DEFAULTS.projection_model)?,
        level: r.level.unwrap_or(crate::DEFAULTS.level),
    };
    indicator.project(&r.observations, &options)
}

/// [`project`] from JSON: request [`ProjectRequest`], response a [`Projection`].
pub fn project_json(indicator: &Indicator, request_json: &str) -> Result<String> {
    to_json(&project(indicator, &request(request_json)?)?)
}

/// Request of [`path`].
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PathRequest {
    /// `linear` (default) or `geometric`.
    #[serde(default)]
    pub kind: Option<String>,
    /// Re-plan from this year (with `from_value`) instead of the baseline.
    #[serde(default)]
    pub from_year: Option<i32>,
    /// The value in `from_year`.
    #[serde(default)]
    pub from_value: Option<Dec>,
}

/// Required milestones of an indicator.
pub fn path(indicator: &Indicator, r: &PathRequest) -> Result<Vec<Milestone>> {
    let kind = r.kind.as_deref().map(PathKind::parse).transpose()?.unwrap_or(crate::DEFAULTS.path_kind);
    match (r.from_year, r.from_value) {
        (None, None) => indicator.path(kind),
        (Some(y), Some(v)) => indicator.path_from(kind, y, v.0),
        _ => Err(Error::invalid_argument("from_year", "from_year and from_value go together")),
    }
}

/// [`path`] from JSON: request [`PathRequest`], response a list of `{year, value}`.
pub fn path_json(indicator: &Indicator, request_json: &str) -> Result<String> {
    to_json(&path(indicator, &request(request_json)?)?)
}

/// Request of [`what_if`].
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WhatIfRequest {
    /// Starting year.
    pub from_year: i32,
    /// Starting value.
    pub value: Dec,
    /// Constant annual rate (give this or `increment`): `0.05` or `"5%"`.
    #[serde(default)]
    pub rate: Option<RateArg>,
    /// Constant annual increment.
    #[serde(default)]
    pub increment: Option<Dec>,
    /// Accept a bare rate of ±1 (±100 % a year) or more on purpose.
    #[serde(default)]
    pub allow_large_rates: bool,
}

/// A what-if path: where a constant rate or increment from a start leads.
pub fn what_if(indicator: &Indicator, r: &WhatIfRequest) -> Result<WhatIf> {
    let growth = match (&r.rate, r.increment) {
        (Some(g), None) => Growth::Rate(g.rate(r.allow_large_rates, "rate")?),
        (None, Some(d)) => Growth::Increment(d.0),
        _ => return Err(Error::invalid_argument("growth", "give exactly one of rate and increment")),
    };
    indicator.what_if(r.from_year, r.value.0, growth)
}

/// [`what_if`] from JSON: request [`WhatIfRequest`], response a [`WhatIf`].
pub fn what_if_json(indicator: &Indicator, request_json: &str) -> Result<String> {
    to_json(&what_if(indicator, &request(request_json)?)?)
}

/// Request of [`numerator_path`].
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NumeratorRequest {
    /// Year of the denominator value.
    pub denominator_year: i32,
    /// Denominator value, in the denominator's unit.
    pub denominator: Dec,
    /// Its annual growth rate: `0.05` or `"5%"`.
    pub growth: RateArg,
    /// Required path of the ratio (`linear` by default).
    #[serde(default)]
    pub kind: Option<String>,
    /// Accept a bare rate of ±1 (±100 % a year) or more on purpose.
    #[serde(default)]
    pub allow_large_rates: bool,
}

/// The numerator a ratio target needs.
pub fn numerator_path(indicator: &Indicator, r: &NumeratorRequest) -> Result<Decomposition> {
    let kind = r.kind.as_deref().map(PathKind::parse).transpose()?.unwrap_or(crate::DEFAULTS.path_kind);
    let growth = r.growth.rate(r.allow_large_rates, "growth")?;
    indicator.numerator_path((r.denominator_year, r.denominator.0), growth, kind)
}

/// [`numerator_path`] from JSON: request [`NumeratorRequest`], response a [`Decomposition`].
pub fn numerator_path_json(indicator: &Indicator, request_json: &str) -> Result<String> {
    to_json(&numerator_path(indicator, &request(request_json)?)?)
}

/// Request of [`progress`].
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProgressRequest {
    /// Baseline year.
    pub base_year: i32,
    /// Baseline value.
    pub base_value: Dec,
    /// Latest year.
    pub latest_year: i32,
    /// Latest value.
    pub latest_value: Dec,
    /// Target year.
    pub target_year: i32,
    /// Target value.
    pub target_value: Dec,
    /// `increase` (default) or `decrease`.
    #[serde(default)]
    pub direction: Option<String>,
}

/// The building blocks at one observation.
pub fn progress(r: &ProgressRequest) -> Result<Progress> {
    use crate::math::progress::YearValue;
    for (year, field) in [(r.base_year, "base_year"), (r.latest_year, "latest_year"), (r.target_year, "target_year")] {
        crate::model::indicator::check_year(year, field)?;
    }
    let direction = crate::model::indicator::Direction::parse(r.direction.as_deref().unwrap_or("increase"))?;
    crate::math::progress::progress(
        YearValue::new(r.base_year, r.base_value.0),
        YearValue::new(r.latest_year, r.latest_value.0),
        YearValue::new(r.target_year, r.target_value.0),
        direction,
    )
}

/// [`progress`] from JSON: request [`ProgressRequest`], response a [`Progress`].
pub fn progress_json(request_json: &str) -> Result<String> {
    to_json(&progress(&request(request_json)?)?)
}

/// Request of [`required_path`].
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RequiredPathRequest {
    /// Start year.
    pub from_year: i32,
    /// Start value.
    pub from_value: Dec,
    /// Target year.
    pub to_year: i32,
    /// Target value.
    pub to_value: Dec,
    /// `linear` (default) or `geometric`.
    #[serde(default)]
    pub kind: Option<String>,
}

/// Milestones between two points.
pub fn required_path(r: &RequiredPathRequest) -> Result<Vec<Milestone>> {
    crate::model::indicator::check_year(r.from_year, "from_year")?;
    crate::model::indicator::check_year(r.to_year, "to_year")?;
    let kind = r.kind.as_deref().map(PathKind::parse).transpose()?.unwrap_or(crate::DEFAULTS.path_kind);
    crate::math::path::required_path((r.from_year, r.from_value.0), (r.to_year, r.to_value.0), kind)
}

/// [`required_path`] from JSON: request [`RequiredPathRequest`], response `[{year, value}]`.
pub fn required_path_json(request_json: &str) -> Result<String> {
    to_json(&required_path(&request(request_json)?)?)
}

/// Request of [`project_points`].
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProjectPointsRequest {
    /// `[[year, value], ...]`, years increasing.
    pub points: Vec<(i32, Dec)>,
    /// The year to project to.
    pub year: i32,
    /// `{low, high}` the value must fall in to meet the target (either may be absent).
    #[serde(default)]
    pub band: Option<BandRequest>,
    /// Model code (`ols_linear` by default).
    #[serde(default)]
    pub model: Option<String>,
    /// Interval level (0.9 by default).
    #[serde(default)]
    pub level: Option<f64>,
}

/// A target band in a request.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BandRequest {
    /// Lower bound.
    #[serde(default)]
    pub low: Option<Dec>,
    /// Upper bound.
    #[serde(default)]
    pub high: Option<Dec>,
}

/// Project a series of points.
pub fn project_points(r: &ProjectPointsRequest) -> Result<Projection> {
    crate::model::indicator::check_year(r.year, "year")?;
    for (i, (year, _)) in r.points.iter().enumerate() {
        crate::model::indicator::check_year(*year, &format!("points[{i}].year"))?;
    }
    let points: Vec<(i32, Decimal)> = r.points.iter().map(|(y, v)| (*y, v.0)).collect();
    let band = r.band.as_ref().map(|b| crate::math::trend::Band {
        low: b.low.map(|d| crate::num::to_f64(d.0)),
        high: b.high.map(|d| crate::num::to_f64(d.0)),
    });
    let model = model(&r.model, crate::DEFAULTS.projection_model)?;
    crate::math::trend::project_points(&points, r.year, band, model, r.level.unwrap_or(crate::DEFAULTS.level))
}

/// [`project_points`] from JSON: request [`ProjectPointsRequest`], response a [`Projection`].
pub fn project_points_json(request_json: &str) -> Result<String> {
    to_json(&project_points(&request(request_json)?)?)
}

/// Request of [`projects`].
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProjectsRequest {
    /// Active in this year.
    #[serde(default)]
    pub year: Option<i32>,
    /// County or part of the location.
    #[serde(default)]
    pub location: Option<String>,
    /// Part of an undertaker's name.
    #[serde(default)]
    pub undertaker: Option<String>,
    /// Plan table number.
    #[serde(default)]
    pub table: Option<u8>,
}

/// The key projects of a plan that match a request.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectsFound<'a> {
    /// The projects, in the plan's order.
    pub projects: Vec<&'a crate::model::project::Project>,
    /// How many.
    pub count: usize,
    /// The total of the amounts the plan gives, in 万元, exact.
    #[serde(serialize_with = "normalized")]
    pub investment_total_ten_thousand: Decimal,
    /// How many of them give an amount.
    pub with_investment: usize,
}

fn normalized<S: serde::Serializer>(d: &Decimal, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.collect_str(&d.normalize())
}

/// The key-project registry filtered by a request.
pub fn projects<'a>(plan: &'a Plan, r: &ProjectsRequest) -> Result<ProjectsFound<'a>> {
    let found = plan.projects_where(r.year, r.location.as_deref(), r.undertaker.as_deref(), r.table);
    let mut total = Decimal::ZERO;
    let mut with_investment = 0usize;
    for p in &found {
        if let Some(t) = p.total_investment(crate::model::unit::Magnitude::TenThousand)? {
            total = total.checked_add(t).ok_or_else(|| Error::overflow("investment_total"))?;
            with_investment = with_investment.saturating_add(1);
        }
    }
    Ok(ProjectsFound { count: found.len(), projects: found, investment_total_ten_thousand: total, with_investment })
}

/// The plan's reference value `id` as JSON `{"year": 2020, "value": "726.86"}`, or the core's
/// `invalid_argument` error when the plan has none by that id. (Written by hand: a serializer
/// for the whole record would grow the WebAssembly module for two fields.)
pub fn reference_value(plan: &Plan, id: &str) -> Result<String> {
    let r = plan.reference_value(id)?;
    Ok(format!("{{\"year\":{},\"value\":\"{}\"}}", r.year, r.value))
}

/// Request of [`investment_total`]: a project's investments and the magnitude to total them in.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvestmentTotalRequest {
    /// The investments, as in the plan file.
    pub investments: Vec<crate::model::project::Investment>,
    /// `one` (元), `ten_thousand` (万元) or `hundred_million` (亿元).
    pub magnitude: crate::model::unit::Magnitude,
}

/// The exact total of investments in a magnitude (request [`InvestmentTotalRequest`]): JSON
/// `{"total": "…"}`, or `{"total": null}` when there are none; overflow is the core's error.
pub fn investment_total(request_json: &str) -> Result<String> {
    let r: InvestmentTotalRequest = request(request_json)?;
    let total = crate::model::project::total_investment(&r.investments, r.magnitude)?;
    Ok(match total {
        Some(t) => format!("{{\"total\":\"{t}\"}}"),
        None => "{\"total\":null}".into(),
    })
}

/// [`projects`] from JSON: request [`ProjectsRequest`], response a [`ProjectsFound`]
/// (`{projects: [...], count, investment_total_ten_thousand, with_investment}`). A typed
/// response, not json!: that would instantiate every project type's Serialize a second time,
/// against serde_json's Value serializer.
pub fn projects_json(plan: &Plan, request_json: &str) -> Result<String> {
    to_json(&projects(plan, &request(request_json)?)?)
}

/// The implied level target as JSON `{year, value, comparator}` (typed:
/// [`Indicator::implied_target`]).
pub fn implied_target_json(indicator: &Indicator) -> Result<String> {
    // Typed responses here and below, not json!: serde_json's Value would bring its own
    // serializer, map and destructor into the WebAssembly module for three small records.
    // Fields in alphabetical order, the order json! wrote them in.
    #[derive(Serialize)]
    struct Response {
        comparator: &'static str,
        value: String,
        year: i32,
    }
    let l = indicator.implied_target()?;
    to_json(&Response { year: l.year, value: l.value.to_string(), comparator: l.comparator.code() })
}

/// Every method: `[{id, version, description, statuses, thresholds: {name: default|null}}]`.
pub fn methods() -> Result<String> {
    #[derive(Serialize)]
    struct Entry {
        description: &'static str,
        id: &'static str,
        statuses: Vec<&'static str>,
        thresholds: SortedMap,
        version: &'static str,
    }
    // A sorted list written as a JSON map: the order json! gave, without another BTreeMap type.
    struct SortedMap(Vec<(&'static str, Option<String>)>);
    impl Serialize for SortedMap {
        fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
        }
    }
    let list: Vec<Entry> = crate::method::method_ids()
        .into_iter()
        .filter_map(|id| crate::method::method(id).ok())
        .map(|m| Entry {
            id: m.id(),
            version: m.version(),
            description: m.description(),
            statuses: m.statuses().iter().chain(crate::method::SHARED_STATUSES).map(|s| s.code()).collect(),
            thresholds: {
                let mut list: Vec<_> = m.defaults().into_iter().map(|(k, v)| (k, v.map(|d| d.to_string()))).collect();
                list.sort_by_key(|(k, _)| *k);
                SortedMap(list)
            },
        })
        .collect();
    to_json(&list)
}

/// Every status: `[{code, tone, symbol, labels: {zh, en, ko}}]`.
pub fn statuses() -> Result<String> {
    use crate::model::label::Lang;
    #[derive(Serialize)]
    struct Labels {
        en: &'static str,
        ko: &'static str,
        zh: &'static str,
    }
    #[derive(Serialize)]
    struct Entry {
        code: &'static str,
        labels: Labels,
        symbol: &'static str,
        tone: crate::method::Tone,
    }
    let list: Vec<Entry> = crate::method::ALL_STATUSES
        .iter()
        .map(|s| Entry {
            code: s.code(),
            tone: s.tone(),
            symbol: s.symbol(),
            labels: Labels { zh: s.label(Lang::Zh), en: s.label(Lang::En), ko: s.label(Lang::Ko) },
        })
        .collect();
    to_json(&list)
}

/// An error as a JSON record `{name, code, field, line, message, range}` for front ends that
/// build their own exception objects from it.
pub fn error_record(e: &Error, name: &str, range: bool) -> String {
    // Typed, not json! (see implied_target); fields in json!'s alphabetical order.
    #[derive(Serialize)]
    struct Record<'a> {
        code: &'static str,
        field: &'a str,
        line: Option<u64>,
        message: String,
        name: &'a str,
        onpace_error: bool,
        range: bool,
    }
    let record = Record {
        code: e.code(),
        field: e.field(),
        line: e.line(),
        message: e.to_string(),
        name,
        onpace_error: true,
        range,
    };
    // Serializing these plain fields cannot fail; the fallback keeps the contract anyway.
    serde_json::to_string(&record).unwrap_or_else(|_| String::from("{\"onpace_error\":true,\"code\":\"parse\"}"))
}

/// Request of [`plan_from_rows`].
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanRowsRequest {
    /// The plan's id.
    pub id: String,
    /// Its name (Chinese title); the id when absent.
    #[serde(default)]
    pub name: Option<String>,
    /// One object per indicator, keyed by column (io/plan_table.rs): text, numbers, booleans
    /// or null (an empty cell).
    pub rows: Vec<BTreeMap<String, serde_json::Value>>,
}

/// A plan from table rows. Errors name `rows[i].column`.
pub fn plan_from_rows(r: &PlanRowsRequest) -> Result<Plan> {
    use crate::io::plan_table::{indicator_from_row, plan_from_indicators, RowPlace};
    use serde_json::Value;
    let mut indicators = Vec::with_capacity(r.rows.len());
    for (i, row) in r.rows.iter().enumerate() {
        let mut cells: Vec<(&str, String)> = Vec::with_capacity(row.len());
        for (column, value) in row {
            let text = match value {
                Value::Null => continue,
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                _ => {
                    return Err(Error::invalid_plan(format!("rows[{i}].{column}"), "a cell is text, a number or empty"))
                }
            };
            cells.push((column.as_str(), text));
        }
        indicators.push(indicator_from_row(cells.iter().map(|(c, t)| (*c, t.as_str())), RowPlace::Record(i))?);
    }
    plan_from_indicators(&r.id, r.name.as_deref().unwrap_or(&r.id), indicators)
}

/// [`plan_from_rows`] from JSON: request [`PlanRowsRequest`].
pub fn plan_from_rows_json(request_json: &str) -> Result<Plan> {
    plan_from_rows(&request(request_json)?)
}

/// Request of [`plan_from_indicators`].
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanIndicatorsRequest {
    /// The plan's id.
    pub id: String,
    /// Its name (Chinese title); the id when absent.
    #[serde(default)]
    pub name: Option<String>,
    /// The indicators, as in a plan file.
    pub indicators: Vec<Indicator>,
}

/// An indicator from the fields a front end's constructor was given (JSON it built, in the
/// shape of a plan file's indicator): errors name the field, with no position in that JSON.
pub fn indicator_from_fields(fields_json: &str) -> Result<Indicator> {
    Indicator::from_request_json(fields_json)
}

/// A plan from indicators; base year and period as
/// [`crate::io::plan_table::plan_from_indicators`] derives them (the same rule as for tables).
pub fn plan_from_indicators(r: PlanIndicatorsRequest) -> Result<Plan> {
    crate::io::plan_table::plan_from_indicators(&r.id, r.name.as_deref().unwrap_or(&r.id), r.indicators)
}

/// [`plan_from_indicators`] from JSON: request [`PlanIndicatorsRequest`] (a wrong field is an
/// `invalid_plan` error naming its path).
pub fn plan_from_indicators_json(request_json: &str) -> Result<Plan> {
    plan_from_indicators(from_json_text(request_json, |path, message| Error::InvalidPlan {
        path,
        message,
        cause: None,
    })?)
}

/// A plan's indicators as a table: JSON `{columns, types, rows}` (`types`: text, integer,
/// decimal or bool per column; `rows`: lists of cells, text or null).
pub fn plan_table(plan: &Plan) -> Result<String> {
    #[derive(Serialize)]
    struct Response {
        columns: Vec<String>,
        rows: Vec<Vec<Option<String>>>,
        types: Vec<&'static str>,
    }
    let t = crate::io::plan_table::indicators_table(&plan.indicators)?;
    let types = t.types();
    to_json(&Response { columns: t.columns, rows: t.rows, types })
}

/// A built-in plan's observations as JSON `{indicator: [observation, ...]}`.
#[cfg(feature = "builtin")]
#[cfg_attr(docsrs, doc(cfg(feature = "builtin")))]
pub fn builtin_observations(id: &str) -> Result<String> {
    crate::io::json::observations_to_json_compact(&crate::builtin::observations(id)?)
}

/// The options of a long-format panel ([`crate::math::batch::panel`]) from an
/// [`AssessRequest`]'s `method`, `thresholds` and `model` (each series brings its own
/// observations), checked once for the whole panel: an unknown method, threshold or model fails
/// the call rather than every series.
pub fn panel_options_json(request_json: &str) -> Result<AssessOptions> {
    let r: AssessRequest = request(request_json)?;
    let method: crate::method::MethodId = r.method.as_deref().map(str::parse).transpose()?.unwrap_or_default();
    crate::method::merged_thresholds(method.method(), &r.thresholds)?;
    Ok(AssessOptions {
        method,
        thresholds: r.thresholds,
        model: model(&r.model, crate::DEFAULTS.assess_model)?,
        ..AssessOptions::default()
    })
}

/// One method of the f64 batch, for [`batch_methods_json`].
#[derive(Serialize)]
struct BatchMethodInfo {
    id: &'static str,
    columns: Vec<&'static str>,
    thresholds: &'static [&'static str],
    statuses: Vec<(i8, &'static str)>,
}

/// Every method of the f64 batch ([`crate::math::batch`]) as JSON: `[{id, columns, thresholds,
/// statuses: [[code, status], …]}]` (its value columns, the thresholds it takes and its int8
/// status codes).
pub fn batch_methods_json() -> Result<String> {
    let all: Vec<BatchMethodInfo> = crate::math::batch::BATCH_METHODS
        .iter()
        .map(|m| BatchMethodInfo {
            id: m.id(),
            columns: m.columns().iter().map(|c| c.name()).collect(),
            thresholds: m.threshold_names(),
            statuses: m.status_table(),
        })
        .collect();
    to_json(&all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_a_parse_error_not_a_stack_overflow() {
        // No field of any request or plan accepts arbitrary JSON, so nesting is refused at its
        // first bracket: nothing recurses (serde_json's recursion limit is the backstop).
        let deep = format!(r#"{{"base_year": 2020, "as_of": {}{}}}"#, "[".repeat(100_000), "]".repeat(100_000));
        let ind = crate::model::indicator::Indicator::new(
            "x",
            "x",
            crate::model::unit::Unit::Ratio,
            crate::model::indicator::Direction::Increase,
            crate::model::indicator::Baseline { year: 2020, value: Decimal::ONE },
            crate::model::target::Target::None,
        )
        .unwrap();
        let e = assess_json(&ind, &deep.replace(r#""base_year": 2020, "#, "")).unwrap_err();
        assert_eq!(e.code(), "parse", "{e}");
        assert_eq!(e.field(), "as_of[0]", "{e}");
    }

    #[test]
    #[cfg(feature = "builtin")]
    fn every_json_entry_point_refuses_unknown_keys_and_names_wrong_types() {
        let plan = crate::builtin::plan("cn-14th-fyp-st").unwrap();
        let ind = plan.indicator("basic-research-share").unwrap();
        type Entry<'a> = (&'a str, Box<dyn Fn(&str) -> Result<String> + 'a>);
        let entries: Vec<Entry> = vec![
            ("assess", Box::new(|t| assess_json(ind, t))),
            ("evaluate", Box::new(|t| evaluate_json(&plan, t).and_then(|e| e.json()))),
            ("project", Box::new(|t| project_json(ind, t))),
            ("path", Box::new(|t| path_json(ind, t))),
            ("what_if", Box::new(|t| what_if_json(ind, t))),
            ("numerator_path", Box::new(|t| numerator_path_json(ind, t))),
            ("progress", Box::new(progress_json)),
            ("required_path", Box::new(required_path_json)),
            ("project_points", Box::new(project_points_json)),
            ("projects", Box::new(|t| projects_json(&plan, t))),
            ("parse_rate", Box::new(parse_rate_json)),
            ("plan_from_rows", Box::new(|t| plan_from_rows_json(t).map(|p| p.id))),
            ("plan_from_indicators", Box::new(|t| plan_from_indicators_json(t).map(|p| p.id))),
        ];
        for (name, call) in &entries {
            let e = call(r#"{"no_such_key": 1}"#).unwrap_err();
            let want = if *name == "plan_from_indicators" { "invalid_plan" } else { "parse" };
            assert_eq!(e.code(), want, "{name}: {e}");
            assert!(e.to_string().contains("no_such_key"), "{name}: {e}");
        }
        // A wrong type deep in a request is named by its path (serde's position and type).
        let e = assess_json(ind, r#"{"observations": [{"year": 2022, "value": [1]}]}"#).unwrap_err();
        assert_eq!((e.code(), e.field()), ("parse", "observations[2022].value"), "{e}");
        let e = evaluate_json(&plan, r#"{"observations": {"basic-research-share": [{"year": "x"}]}}"#).unwrap_err();
        assert_eq!((e.code(), e.field()), ("parse", "observations.basic-research-share[0].year"), "{e}");
        let e = evaluate_json(&plan, r#"{"weights": {"basic-research-share": true}}"#).unwrap_err();
        assert_eq!((e.code(), e.field()), ("parse", "weights.basic-research-share"), "{e}");
    }

    #[test]
    #[cfg(feature = "builtin")]
    #[allow(clippy::field_reassign_with_default)] // requests are built as another crate must.
    fn json_entry_points_are_the_typed_functions() {
        // The typed route (as the Python extension builds requests) and the JSON route give
        // the same result for the same request.
        let plan = crate::builtin::plan("cn-14th-fyp-st").unwrap();
        let text = r#"{"observations": {"basic-research-share": [{"year": 2022, "value": "6.5"}]}, "method": "open-sdg", "as_of": 2023}"#;
        let mut r = EvaluateRequest::default();
        r.observations.insert("basic-research-share".into(), vec![Observation::new(2022, Decimal::new(65, 1))]);
        r.method = Some("open-sdg".into());
        r.as_of = AsOf::Year(2023).into();
        assert_eq!(
            to_json(&evaluate(&plan, r.clone()).unwrap()).unwrap(),
            evaluate_json(&plan, text).unwrap().json().unwrap()
        );
        let ind = plan.indicator("basic-research-share").unwrap();
        let mut a = AssessRequest::default();
        a.observations = r.observations["basic-research-share"].clone();
        assert_eq!(
            to_json(&assess(ind, a).unwrap()).unwrap(),
            assess_json(ind, r#"{"observations": [{"year": 2022, "value": 6.5}]}"#).unwrap()
        );
    }

    #[test]
    #[cfg(feature = "builtin")]
    fn requests_refuse_unknown_fields_and_keep_decimals() {
        let plan = crate::builtin::plan("yanbian-st-14").unwrap();
        let ind = plan.indicator("rd-intensity").unwrap();
        let e = assess_json(ind, r#"{"observations": [], "metod": "x"}"#).unwrap_err();
        assert_eq!(e.code(), "parse");
        let out = assess_json(ind, r#"{"observations": [{"year": 2022, "value": 0.6}], "as_of": 2022}"#).unwrap();
        assert!(out.contains(r#""status":"lagging""#), "{out}");
        let p = path_json(ind, r#"{"kind": "linear"}"#).unwrap();
        assert!(p.contains(r#"{"year":2021,"value":"0.508"}"#), "{p}");
        assert_eq!(path_json(ind, r#"{"from_year": 2022}"#).unwrap_err().code(), "invalid_argument");
        assert_eq!(assess_json(ind, r#"{"as_of": "2022/1/1"}"#).unwrap_err().code(), "invalid_argument");
    }

    #[test]
    fn panel_options_are_checked_once() {
        let o = panel_options_json(r#"{"method":"eurostat","thresholds":{"significant":"0.9"}}"#).unwrap();
        assert_eq!(o.method.as_str(), "eurostat");
        assert_eq!(o.model, crate::DEFAULTS.assess_model);
        assert_eq!(o.thresholds.get("significant"), Some(&Decimal::new(9, 1)));
        let e = panel_options_json(r#"{"method":"eurostat","thresholds":{"nope":"1"}}"#).unwrap_err();
        assert_eq!((e.code(), e.field()), ("invalid_argument", "thresholds.nope"));
        assert_eq!(panel_options_json(r#"{"method":"nope"}"#).unwrap_err().code(), "unknown_method");
        assert_eq!(panel_options_json(r#"{"model":"nope"}"#).unwrap_err().code(), "invalid_argument");
    }

    #[test]
    fn the_batch_method_table_is_the_kernels() {
        let v: serde_json::Value = serde_json::from_str(&batch_methods_json().unwrap()).unwrap();
        let ids: Vec<&str> = v.as_array().unwrap().iter().map(|m| m["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["cn-plan-pace", "eurostat", "open-sdg", "unsd", "escap", "sdsn"]);
        assert_eq!(v[0]["statuses"][4], serde_json::json!([4, "regressing"]));
        assert_eq!(v[4]["columns"], serde_json::json!(["ratio", "index"]));
        assert_eq!(v[1]["thresholds"], serde_json::json!(["significant", "moderate", "no_target_band"]));
    }
}
