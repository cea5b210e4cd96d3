//! Plan files in JSON: exact decimals, unknown fields refused, errors that name the path.

use crate::error::{Error, Result};
use crate::model::plan::Plan;
use crate::model::series::PlanObservations;

/// Deserialize JSON text into `T`, turning serde errors into typed errors with the path.
///
/// Syntax errors (malformed, truncated, nested too deep) are [`Error::Parse`]; well-formed
/// JSON of the wrong shape (unknown field, wrong type, number out of range) is reported with
/// `shape_code`'s constructor so that plans and observations keep their own codes.
pub(crate) fn from_json_text<T: serde::de::DeserializeOwned>(
    text: &str,
    shape_error: fn(String, String) -> Error,
) -> Result<T> {
    read(text, shape_error, Source::Caller)
}

/// Like [`from_json_text`], for JSON a front end built from the caller's values (a request):
/// a line and column in text the caller never saw mean nothing to them, so they are left out,
/// and an observation in a list is named by its year (`observations[2022].value`), as the
/// caller wrote it, not by its place in the list the front end made (docs/codes.md).
pub(crate) fn from_request_json_text<T: serde::de::DeserializeOwned>(
    text: &str,
    shape_error: fn(String, String) -> Error,
) -> Result<T> {
    read(text, shape_error, Source::Request)
}

/// Who wrote the JSON text being read.
#[derive(Clone, Copy, PartialEq)]
enum Source {
    /// The caller (a plan file): positions help them find the place.
    Caller,
    /// A front end, from the caller's values.
    Request,
}

fn read<T: serde::de::DeserializeOwned>(
    text: &str,
    shape_error: fn(String, String) -> Error,
    source: Source,
) -> Result<T> {
    use super::json_path::{path_at, path_of_value_before, Naming};
    super::decimal::take_raw_refused();
    serde_json::from_str(text).map_err(|e| {
        let naming = if source == Source::Request { Naming::Year } else { Naming::Place };
        let path = if super::decimal::take_raw_refused() {
            path_of_value_before(text, e.line(), e.column(), naming)
        } else {
            path_at(text, e.line(), e.column(), naming)
        };
        let (message, line) = match source {
            Source::Caller => (e.to_string(), Some(e.line() as u64)),
            Source::Request => {
                let full = e.to_string();
                let position = format!(" at line {} column {}", e.line(), e.column());
                (full.strip_suffix(&position).map_or_else(|| full.clone(), str::to_string), None)
            }
        };
        // A path through deep nesting is noise after the first few levels.
        let path = if path.len() > 120 { format!("{}…", path.chars().take(120).collect::<String>()) } else { path };
        match e.classify() {
            serde_json::error::Category::Data => shape_error(path, message).caused_by(e),
            _ => Error::parse(path, line, message).caused_by(e),
        }
    })
}

/// Serialize to JSON text (compact or pretty); decimals are written as strings.
///
/// Always inlined, so that each caller's constant `pretty` picks one serializer at compile time:
/// otherwise every serialized type is compiled for both formatters, and the WebAssembly modules
/// (which only write compact JSON) carry the pretty one too (benches/README.md, issue 15).
#[inline(always)]
pub(crate) fn write_json<T: serde::Serialize + ?Sized>(value: &T, pretty: bool) -> Result<String> {
    if pretty {
        finish(serde_json::to_string_pretty(value))
    } else {
        finish(serde_json::to_string(value))
    }
}

fn finish(text: serde_json::Result<String>) -> Result<String> {
    text.map_err(|e| Error::parse("", None, e.to_string()).caused_by(e))
}

impl Plan {
    /// Load a plan from JSON and check every rule ([`Plan::validate`]).
    ///
    /// Numbers load exactly: `0.36` and `"0.36"` are both exactly 0.36.
    pub fn from_json(text: &str) -> Result<Plan> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let crate::model::plan::UncheckedPlan(plan) = from_json_text(text, Error::invalid_plan)?;
        plan.validate()?;
        Ok(plan)
    }

    /// The plan as compact JSON (what the front ends exchange).
    pub fn to_json_compact(&self) -> Result<String> {
        write_json(self, false)
    }

    /// The plan as pretty JSON; decimals are written as strings so no reader can round them.
    pub fn to_json(&self) -> Result<String> {
        write_json(self, true)
    }
}

impl crate::model::indicator::Indicator {
    /// Load one indicator from JSON (the same shape as in a plan file) and check its rules.
    pub fn from_json(text: &str) -> Result<Self> {
        let crate::model::indicator::UncheckedIndicator(ind) = from_json_text(text, Error::invalid_plan)?;
        ind.validate("indicator")?;
        Ok(ind)
    }

    /// An indicator from JSON a front end built out of the caller's arguments: as
    /// [`Self::from_json`], with no position in the text in its errors (the caller never saw it).
    pub(crate) fn from_request_json(text: &str) -> Result<Self> {
        let crate::model::indicator::UncheckedIndicator(ind) = from_request_json_text(text, Error::invalid_plan)?;
        ind.validate("indicator")?;
        Ok(ind)
    }

    /// The indicator as compact JSON (what the front ends exchange).
    pub fn to_json_compact(&self) -> Result<String> {
        write_json(self, false)
    }

    /// The indicator as pretty JSON (decimals as strings).
    pub fn to_json(&self) -> Result<String> {
        write_json(self, true)
    }
}

/// A list of observations from JSON: `[{"year": 2021, "value": "0.4"}, ...]`.
pub fn observation_list_from_json(text: &str) -> Result<Vec<crate::model::series::Observation>> {
    from_json_text(text, |path, message| Error::invalid_observations(path, None, message))
}

/// Observations from JSON: `{"indicator-id": [{"year": 2021, "value": "0.4"}, ...]}`.
pub fn observations_from_json(text: &str) -> Result<PlanObservations> {
    from_json_text(text, |path, message| Error::invalid_observations(path, None, message))
}

/// Observations as compact JSON (decimals as strings), the form the front ends exchange.
pub fn observations_to_json_compact(observations: &PlanObservations) -> Result<String> {
    write_json(observations, false)
}

/// Observations as JSON (decimals as strings).
pub fn observations_to_json(observations: &PlanObservations) -> Result<String> {
    write_json(observations, true)
}
