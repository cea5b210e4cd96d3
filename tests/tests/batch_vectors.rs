//! The batch (`math::batch`, f64, four series at a time) on every shared vector it can take:
//! the same statuses as the exact API, and the same ratio, score and index (within 1e-9).
//!
//! A case fits the batch when it assesses a level target with the default comparator (or has
//! no target: the batch's NaN target, the no-target variants), has no
//! `as_of`, only thresholds the batch takes (eurostat's `window_years` is turned into the window
//! start here, the caller's job in the batch), and, for escap, no observation before the
//! baseline (its endpoint CAGR then runs from the baseline to the latest value). The expected
//! values are the vectors' own, from the independent reference (tests/reference/).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use onpace::math::batch::{assess_into, BatchMethod, BatchSpec, Column, Columns, Outputs};
use serde_json::Value;

/// A number, a decimal string or an exact fraction `p/q` (the vectors' exact completions).
fn f(v: &Value) -> f64 {
    let text = match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match text.split_once('/') {
        Some((p, q)) => p.parse::<f64>().unwrap() / q.parse::<f64>().unwrap(),
        None => text.parse().unwrap(),
    }
}

/// The batch's inputs for one vector case, or `None` when the case needs more than it takes.
struct Fitted {
    method: String,
    thresholds: Vec<(String, f64)>,
    row: [f64; 9],
}

fn fit(input: &Value) -> Option<Fitted> {
    let method = input["method"].as_str()?.to_string();
    let m = BatchMethod::from_id(&method).ok()?;
    let ind = &input["indicator"];
    let target = &ind["target"];
    let level = target["kind"] == "level";
    if input.get("as_of").is_some() || !(level || target["kind"] == "none") || target.get("comparator").is_some() {
        return None;
    }
    let (t0, y0) = (f(&ind["baseline"]["year"]), f(&ind["baseline"]["value"]));
    let d = if ind["direction"] == "increase" { 1.0 } else { -1.0 };
    let mut points: BTreeMap<i64, f64> = BTreeMap::new();
    for o in input["observations"].as_array()? {
        points.insert(o["year"].as_i64()?, f(&o["value"]));
    }
    let (&t, &yt) = points.iter().next_back()?;
    if m == BatchMethod::Escap && points.keys().any(|y| (*y as f64) < t0) {
        return None;
    }
    let mut thresholds = Vec::new();
    let mut window = 5.0;
    for (k, v) in input.get("thresholds").and_then(Value::as_object).into_iter().flatten() {
        if m == BatchMethod::Eurostat && k == "window_years" {
            window = f(v);
        } else if k == "binding_lag_tolerance" {
            return None;
        } else {
            thresholds.push((k.clone(), f(v)));
        }
    }
    // A binding cn-plan-pace indicator has no lag tolerance: the batch is given 0.
    if m == BatchMethod::CnPlanPace && ind.get("nature").and_then(Value::as_str) == Some("binding") {
        thresholds.retain(|(k, _)| k != "lag_tolerance");
        thresholds.push(("lag_tolerance".into(), 0.0));
    }
    // eurostat's window start: the first point (the plan's baseline first in its year) from
    // `t − window` on, before t; none → a start at t, which the batch does not assess.
    let (mut sy, mut sv) = (t0, y0);
    if m == BatchMethod::Eurostat && (t as f64) > t0 {
        let start = if window == 0.0 { t0 } else { t as f64 - window };
        let mut series: BTreeMap<i64, f64> = points.clone();
        series.insert(t0 as i64, y0);
        match series.iter().find(|(y, _)| (**y as f64) >= start && **y < t) {
            Some((y, v)) => (sy, sv) = (*y as f64, *v),
            None => (sy, sv) = (t as f64, f64::NAN),
        }
    }
    let (ys, ty) = if level { (f(&target["value"]), f(&target["year"])) } else { (f64::NAN, f64::NAN) };
    let row = [y0, ys, t0, ty, t as f64, yt, d, sy, sv];
    Some(Fitted { method, thresholds, row })
}

#[test]
fn the_batch_gives_the_vectors_statuses() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("vectors");
    let mut per_method: BTreeMap<String, usize> = BTreeMap::new();
    let mut no_target: BTreeMap<String, usize> = BTreeMap::new();
    for file in ["cn_plan_pace.json", "methods.json", "regressions.json"] {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(dir.join(file)).unwrap()).unwrap();
        for case in doc["cases"].as_array().unwrap() {
            if case["op"] != "assess" {
                continue;
            }
            let Some(x) = fit(&case["input"]) else { continue };
            let th: Vec<(&str, f64)> = x.thresholds.iter().map(|(k, v)| (k.as_str(), *v)).collect();
            let spec = BatchSpec::new(&x.method, &th).unwrap();
            let col = |k: usize| std::slice::from_ref(&x.row[k]);
            let cols = Columns {
                baseline: col(0),
                target: col(1),
                base_year: col(2),
                target_year: col(3),
                year: col(4),
                value: col(5),
                direction: col(6),
                start_year: Some(col(7)),
                start_value: Some(col(8)),
            };
            let mut values = vec![[f64::NAN]; spec.method.columns().len()];
            let mut status = [0i8];
            let mut out =
                Outputs { values: values.iter_mut().map(|v| v.as_mut_slice()).collect(), status: &mut status };
            assess_into(&spec, &cols, &mut out).unwrap();
            let table = spec.method.status_table();
            let got = table.iter().find(|(c, _)| *c == status[0]).unwrap().1;
            let name = case["name"].as_str().unwrap();
            assert_eq!(got, case["expected"]["status"].as_str().unwrap(), "{file}: {name}");
            for (c, v) in spec.method.columns().iter().zip(&values) {
                let key = match c {
                    Column::Ratio if x.method == "cn-plan-pace" => continue, // the batch's ratio is d·ga/|gr|
                    other => other.name(),
                };
                match case["expected"].get(key) {
                    Some(Value::Null) => assert!(v[0].is_nan(), "{file}: {name}: {key} = {}", v[0]),
                    Some(want) => {
                        let want = f(want);
                        // No target: within 1e-13 of the reference (the score, which crosses 0
                        // at the middle threshold, within 1e-14 absolute on its −5…5 scale).
                        let tol = if x.row[1].is_nan() {
                            (1e-13 * want.abs()).max(if key == "score" { 1e-14 } else { 0.0 })
                        } else {
                            1e-9 * want.abs().max(1.0)
                        };
                        assert!((v[0] - want).abs() <= tol, "{file}: {name}: {key} = {}, want {want}", v[0]);
                    }
                    None => {}
                }
            }
            if x.row[1].is_nan() {
                *no_target.entry(x.method.clone()).or_default() += 1;
            }
            *per_method.entry(x.method).or_default() += 1;
        }
    }
    eprintln!("vectors run through the batch: {per_method:?}, without a target: {no_target:?}");
    // Every no-target vector fits (cn_plan_pace.json and methods.json).
    let want: BTreeMap<String, usize> =
        [("cn-plan-pace", 1), ("escap", 1), ("eurostat", 6), ("open-sdg", 13), ("sdsn", 1), ("unsd", 6)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
    assert_eq!(no_target, want);
    // Every batch method is exercised on a real share of its vectors.
    for m in onpace::math::batch::BATCH_METHODS {
        let n = per_method.get(m.id()).copied().unwrap_or(0);
        assert!(n >= 10, "{}: only {n} vectors fit the batch ({per_method:?})", m.id());
    }
}
