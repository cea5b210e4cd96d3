//! Rust `Plan::evaluate` at 10³, 10⁴ and 10⁵ indicators (the synthetic plan of
//! `onpace_benches::synthetic_plan_json`, open-sdg): the time per indicator stays flat when the
//! evaluation scales linearly (it grew with the plan's size while each observation key was
//! looked up by scanning the indicator list).
//!
//!     cargo bench -p onpace-benches --bench evaluate_scaling
//!
//! Prints one JSON line per size: best of 5 timed in turns (ms), µs per indicator and that per-indicator time
//! over the 10³ plan's. Under `cargo test --benches` it evaluates the 10³ plan once.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::cast_precision_loss)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use onpace::io::json::observations_from_json;
use onpace::{AssessOptions, Plan};

fn main() {
    let timed = std::env::args().any(|a| a == "--bench");
    let sizes: &[usize] = if timed { &[1_000, 10_000, 100_000] } else { &[1_000] };
    let options = AssessOptions::method(onpace::MethodId::OpenSdg);
    let cases: Vec<(usize, Plan, onpace::PlanObservations)> = sizes
        .iter()
        .map(|&n| {
            let (plan, observations) = onpace_benches::synthetic_plan_json(n);
            let plan = Plan::from_json(&plan).unwrap();
            let observations = observations_from_json(&observations).unwrap();
            assert_eq!(plan.evaluate(&observations, &options).unwrap().rows.len(), n);
            (n, plan, observations)
        })
        .collect();
    // Timed in turns (every size once per round), so a change in the machine's load falls on
    // every size alike.
    let mut best = vec![Duration::MAX; cases.len()];
    for _ in 0..if timed { 5 } else { 1 } {
        for ((_, plan, observations), best) in cases.iter().zip(&mut best) {
            let start = Instant::now();
            black_box(plan.evaluate(observations, &options).unwrap());
            *best = (*best).min(start.elapsed());
        }
    }
    let mut first_per_indicator = None;
    for ((n, _, _), best) in cases.iter().zip(best) {
        let per = best.as_secs_f64() * 1e6 / *n as f64;
        let base = *first_per_indicator.get_or_insert(per);
        println!(
            "{{\"indicators\": {n}, \"best_ms\": {:.2}, \"us_per_indicator\": {per:.3}, \"per_indicator_over_1e3\": {:.2}}}",
            best.as_secs_f64() * 1e3,
            per / base
        );
    }
}
