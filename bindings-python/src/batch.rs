//! `onpace.batch`: the f64 kernel over numpy arrays, GIL released, rayon across cores.

use numpy::{PyArray1, PyReadonlyArray1};
use onpace::math::batch::{progress_row, BatchInput, BatchRow, BatchThresholds};
use pyo3::prelude::*;
use rayon::prelude::*;

use crate::errors::InvalidArgumentError;

/// Below this many rows one thread is faster than splitting the work.
const PARALLEL_FROM: usize = 16_384;

type Arrays<'py> = (
    Bound<'py, PyArray1<f64>>,
    Bound<'py, PyArray1<f64>>,
    Bound<'py, PyArray1<f64>>,
    Bound<'py, PyArray1<f64>>,
    Bound<'py, PyArray1<f64>>,
    Bound<'py, PyArray1<f64>>,
    Bound<'py, PyArray1<i8>>,
);

/// Assess many series at once; the arrays are 1-D float64 of one length (the Python layer
/// broadcasts). Returns completion, time_share, pace, actual_cagr, required_cagr, ratio, status.
#[pyfunction]
#[pyo3(signature = (baseline, target, base_year, target_year, year, value, direction, ahead_margin, lag_tolerance))]
#[allow(clippy::too_many_arguments)]
pub fn batch_progress<'py>(
    py: Python<'py>,
    baseline: PyReadonlyArray1<'py, f64>,
    target: PyReadonlyArray1<'py, f64>,
    base_year: PyReadonlyArray1<'py, f64>,
    target_year: PyReadonlyArray1<'py, f64>,
    year: PyReadonlyArray1<'py, f64>,
    value: PyReadonlyArray1<'py, f64>,
    direction: PyReadonlyArray1<'py, f64>,
    ahead_margin: f64,
    lag_tolerance: f64,
) -> PyResult<Arrays<'py>> {
    let cols = [&baseline, &target, &base_year, &target_year, &year, &value, &direction];
    let mut slices = Vec::with_capacity(cols.len());
    for c in cols {
        slices
            .push(c.as_slice().map_err(|e| InvalidArgumentError::new_err(format!("arrays must be contiguous: {e}")))?);
    }
    let n = slices.first().map_or(0, |s| s.len());
    if slices.iter().any(|s| s.len() != n) {
        return Err(InvalidArgumentError::new_err("all arrays must have the same length"));
    }
    let th = BatchThresholds { ahead_margin, lag_tolerance };
    let rows: Vec<BatchRow> = py.detach(|| {
        let at = |i: usize| {
            let g = |k: usize| slices.get(k).and_then(|s| s.get(i)).copied().unwrap_or(f64::NAN);
            progress_row(
                BatchInput {
                    baseline: g(0),
                    target: g(1),
                    base_year: g(2),
                    target_year: g(3),
                    year: g(4),
                    value: g(5),
                    direction: g(6),
                },
                th,
            )
        };
        if n >= PARALLEL_FROM {
            (0..n).into_par_iter().map(at).collect()
        } else {
            (0..n).map(at).collect()
        }
    });
    let col = |f: fn(&BatchRow) -> f64| PyArray1::from_vec(py, rows.iter().map(f).collect());
    Ok((
        col(|r| r.completion),
        col(|r| r.time_share),
        col(|r| r.pace),
        col(|r| r.actual_cagr),
        col(|r| r.required_cagr),
        col(|r| r.ratio),
        PyArray1::from_vec(py, rows.iter().map(|r| r.status).collect()),
    ))
}
