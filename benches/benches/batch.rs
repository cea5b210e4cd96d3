//! The batch path over 10^6 series, against a floor that does only the unavoidable work per
//! series (the two powers for the CAGRs), so its throughput can be read as a fraction of it.
#![allow(missing_docs, clippy::unwrap_used, clippy::indexing_slicing, clippy::cast_precision_loss)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use onpace::math::batch::{progress_row, BatchInput, BatchThresholds};

const N: usize = 1_000_000;

/// Deterministic synthetic series (an LCG, no rand dependency): baselines 1–10, targets above.
fn inputs() -> Vec<BatchInput> {
    let mut s: u64 = 20_261_127;
    let mut next = || {
        s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..N)
        .map(|_| {
            let baseline = 1.0 + 9.0 * next();
            BatchInput {
                baseline,
                target: baseline + 0.5 + 4.5 * next(),
                base_year: 2020.0,
                target_year: 2025.0,
                year: 2021.0 + (next() * 4.0).floor(),
                value: baseline + 6.0 * next() - 1.0,
                direction: 1.0,
            }
        })
        .collect()
}

fn batch(c: &mut Criterion) {
    let data = inputs();
    let th = BatchThresholds::default();
    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::Elements(N as u64));
    g.sample_size(10);
    g.bench_function("progress/1e6", |b| {
        b.iter(|| data.iter().map(|x| progress_row(*x, th)).fold(0i64, |acc, r| acc + i64::from(r.status)))
    });
    // The floor: two powers per series and nothing else.
    g.bench_function("floor/two-powers/1e6", |b| {
        b.iter(|| {
            data.iter().fold(0.0f64, |acc, x| {
                let n = x.year - x.base_year;
                let big_n = x.target_year - x.base_year;
                acc + (x.value / x.baseline).powf(1.0 / n) + (x.target / x.baseline).powf(1.0 / big_n)
            })
        })
    });
    g.finish();
    black_box(&data);
}

criterion_group!(benches, batch);
criterion_main!(benches);
