//! One library, one answer (issue 13, item 3): the f64 batch kernel and the exact decimal
//! `cn-plan-pace` give identical statuses on every shared cn-plan-pace vector and on a grid of
//! round-number values of every built-in plan's indicators, band edges included (the Yanbian
//! rd-intensity 0.36 → 1.10 at 0.73 in 2022 is exactly `ahead` in both).
//!
//! The batch models a level target with the direction's own comparator (at least when higher
//! is better, at most when lower is better); cases outside that (strict or tolerance
//! comparators, ranges, relative targets) are not batch inputs and are skipped by name.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use onpace::math::batch::{progress_row, BatchInput, BatchThresholds, STATUS_TABLE};
use onpace::{builtin, AssessOptions, Comparator, Decimal, Direction, Indicator, Nature, Observation, Status, Target};
use serde_json::Value;

/// A decimal as the nearest f64 (Rust's float parsing rounds correctly).
fn f(d: Decimal) -> f64 {
    d.to_string().parse().unwrap()
}

fn batch_status(ind: &Indicator, th: BatchThresholds, year: i32, value: Decimal) -> Option<(&'static str, f64)> {
    let level = ind.implied_target().ok()?;
    let default = match ind.direction {
        Direction::Increase => Comparator::AtLeast,
        Direction::Decrease => Comparator::AtMost,
    };
    if level.comparator != default || matches!(ind.target, Target::Range { .. }) {
        return None;
    }
    let th = if ind.nature == Some(Nature::Binding) { BatchThresholds { lag_tolerance: 0.0, ..th } } else { th };
    let row = progress_row(
        BatchInput {
            baseline: f(ind.baseline.value),
            target: f(level.value),
            base_year: f64::from(ind.baseline.year),
            target_year: f64::from(level.year),
            year: f64::from(year),
            value: f(value),
            direction: ind.direction.sign_f64(),
        },
        th,
    );
    let code = STATUS_TABLE.iter().find(|(c, _)| *c == row.status).unwrap().1;
    Some((code, row.completion))
}

fn exact(ind: &Indicator, obs: &[Observation], opts: &AssessOptions) -> (Status, Option<Decimal>) {
    let a = ind.assess(obs, opts).unwrap();
    (a.status, a.completion)
}

#[test]
fn every_shared_cn_plan_pace_vector_gets_one_status() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/vectors/cn_plan_pace.json");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut compared = 0;
    for c in file["cases"].as_array().unwrap() {
        let i = &c["input"];
        let ind = Indicator::from_json(&i["indicator"].to_string()).unwrap();
        let mut obs: Vec<Observation> =
            onpace::io::json::observation_list_from_json(&i["observations"].to_string()).unwrap();
        if let Some(y) = i.get("as_of").and_then(|a| a.get("year")).and_then(Value::as_i64) {
            obs.retain(|o| i64::from(o.year) <= y);
        }
        let mut th = BatchThresholds::default();
        let mut opts = AssessOptions::default();
        if let Some(t) = i.get("thresholds").and_then(Value::as_object) {
            for (k, v) in t {
                let d: Decimal = v.as_str().unwrap().parse().unwrap();
                opts.thresholds.insert(k.clone(), d);
                match k.as_str() {
                    "ahead_margin" => th.ahead_margin = f(d),
                    "lag_tolerance" => th.lag_tolerance = f(d),
                    _ => {}
                }
            }
        }
        let Some((year, Some(value))) = obs.last().map(|o| (o.year, o.value)) else { continue };
        let Some((got, _)) = batch_status(&ind, th, year, value) else { continue };
        let (want, _) = exact(&ind, &obs, &opts);
        if want == Status::NotAssessable && got == "not_assessable" {
            compared += 1;
            continue;
        }
        assert_eq!(got, want.code(), "{}", c["name"]);
        compared += 1;
    }
    assert!(compared >= 30, "only {compared} cases compared");
}

#[test]
fn the_yanbian_band_edge_gets_one_status() {
    let plan = builtin::plan("yanbian-st-14").unwrap();
    let rd = plan.indicator("rd-intensity").unwrap();
    // Completion (0.73 − 0.36)/(1.10 − 0.36) = 0.5 = τ + δa = 0.4 + 0.1 exactly: ahead.
    let v = Decimal::new(73, 2);
    let (want, completion) = exact(rd, &[Observation::new(2022, v)], &AssessOptions::default());
    assert_eq!((want, completion), (Status::Ahead, Some(Decimal::new(5, 1))));
    assert_eq!(batch_status(rd, BatchThresholds::default(), 2022, v).unwrap().0, "ahead");
}

#[test]
fn a_grid_of_round_values_of_every_builtin_plan_gets_one_status() {
    let mut compared = 0usize;
    for id in builtin::plan_ids() {
        let plan = builtin::plan(id).unwrap();
        for ind in &plan.indicators {
            let Ok(level) = ind.implied_target() else { continue };
            let (y0, ys) = (ind.baseline.value, level.value);
            let dp = ind.display_decimals().max(2);
            for year in ind.baseline.year + 1..=level.year {
                // Completion from −20 % to 130 % in steps of 1 %, rounded to the plan's
                // decimals: round numbers, many of them exactly on a band edge.
                for k in -20i64..=130 {
                    let v = (y0 + (ys - y0) * Decimal::from(k) / Decimal::from(100)).round_dp(dp);
                    let Some((got, completion)) = batch_status(ind, BatchThresholds::default(), year, v) else {
                        continue;
                    };
                    let (want, c) = exact(ind, &[Observation::new(year, v)], &AssessOptions::default());
                    assert_eq!(got, want.code(), "{id} {} {year} at {v}", ind.id);
                    if let Some(c) = c {
                        let c = f(c);
                        assert!((completion - c).abs() <= 1e-12 * c.abs().max(1.0), "{id} {} {year} at {v}", ind.id);
                    }
                    compared += 1;
                }
            }
        }
    }
    assert!(compared >= 2000, "only {compared} grid points compared");
}

/// An expected vector value ("p/q", a decimal string, a number or null) as f64.
fn expected_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Null => None,
        Value::Number(n) => n.as_f64(),
        Value::String(s) => match s.split_once('/') {
            // Numerator and denominator fit f64 to 1 ulp each: enough at 1e-12.
            Some((p, q)) => Some(p.parse::<f64>().unwrap() / q.parse::<f64>().unwrap()),
            None => Some(s.parse().unwrap()),
        },
        _ => panic!("unexpected {v}"),
    }
}

#[test]
fn the_batch_gives_every_shared_progress_vector() {
    // tests/vectors/progress.json (the independent reference): the batch's completion, time
    // share, pace and both CAGRs, within 1e-12 of the reference on the f64 inputs.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/vectors/progress.json");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cases = file["cases"].as_array().unwrap();
    for c in cases {
        let (i, e) = (&c["input"], &c["expected"]);
        let num = |k: &str| i[k].as_str().map_or_else(|| i[k].as_f64().unwrap(), |s| s.parse::<f64>().unwrap());
        let row = progress_row(
            BatchInput {
                baseline: num("base_value"),
                target: num("target_value"),
                base_year: num("base_year"),
                target_year: num("target_year"),
                year: num("latest_year"),
                value: num("latest_value"),
                direction: if i["direction"] == "decrease" { -1.0 } else { 1.0 },
            },
            BatchThresholds::default(),
        );
        for (name, got) in [
            ("completion", row.completion),
            ("time_share", row.time_share),
            ("pace", row.pace),
            ("actual_cagr", row.actual_cagr),
            ("required_cagr", row.required_cagr),
        ] {
            match expected_f64(&e[name]) {
                None => assert!(got.is_nan(), "{}: {name} = {got}, expected none", c["name"]),
                Some(want) => {
                    let err = if want == 0.0 { got.abs() } else { ((got - want) / want).abs() };
                    assert!(err <= 1e-12, "{}: {name} = {got}, expected {want}", c["name"]);
                }
            }
        }
    }
    assert!(cases.len() >= 14);
}
