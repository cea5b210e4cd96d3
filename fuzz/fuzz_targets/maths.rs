//! Every public maths entry point on arbitrary decimals and years: errors are fine, panics,
//! NaN and infinities are not.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use onpace::{
    progress, project_trend, required_path, Baseline, Decimal, Direction, Growth, Indicator, Model, Observation,
    PathKind, Target, Unit, YearValue, ALL_MODELS,
};

#[derive(Debug, Arbitrary)]
struct D {
    lo: u64,
    hi: u32,
    neg: bool,
    scale: u8,
}

impl D {
    fn get(&self) -> Decimal {
        let m = (i128::from(self.hi) << 64) | i128::from(self.lo);
        let d = Decimal::from_i128_with_scale(m, u32::from(self.scale % 29));
        if self.neg {
            -d
        } else {
            d
        }
    }
}

#[derive(Debug, Arbitrary)]
struct Input {
    years: [i16; 3],
    values: [D; 3],
    rate: D,
    decrease: bool,
    kind: u8,
    points: Vec<(i16, D)>,
    level: u16,
}

fn finite(x: Option<f64>, what: &str) {
    if let Some(v) = x {
        assert!(v.is_finite(), "non-finite {what}: {v}");
    }
}

fuzz_target!(|inp: Input| {
    let year = |i: usize| 2000i32 + i32::from(inp.years[i] % 300);
    let dir = if inp.decrease { Direction::Decrease } else { Direction::Increase };
    let (b, l, t) = (
        YearValue::new(year(0), inp.values[0].get()),
        YearValue::new(year(1), inp.values[1].get()),
        YearValue::new(year(2), inp.values[2].get()),
    );
    if let Ok(p) = progress(b, l, t, dir) {
        finite(p.actual_cagr, "p.actual_cagr");
        finite(p.required_cagr, "p.required_cagr");
        finite(p.required_cagr_from_now, "p.required_cagr_from_now");
        finite(p.acceleration, "p.acceleration");
        finite(p.years_to_target, "p.years_to_target");
    }
    for kind in [PathKind::Linear, PathKind::Geometric] {
        if let Ok(path) = required_path((b.year, b.value), (t.year, t.value), kind) {
            assert_eq!(path.first().map(|m| m.value), Some(b.value));
            assert_eq!(path.last().map(|m| m.value), Some(t.value));
        }
    }
    let mut pts: Vec<(i32, Decimal)> =
        inp.points.iter().take(40).map(|(y, v)| (2000 + i32::from(*y % 300), v.get())).collect();
    pts.sort_by_key(|p| p.0);
    pts.dedup_by_key(|p| p.0);
    let level = f64::from(inp.level) / 65536.0;
    for model in ALL_MODELS.iter().copied().chain([Model::OlsLinear]) {
        let points: Vec<onpace::YearValue> = pts.iter().copied().map(onpace::YearValue::from).collect();
        if let Ok(pr) = project_trend(&points, t.year, None, model, level) {
            assert!(pr.value.is_finite());
            finite(pr.low, "pr.low");
            finite(pr.high, "pr.high");
            finite(pr.p_meet, "pr.p_meet");
        }
    }
    let target = match inp.kind % 4 {
        0 => Target::Level { year: t.year, value: t.value, comparator: None },
        1 => Target::AnnualGrowth { year: t.year, rate: inp.rate.get(), comparator: None },
        2 => Target::Change { year: t.year, amount: inp.rate.get(), mode: onpace::ChangeMode::Relative },
        _ => Target::Range { year: t.year, low: t.value.min(inp.rate.get()), high: t.value.max(inp.rate.get()) },
    };
    if let Ok(ind) = Indicator::new("x", "x", Unit::Ratio, dir, Baseline { year: b.year, value: b.value }, target) {
        let _ = ind.implied_target();
        for m in onpace::method_ids() {
            let opts = onpace::AssessOptions::method(m.parse().unwrap());
            if let Ok(a) = ind.assess(&[Observation::new(l.year, l.value)], &opts) {
                let what = format!("{m} {:?}", a.status);
                finite(a.actual_cagr, &what);
                finite(a.required_cagr, &what);
                finite(a.years_to_target, &what);
                finite(a.acceleration, &what);
                finite(a.ratio, "a.ratio");
                finite(a.score, "a.score");
                finite(a.index, "a.index");
            }
        }
        let _ = ind.what_if(b.year, b.value, Growth::Rate(inp.rate.get()));
        let _ = ind.what_if(b.year, b.value, Growth::Increment(inp.rate.get()));
    }
});
