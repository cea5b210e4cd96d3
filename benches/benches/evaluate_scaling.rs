//! Rust `Plan::evaluate` per indicator: open-sdg at 10³, 10⁴ and 10⁵ indicators (the synthetic
//! plan of `onpace_benches::synthetic_plan_json`), and every method at 10⁴. The time per
//! indicator stays flat when the evaluation scales linearly (it grew with the plan's size while
//! each observation key was looked up by scanning the indicator list); the per-method lines are
//! the figures of benches/README.md ("Plan::evaluate per indicator").
//!
//!     cargo bench -p onpace-benches --bench evaluate_scaling
//!
//! Prints one JSON line per case: method, size, best of 5 timed in turns (ms), µs per indicator
//! and, for open-sdg, that per-indicator time over the 10³ plan's. Under `cargo test --benches`
//! it evaluates the 10³ plan once with each method.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::cast_precision_loss)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use onpace::io::json::observations_from_json;
use onpace::{AssessOptions, MethodId, Plan};

const METHODS: [MethodId; 7] = [
    MethodId::CnPlanPace,
    MethodId::Eurostat,
    MethodId::OpenSdg,
    MethodId::Unsd,
    MethodId::Escap,
    MethodId::Destatis,
    MethodId::Sdsn,
];

fn main() {
    let timed = std::env::args().any(|a| a == "--bench");
    let sizes: &[usize] = if timed { &[1_000, 10_000, 100_000] } else { &[1_000] };
    let per_method = if timed { 10_000 } else { 1_000 };
    let plans: Vec<(usize, Plan, onpace::PlanObservations)> = sizes
        .iter()
        .map(|&n| {
            let (plan, observations) = onpace_benches::synthetic_plan_json(n);
            (n, Plan::from_json(&plan).unwrap(), observations_from_json(&observations).unwrap())
        })
        .collect();
    // Every method at one size, then Open SDG at the other sizes.
    let mut cases: Vec<(MethodId, usize)> = METHODS.iter().map(|m| (*m, per_method)).collect();
    cases.extend(sizes.iter().filter(|&&n| n != per_method).map(|&n| (MethodId::OpenSdg, n)));
    let plan_of = |n: usize| plans.iter().find(|(size, _, _)| *size == n).unwrap();
    for (method, n) in &cases {
        let (_, plan, observations) = plan_of(*n);
        assert_eq!(plan.evaluate(observations, &AssessOptions::method(*method)).unwrap().rows.len(), *n);
    }
    // Timed in turns (every case once per round), so a change in the machine's load falls on
    // every case alike; the 10⁵ plan in rounds of its own after the others: the evaluation
    // timed right after dropping its 120 MB took up to three times as long (the allocator
    // returning and taking back that memory), whatever the method.
    let mut best = vec![Duration::MAX; cases.len()];
    for large in [false, true] {
        for _ in 0..if timed { 5 } else { 1 } {
            for ((method, n), best) in cases.iter().zip(&mut best).filter(|((_, n), _)| (*n > per_method) == large) {
                let (_, plan, observations) = plan_of(*n);
                let options = AssessOptions::method(*method);
                let start = Instant::now();
                black_box(plan.evaluate(observations, &options).unwrap());
                *best = (*best).min(start.elapsed());
            }
        }
    }
    let per_indicator = |(n, best): (usize, Duration)| best.as_secs_f64() * 1e6 / n as f64;
    let smallest = cases.iter().zip(&best).find(|((m, n), _)| *m == MethodId::OpenSdg && Some(n) == sizes.first());
    let base = smallest.map_or(1.0, |((_, n), best)| per_indicator((*n, *best)));
    for ((method, n), best) in cases.iter().zip(best) {
        let per = per_indicator((*n, best));
        let scaling = if *method == MethodId::OpenSdg {
            format!(", \"per_indicator_over_1e3\": {:.2}", per / base)
        } else {
            String::new()
        };
        println!(
            "{{\"method\": \"{}\", \"indicators\": {n}, \"best_ms\": {:.2}, \"us_per_indicator\": {per:.3}{scaling}}}",
            method.as_str(),
            best.as_secs_f64() * 1e3,
        );
    }
}
