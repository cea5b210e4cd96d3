//! `onpace._core`: the compiled part of the Python package. Thin by design: objects live in
//! Rust, requests and results cross as JSON text through `onpace::api` (decimals as strings,
//! so nothing is rounded) — or, for `Plan.evaluate` and `Indicator.assess` on plain input,
//! through typed conversions (`typed.rs`) — and every error becomes a typed Python exception.

mod batch;
mod errors;
mod handles;
mod rows;
mod typed;

use pyo3::prelude::*;

use crate::errors::to_py;

/// Ids of the built-in plans, the default first.
#[pyfunction]
fn builtin_plan_ids() -> Vec<&'static str> {
    onpace::builtin::plan_ids()
}

/// A built-in plan.
#[pyfunction]
fn builtin_plan(id: &str) -> PyResult<handles::PlanHandle> {
    let text = onpace::builtin::plan_json(id).map_err(to_py)?;
    handles::PlanHandle::from_json_text(text)
}

/// The published observations shipped with a built-in plan, as JSON.
#[pyfunction]
fn builtin_observations_json(id: &str) -> PyResult<String> {
    onpace::api::builtin_observations(id).map_err(to_py)
}

/// Every assessment method, as JSON.
#[pyfunction]
fn methods_json() -> PyResult<String> {
    onpace::api::methods().map_err(to_py)
}

/// Every status code with its tone, symbol and labels, as JSON.
#[pyfunction]
fn statuses_json() -> PyResult<String> {
    onpace::api::statuses().map_err(to_py)
}

/// The building blocks at one observation (request and response JSON).
#[pyfunction]
fn progress_json(request: &str) -> PyResult<String> {
    onpace::api::progress_json(request).map_err(to_py)
}

/// Milestones between two points (request and response JSON).
#[pyfunction]
fn required_path_json(request: &str) -> PyResult<String> {
    onpace::api::required_path_json(request).map_err(to_py)
}

/// Project a series of points (request and response JSON).
#[pyfunction]
fn project_points_json(request: &str) -> PyResult<String> {
    onpace::api::project_points_json(request).map_err(to_py)
}

/// Observations from long CSV text, as JSON `{indicator: [observation, ...]}`.
#[pyfunction]
fn read_observations_csv_json(text: &str) -> PyResult<String> {
    let obs = onpace::io::csv::read_observations_csv(text).map_err(to_py)?;
    onpace::io::json::observations_to_json_compact(&obs).map_err(to_py)
}

/// One rate as a fraction (request and response JSON, see `onpace::api::parse_rate`).
#[pyfunction]
fn parse_rate_json(request: &str) -> PyResult<String> {
    onpace::api::parse_rate_json(request).map_err(to_py)
}

/// The JSON Schema of the plan format.
#[pyfunction]
fn plan_schema() -> String {
    onpace::io::schema::plan_schema_json()
}

/// The methods reference (docs/methods.md), compiled in so it is there offline. Read through
/// the symlink `src/methods.md`, which cargo and maturin follow, so the sdist carries the text
/// (a path outside the crate would be missing from it and break the build from source).
#[pyfunction]
fn docs_methods() -> &'static str {
    include_str!("methods.md")
}

/// The exact total of a project's investments (request and response JSON, see
/// `onpace::api::investment_total`).
#[pyfunction]
fn investment_total_json(request: &str) -> PyResult<String> {
    onpace::api::investment_total(request).map_err(to_py)
}

/// The defaults every front end shares (`onpace::DEFAULTS`), as JSON.
#[pyfunction]
fn defaults_json() -> PyResult<String> {
    onpace::api::defaults().map_err(to_py)
}

/// The core's error table (`onpace::Error::TABLE`): `(code, python class, JS class, message
/// parameters)` per code, for the checks that the package's classes are the core's.
#[pyfunction]
fn error_table() -> Vec<(&'static str, &'static str, &'static str, Vec<&'static str>)> {
    onpace::Error::TABLE.iter().map(|i| (i.code, i.python, i.js, i.params.to_vec())).collect()
}

/// The version of the Rust core.
#[pyfunction]
fn core_version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    m.add_class::<handles::PlanHandle>()?;
    m.add_class::<handles::IndicatorHandle>()?;
    m.add_class::<handles::EvaluationHandle>()?;
    m.add_class::<rows::RowSource>()?;
    m.add_function(wrap_pyfunction!(builtin_plan_ids, m)?)?;
    m.add_function(wrap_pyfunction!(builtin_plan, m)?)?;
    m.add_function(wrap_pyfunction!(builtin_observations_json, m)?)?;
    m.add_function(wrap_pyfunction!(methods_json, m)?)?;
    m.add_function(wrap_pyfunction!(statuses_json, m)?)?;
    m.add_function(wrap_pyfunction!(plan_schema, m)?)?;
    m.add_function(wrap_pyfunction!(read_observations_csv_json, m)?)?;
    m.add_function(wrap_pyfunction!(progress_json, m)?)?;
    m.add_function(wrap_pyfunction!(parse_rate_json, m)?)?;
    m.add_function(wrap_pyfunction!(required_path_json, m)?)?;
    m.add_function(wrap_pyfunction!(project_points_json, m)?)?;
    m.add_function(wrap_pyfunction!(core_version, m)?)?;
    m.add_function(wrap_pyfunction!(error_table, m)?)?;
    m.add_function(wrap_pyfunction!(investment_total_json, m)?)?;
    m.add_function(wrap_pyfunction!(defaults_json, m)?)?;
    m.add_function(wrap_pyfunction!(docs_methods, m)?)?;
    m.add_function(wrap_pyfunction!(batch::batch_panel, m)?)?;
    m.add_function(wrap_pyfunction!(batch::batch_assess_into, m)?)?;
    m.add_function(wrap_pyfunction!(batch::batch_methods, m)?)?;
    Ok(())
}
