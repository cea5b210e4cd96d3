//! `onpace-wasm`: the WebAssembly part of the JS package. Thin by design, like the Python
//! extension: objects live in Rust, requests and results cross as JSON text through
//! `onpace::api` (decimals as strings, so nothing is rounded), and every error becomes a
//! thrown JS `Error` (or `RangeError`) with `name`, `code` and `field`. The library does not
//! panic, so no input traps the instance.
//!
//! Two modules come from this crate (scripts/build-wasm): the full one (default features) and
//! the calculator module (`--no-default-features`: one indicator at a time, no plans, reports
//! or CSV), each with the same error handling.

use onpace::Indicator;
use wasm_bindgen::prelude::*;

#[cfg(feature = "batch")]
mod batch;
#[cfg(feature = "plan")]
mod plan;

pub(crate) type R<T> = Result<T, JsValue>;

/// An onpace error for JS: a JSON record `{name, code, field, line, message, range}` that the
/// JS wrapper (which every call goes through) throws as an `Error`, or a `RangeError` for
/// out-of-domain numbers. Building the Error object there keeps js-sys out of the module.
pub(crate) fn to_js(e: onpace::Error) -> JsValue {
    // The wrapper names the error and picks Error or RangeError by its code, from the error
    // table generated from the core's (js/errors.js, tools/types/generate.py): the record's
    // `name` and `range` are left empty, which keeps the table out of the module.
    let record = onpace::api::error_record(&e, "", false);
    JsValue::from_str(&record)
}

#[cfg(feature = "plan")]
pub(crate) fn lang(code: &str) -> R<onpace::Lang> {
    onpace::Lang::parse(code).map_err(to_js)
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

/// An indicator held in Rust.
#[wasm_bindgen]
pub struct IndicatorHandle {
    indicator: Indicator,
}

impl IndicatorHandle {
    /// A handle for an indicator (a plan's, in the full module).
    #[cfg(feature = "plan")]
    pub(crate) fn new(indicator: Indicator) -> Self {
        Self { indicator }
    }
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

/// Every error code of the core (`onpace::Error::CODES`), comma separated: the JS error
/// classes are checked against it.
#[wasm_bindgen(js_name = errorCodes)]
pub fn error_codes() -> String {
    onpace::Error::CODES.join(",")
}
