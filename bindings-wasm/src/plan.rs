//! Plans and evaluations (the `plan` feature): what the full module adds to the indicator API.
//! The calculator module (`onpace/calc`, built without this feature) leaves them out, and with
//! them plan loading, evaluation, the key-project registry and the Markdown renderers.

use crate::{lang, to_js, IndicatorHandle, R};
use onpace::Plan;
use wasm_bindgen::prelude::*;

/// A plan from its CSV template (io/plan_table.rs columns), with its id and name.
#[cfg(feature = "csv")]
#[wasm_bindgen(js_name = readPlanCsv)]
pub fn read_plan_csv(text: &str, id: &str, name: &str) -> R<PlanHandle> {
    onpace::io::plan_csv::read_plan_csv(text, id, name).map(|plan| PlanHandle { plan }).map_err(to_js)
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
        self.plan.indicator(id).map(|i| IndicatorHandle::new(i.clone())).map_err(to_js)
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

    /// The reference value `id` as JSON `{year, value}` (the core's lookup and error).
    #[wasm_bindgen(js_name = referenceValue)]
    pub fn reference_value(&self, id: &str) -> R<String> {
        onpace::api::reference_value(&self.plan, id).map_err(to_js)
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
