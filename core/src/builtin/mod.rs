//! Plans shipped inside the library, with the real observations published for them.
//!
//! - `yanbian-st-14`: 延边州科学技术发展"十四五"规划, transcribed from the plan's text. No
//!   observed 2021–2025 values have been found in reachable published sources, so it ships
//!   with baselines and targets only; `observations("yanbian-st-14")` is empty.
//! - `cn-14th-fyp-st`: the science-and-technology indicators of the national 14th Five-Year
//!   Plan outline, with published figures (each with its source and vintage).

use crate::error::{Error, Result};
use crate::io::json::observations_from_json;
use crate::model::plan::Plan;
use crate::model::series::PlanObservations;

struct Builtin {
    id: &'static str,
    plan: &'static str,
    observations: Option<&'static str>,
}

const BUILTINS: &[Builtin] = &[
    Builtin { id: "yanbian-st-14", plan: include_str!("data/yanbian-st-14.json"), observations: None },
    Builtin {
        id: "cn-14th-fyp-st",
        plan: include_str!("data/cn-14th-fyp-st.json"),
        observations: Some(include_str!("data/cn-14th-fyp-st.observations.json")),
    },
];

/// The default plan: the Yanbian 14th Five-Year S&T plan.
pub const DEFAULT_PLAN: &str = "yanbian-st-14";

/// Ids of the built-in plans, the default first.
pub fn plan_ids() -> Vec<&'static str> {
    BUILTINS.iter().map(|b| b.id).collect()
}

fn find(id: &str) -> Result<&'static Builtin> {
    BUILTINS
        .iter()
        .find(|b| b.id == id)
        .ok_or_else(|| Error::UnknownPlan { id: id.into(), available: plan_ids().join(", ") })
}

/// Load a built-in plan.
pub fn plan(id: &str) -> Result<Plan> {
    Plan::from_json(find(id)?.plan)
}

/// The published observations shipped with a built-in plan (empty when there are none).
pub fn observations(id: &str) -> Result<PlanObservations> {
    match find(id)?.observations {
        Some(text) => observations_from_json(text),
        None => Ok(PlanObservations::new()),
    }
}

/// The raw JSON text of a built-in plan.
pub fn plan_json(id: &str) -> Result<&'static str> {
    Ok(find(id)?.plan)
}
