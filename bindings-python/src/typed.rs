//! The thin call path of `Plan.evaluate` and `Indicator.assess`: the request is read from the
//! Python objects without a JSON text in between (docs/python-call-path.md); the results are
//! made as lazy rows (`rows.rs`).
//!
//! Only plain input is read here: observations as `{year: value}` or a list of `{"year",
//! "value"}` dicts or `(year, value)` pairs, years as `int`, values as `str`, `int`, `float` or
//! `Decimal`, the other arguments already normalised by the Python wrapper. Anything else — a
//! pandas object, a numpy scalar, a missing value, an extra column, text that is not a plain
//! decimal — makes the reader decline (`None`), and the wrapper takes the JSON route, which
//! normalises and reports every error as before. Both routes end in the same typed façade
//! function (`onpace::api::assess`, `onpace::api::Evaluated::new`), so they give the same
//! results; `tests/test_call_path.py` checks that they do, field by field.

use onpace::api::{AssessRequest, EvaluateRequest};
use onpace::io::decimal::parse_exact;
use onpace::{AsOf, Decimal, Observation, PlanObservations};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};

/// A value the fast reader does not take: the caller falls back to the JSON route.
pub(crate) struct Declined;

type Read<T> = Result<T, Declined>;

fn decimal_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    DECIMAL.import(py, "decimal", "Decimal")
}

/// Exact decimal text: no surrounding whitespace (Python's `strip()` and Rust's `trim()` differ
/// on a few control characters, so such text takes the JSON route), then the core's parser.
fn decimal_text(text: &str) -> Read<Decimal> {
    let edge_ok = |c: Option<char>| c.is_some_and(|c| c.is_ascii_graphic());
    if !edge_ok(text.chars().next()) || !edge_ok(text.chars().last()) {
        return Err(Declined);
    }
    parse_exact(text).map_err(|_| Declined)
}

/// A value as the Python wrapper's `dec_str` would write it, parsed by the core.
fn value(v: &Bound<'_, PyAny>) -> Read<Decimal> {
    let py = v.py();
    if let Ok(s) = v.cast_exact::<PyString>() {
        return decimal_text(&s.to_cow().map_err(|_| Declined)?);
    }
    if v.is_exact_instance_of::<PyInt>() {
        return v.extract::<i64>().map(Decimal::from).map_err(|_| Declined);
    }
    if let Ok(f) = v.cast_exact::<PyFloat>() {
        // float.__repr__: the shortest text that reads back as the same float, as `dec_str`.
        if !f.value().is_finite() {
            return Err(Declined);
        }
        return decimal_text(&f.repr().map_err(|_| Declined)?.to_cow().map_err(|_| Declined)?);
    }
    let decimal = decimal_type(py).map_err(|_| Declined)?;
    if v.is_exact_instance(decimal.as_any()) {
        return decimal_text(&v.str().map_err(|_| Declined)?.to_cow().map_err(|_| Declined)?);
    }
    Err(Declined)
}

fn year(v: &Bound<'_, PyAny>) -> Read<i32> {
    if v.is_exact_instance_of::<PyInt>() {
        v.extract::<i32>().map_err(|_| Declined)
    } else {
        Err(Declined)
    }
}

/// One indicator's observations in a plain form.
pub(crate) fn observations(obs: &Bound<'_, PyAny>) -> Read<Vec<Observation>> {
    if let Ok(d) = obs.cast_exact::<PyDict>() {
        return d.iter().map(|(y, v)| Ok(Observation::new(year(&y)?, value(&v)?))).collect();
    }
    let list = obs.cast_exact::<PyList>().map_err(|_| Declined)?;
    let mut out = Vec::with_capacity(list.len());
    for item in list.iter() {
        if let Ok(d) = item.cast_exact::<PyDict>() {
            // Exactly {"year", "value"}: other columns (vintage, flag, ...) take the JSON route.
            if d.len() != 2 {
                return Err(Declined);
            }
            let py = d.py();
            let y = d.get_item(pyo3::intern!(py, "year")).ok().flatten().ok_or(Declined)?;
            let v = d.get_item(pyo3::intern!(py, "value")).ok().flatten().ok_or(Declined)?;
            out.push(Observation::new(year(&y)?, value(&v)?));
        } else if let Ok(t) = item.cast_exact::<PyTuple>() {
            if t.len() != 2 {
                return Err(Declined);
            }
            let (y, v) = (t.get_item(0).map_err(|_| Declined)?, t.get_item(1).map_err(|_| Declined)?);
            out.push(Observation::new(year(&y)?, value(&v)?));
        } else {
            return Err(Declined);
        }
    }
    Ok(out)
}

/// A plan's observations `{id: observations}` in a plain form.
pub(crate) fn plan_observations(obs: &Bound<'_, PyAny>) -> Read<PlanObservations> {
    let d = obs.cast_exact::<PyDict>().map_err(|_| Declined)?;
    let mut out = PlanObservations::new();
    for (k, v) in d.iter() {
        out.insert(text(&k)?, observations(&v)?);
    }
    Ok(out)
}

/// `as_of` as the wrapper normalises it: None, `"latest"`, a year or a date text.
pub(crate) fn as_of(v: &Bound<'_, PyAny>) -> Read<AsOf> {
    if v.is_none() {
        return Ok(AsOf::Latest);
    }
    if let Ok(s) = v.cast_exact::<PyString>() {
        let s = s.to_cow().map_err(|_| Declined)?;
        // A bad date declines: the JSON route raises its `invalid_argument`.
        return if s == "latest" { Ok(AsOf::Latest) } else { AsOf::parse_date(&s).map_err(|_| Declined) };
    }
    year(v).map(AsOf::Year)
}

/// A `str` argument (a method id, a code); anything else takes the JSON route, whose error
/// names the argument.
fn text(v: &Bound<'_, PyAny>) -> Read<String> {
    Ok(v.cast_exact::<PyString>().map_err(|_| Declined)?.to_cow().map_err(|_| Declined)?.into_owned())
}

fn optional_text(v: &Bound<'_, PyAny>) -> Read<Option<String>> {
    if v.is_none() {
        Ok(None)
    } else {
        text(v).map(Some)
    }
}

/// `{name: decimal text}` (thresholds, weights) as the wrapper normalises it.
pub(crate) fn decimal_map(d: &Bound<'_, PyAny>) -> Read<std::collections::BTreeMap<String, Decimal>> {
    let d = d.cast_exact::<PyDict>().map_err(|_| Declined)?;
    d.iter().map(|(k, v)| Ok((text(&k)?, decimal_text(&text(&v)?)?))).collect()
}

/// A code the core reads by name (`missing`, `baseline`), through its own deserializer.
pub(crate) fn code<T: serde::de::DeserializeOwned>(text: &str) -> Read<T> {
    serde_json::from_value(serde_json::Value::String(text.to_string())).map_err(|_| Declined)
}

/// The wrapper's arguments, positional (`Plan.evaluate`: observations, as_of, method,
/// thresholds, model, weights, missing, baseline; `Indicator.assess`: the same without
/// weights and missing): each is named here only.
fn arguments<'py, const N: usize>(args: &Bound<'py, PyTuple>) -> Read<[Bound<'py, PyAny>; N]> {
    let items: Vec<Bound<'py, PyAny>> = args.iter().collect();
    items.try_into().map_err(|_| Declined)
}

/// The arguments of `Plan.evaluate` as a request, or `Declined`.
// Fields set one by one rather than a struct literal: the façade's request structs may become
// #[non_exhaustive], where only Default and assignment work from another crate.
#[allow(clippy::field_reassign_with_default)]
pub(crate) fn evaluate_request(args: &Bound<'_, PyTuple>) -> Read<EvaluateRequest> {
    let [observations, as_of_value, method, thresholds, model, weights, missing, baseline] = arguments(args)?;
    let mut r = EvaluateRequest::default();
    r.observations = plan_observations(&observations)?;
    r.as_of = as_of(&as_of_value)?.into();
    r.method = Some(text(&method)?);
    r.thresholds = decimal_map(&thresholds)?;
    r.model = optional_text(&model)?;
    r.weights = decimal_map(&weights)?;
    r.missing = Some(code(&text(&missing)?)?);
    r.baseline = Some(code(&text(&baseline)?)?);
    Ok(r)
}

/// The arguments of `Indicator.assess` (without a reference rate) as a request.
#[allow(clippy::field_reassign_with_default)] // as in evaluate_request.
pub(crate) fn assess_request(args: &Bound<'_, PyTuple>) -> Read<AssessRequest> {
    let [obs, as_of_value, method, thresholds, model, baseline] = arguments(args)?;
    let mut r = AssessRequest::default();
    r.observations = if obs.is_none() { Vec::new() } else { observations(&obs)? };
    r.as_of = as_of(&as_of_value)?.into();
    r.method = Some(text(&method)?);
    r.thresholds = decimal_map(&thresholds)?;
    r.model = optional_text(&model)?;
    r.baseline = Some(code(&text(&baseline)?)?);
    Ok(r)
}
