//! `onpace-wasm`: the WebAssembly part of the JS package. Thin by design, like the Python
//! extension: objects live in Rust, requests and results cross as JSON text through
//! `onpace::api` (decimals as strings, so nothing is rounded), and every error becomes a
//! thrown JS `Error` (or `RangeError`) with `name`, `code` and `field`. The library does not
//! panic, so no input traps the instance.

use onpace::{Indicator, Lang, Plan};
use wasm_bindgen::prelude::*;

type R<T> = Result<T, JsValue>;

/// An onpace error for JS: a JSON record `{name, code, field, line, message, range}` that the
/// JS wrapper (which every call goes through) throws as an `Error`, or a `RangeError` for
/// out-of-domain numbers. Building the Error object there keeps js-sys out of the module.
fn to_js(e: onpace::Error) -> JsValue {
    // An exhaustive match: a new error variant cannot be forgotten here.
    let (name, range) = match &e {
        onpace::Error::InvalidPlan { .. } => ("InvalidPlanError", false),
        onpace::Error::Parse { .. } => ("ParseError", false),
        onpace::Error::InvalidObservations { .. } => ("InvalidObservationsError", false),
        onpace::Error::UnknownIndicator { .. } => ("UnknownIndicatorError", false),
        onpace::Error::UnknownPlan { .. } => ("UnknownPlanError", false),
        onpace::Error::UnknownMethod { .. } => ("UnknownMethodError", false),
        onpace::Error::InvalidArgument { .. } => ("InvalidArgumentError", false),
        onpace::Error::UndefinedGrowth { .. } => ("UndefinedGrowthError", false),
        onpace::Error::InsufficientData { .. } => ("InsufficientDataError", false),
        onpace::Error::NoTarget { .. } => ("NoTargetError", false),
        onpace::Error::YearOutOfRange { .. } => ("YearOutOfRangeError", true),
        onpace::Error::Overflow { .. } => ("OverflowError", true),
        _ => ("OnpaceError", false),
    };
    let record = onpace::api::error_record(&e, name, range);
    JsValue::from_str(&record)
}

fn lang(code: &str) -> R<Lang> {
    Lang::parse(code).map_err(to_js)
}

// The built-in plans are not compiled in: the JS package ships their JSON as a separate module
// (`onpace/builtin`: pkg/data/builtin-plans.js, generated from core/src/builtin/data/ by
// scripts/build-wasm) and loads them with PlanHandle.fromJson, the same parser and checks.

/// Observations CSV (`indicator,year,value[,vintage,flag,source]`) read by the core and
/// returned as observations JSON (decimals as canonical strings).
#[cfg(feature = "csv")]
#[wasm_bindgen(js_name = readObservationsCsvJson)]
pub fn read_observations_csv_json(text: &str) -> R<String> {
    let obs = onpace::io::csv::read_observations_csv(text).map_err(to_js)?;
    onpace::io::json::observations_to_json_compact(&obs).map_err(to_js)
}

/// A plan from its CSV template (io/plan_table.rs columns), with its id and name.
#[cfg(feature = "csv")]
#[wasm_bindgen(js_name = readPlanCsv)]
pub fn read_plan_csv(text: &str, id: &str, name: &str) -> R<PlanHandle> {
    onpace::io::plan_csv::read_plan_csv(text, id, name).map(|plan| PlanHandle { plan }).map_err(to_js)
}

/// Every assessment method, as JSON.

#[wasm_bindgen(js_name = methodsJson)]
pub fn methods_json() -> R<String> {
    onpace::api::methods().map_err(to_js)
}

/// Every status code with its tone, symbol and labels, as JSON.
#[wasm_bindgen(js_name = statusesJson)]
pub fn statuses_json() -> R<String> {
    onpace::api::statuses().map_err(to_js)
}

/// The version of the Rust core.
#[wasm_bindgen(js_name = coreVersion)]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").into()
}

/// The building blocks at one observation (request and response JSON).
#[wasm_bindgen(js_name = progressJson)]
pub fn progress_json(request: &str) -> R<String> {
    onpace::api::progress_json(request).map_err(to_js)
}

/// One rate as a fraction (request and response JSON, see `onpace::api::parse_rate`).
#[wasm_bindgen(js_name = parseRateJson)]
pub fn parse_rate_json(request: &str) -> R<String> {
    onpace::api::parse_rate_json(request).map_err(to_js)
}

/// Milestones between two points (request and response JSON).
#[wasm_bindgen(js_name = requiredPathJson)]
pub fn required_path_json(request: &str) -> R<String> {
    onpace::api::required_path_json(request).map_err(to_js)
}

/// Project a series of points (request and response JSON).
#[wasm_bindgen(js_name = projectPointsJson)]
pub fn project_points_json(request: &str) -> R<String> {
    onpace::api::project_points_json(request).map_err(to_js)
}

/// A plan held in Rust.
#[wasm_bindgen]
pub struct PlanHandle {
    plan: Plan,
}

#[wasm_bindgen]
impl PlanHandle {
    /// Load and validate a plan from JSON text.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> R<PlanHandle> {
        Plan::from_json(text).map(|plan| PlanHandle { plan }).map_err(to_js)
    }

    /// The plan as JSON text (decimals as strings).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> R<String> {
        self.plan.to_json_compact().map_err(to_js)
    }

    /// The indicator with this id.
    pub fn indicator(&self, id: &str) -> R<IndicatorHandle> {
        self.plan.indicator(id).map(|i| IndicatorHandle { indicator: i.clone() }).map_err(to_js)
    }

    /// Evaluate the plan (request JSON, see `onpace::api::EvaluateRequest`).
    pub fn evaluate(&self, request: &str) -> R<EvaluationHandle> {
        let evaluated = onpace::api::evaluate_json(&self.plan, request).map_err(to_js)?;
        let json = evaluated.json().map_err(to_js)?;
        Ok(EvaluationHandle { plan: self.plan.clone(), evaluated, json })
    }

    /// The required schedule of every indicator as Markdown.
    #[wasm_bindgen(js_name = scheduleMarkdown)]
    pub fn schedule_markdown(&self, lang_code: &str) -> R<String> {
        onpace::report::schedule::schedule_markdown(&self.plan, lang(lang_code)?).map_err(to_js)
    }

    /// The key-project registry (request and response JSON).
    pub fn projects(&self, request: &str) -> R<String> {
        onpace::api::projects_json(&self.plan, request).map_err(to_js)
    }

    /// The plan as a self-contained HTML page: schedule and key-project timeline.
    #[cfg(feature = "reports")]
    #[wasm_bindgen(js_name = toHtml)]
    pub fn to_html(&self, lang_code: &str) -> R<String> {
        onpace::report::html::plan_html(&self.plan, lang(lang_code)?).map_err(to_js)
    }

    /// The key-project timeline (Tables 2, 3 and 5) as SVG.
    #[cfg(feature = "reports")]
    #[wasm_bindgen(js_name = projectsSvg)]
    pub fn projects_svg(&self, lang_code: &str) -> R<String> {
        Ok(onpace::report::svg::projects_gantt(&self.plan, lang(lang_code)?))
    }
}

/// An indicator held in Rust.
#[wasm_bindgen]
pub struct IndicatorHandle {
    indicator: Indicator,
}

#[wasm_bindgen]
impl IndicatorHandle {
    /// Load and validate an indicator from JSON text.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> R<IndicatorHandle> {
        Indicator::from_json(text).map(|indicator| IndicatorHandle { indicator }).map_err(to_js)
    }

    /// An indicator from the fields the JS constructor was given (JSON it built): errors carry
    /// no position in that JSON.
    #[wasm_bindgen(js_name = fromFields)]
    pub fn from_fields(text: &str) -> R<IndicatorHandle> {
        onpace::api::indicator_from_fields(text).map(|indicator| IndicatorHandle { indicator }).map_err(to_js)
    }

    /// The indicator as JSON text.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> R<String> {
        self.indicator.to_json_compact().map_err(to_js)
    }

    /// Assess (request JSON); returns Assessment JSON.
    pub fn assess(&self, request: &str) -> R<String> {
        onpace::api::assess_json(&self.indicator, request).map_err(to_js)
    }

    /// Project to the target year; returns Projection JSON.
    pub fn project(&self, request: &str) -> R<String> {
        onpace::api::project_json(&self.indicator, request).map_err(to_js)
    }

    /// Required milestones; returns a JSON list of {year, value}.
    pub fn path(&self, request: &str) -> R<String> {
        onpace::api::path_json(&self.indicator, request).map_err(to_js)
    }

    /// A what-if path; returns WhatIf JSON.
    #[wasm_bindgen(js_name = whatIf)]
    pub fn what_if(&self, request: &str) -> R<String> {
        onpace::api::what_if_json(&self.indicator, request).map_err(to_js)
    }

    /// The numerator a ratio target needs; returns Decomposition JSON.
    #[wasm_bindgen(js_name = numeratorPath)]
    pub fn numerator_path(&self, request: &str) -> R<String> {
        onpace::api::numerator_path_json(&self.indicator, request).map_err(to_js)
    }

    /// The implied level target; returns {year, value, comparator} JSON.
    #[wasm_bindgen(js_name = impliedTarget)]
    pub fn implied_target(&self) -> R<String> {
        onpace::api::implied_target_json(&self.indicator).map_err(to_js)
    }
}

/// An evaluation held in Rust (with its plan, for the renderers).
#[wasm_bindgen]
pub struct EvaluationHandle {
    plan: Plan,
    evaluated: onpace::api::Evaluated,
    /// The evaluation as JSON, written once: the JS wrapper reads it for every result.
    json: String,
}

#[wasm_bindgen]
impl EvaluationHandle {
    /// The evaluation as JSON text.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.json.clone()
    }

    /// The evaluation table as Markdown in a language (`zh`, `en`, `ko`).
    #[wasm_bindgen(js_name = toMarkdown)]
    pub fn to_markdown(&self, lang_code: &str) -> R<String> {
        Ok(onpace::report::markdown::evaluation_markdown(&self.plan, &self.evaluated.evaluation, lang(lang_code)?))
    }

    /// The self-contained HTML report in a language.
    #[cfg(feature = "reports")]
    #[wasm_bindgen(js_name = toHtml)]
    pub fn to_html(&self, lang_code: &str) -> R<String> {
        self.evaluated.html(&self.plan, lang(lang_code)?).map_err(to_js)
    }

    /// The SVG chart of one indicator.
    #[cfg(feature = "reports")]
    #[wasm_bindgen(js_name = chartSvg)]
    pub fn chart_svg(&self, id: &str, lang_code: &str) -> R<String> {
        self.evaluated.chart_svg(&self.plan, id, lang(lang_code)?).map_err(to_js)
    }

    /// Completion against time share for every indicator, as SVG.
    #[cfg(feature = "reports")]
    #[wasm_bindgen(js_name = paceSvg)]
    pub fn pace_svg(&self, lang_code: &str) -> R<String> {
        Ok(self.evaluated.pace_svg(&self.plan, lang(lang_code)?))
    }

    /// The report table as CSV in a language: label, unit, nature, target as written, the
    /// observation each verdict used and the method's numbers (the columns of Python's
    /// `Evaluation.to_csv`; JS's `table()` reads it into objects).
    #[cfg(feature = "reports")]
    #[wasm_bindgen(js_name = toCsv)]
    pub fn to_csv(&self, lang_code: &str) -> R<String> {
        self.evaluated.table_csv(&self.plan, lang(lang_code)?).map_err(to_js)
    }
}

/// Every error code of the core (`onpace::Error::CODES`), comma separated: the JS error
/// classes are checked against it.
#[wasm_bindgen(js_name = errorCodes)]
pub fn error_codes() -> String {
    onpace::Error::CODES.join(",")
}
