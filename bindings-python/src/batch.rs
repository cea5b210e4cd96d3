//! `onpace.batch`: the core's columnar f64 kernel (`onpace::math::batch`) over numpy arrays,
//! GIL released, both cores above [`PARALLEL_FROM`] rows.

use std::collections::HashMap;

use numpy::{PyArray1, PyReadonlyArray1, PyReadwriteArray1};
use onpace::math::batch::{assess_into, BatchSpec, Columns, Outputs, BATCH_METHODS};
use pyo3::prelude::*;
use rayon::prelude::*;

use crate::errors::InvalidArgumentError;

/// From this many rows the work is split across threads (tasks of [`CHUNK`] rows, so from two
/// tasks on). Measured with `benches/python/compare_batch.py --threshold` (benches/README.md,
/// issue 18): when the second core was free, one thread ÷ both cores was 1.41 at 16 384 rows and
/// 1.56 at 32 768; when it was busy, splitting cost at most 5 % at any size. Below 16 384 there is
/// one task only.
const PARALLEL_FROM: usize = 16_384;

/// Rows per parallel task: many more tasks than cores, so a busy core does not hold the rest.
const CHUNK: usize = 8_192;

fn slice<'a>(a: &'a PyReadonlyArray1<'_, f64>) -> PyResult<&'a [f64]> {
    a.as_slice().map_err(|e| InvalidArgumentError::new_err(format!("arrays must be contiguous: {e}")))
}

/// Run the kernel into the caller's outputs, across threads from `parallel_from` rows.
fn run_into(
    py: Python<'_>,
    spec: &BatchSpec,
    cols: &Columns<'_>,
    mut out: Outputs<'_>,
    parallel_from: usize,
) -> PyResult<()> {
    let n = out.status.len();
    py.detach(|| {
        if n < parallel_from {
            return assess_into(spec, cols, &mut out);
        }
        let mut jobs = Vec::with_capacity(n / CHUNK + 1);
        let mut start = 0;
        while start < n {
            let len = CHUNK.min(n - start);
            let (head, tail) = out.split_at(len);
            jobs.push((start, head));
            out = tail;
            start += len;
        }
        jobs.into_par_iter().try_for_each(|(start, mut o)| {
            let part = cols.slice(start, start + o.status.len());
            assess_into(spec, &part, &mut o)
        })
    })
    .map_err(crate::errors::to_py)
}

/// The checked method and thresholds, and the kernel's view of the seven input columns
/// (baseline, target, base_year, target_year, year, value, direction) with eurostat's window
/// start.
fn spec_and_columns<'a>(
    method: &str,
    thresholds: &HashMap<String, f64>,
    columns: &'a [PyReadonlyArray1<'_, f64>],
    start_year: Option<&'a PyReadonlyArray1<'_, f64>>,
    start_value: Option<&'a PyReadonlyArray1<'_, f64>>,
) -> PyResult<(BatchSpec, Columns<'a>)> {
    let given: Vec<(&str, f64)> = thresholds.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let spec = BatchSpec::new(method, &given).map_err(crate::errors::to_py)?;
    let [b, t, by, ty, y, v, d] = columns else {
        return Err(InvalidArgumentError::new_err("seven input columns are needed"));
    };
    let cols = Columns {
        baseline: slice(b)?,
        target: slice(t)?,
        base_year: slice(by)?,
        target_year: slice(ty)?,
        year: slice(y)?,
        value: slice(v)?,
        direction: slice(d)?,
        start_year: start_year.map(slice).transpose()?,
        start_value: start_value.map(slice).transpose()?,
    };
    Ok((spec, cols))
}

/// Any batch method into arrays the caller allocated (numpy's `empty`: memory the allocator
/// reuses from earlier arrays, not yet zeroed, so the kernel's write is the only touch and
/// there are no fresh pages to fault in). `columns` are the seven inputs (baseline, target,
/// base_year, target_year, year, value, direction); `start_year`/`start_value` eurostat's window
/// start; `values` follow the method's columns; every output has one element per series.
/// `parallel_from` (private, for tests and the threshold bench) overrides [`PARALLEL_FROM`].
#[pyfunction]
#[pyo3(signature = (method, columns, start_year, start_value, thresholds, values, status, parallel_from=None))]
#[allow(clippy::too_many_arguments)]
pub fn batch_assess_into<'py>(
    py: Python<'py>,
    method: &str,
    columns: Vec<PyReadonlyArray1<'py, f64>>,
    start_year: Option<PyReadonlyArray1<'py, f64>>,
    start_value: Option<PyReadonlyArray1<'py, f64>>,
    thresholds: HashMap<String, f64>,
    mut values: Vec<PyReadwriteArray1<'py, f64>>,
    mut status: PyReadwriteArray1<'py, i8>,
    parallel_from: Option<usize>,
) -> PyResult<()> {
    let (spec, cols) = spec_and_columns(method, &thresholds, &columns, start_year.as_ref(), start_value.as_ref())?;
    let n = if cols.is_empty() { 0 } else { cols.len().map_err(crate::errors::to_py)? };
    let contiguous = |e| InvalidArgumentError::new_err(format!("output arrays must be contiguous: {e}"));
    let mut value_slices = Vec::with_capacity(values.len());
    for a in &mut values {
        value_slices.push(a.as_slice_mut().map_err(contiguous)?);
    }
    let status = status.as_slice_mut().map_err(contiguous)?;
    if value_slices.len() != spec.method.columns().len()
        || status.len() != n
        || value_slices.iter().any(|s| s.len() != n)
    {
        return Err(InvalidArgumentError::new_err(format!(
            "{} needs {} output arrays and a status array of {n} elements",
            spec.method.id(),
            spec.method.columns().len()
        )));
    }
    run_into(py, &spec, &cols, Outputs { values: value_slices, status }, parallel_from.unwrap_or(PARALLEL_FROM))
}

/// Each batch method: its value columns, the thresholds it takes and its int8 status codes.
#[pyfunction]
#[allow(clippy::type_complexity)]
pub fn batch_methods() -> Vec<(&'static str, Vec<&'static str>, Vec<&'static str>, Vec<(i8, &'static str)>)> {
    BATCH_METHODS
        .iter()
        .map(|m| {
            (m.id(), m.columns().iter().map(|c| c.name()).collect(), m.threshold_names().to_vec(), m.status_table())
        })
        .collect()
}

/// Series per parallel task of the panel: each is an exact assessment of a few microseconds.
const PANEL_CHUNK: usize = 512;

/// What `batch_panel` returns: the status of each series, its numeric fields by name, and its
/// error code (None where it was assessed) with the message.
type PanelOut<'py> =
    (Vec<&'static str>, Vec<(&'static str, Bound<'py, PyArray1<f64>>)>, Vec<Option<(&'static str, String)>>);

/// The long-format panel (`onpace::math::batch::panel`): series `s` is rows
/// `offsets[s]..offsets[s+1]` of `years`/`values`. Either `indicators` (JSON texts) with
/// `of_series` (an index per series), or `levels` (baseline, base_year, target, target_year,
/// direction: one value per series each). `thresholds` are decimal texts by name.
#[pyfunction]
#[pyo3(signature = (method, offsets, years, values, indicators, of_series, levels, thresholds, model=None))]
#[allow(clippy::too_many_arguments)]
pub fn batch_panel<'py>(
    py: Python<'py>,
    method: &str,
    offsets: Vec<usize>,
    years: PyReadonlyArray1<'py, f64>,
    values: PyReadonlyArray1<'py, f64>,
    indicators: Vec<String>,
    of_series: Vec<usize>,
    levels: Option<Vec<PyReadonlyArray1<'py, f64>>>,
    thresholds: HashMap<String, String>,
    model: Option<&str>,
) -> PyResult<PanelOut<'py>> {
    use onpace::math::batch::panel::{self, assess_panel, Panel, PanelIndicators};
    let mut th = onpace::method::Thresholds::new();
    for (k, v) in &thresholds {
        let d = onpace::io::decimal::parse_exact(v)
            .map_err(|e| InvalidArgumentError::new_err(format!("thresholds.{k}: {e}")))?;
        th.insert(k.clone(), d);
    }
    onpace::method::merged_thresholds(onpace::method::method(method).map_err(crate::errors::to_py)?, &th)
        .map_err(crate::errors::to_py)?;
    let model = model.map(onpace::Model::parse).transpose().map_err(crate::errors::to_py)?;
    let id: onpace::MethodId = method.parse().map_err(crate::errors::to_py)?;
    let options = th
        .into_iter()
        .fold(onpace::AssessOptions::method(id), |o, (k, v)| o.with_threshold(k, v))
        .with_model(model.unwrap_or(onpace::Model::EndpointCagr));
    let parsed: Vec<onpace::Indicator> = indicators
        .iter()
        .map(|t| onpace::Indicator::from_json(t))
        .collect::<Result<_, _>>()
        .map_err(crate::errors::to_py)?;
    let level_cols: Vec<&[f64]> = levels.as_deref().unwrap_or(&[]).iter().map(slice).collect::<PyResult<_>>()?;
    let which = match level_cols.as_slice() {
        [] => PanelIndicators::Defined { indicators: &parsed, of_series: &of_series },
        [b, by, t, ty, d] => {
            PanelIndicators::Levels { baseline: b, base_year: by, target: t, target_year: ty, direction: d }
        }
        _ => return Err(InvalidArgumentError::new_err("levels: five columns are needed")),
    };
    let panel = Panel { offsets: &offsets, years: slice(&years)?, values: slice(&values)? };
    if offsets.windows(2).any(|w| matches!(w, [a, b] if a > b))
        || offsets.last().is_some_and(|&e| e > panel.values.len().min(panel.years.len()))
    {
        return Err(InvalidArgumentError::new_err("offsets must rise and stay within the rows"));
    }
    let n = panel.len();
    let results = py.detach(|| {
        let starts: Vec<usize> = (0..n).step_by(PANEL_CHUNK).collect();
        starts
            .into_par_iter()
            .map(|s| assess_panel(&panel, &which, s..(s + PANEL_CHUNK).min(n), &options))
            .collect::<Vec<_>>()
    });
    let mut status = Vec::with_capacity(n);
    let mut cols = vec![Vec::with_capacity(n); panel::FIELDS.len()];
    let mut errors = Vec::with_capacity(n);
    for r in results.into_iter().flatten() {
        match r {
            Ok(a) => {
                status.push(a.status.code());
                for (c, v) in cols.iter_mut().zip(panel::numbers(&a)) {
                    c.push(v);
                }
                errors.push(None);
            }
            Err(e) => {
                status.push(onpace::Status::NotAssessable.code());
                for c in &mut cols {
                    c.push(f64::NAN);
                }
                errors.push(Some((e.code(), e.to_string())));
            }
        }
    }
    let arrays = panel::FIELDS.iter().copied().zip(cols).map(|(k, v)| (k, PyArray1::from_vec(py, v))).collect();
    Ok((status, arrays, errors))
}
