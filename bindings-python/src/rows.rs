//! Lazy result rows: the `onpace.Assessment` objects of `Plan.evaluate` and `Indicator.assess`
//! on the thin call path are made with only their identity fields, and each other field is
//! converted from the core's `Assessment` the first time it is read (docs/python-call-path.md,
//! "Rows").
//!
//! A row is a plain `onpace._results.Assessment` instance (the dataclass, not a subclass): made
//! with `object.__new__`, its `__dict__` holds `indicator`, `method`, `method_version`, `status`
//! and `path`, plus a [`RowSource`] under the key `_results._SOURCE`. Reading a field that is not
//! in the `__dict__` yet reaches `Assessment.__getattr__`, which asks the source to convert it
//! ([`RowSource::read`]). Once enough fields have been read, or when the row is pickled or
//! copied, every field is converted at once and the source is dropped ([`RowSource::fill`]):
//! the row is then exactly the object `Assessment._from` would have built from the JSON.
//!
//! The conversions are those of the JSON route: `Decimal` from the core's exact decimal text,
//! `float` (None for a non-finite one, as JSON's null), codes as their JSON text.
//! `tests/test_call_path.py` and `tests/test_lazy_rows.py` compare both, field by field.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use onpace::api::Evaluated;
use onpace::{Assessment, Decimal};
use pyo3::exceptions::PyAttributeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyFloat, PyList, PyString, PyTuple};
use pyo3::IntoPyObjectExt;

/// The fields of `onpace.Assessment`, matched to the dataclass's by name once per process:
/// a field the dataclass has and this list lacks fails the first row, which every test makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Indicator,
    Method,
    MethodVersion,
    Status,
    Completion,
    TimeShare,
    Pace,
    ActualCagr,
    RequiredCagr,
    RequiredCagrFromNow,
    Ratio,
    Score,
    Index,
    YearsToTarget,
    Acceleration,
    Milestone,
    Inputs,
    Thresholds,
    Warnings,
    Path,
    BreachYears,
}

impl Field {
    fn parse(name: &str) -> Option<Field> {
        use Field::*;
        Some(match name {
            "indicator" => Indicator,
            "method" => Method,
            "method_version" => MethodVersion,
            "status" => Status,
            "completion" => Completion,
            "time_share" => TimeShare,
            "pace" => Pace,
            "actual_cagr" => ActualCagr,
            "required_cagr" => RequiredCagr,
            "required_cagr_from_now" => RequiredCagrFromNow,
            "ratio" => Ratio,
            "score" => Score,
            "index" => Index,
            "years_to_target" => YearsToTarget,
            "acceleration" => Acceleration,
            "milestone" => Milestone,
            "inputs" => Inputs,
            "thresholds" => Thresholds,
            "warnings" => Warnings,
            "path" => Path,
            "breach_years" => BreachYears,
            _ => return None,
        })
    }

    /// Set when the row is made: cheap, and what a row is mostly read for. `path` too: it is
    /// the one field with a class-level default (None), which a missing entry would show.
    const IDENTITY: [Field; 5] = [Field::Indicator, Field::Method, Field::MethodVersion, Field::Status, Field::Path];
}

/// The Python objects the rows are made of, looked up once per process.
struct Types {
    new: Py<PyAny>,
    assessment: Py<PyAny>,
    inputs: Py<PyAny>,
    warning: Py<PyAny>,
    decimal: Py<PyAny>,
    /// The key of a row's source in its `__dict__` (`_results._SOURCE`).
    source_key: Py<PyString>,
    /// The dataclass's fields in their order (`dataclasses.fields(Assessment)`), with their
    /// names as the dataclass holds them.
    fields: Vec<(Py<PyString>, Field)>,
    /// `gc.isenabled`, `gc.disable`, `gc.enable` (`without_gc`).
    gc: [Py<PyAny>; 3],
}

fn types(py: Python<'_>) -> PyResult<&'static Types> {
    static TYPES: PyOnceLock<Types> = PyOnceLock::new();
    TYPES.get_or_try_init(py, || {
        let results = py.import("onpace._results")?;
        let assessment = results.getattr("Assessment")?;
        let mut fields = Vec::new();
        for f in py.import("dataclasses")?.call_method1("fields", (&assessment,))?.try_iter()? {
            let name = f?.getattr("name")?.cast_into::<PyString>()?;
            let field = Field::parse(&name.to_cow()?).ok_or_else(|| {
                PyAttributeError::new_err(format!("Assessment has a field the extension does not convert: {name}"))
            })?;
            fields.push((name.unbind(), field));
        }
        Ok(Types {
            new: py.import("builtins")?.getattr("object")?.getattr("__new__")?.unbind(),
            assessment: assessment.unbind(),
            inputs: results.getattr("UsedInputs")?.unbind(),
            warning: results.getattr("ResultWarning")?.unbind(),
            decimal: py.import("decimal")?.getattr("Decimal")?.unbind(),
            source_key: results.getattr("_SOURCE")?.cast_into::<PyString>()?.unbind(),
            fields,
            gc: {
                let gc = py.import("gc")?;
                [gc.getattr("isenabled")?.unbind(), gc.getattr("disable")?.unbind(), gc.getattr("enable")?.unbind()]
            },
        })
    })
}

impl Types {
    /// The field called `name`: by identity first (attribute names are interned, so a read
    /// passes the dataclass's own string), then by value.
    fn field(&self, name: &Bound<'_, PyString>) -> PyResult<Option<(&Py<PyString>, Field)>> {
        if let Some((n, f)) = self.fields.iter().find(|(n, _)| n.is(name)) {
            return Ok(Some((n, *f)));
        }
        for (n, f) in &self.fields {
            if PyAnyMethods::eq(n.bind(name.py()).as_any(), name)? {
                return Ok(Some((n, *f)));
            }
        }
        Ok(None)
    }
}

/// Equal decimals met again in an evaluation's rows (thresholds, time shares, targets) share one
/// `Decimal`, which is immutable: keyed by the exact representation (`1.0` and `1.00` differ),
/// and bounded, so an evaluation of all-distinct values keeps no more than this many alive.
#[derive(Default)]
struct DecimalCache(Mutex<HashMap<[u8; 16], Py<PyAny>>>);

const DECIMAL_CACHE: usize = 256;

impl DecimalCache {
    fn get<'py>(&self, py: Python<'py>, d: &Decimal) -> PyResult<Bound<'py, PyAny>> {
        let key = d.serialize();
        // The lock is held for the lookup and the insertion only, never across a call into
        // Python; a poisoned lock (a panic elsewhere) just bypasses the cache.
        if let Some(v) = self.0.lock().ok().and_then(|m| m.get(&key).map(|v| v.clone_ref(py))) {
            return Ok(v.into_bound(py));
        }
        let v = new_decimal(py, d)?;
        if let Ok(mut m) = self.0.lock() {
            if m.len() < DECIMAL_CACHE {
                m.insert(key, v.clone().unbind());
            }
        }
        Ok(v)
    }
}

/// The rows of one evaluation: its result, shared by every row (and kept alive by them after
/// the `Evaluation` and the plan are gone), and their shared decimals.
struct Shared {
    evaluated: Arc<Evaluated>,
    decimals: DecimalCache,
}

/// Where a row's core result lives: a row of an evaluation, or one assessment.
enum Origin {
    Evaluation(Arc<Shared>, usize),
    One(Box<Assessment>),
}

impl Origin {
    fn row(&self) -> PyResult<&Assessment> {
        match self {
            Origin::Evaluation(e, i) => e
                .evaluated
                .evaluation
                .rows
                .get(*i)
                .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err("a row beyond the evaluation's")),
            Origin::One(a) => Ok(a),
        }
    }

    fn decimals(&self) -> Option<&DecimalCache> {
        match self {
            Origin::Evaluation(e, _) => Some(&e.decimals),
            Origin::One(_) => None,
        }
    }
}

/// The core's result behind a lazy `onpace.Assessment` row (internal: the row's
/// `__getattr__` and `__getstate__` use it).
#[pyclass(module = "onpace._core", frozen)]
pub struct RowSource {
    origin: Origin,
}

/// Fields read one by one before the rest are converted at once. Reading one field alone costs
/// a fraction of converting all; `asdict`, `==`, `repr` and a DataFrame read every field, and
/// from the third on, converting the rest together is cheaper than one by one
/// (benches/python/evaluate_scale.py).
const SINGLE_READS: usize = 2;

/// The entries a new row's `__dict__` has: the identity fields and the source.
const CREATED_ENTRIES: usize = Field::IDENTITY.len() + 1;

#[pymethods]
impl RowSource {
    /// The field `name`, converted once: stored in `state` (the row's `__dict__`) unless a
    /// value is already there (one set on the row wins), and returned. After a few single
    /// reads, every field is converted at once (`fill`).
    fn read<'py>(&self, state: &Bound<'py, PyDict>, name: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyAny>> {
        let py = state.py();
        let Some((key, field)) = types(py)?.field(name)? else {
            return Err(PyAttributeError::new_err(format!("'Assessment' object has no attribute {name}")));
        };
        if state.len() >= CREATED_ENTRIES + SINGLE_READS {
            self.fill(state)?;
            return state.get_item(key)?.ok_or_else(|| PyAttributeError::new_err(key.clone_ref(py)));
        }
        let value = convert(py, &self.origin, field)?;
        Ok(state.set_default_with_result(key, value)?.1)
    }

    /// Every field converted into `state` (the row's `__dict__`), in the dataclass's order,
    /// values already there kept; the source removed. The row is then what
    /// `Assessment._from` builds.
    fn fill(&self, state: &Bound<'_, PyDict>) -> PyResult<()> {
        let py = state.py();
        without_gc(py, || self.fill_fields(state))
    }
}

impl RowSource {
    fn fill_fields(&self, state: &Bound<'_, PyDict>) -> PyResult<()> {
        let py = state.py();
        let t = types(py)?;
        // Built aside, then swapped in: a conversion that fails leaves the row as it was.
        let filled = PyDict::new(py);
        for (name, field) in &t.fields {
            let value = match state.get_item(name)? {
                Some(v) => v,
                None => convert(py, &self.origin, *field)?,
            };
            filled.set_item(name, value)?;
        }
        // Attributes set on the row that are not fields stay, after the fields.
        for (k, v) in state.iter() {
            let other = match k.cast::<PyString>() {
                Ok(name) => !PyAnyMethods::eq(k.as_any(), t.source_key.bind(py))? && t.field(name)?.is_none(),
                Err(_) => true,
            };
            if other {
                filled.set_item(k, v)?;
            }
        }
        state.clear();
        state.update(filled.as_mapping())
    }
}

/// A decimal as Python's `Decimal` of the core's exact text (what `Decimal(json_text)` gives).
fn new_decimal<'py>(py: Python<'py>, d: &Decimal) -> PyResult<Bound<'py, PyAny>> {
    types(py)?.decimal.bind(py).call1((d.to_string(),))
}

fn decimal<'py>(py: Python<'py>, d: &Decimal, cache: Option<&DecimalCache>) -> PyResult<Bound<'py, PyAny>> {
    match cache {
        Some(c) => c.get(py, d),
        None => new_decimal(py, d),
    }
}

fn opt_decimal<'py>(py: Python<'py>, d: Option<&Decimal>, cache: Option<&DecimalCache>) -> PyResult<Bound<'py, PyAny>> {
    match d {
        Some(d) => decimal(py, d, cache),
        None => Ok(py.None().into_bound(py)),
    }
}

/// A `float` field: JSON writes a non-finite float as null, so it is None here too (the core
/// never returns one: `Assessment::sanitized`).
fn float(py: Python<'_>, v: Option<f64>) -> Bound<'_, PyAny> {
    match v.filter(|f| f.is_finite()) {
        Some(f) => PyFloat::new(py, f).into_any(),
        None => py.None().into_bound(py),
    }
}

/// A code as its JSON text (`plan`, `geometric`): what `Assessment._from` reads.
fn code<'py, T: serde::Serialize>(py: Python<'py>, v: &T) -> PyResult<Bound<'py, PyAny>> {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => PyString::new(py, &s).into_bound_py_any(py),
        _ => Err(pyo3::exceptions::PyValueError::new_err("a code that is not text")),
    }
}

/// An instance of `cls` with these fields, in this order, made without the dataclass's
/// `__init__` (its fields are the core's, already checked).
fn instance<'py>(
    py: Python<'py>,
    cls: &Bound<'py, PyAny>,
    fields: &[(&Bound<'py, PyString>, Bound<'py, PyAny>)],
) -> PyResult<Bound<'py, PyAny>> {
    let obj = types(py)?.new.bind(py).call1((cls,))?;
    let dict = obj.getattr(pyo3::intern!(py, "__dict__"))?;
    let dict = dict.cast::<PyDict>()?;
    for (k, v) in fields {
        dict.set_item(k, v)?;
    }
    Ok(obj)
}

fn used_inputs<'py>(py: Python<'py>, a: &Assessment, cache: Option<&DecimalCache>) -> PyResult<Bound<'py, PyAny>> {
    let Some(i) = &a.inputs else { return Ok(py.None().into_bound(py)) };
    let chained = PyList::empty(py);
    for c in &i.chained_annual_changes {
        chained.append((c.year, decimal(py, &c.value, cache)?))?;
    }
    let fields = [
        (pyo3::intern!(py, "base_year"), i.base_year.into_bound_py_any(py)?),
        (pyo3::intern!(py, "base_value"), decimal(py, &i.base_value, cache)?),
        (pyo3::intern!(py, "latest_year"), i.latest_year.into_bound_py_any(py)?),
        (pyo3::intern!(py, "latest_value"), decimal(py, &i.latest_value, cache)?),
        (pyo3::intern!(py, "target_year"), i.target_year.into_bound_py_any(py)?),
        (pyo3::intern!(py, "target_value"), decimal(py, &i.target_value, cache)?),
        (pyo3::intern!(py, "baseline"), code(py, &i.baseline)?),
        (pyo3::intern!(py, "plan_base_value"), opt_decimal(py, i.plan_base_value.as_ref(), cache)?),
        (pyo3::intern!(py, "revision_date"), i.revision_date.as_deref().into_bound_py_any(py)?),
        (pyo3::intern!(py, "chained_annual_changes"), chained.into_any()),
        (pyo3::intern!(py, "latest_period"), i.latest_period.as_deref().into_bound_py_any(py)?),
    ];
    instance(py, types(py)?.inputs.bind(py), &fields)
}

/// One field of `onpace.Assessment`, converted from the core's.
fn convert<'py>(py: Python<'py>, origin: &Origin, field: Field) -> PyResult<Bound<'py, PyAny>> {
    let (a, cache) = (origin.row()?, origin.decimals());
    Ok(match field {
        Field::Indicator => PyString::new(py, &a.indicator).into_any(),
        Field::Method => PyString::intern(py, &a.method).into_any(),
        Field::MethodVersion => PyString::intern(py, &a.method_version).into_any(),
        Field::Status => PyString::intern(py, a.status.code()).into_any(),
        Field::Completion => opt_decimal(py, a.completion.as_ref(), cache)?,
        Field::TimeShare => opt_decimal(py, a.time_share.as_ref(), cache)?,
        Field::Pace => opt_decimal(py, a.pace.as_ref(), cache)?,
        Field::ActualCagr => float(py, a.actual_cagr),
        Field::RequiredCagr => float(py, a.required_cagr),
        Field::RequiredCagrFromNow => float(py, a.required_cagr_from_now),
        Field::Ratio => float(py, a.ratio),
        Field::Score => float(py, a.score),
        Field::Index => float(py, a.index),
        Field::YearsToTarget => float(py, a.years_to_target),
        Field::Acceleration => float(py, a.acceleration),
        Field::Milestone => opt_decimal(py, a.milestone.as_ref(), cache)?,
        Field::Inputs => used_inputs(py, a, cache)?,
        Field::Thresholds => {
            let d = PyDict::new(py);
            for (k, v) in &a.thresholds {
                d.set_item(PyString::intern(py, k), decimal(py, v, cache)?)?;
            }
            d.into_any()
        }
        Field::Warnings => {
            let list = PyList::empty(py);
            let cls = types(py)?.warning.bind(py);
            for w in &a.warnings {
                let fields = [
                    (pyo3::intern!(py, "code"), PyString::new(py, &w.code.to_string()).into_any()),
                    (pyo3::intern!(py, "field"), PyString::new(py, &w.field).into_any()),
                    (pyo3::intern!(py, "message"), PyString::new(py, &w.message).into_any()),
                ];
                list.append(instance(py, cls, &fields)?)?;
            }
            list.into_any()
        }
        Field::Path => match &a.path {
            Some(p) => code(py, p)?,
            None => py.None().into_bound(py),
        },
        Field::BreachYears => a.breach_years.clone().into_bound_py_any(py)?,
    })
}

/// Makes the lazy rows: `onpace.Assessment` instances holding their identity fields and a
/// [`RowSource`]. The texts every row repeats (method, version, status, path) are made once.
pub(crate) struct RowMaker<'py> {
    py: Python<'py>,
    types: &'static Types,
    cls_args: Bound<'py, PyTuple>,
    /// The identity fields' names as the dataclass holds them.
    identity: Vec<Py<PyString>>,
    texts: Texts<'py>,
}

/// The identity fields' texts, one object for each text the rows repeat (method, version,
/// status, path). A handful of texts: a scan is cheaper than hashing them for every row.
struct Texts<'py>(Vec<(Field, String, Bound<'py, PyAny>)>);

impl<'py> Texts<'py> {
    fn get(&mut self, py: Python<'py>, origin: &Origin, field: Field) -> PyResult<Bound<'py, PyAny>> {
        let a = origin.row()?;
        let text: std::borrow::Cow<'_, str> = match field {
            Field::Method => a.method.as_str().into(),
            Field::MethodVersion => a.method_version.as_str().into(),
            Field::Status => a.status.code().into(),
            Field::Path => match &a.path {
                Some(p) => match serde_json::to_value(p) {
                    Ok(serde_json::Value::String(s)) => s.into(),
                    _ => return convert(py, origin, field),
                },
                None => return Ok(py.None().into_bound(py)),
            },
            _ => return convert(py, origin, field),
        };
        if let Some((_, _, v)) = self.0.iter().find(|(f, t, _)| *f == field && *t == text) {
            return Ok(v.clone());
        }
        let v = convert(py, origin, field)?;
        self.0.push((field, text.into_owned(), v.clone()));
        Ok(v)
    }
}

impl<'py> RowMaker<'py> {
    pub(crate) fn new(py: Python<'py>) -> PyResult<Self> {
        let types = types(py)?;
        let identity = Field::IDENTITY
            .iter()
            .map(|f| {
                let (name, _) = types
                    .fields
                    .iter()
                    .find(|(_, g)| g == f)
                    .ok_or_else(|| PyAttributeError::new_err(format!("Assessment has no field {f:?}")))?;
                Ok(name.clone_ref(py))
            })
            .collect::<PyResult<_>>()?;
        Ok(RowMaker {
            py,
            types,
            cls_args: PyTuple::new(py, [types.assessment.bind(py)])?,
            identity,
            texts: Texts(Vec::new()),
        })
    }

    fn row(&mut self, origin: Origin) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        let obj = self.types.new.bind(py).call1(&self.cls_args)?;
        let state = obj.getattr(pyo3::intern!(py, "__dict__"))?;
        let state = state.cast::<PyDict>()?;
        for (field, name) in Field::IDENTITY.iter().zip(&self.identity) {
            state.set_item(name.bind(py), self.texts.get(py, &origin, *field)?)?;
        }
        state.set_item(self.types.source_key.bind(py), Bound::new(py, RowSource { origin })?)?;
        Ok(obj)
    }

    /// The lazy row of one assessment.
    pub(crate) fn one(&mut self, a: Assessment) -> PyResult<Bound<'py, PyAny>> {
        self.row(Origin::One(Box::new(a)))
    }

    /// The lazy rows of an evaluation, in its order.
    pub(crate) fn evaluation(&mut self, evaluated: &Arc<Evaluated>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(self.py);
        let shared = Arc::new(Shared { evaluated: Arc::clone(evaluated), decimals: DecimalCache::default() });
        for i in 0..evaluated.evaluation.rows.len() {
            list.append(self.row(Origin::Evaluation(Arc::clone(&shared), i))?)?;
        }
        Ok(list)
    }
}

/// Run `f` with Python's cyclic garbage collector paused (as it was before, afterwards, even
/// on an error). Making 10⁴ rows, or converting a row's fields (some ten tracked containers,
/// none in a cycle), the collections that would run meanwhile only walk the growing young
/// generation again, and trigger full ones: paused, they took about a fifth of the time of
/// converting every field (`perf` on benches/python/evaluate_scale.py).
pub(crate) fn without_gc<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    let [isenabled, disable, enable] = &types(py)?.gc;
    let enabled = isenabled.bind(py).call0()?.is_truthy()?;
    if enabled {
        disable.bind(py).call0()?;
    }
    let out = f();
    if enabled {
        enable.bind(py).call0()?;
    }
    out
}
