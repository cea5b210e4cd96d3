//! Rust `Plan::evaluate` on a plan and observations read from JSON files, for
//! `benches/python/evaluate_scale.py`, which writes the files (10^4 indicators), times Python's
//! `Plan.evaluate` on the same data, runs this bench and checks both give the same status
//! counts before reporting the ratio:
//!
//!     ONPACE_EVAL_PLAN=plan.json ONPACE_EVAL_OBS=obs.json ONPACE_EVAL_METHOD=open-sdg \
//!         cargo bench -p onpace-benches --bench evaluate
//!
//! Prints one JSON line: indicators, best time of 7 (ms), that per indicator (µs), the same for
//! assessing each indicator on its own (`Indicator::assess`, best of 7, µs per indicator) and
//! the count per status; with
//! `ONPACE_EVAL_OUT=file` it also writes the evaluation there as JSON (the Python script checks
//! its own is the same text). Without the files (and under `cargo test --benches`) it
//! evaluates the built-in national plan once.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::cast_precision_loss)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use onpace::io::json::observations_from_json;
use onpace::{builtin, AssessOptions, Plan};

fn main() {
    let timed = std::env::args().any(|a| a == "--bench");
    let method = std::env::var("ONPACE_EVAL_METHOD").unwrap_or_else(|_| "cn-plan-pace".into());
    let (plan, observations) = match (std::env::var("ONPACE_EVAL_PLAN"), std::env::var("ONPACE_EVAL_OBS")) {
        (Ok(p), Ok(o)) => (
            Plan::from_json(&std::fs::read_to_string(p).unwrap()).unwrap(),
            observations_from_json(&std::fs::read_to_string(o).unwrap()).unwrap(),
        ),
        _ => (builtin::plan("cn-14th-fyp-st").unwrap(), builtin::observations("cn-14th-fyp-st").unwrap()),
    };
    let options = AssessOptions::method(method.parse().unwrap());
    let evaluation = plan.evaluate(&observations, &options).unwrap();
    if let Ok(out) = std::env::var("ONPACE_EVAL_OUT") {
        std::fs::write(out, serde_json::to_string(&evaluation).unwrap()).unwrap();
    }
    let no_observations = Vec::new();
    let each: Vec<_> = plan
        .indicators
        .iter()
        .map(|ind| (ind, observations.get(&ind.id).unwrap_or(&no_observations).as_slice()))
        .collect();
    // Each indicator on its own gives its row of the evaluation (but a relative target, which
    // the evaluation resolves with its reference indicator's growth).
    for ((ind, obs), row) in each.iter().zip(&evaluation.rows) {
        if !matches!(ind.target, onpace::Target::Relative { .. }) {
            assert_eq!(&ind.assess(obs, &options).unwrap(), row);
        }
    }
    let (mut best, mut best_assess) = (Duration::MAX, Duration::MAX);
    for _ in 0..if timed { 7 } else { 1 } {
        let start = Instant::now();
        black_box(plan.evaluate(&observations, &options).unwrap());
        best = best.min(start.elapsed());
        let start = Instant::now();
        for (ind, obs) in &each {
            black_box(ind.assess(obs, &options).unwrap());
        }
        best_assess = best_assess.min(start.elapsed());
    }
    let counts: Vec<String> =
        evaluation.summary.counts.iter().map(|c| format!("\"{}\": {}", c.status.code(), c.count)).collect();
    let per_indicator = |d: Duration| d.as_secs_f64() * 1e6 / plan.indicators.len().max(1) as f64;
    println!(
        "{{\"indicators\": {}, \"method\": \"{method}\", \"best_ms\": {:.3}, \"us_per_indicator\": {:.3}, \"assess_us_per_indicator\": {:.3}, \"counts\": {{{}}}}}",
        plan.indicators.len(),
        best.as_secs_f64() * 1e3,
        per_indicator(best),
        per_indicator(best_assess),
        counts.join(", ")
    );
}
