//! The batch over 10^6 series on one thread: the scalar row function, the vectorised kernel
//! for every method, and a floor that does only the unavoidable work per series (the two
//! powers for the CAGRs), so the kernel's throughput can be read as a fraction of it. The
//! kernel's results are checked against the scalar rows before anything is timed. Under
//! `cargo test --benches` (debug build, run once untimed) the series are 10^4.
#![allow(missing_docs, clippy::unwrap_used, clippy::indexing_slicing, clippy::cast_precision_loss)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use onpace::math::batch::{
    assess_into, progress_row, BatchInput, BatchSpec, BatchThresholds, Columns, Outputs, BATCH_METHODS,
};

const N: usize = if cfg!(debug_assertions) { 10_000 } else { 1_000_000 };

/// Deterministic synthetic series (an LCG, no rand dependency): baselines 1–10, targets above.
fn inputs() -> Vec<BatchInput> {
    onpace_benches::batch_inputs(N)
}

/// The inputs as columns, the years and the direction as single broadcast values (as
/// `onpace.batch` passes Python scalars).
struct Cols {
    baseline: Vec<f64>,
    target: Vec<f64>,
    year: Vec<f64>,
    value: Vec<f64>,
}

impl Cols {
    fn new(data: &[BatchInput]) -> Self {
        Cols {
            baseline: data.iter().map(|x| x.baseline).collect(),
            target: data.iter().map(|x| x.target).collect(),
            year: data.iter().map(|x| x.year).collect(),
            value: data.iter().map(|x| x.value).collect(),
        }
    }

    fn columns(&self) -> Columns<'_> {
        Columns {
            baseline: &self.baseline,
            target: &self.target,
            base_year: &[2020.0],
            target_year: &[2025.0],
            year: &self.year,
            value: &self.value,
            direction: &[1.0],
            start_year: None,
            start_value: None,
        }
    }
}

/// One run of the kernel into fresh (zeroed, untouched) outputs, as the Python binding does.
fn kernel(spec: &BatchSpec, cols: &Columns<'_>) -> (Vec<Vec<f64>>, Vec<i8>) {
    let mut values: Vec<Vec<f64>> = spec.method.columns().iter().map(|_| vec![0.0; N]).collect();
    let mut status = vec![0i8; N];
    let mut out = Outputs { values: values.iter_mut().map(Vec::as_mut_slice).collect(), status: &mut status };
    assess_into(spec, cols, &mut out).unwrap();
    (values, status)
}

fn batch(c: &mut Criterion) {
    let data = inputs();
    let th = BatchThresholds::default();
    let cols = Cols::new(&data);
    let columns = cols.columns();

    // Checked equal first: the kernel's cn-plan-pace rows are the scalar rows (1e-13).
    let spec = BatchSpec::new("cn-plan-pace", &[]).unwrap();
    let (values, status) = kernel(&spec, &columns);
    for (i, x) in data.iter().enumerate() {
        let r = progress_row(*x, th);
        assert_eq!(status[i], r.status, "row {i}");
        for (col, want) in
            values.iter().zip([r.completion, r.time_share, r.pace, r.actual_cagr, r.required_cagr, r.ratio])
        {
            let got = col[i];
            assert!(got == want || (got - want).abs() <= 1e-13 * want.abs(), "row {i}: {got} vs {want}");
        }
    }

    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::Elements(N as u64));
    g.sample_size(10);
    g.bench_function("progress-row/1e6", |b| {
        b.iter(|| data.iter().map(|x| progress_row(*x, th)).fold(0i64, |acc, r| acc + i64::from(r.status)))
    });
    for m in BATCH_METHODS {
        let spec = BatchSpec::new(m.id(), &[]).unwrap();
        g.bench_function(format!("kernel/{}/1e6", m.id()), |b| b.iter(|| black_box(kernel(&spec, &columns))));
    }
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
