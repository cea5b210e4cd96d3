//! Criterion benches of the core maths: paths, progress, one assessment, a plan evaluation.
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use onpace::{
    builtin, progress, project_trend, AssessOptions, Band, Decimal, Direction, Observation, PathKind, YearValue,
    ALL_MODELS,
};

fn maths(c: &mut Criterion) {
    let plan = builtin::plan("yanbian-st-14").unwrap();
    let rd = plan.indicator("rd-intensity").unwrap().clone();
    c.bench_function("path/linear/5y", |b| b.iter(|| black_box(&rd).path(PathKind::Linear).unwrap()));
    c.bench_function("path/geometric/5y", |b| b.iter(|| black_box(&rd).path(PathKind::Geometric).unwrap()));
    c.bench_function("progress/one", |b| {
        b.iter(|| {
            progress(
                YearValue::new(2020, black_box(Decimal::new(36, 2))),
                YearValue::new(2023, black_box(Decimal::new(70, 2))),
                YearValue::new(2025, Decimal::new(110, 2)),
                Direction::Increase,
            )
            .unwrap()
        })
    });
    // Illustrative observation, not a published figure.
    let obs = [Observation::new(2023, Decimal::new(70, 2))];
    let opts = AssessOptions::default();
    c.bench_function("assess/cn-plan-pace/one", |b| b.iter(|| rd.assess(black_box(&obs), &opts).unwrap()));
    let cn = builtin::plan("cn-14th-fyp-st").unwrap();
    let cn_obs = builtin::observations("cn-14th-fyp-st").unwrap();
    c.bench_function("evaluate/cn-14th-fyp-st", |b| b.iter(|| cn.evaluate(black_box(&cn_obs), &opts).unwrap()));
    for id in onpace::MethodId::ALL.iter().copied() {
        let o = AssessOptions::method(id);
        c.bench_function(&format!("evaluate/cn-14th-fyp-st/{id}"), |b| {
            b.iter(|| cn.evaluate(black_box(&cn_obs), &o).unwrap())
        });
    }
    let basic: Vec<YearValue> =
        [("2020", "6.01"), ("2021", "6.50"), ("2022", "6.57"), ("2023", "6.77"), ("2024", "6.88")]
            .iter()
            .map(|(y, v)| YearValue::new(y.parse().unwrap(), v.parse().unwrap()))
            .collect();
    let band = Some(Band::new(Some(8.0), None));
    for model in ALL_MODELS {
        c.bench_function(&format!("project/{}", model.code()), |b| {
            b.iter(|| project_trend(black_box(&basic), 2025, band, *model, 0.9).unwrap())
        });
    }
    // The Yanbian plan under every method, on the illustrative fixture (not published data).
    let fixture = include_str!("../../tests/fixtures/yanbian-illustrative.csv");
    let yb_obs = onpace::io::csv::read_observations_csv(fixture).unwrap();
    for id in onpace::MethodId::ALL.iter().copied() {
        let o = AssessOptions::method(id);
        c.bench_function(&format!("evaluate/yanbian-illustrative/{id}"), |b| {
            b.iter(|| plan.evaluate(black_box(&yb_obs), &o).unwrap())
        });
    }
    c.bench_function("builtin/load-yanbian", |b| b.iter(|| builtin::plan(black_box("yanbian-st-14")).unwrap()));
}

criterion_group!(benches, maths);
criterion_main!(benches);
