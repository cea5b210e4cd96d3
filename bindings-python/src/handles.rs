//! Rust objects held by the Python classes. The methods call `onpace::api`, the façade the
//! WebAssembly package uses too: through JSON text, or for `Plan.evaluate` and
//! `Indicator.assess` on plain input through typed conversions (`typed.rs`).

use std::sync::Arc;

use onpace::{Indicator, Lang, Plan};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use crate::errors::to_py;

type R<T> = PyResult<T>;

fn lang(code: &str) -> R<Lang> {
    Lang::parse(code).map_err(to_py)
}

/// A plan held in Rust.
#[pyclass(module = "onpace._core", frozen)]
pub struct PlanHandle {
    /// Shared with the evaluations made from it (a plan of 10⁴ indicators is not copied).
    plan: Arc<Plan>,
}

impl PlanHandle {
    fn new(plan: Plan) -> Self {
        PlanHandle { plan: Arc::new(plan) }
    }

    pub(crate) fn from_json_text(text: &str) -> R<Self> {
        Plan::from_json(text).map(PlanHandle::new).map_err(to_py)
    }
}

#[pymethods]
impl PlanHandle {
    /// Load and validate a plan from JSON text.
    #[staticmethod]
    fn from_json(text: &str) -> R<Self> {
        Self::from_json_text(text)
    }

    /// The plan as JSON text (decimals as strings).
    fn to_json(&self) -> R<String> {
        self.plan.to_json_compact().map_err(to_py)
    }

    /// The indicator with this id.
    fn indicator(&self, id: &str) -> R<IndicatorHandle> {
        self.plan.indicator(id).map(|i| IndicatorHandle { indicator: i.clone() }).map_err(to_py)
    }

    /// Evaluate the plan (request JSON, see `onpace::api::EvaluateRequest`).
    fn evaluate(&self, py: Python<'_>, request: &str) -> R<EvaluationHandle> {
        let plan = Arc::clone(&self.plan);
        let request = request.to_string();
        let evaluated = py.detach(move || onpace::api::evaluate_json(&plan, &request)).map_err(to_py)?;
        Ok(EvaluationHandle { plan: Arc::clone(&self.plan), evaluated: Arc::new(evaluated) })
    }

    /// Evaluate the plan on plain observations through typed conversions; None when an input
    /// is not plain (the caller then sends the JSON request to `evaluate`). The arguments are
    /// `Plan.evaluate`'s, positional (`typed::evaluate_request`).
    #[pyo3(signature = (*args))]
    fn evaluate_plain(&self, py: Python<'_>, args: &Bound<'_, PyTuple>) -> R<Option<EvaluationHandle>> {
        let Ok(request) = crate::typed::evaluate_request(args) else { return Ok(None) };
        let plan = Arc::clone(&self.plan);
        let evaluated = py.detach(move || onpace::api::Evaluated::new(&plan, request)).map_err(to_py)?;
        Ok(Some(EvaluationHandle { plan: Arc::clone(&self.plan), evaluated: Arc::new(evaluated) }))
    }

    /// The required schedule of every indicator as Markdown.
    fn schedule_markdown(&self, lang_code: &str) -> R<String> {
        onpace::report::schedule::schedule_markdown(&self.plan, lang(lang_code)?).map_err(to_py)
    }

    /// The plan report (schedule and key projects) as self-contained HTML.
    fn to_html(&self, lang_code: &str) -> R<String> {
        onpace::report::html::plan_html(&self.plan, lang(lang_code)?).map_err(to_py)
    }

    /// The key-project registry (request and response JSON).
    fn projects(&self, request: &str) -> R<String> {
        onpace::api::projects_json(&self.plan, request).map_err(to_py)
    }

    /// The reference value `id` as JSON `{year, value}` (the core's lookup and error).
    fn reference_value(&self, id: &str) -> R<String> {
        onpace::api::reference_value(&self.plan, id).map_err(to_py)
    }

    /// The key projects as an SVG timeline.
    fn projects_svg(&self, lang_code: &str) -> R<String> {
        Ok(onpace::report::svg::projects_gantt(&self.plan, lang(lang_code)?))
    }

    /// The indicators as a table: JSON `{columns, types, rows}`.
    fn table_json(&self) -> R<String> {
        onpace::api::plan_table(&self.plan).map_err(to_py)
    }

    /// The indicators as the CSV plan template.
    fn to_csv(&self) -> R<String> {
        onpace::io::plan_csv::write_plan_csv(&self.plan).map_err(to_py)
    }

    /// A plan from table rows (request JSON `{id, name, rows}`).
    #[staticmethod]
    fn from_rows(request: &str) -> R<Self> {
        onpace::api::plan_from_rows_json(request).map(PlanHandle::new).map_err(to_py)
    }

    /// A plan from indicators (request JSON `{id, name, indicators}`).
    #[staticmethod]
    fn from_indicators(request: &str) -> R<Self> {
        onpace::api::plan_from_indicators_json(request).map(PlanHandle::new).map_err(to_py)
    }

    /// A plan from its CSV template.
    #[staticmethod]
    fn from_csv(text: &str, id: &str, name: &str) -> R<Self> {
        onpace::io::plan_csv::read_plan_csv(text, id, name).map(PlanHandle::new).map_err(to_py)
    }
}

/// An indicator held in Rust.
#[pyclass(module = "onpace._core", frozen)]
pub struct IndicatorHandle {
    indicator: Indicator,
}

#[pymethods]
impl IndicatorHandle {
    /// Load and validate an indicator from JSON text.
    #[staticmethod]
    fn from_json(text: &str) -> R<Self> {
        Indicator::from_json(text).map(|indicator| IndicatorHandle { indicator }).map_err(to_py)
    }

    /// An indicator from the fields the Python constructor was given (JSON it built): errors
    /// carry no position in that JSON.
    #[staticmethod]
    fn from_fields(text: &str) -> R<Self> {
        onpace::api::indicator_from_fields(text).map(|indicator| IndicatorHandle { indicator }).map_err(to_py)
    }

    /// The indicator as JSON text.
    fn to_json(&self) -> R<String> {
        self.indicator.to_json_compact().map_err(to_py)
    }

    /// Assess (request JSON, see `onpace::api::AssessRequest`); returns Assessment JSON.
    fn assess(&self, request: &str) -> R<String> {
        onpace::api::assess_json(&self.indicator, request).map_err(to_py)
    }

    /// Assess on plain observations through typed conversions; returns a lazy
    /// `onpace.Assessment` (`rows.rs`), or None when an input is not plain (the caller then sends the JSON
    /// request to `assess`). The arguments are `Indicator.assess`'s, positional
    /// (`typed::assess_request`).
    #[pyo3(signature = (*args))]
    fn assess_plain<'py>(&self, py: Python<'py>, args: &Bound<'py, PyTuple>) -> R<Option<Bound<'py, PyAny>>> {
        let Ok(request) = crate::typed::assess_request(args) else { return Ok(None) };
        let assessment = onpace::api::assess(&self.indicator, request).map_err(to_py)?;
        crate::rows::RowMaker::new(py)?.one(assessment).map(Some)
    }

    /// Project to the target year; returns Projection JSON.
    fn project(&self, request: &str) -> R<String> {
        onpace::api::project_json(&self.indicator, request).map_err(to_py)
    }

    /// Required milestones; returns a JSON list of {year, value}.
    fn path(&self, request: &str) -> R<String> {
        onpace::api::path_json(&self.indicator, request).map_err(to_py)
    }

    /// A what-if path; returns WhatIf JSON.
    fn what_if(&self, request: &str) -> R<String> {
        onpace::api::what_if_json(&self.indicator, request).map_err(to_py)
    }

    /// The numerator a ratio target needs; returns Decomposition JSON.
    fn numerator_path(&self, request: &str) -> R<String> {
        onpace::api::numerator_path_json(&self.indicator, request).map_err(to_py)
    }

    /// The implied level target; returns {year, value, comparator} JSON.
    fn implied_target(&self) -> R<String> {
        onpace::api::implied_target_json(&self.indicator).map_err(to_py)
    }

    /// The target as the plan writes it (`> 7 %/yr`), in a language.
    fn target_text(&self, lang_code: &str) -> R<String> {
        Ok(onpace::report::table::target_text(&self.indicator, lang(lang_code)?))
    }
}

/// An evaluation held in Rust (with its plan, for the renderers).
#[pyclass(module = "onpace._core", frozen)]
pub struct EvaluationHandle {
    plan: Arc<Plan>,
    /// Shared with the lazy rows made from it, which outlive the handle (`rows.rs`).
    evaluated: Arc<onpace::api::Evaluated>,
}

#[pymethods]
impl EvaluationHandle {
    /// The evaluation as JSON text.
    fn to_json(&self) -> R<String> {
        self.evaluated.json().map_err(to_py)
    }

    /// Everything but the rows as JSON text: `{plan, method, method_version, as_of, summary}`.
    fn header_json(&self) -> R<String> {
        #[derive(serde::Serialize)]
        struct Header<'a> {
            plan: &'a str,
            method: &'a str,
            method_version: &'a str,
            as_of: &'a onpace::AsOf,
            summary: &'a onpace::Summary,
        }
        let e = &self.evaluated.evaluation;
        let header = Header {
            plan: &e.plan,
            method: &e.method,
            method_version: &e.method_version,
            as_of: &e.as_of,
            summary: &e.summary,
        };
        serde_json::to_string(&header).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
    }

    /// The rows as lazy `onpace.Assessment` objects: fields converted when first read
    /// (`rows.rs`).
    fn rows<'py>(&self, py: Python<'py>) -> R<Bound<'py, PyList>> {
        let mut maker = crate::rows::RowMaker::new(py)?;
        crate::rows::without_gc(py, || maker.evaluation(&self.evaluated))
    }

    /// The evaluation table as Markdown in a language (`zh`, `en`, `ko`).
    fn to_markdown(&self, lang_code: &str) -> R<String> {
        Ok(onpace::report::markdown::evaluation_markdown(&self.plan, &self.evaluated.evaluation, lang(lang_code)?))
    }

    /// The self-contained HTML report (table, roll-up, charts).
    fn to_html(&self, lang_code: &str) -> R<String> {
        self.evaluated.html(&self.plan, lang(lang_code)?).map_err(to_py)
    }

    /// The SVG chart of one indicator.
    fn chart_svg(&self, id: &str, lang_code: &str) -> R<String> {
        self.evaluated.chart_svg(&self.plan, id, lang(lang_code)?).map_err(to_py)
    }

    /// Completion against time share for every indicator, as SVG.
    fn pace_svg(&self, lang_code: &str) -> R<String> {
        Ok(self.evaluated.pace_svg(&self.plan, lang(lang_code)?))
    }

    /// The evaluation as CSV.
    fn to_csv(&self) -> String {
        self.evaluated.csv()
    }

    fn table_json(&self, lang_code: &str) -> R<String> {
        self.evaluated.table_json(&self.plan, lang(lang_code)?).map_err(to_py)
    }

    fn table_csv(&self, lang_code: &str) -> R<String> {
        self.evaluated.table_csv(&self.plan, lang(lang_code)?).map_err(to_py)
    }

    fn summary_by_json(&self, field: &str) -> R<String> {
        self.evaluated.summary_by_json(&self.plan, field).map_err(to_py)
    }
}
