//! The thin call path of `Plan.evaluate` and `Indicator.assess`: the request is read from the
//! Python objects and the results are built as the package's own result objects, without a
//! JSON text in between (docs/python-call-path.md).
//!
//! Only plain input is read here: observations as `{year: value}` or a list of `{"year",
//! "value"}` dicts or `(year, value)` pairs, years as `int`, values as `str`, `int`, `float` or
//! `Decimal`, the other arguments already normalised by the Python wrapper. Anything else — a
//! pandas object, a numpy scalar, a missing value, an extra column, text that is not a plain
//! decimal — makes the reader decline (`None`), and the wrapper takes the JSON route, which
//! normalises and reports every error as before. Both routes end in the same typed façade
//! function (`onpace::api::assess`, `onpace::api::Evaluated::new`), so they give the same
//! results; `tests/test_call_path.py` checks that they do, field by field.

use std::collections::HashMap;

use onpace::api::{AssessRequest, EvaluateRequest};
use onpace::io::decimal::parse_exact;
use onpace::{AsOf, Assessment, Decimal, Observation, PlanObservations};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use pyo3::IntoPyObjectExt;

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

/// Run `f` with Python's cyclic garbage collector paused (as it was before, afterwards, even
/// on an error). Building 10⁴ results makes some 10⁵ tracked containers, and with none of them
/// in a cycle the collections that would run meanwhile only walk the growing list again: they
/// took half the build's time (`benches/python/evaluate_scale.py`).
pub(crate) fn without_gc<'py, T>(py: Python<'py>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    let gc = py.import("gc")?;
    let enabled = gc.call_method0("isenabled")?.is_truthy()?;
    if enabled {
        gc.call_method0("disable")?;
    }
    let out = f();
    if enabled {
        gc.call_method0("enable")?;
    }
    out
}

/// Builds `onpace._results` objects (`Assessment`, `UsedInputs`, `ResultWarning`) field by
/// field, as `Assessment._from` does from the JSON, without calling the dataclasses'
/// `__init__`: the instance is made with `object.__new__` and its `__dict__` filled. Equal
/// decimals met again (the thresholds of every row) share one `Decimal` object, which is
/// immutable.
pub(crate) struct ResultBuilder<'py> {
    py: Python<'py>,
    new: Bound<'py, PyAny>,
    assessment: Bound<'py, PyAny>,
    inputs: Bound<'py, PyAny>,
    warning: Bound<'py, PyAny>,
    decimal: Bound<'py, PyType>,
    shared: HashMap<[u8; 16], Py<PyAny>>,
    /// Texts every row repeats (method, version, status, threshold names): one object each.
    texts: HashMap<String, Py<PyAny>>,
}

impl<'py> ResultBuilder<'py> {
    pub(crate) fn new(py: Python<'py>) -> PyResult<Self> {
        let results = py.import("onpace._results")?;
        Ok(ResultBuilder {
            py,
            new: py.import("builtins")?.getattr("object")?.getattr("__new__")?,
            assessment: results.getattr("Assessment")?,
            inputs: results.getattr("UsedInputs")?,
            warning: results.getattr("ResultWarning")?,
            decimal: decimal_type(py)?.clone(),
            shared: HashMap::new(),
            texts: HashMap::new(),
        })
    }

    fn decimal(&self, d: &Decimal) -> PyResult<Bound<'py, PyAny>> {
        self.decimal.call1((d.to_string(),))
    }

    fn shared_decimal(&mut self, d: &Decimal) -> PyResult<Bound<'py, PyAny>> {
        // serialize(): the exact representation (1.0 and 1.00 differ), not numeric equality.
        let key = d.serialize();
        if let Some(v) = self.shared.get(&key) {
            return Ok(v.bind(self.py).clone());
        }
        let v = self.decimal(d)?;
        self.shared.insert(key, v.clone().unbind());
        Ok(v)
    }

    fn shared_text(&mut self, t: &str) -> Bound<'py, PyAny> {
        if let Some(v) = self.texts.get(t) {
            return v.bind(self.py).clone();
        }
        let v = PyString::intern(self.py, t).into_any();
        self.texts.insert(t.to_string(), v.clone().unbind());
        v
    }

    fn opt_decimal(&self, d: Option<&Decimal>) -> PyResult<Option<Bound<'py, PyAny>>> {
        d.map(|d| self.decimal(d)).transpose()
    }

    /// An instance of `cls` with these fields, in this order (names interned: Python hashes
    /// each once).
    fn instance(
        &self,
        cls: &Bound<'py, PyAny>,
        fields: &[(&Bound<'py, PyString>, Bound<'py, PyAny>)],
    ) -> PyResult<Bound<'py, PyAny>> {
        let obj = self.new.call1((cls,))?;
        let dict = obj.getattr(pyo3::intern!(self.py, "__dict__"))?;
        let dict = dict.cast::<PyDict>()?;
        for (k, v) in fields {
            dict.set_item(k, v)?;
        }
        Ok(obj)
    }

    /// A `float` field: JSON writes a non-finite float as null, so it is None here too (the
    /// core never returns one: `Assessment::sanitized`).
    fn float(&self, v: Option<f64>) -> PyResult<Bound<'py, PyAny>> {
        Ok(match v.filter(|f| f.is_finite()) {
            Some(f) => PyFloat::new(self.py, f).into_any(),
            None => self.py.None().into_bound(self.py),
        })
    }

    fn opt<T: IntoPyObject<'py>>(&self, v: Option<T>) -> PyResult<Bound<'py, PyAny>> {
        v.into_bound_py_any(self.py)
    }

    fn obj<T: IntoPyObject<'py>>(&self, v: T) -> PyResult<Bound<'py, PyAny>> {
        v.into_bound_py_any(self.py)
    }

    /// A code as its JSON text (`plan`, `geometric`): what `Assessment._from` reads.
    fn code<T: serde::Serialize>(&self, v: &T) -> PyResult<Bound<'py, PyAny>> {
        match serde_json::to_value(v) {
            Ok(serde_json::Value::String(s)) => self.obj(s),
            _ => Err(pyo3::exceptions::PyValueError::new_err("a code that is not text")),
        }
    }

    /// `onpace.Assessment` from the core's.
    pub(crate) fn assessment(&mut self, a: &Assessment) -> PyResult<Bound<'py, PyAny>> {
        let inputs = match &a.inputs {
            None => self.py.None().into_bound(self.py),
            Some(i) => {
                let chained = PyList::empty(self.py);
                for c in &i.chained_annual_changes {
                    chained.append((c.year, self.decimal(&c.value)?))?;
                }
                let fields = [
                    (pyo3::intern!(self.py, "base_year"), self.obj(i.base_year)?),
                    (pyo3::intern!(self.py, "base_value"), self.decimal(&i.base_value)?),
                    (pyo3::intern!(self.py, "latest_year"), self.obj(i.latest_year)?),
                    (pyo3::intern!(self.py, "latest_value"), self.decimal(&i.latest_value)?),
                    (pyo3::intern!(self.py, "target_year"), self.obj(i.target_year)?),
                    (pyo3::intern!(self.py, "target_value"), self.decimal(&i.target_value)?),
                    (pyo3::intern!(self.py, "baseline"), self.code(&i.baseline)?),
                    (
                        pyo3::intern!(self.py, "plan_base_value"),
                        self.opt(self.opt_decimal(i.plan_base_value.as_ref())?)?,
                    ),
                    (pyo3::intern!(self.py, "revision_date"), self.opt(i.revision_date.as_deref())?),
                    (pyo3::intern!(self.py, "chained_annual_changes"), chained.into_any()),
                    (pyo3::intern!(self.py, "latest_period"), self.opt(i.latest_period.as_deref())?),
                ];
                self.instance(&self.inputs, &fields)?
            }
        };
        let thresholds = PyDict::new(self.py);
        for (k, v) in &a.thresholds {
            thresholds.set_item(self.shared_text(k), self.shared_decimal(v)?)?;
        }
        let warnings = PyList::empty(self.py);
        for w in &a.warnings {
            let fields = [
                (pyo3::intern!(self.py, "code"), self.obj(w.code.to_string())?),
                (pyo3::intern!(self.py, "field"), self.obj(w.field.as_str())?),
                (pyo3::intern!(self.py, "message"), self.obj(w.message.as_str())?),
            ];
            warnings.append(self.instance(&self.warning, &fields)?)?;
        }
        let path = match &a.path {
            Some(p) => self.code(p)?,
            None => self.py.None().into_bound(self.py),
        };
        let fields = [
            (pyo3::intern!(self.py, "indicator"), self.obj(a.indicator.as_str())?),
            (pyo3::intern!(self.py, "method"), self.shared_text(&a.method)),
            (pyo3::intern!(self.py, "method_version"), self.shared_text(&a.method_version)),
            (pyo3::intern!(self.py, "status"), self.shared_text(a.status.code())),
            (pyo3::intern!(self.py, "completion"), self.opt(self.opt_decimal(a.completion.as_ref())?)?),
            (pyo3::intern!(self.py, "time_share"), self.opt(self.opt_decimal(a.time_share.as_ref())?)?),
            (pyo3::intern!(self.py, "pace"), self.opt(self.opt_decimal(a.pace.as_ref())?)?),
            (pyo3::intern!(self.py, "actual_cagr"), self.float(a.actual_cagr)?),
            (pyo3::intern!(self.py, "required_cagr"), self.float(a.required_cagr)?),
            (pyo3::intern!(self.py, "required_cagr_from_now"), self.float(a.required_cagr_from_now)?),
            (pyo3::intern!(self.py, "ratio"), self.float(a.ratio)?),
            (pyo3::intern!(self.py, "score"), self.float(a.score)?),
            (pyo3::intern!(self.py, "index"), self.float(a.index)?),
            (pyo3::intern!(self.py, "years_to_target"), self.float(a.years_to_target)?),
            (pyo3::intern!(self.py, "acceleration"), self.float(a.acceleration)?),
            (pyo3::intern!(self.py, "milestone"), self.opt(self.opt_decimal(a.milestone.as_ref())?)?),
            (pyo3::intern!(self.py, "inputs"), inputs),
            (pyo3::intern!(self.py, "thresholds"), thresholds.into_any()),
            (pyo3::intern!(self.py, "warnings"), warnings.into_any()),
            (pyo3::intern!(self.py, "path"), path),
            (pyo3::intern!(self.py, "breach_years"), self.obj(a.breach_years.clone())?),
        ];
        self.instance(&self.assessment, &fields)
    }
}
