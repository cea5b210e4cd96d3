//! The batch (the `batch` feature, in the full module only): the core's f64 kernel over typed
//! arrays (`onpace::math::batch::assess_into`) and the long-format panel
//! (`onpace::math::batch::panel`), as Python's `onpace.batch` has them. The JS wrapper
//! (js/batch.js) checks every argument, hands the kernel its columns in chunks (so that the
//! module's memory stays small whatever the length) and builds the results; see docs/batch.md.

use crate::{to_js, R};
use onpace::math::batch::panel::{self, Panel, PanelIndicators};
use onpace::math::batch::{assess_into, series_count, BatchSpec, Columns, Outputs};
use wasm_bindgen::prelude::*;

/// Every batch method: its value columns, thresholds and int8 status codes, as JSON.
#[wasm_bindgen(js_name = batchMethodsJson)]
pub fn batch_methods_json() -> R<String> {
    onpace::api::batch_methods_json().map_err(to_js)
}

/// The number of series of columns with these lengths (the core's check, with its error, made
/// once on the whole columns before the wrapper hands them over in chunks).
#[wasm_bindgen(js_name = batchSeriesCount)]
pub fn batch_series_count(lengths: &[f64]) -> R<f64> {
    // The lengths of JS arrays: whole and below 2^53, so the casts are exact on wasm32 up to
    // 2^32 and saturate beyond (an array that long cannot exist in the module's memory).
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let n = series_count(lengths.iter().map(|&l| l as usize)).map_err(to_js)?;
    #[allow(clippy::cast_precision_loss)]
    Ok(n as f64)
}

/// The checked method and thresholds (`names[k]` = `values[k]`).
fn spec(method: &str, names: &[String], values: &[f64]) -> R<BatchSpec> {
    let given: Vec<(&str, f64)> = names.iter().map(String::as_str).zip(values.iter().copied()).collect();
    BatchSpec::new(method, &given).map_err(to_js)
}

/// Any batch method over one chunk of columns (each one value per series or a single value;
/// `start_year`/`start_value` empty when absent), into `values` (the method's value columns one
/// after the other, `status.len()` each) and `status`.
#[wasm_bindgen(js_name = batchAssessInto)]
#[allow(clippy::too_many_arguments)]
pub fn batch_assess_into(
    method: &str,
    names: Vec<String>,
    thresholds: &[f64],
    baseline: &[f64],
    target: &[f64],
    base_year: &[f64],
    target_year: &[f64],
    year: &[f64],
    value: &[f64],
    direction: &[f64],
    start_year: &[f64],
    start_value: &[f64],
    values: &mut [f64],
    status: &mut [i8],
) -> R<()> {
    let spec = spec(method, &names, thresholds)?;
    fn optional(c: &[f64]) -> Option<&[f64]> {
        if c.is_empty() {
            None
        } else {
            Some(c)
        }
    }
    let cols = Columns {
        baseline,
        target,
        base_year,
        target_year,
        year,
        value,
        direction,
        start_year: optional(start_year),
        start_value: optional(start_value),
    };
    let n = status.len();
    let mut value_cols = Vec::with_capacity(spec.method.columns().len());
    let mut rest = values;
    for _ in spec.method.columns() {
        let (head, tail) = rest.split_at_mut(n.min(rest.len()));
        value_cols.push(head);
        rest = tail;
    }
    assess_into(&spec, &cols, &mut Outputs { values: value_cols, status }).map_err(to_js)
}

/// The long-format panel: series `s` is rows `offsets[s]..offsets[s + 1]` of `years`/`values`.
/// `request`: `{method, thresholds, model}` (`onpace::api::panel_options_json`). Either
/// `indicators` (indicator JSON texts) with `of_series` (an index per series), or `levels`
/// (baseline, base year, target, target year and direction: the five columns one after the
/// other, one value per series each). Writes the numeric fields of each series
/// (`panel::FIELDS`, one column after the other) into `fields` and returns, as JSON, one entry
/// per series: `[status]`, or `[status, error code, message]` for a series that could not be
/// assessed.
#[wasm_bindgen(js_name = batchPanel)]
#[allow(clippy::too_many_arguments)]
pub fn batch_panel(
    request: &str,
    offsets: &[u32],
    years: &[f64],
    values: &[f64],
    indicators: Vec<String>,
    of_series: &[u32],
    levels: &[f64],
    fields: &mut [f64],
) -> R<String> {
    let options = onpace::api::panel_options_json(request).map_err(to_js)?;
    let parsed: Vec<onpace::Indicator> =
        indicators.iter().map(|t| onpace::Indicator::from_json(t)).collect::<Result<_, _>>().map_err(to_js)?;
    let offsets: Vec<usize> = offsets.iter().map(|&o| o as usize).collect();
    let of_series: Vec<usize> = of_series.iter().map(|&o| o as usize).collect();
    let n = offsets.len().saturating_sub(1);
    let refuse = |m: &str| to_js(onpace::Error::InvalidArgument { field: "rows".into(), message: m.into() });
    if offsets.windows(2).any(|w| matches!(w, [a, b] if a > b))
        || offsets.last().is_some_and(|&e| e > values.len().min(years.len()))
    {
        return Err(refuse("offsets must rise and stay within the rows"));
    }
    if fields.len() != n * panel::FIELDS.len() {
        return Err(refuse("one field column per series is needed"));
    }
    let which = if levels.is_empty() {
        PanelIndicators::Defined { indicators: &parsed, of_series: &of_series }
    } else {
        let col = |k: usize| levels.get(k * n..(k + 1) * n).unwrap_or(&[]);
        PanelIndicators::Levels {
            baseline: col(0),
            base_year: col(1),
            target: col(2),
            target_year: col(3),
            direction: col(4),
        }
    };
    let panel = Panel { offsets: &offsets, years, values };
    let mut out = String::from("[");
    for (s, result) in panel::assess_panel(&panel, &which, 0..n, &options).into_iter().enumerate() {
        if s > 0 {
            out.push(',');
        }
        let (numbers, entry) = match result {
            Ok(a) => (panel::numbers(&a), vec![a.status.code().to_owned()]),
            Err(e) => (
                [f64::NAN; 8],
                vec![onpace::Status::NotAssessable.code().to_owned(), e.code().to_owned(), e.to_string()],
            ),
        };
        for (k, v) in numbers.into_iter().enumerate() {
            if let Some(slot) = fields.get_mut(k * n + s) {
                *slot = v;
            }
        }
        out.push_str(&serde_json::to_string(&entry).map_err(|e| refuse(&e.to_string()))?);
    }
    out.push(']');
    Ok(out)
}
