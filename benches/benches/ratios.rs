//! Ratios from one run: the one-thread batch kernel against the two-powers floor and the scalar
//! row function, and its no-target variants (a NaN target) against the one-power floor, timed
//! in turns in one process (best of 15 each), because this shared VM's
//! speed drifts by up to 2× over seconds and criterion times one bench after the other.
//!
//!     cargo bench -p onpace-benches --bench ratios
//!
//! Results are checked equal first (the kernel's rows are the scalar rows, 1e-13). Under
//! `cargo test --benches` (no `--bench` argument) it runs once on 10^4 series, untimed.
#![allow(missing_docs, clippy::unwrap_used, clippy::indexing_slicing, clippy::cast_precision_loss)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use onpace::math::batch::{
    assess_into, progress_row, BatchInput, BatchSpec, BatchThresholds, Columns, Outputs, BATCH_METHODS,
};

fn inputs(n: usize) -> Vec<BatchInput> {
    onpace_benches::batch_inputs(n)
}

fn main() {
    let timed = std::env::args().any(|a| a == "--bench");
    let (n, repeats) = if timed { (1_000_000, 15) } else { (10_000, 1) };
    let data = inputs(n);
    let th = BatchThresholds::default();
    let (b, t, y, v): (Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>) = (
        data.iter().map(|x| x.baseline).collect(),
        data.iter().map(|x| x.target).collect(),
        data.iter().map(|x| x.year).collect(),
        data.iter().map(|x| x.value).collect(),
    );
    let cols = Columns {
        baseline: &b,
        target: &t,
        base_year: &[2020.0],
        target_year: &[2025.0],
        year: &y,
        value: &v,
        direction: &[1.0],
        start_year: None,
        start_value: None,
    };
    let run = |spec: &BatchSpec, values: &mut Vec<Vec<f64>>, status: &mut Vec<i8>| {
        let mut out = Outputs { values: values.iter_mut().map(Vec::as_mut_slice).collect(), status };
        assess_into(spec, &cols, &mut out).unwrap();
    };
    let fresh = |spec: &BatchSpec| {
        let mut values: Vec<Vec<f64>> = spec.method.columns().iter().map(|_| vec![0.0; n]).collect();
        let mut status = vec![0i8; n];
        run(spec, &mut values, &mut status);
        (values, status)
    };

    // Checked equal first.
    let cn = BatchSpec::new("cn-plan-pace", &[]).unwrap();
    let (values, status) = fresh(&cn);
    for (i, x) in data.iter().enumerate() {
        let r = progress_row(*x, th);
        assert_eq!(status[i], r.status, "row {i}");
        for (col, want) in
            values.iter().zip([r.completion, r.time_share, r.pace, r.actual_cagr, r.required_cagr, r.ratio])
        {
            assert!(col[i] == want || (col[i] - want).abs() <= 1e-13 * want.abs(), "row {i}");
        }
    }

    let mut reused_values: Vec<Vec<f64>> = cn.method.columns().iter().map(|_| vec![0.0; n]).collect();
    let mut reused_status = vec![0i8; n];
    let specs: Vec<BatchSpec> = BATCH_METHODS.iter().map(|m| BatchSpec::new(m.id(), &[]).unwrap()).collect();
    let years_a: Vec<f64> = data.iter().map(|x| x.year - x.base_year).collect();
    let years_r: Vec<f64> = data.iter().map(|x| x.target_year - x.base_year).collect();
    let mut ga = vec![0.0; n];
    let mut gr = vec![0.0; n];
    // The no-target variants: the same series, a NaN target (one rate per row).
    let no_target = Columns { target: &[f64::NAN], target_year: &[f64::NAN], ..cols };
    let nt_specs: Vec<BatchSpec> =
        ["eurostat", "open-sdg", "unsd"].iter().map(|m| BatchSpec::new(m, &[]).unwrap()).collect();
    let mut nt_values: Vec<Vec<f64>> = vec![vec![0.0; n]; 2];
    let mut names: Vec<String> = vec!["floor: two powers".into(), "scalar rows (progress_row)".into()];
    names.push("two rates only, SIMD lanes (compound_rates)".into());
    names.push("two rates only, scalar (rate::rate_f64, glibc)".into());
    names.push("kernel cn-plan-pace, outputs reused (no page faults)".into());
    names.extend(specs.iter().map(|s| format!("kernel {}, fresh outputs", s.method.id())));
    let one_power = names.len();
    names.push("floor: one power (no target)".into());
    names.extend(nt_specs.iter().map(|s| format!("kernel {}, no target, outputs reused", s.method.id())));
    let mut best = vec![Duration::MAX; names.len()];
    for _ in 0..repeats {
        for (k, slot) in best.iter_mut().enumerate() {
            let start = Instant::now();
            match k {
                0 => {
                    black_box(data.iter().fold(0.0f64, |acc, x| {
                        let n = x.year - x.base_year;
                        let big_n = x.target_year - x.base_year;
                        acc + (x.value / x.baseline).powf(1.0 / n) + (x.target / x.baseline).powf(1.0 / big_n)
                    }));
                }
                1 => {
                    black_box(data.iter().map(|x| progress_row(*x, th)).fold(0i64, |a, r| a + i64::from(r.status)));
                }
                2 => {
                    onpace::math::batch::compound_rates(&b, &v, &years_a, &mut ga);
                    onpace::math::batch::compound_rates(&b, &t, &years_r, &mut gr);
                }
                3 => {
                    for i in 0..n {
                        ga[i] = onpace::math::rate::rate_f64(b[i], v[i], years_a[i]);
                        gr[i] = onpace::math::rate::rate_f64(b[i], t[i], years_r[i]);
                    }
                }
                4 => run(&cn, &mut reused_values, &mut reused_status),
                k if k < one_power => {
                    black_box(fresh(&specs[k - 5]));
                }
                k if k == one_power => {
                    black_box(
                        data.iter()
                            .fold(0.0f64, |acc, x| acc + (x.value / x.baseline).powf(1.0 / (x.year - x.base_year))),
                    );
                }
                k => {
                    let spec = &nt_specs[k - one_power - 1];
                    let cols_used = spec.method.columns().len();
                    let mut out = Outputs {
                        values: nt_values.iter_mut().take(cols_used).map(Vec::as_mut_slice).collect(),
                        status: &mut reused_status,
                    };
                    assess_into(spec, &no_target, &mut out).unwrap();
                }
            }
            *slot = (*slot).min(start.elapsed());
        }
    }
    if !timed {
        println!("ratios: ran once on {n} series (untimed)");
        return;
    }
    println!("{n} series, one thread, best of {repeats} each, in turns:");
    for (k, (name, t)) in names.iter().zip(&best).enumerate() {
        // The no-target rows against the one-power floor, the others against the two powers.
        let floor = best[if k >= one_power { one_power } else { 0 }].as_secs_f64();
        println!("  {name:<55} {:>8.2} ms  {:>5.2}× the floor", t.as_secs_f64() * 1e3, t.as_secs_f64() / floor);
    }
}
