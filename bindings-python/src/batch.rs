//! `onpace.batch`: the f64 kernel over numpy arrays, GIL released, rayon across cores.

use numpy::{PyArray1, PyReadonlyArray1};
use onpace::math::batch::{progress_row, BatchInput, BatchRow, BatchThresholds};
use pyo3::prelude::*;
use rayon::prelude::*;

use crate::errors::InvalidArgumentError;

/// Below this many rows one thread is faster than splitting the work.
const PARALLEL_FROM: usize = 16_384;

/// One row of the seven output columns, as the zipped iterators yield it.
type OutRow<'a> =
    (usize, ((((((&'a mut f64, &'a mut f64), &'a mut f64), &'a mut f64), &'a mut f64), &'a mut f64), &'a mut i8));

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
    let th = BatchThresholds::new(ahead_margin, lag_tolerance).map_err(crate::errors::to_py)?;
    // Written straight into the seven output vectors, which numpy then owns without a copy:
    // peak memory is the inputs plus the outputs.
    // Zeroed, not filled: the allocator hands out untouched zero pages, so the first write to
    // each page happens in the kernel below, on every core, instead of in a serial fill first
    // (at 10^6 series the outputs are 47 MiB). The kernel writes every element.
    let mut out: [Vec<f64>; 6] = std::array::from_fn(|_| vec![0.0; n]);
    let mut status = vec![0i8; n];
    py.detach(|| {
        let row = |i: usize| {
            let g = |k: usize| slices.get(k).and_then(|s| s.get(i)).copied().unwrap_or(f64::NAN);
            let x = BatchInput {
                baseline: g(0),
                target: g(1),
                base_year: g(2),
                target_year: g(3),
                year: g(4),
                value: g(5),
                direction: g(6),
            };
            progress_row(x, th)
        };
        let [c, t, p, ga, gr, r] = &mut out;
        let write = |(i, ((((((c, t), p), ga), gr), r), s)): OutRow<'_>| {
            let b: BatchRow = row(i);
            (*c, *t, *p, *ga, *gr, *r, *s) =
                (b.completion, b.time_share, b.pace, b.actual_cagr, b.required_cagr, b.ratio, b.status);
        };
        if n >= PARALLEL_FROM {
            c.par_iter_mut()
                .zip(t.par_iter_mut())
                .zip(p.par_iter_mut())
                .zip(ga.par_iter_mut())
                .zip(gr.par_iter_mut())
                .zip(r.par_iter_mut())
                .zip(status.par_iter_mut())
                .enumerate()
                .for_each(write);
        } else {
            c.iter_mut()
                .zip(t.iter_mut())
                .zip(p.iter_mut())
                .zip(ga.iter_mut())
                .zip(gr.iter_mut())
                .zip(r.iter_mut())
                .zip(status.iter_mut())
                .enumerate()
                .for_each(write);
        }
    });
    let [c, t, p, ga, gr, r] = out;
    Ok((
        PyArray1::from_vec(py, c),
        PyArray1::from_vec(py, t),
        PyArray1::from_vec(py, p),
        PyArray1::from_vec(py, ga),
        PyArray1::from_vec(py, gr),
        PyArray1::from_vec(py, r),
        PyArray1::from_vec(py, status),
    ))
}
