//! The columnar kernel: every batch method over columns of f64, four series at a time.
//!
//! Each block of four rows is gathered, its logarithms and exponentials computed in SIMD lanes
//! ([`super::lanes`]), its statuses decided row by row with the exact API's rules, and each
//! output element written once, straight into the caller's columns (no intermediate arrays, no
//! fill pass). The caller splits the columns across threads ([`Columns::slice`],
//! [`Outputs::split_at`]).

use wide::f64x4;

use super::lanes;
use super::spec::{BatchMethod, BatchSpec, MAX_COLUMNS};
use super::{at_least, progress_with_rates, BatchInput, BatchThresholds, NOT_ASSESSABLE};
use crate::error::{Error, Result};
use crate::method::prepare::EDGE_TOLERANCE;

/// The input columns. Each holds one value per series, or a single value for every series
/// (a broadcast scalar, e.g. one base year for the whole panel).
#[derive(Debug, Clone, Copy)]
pub struct Columns<'a> {
    /// Baseline values `y0`.
    pub baseline: &'a [f64],
    /// Target values `y*` (level targets).
    pub target: &'a [f64],
    /// Baseline years `t0`.
    pub base_year: &'a [f64],
    /// Target years `T`.
    pub target_year: &'a [f64],
    /// Latest years `t`.
    pub year: &'a [f64],
    /// Latest values `yt`.
    pub value: &'a [f64],
    /// +1 higher is better, −1 lower is better.
    pub direction: &'a [f64],
    /// `eurostat` only: the window start's year (absent: the baseline year). The caller picks
    /// the point, as the exact method does: the first value from `year − window_years` on.
    pub start_year: Option<&'a [f64]>,
    /// `eurostat` only: the window start's value (absent: the baseline value).
    pub start_value: Option<&'a [f64]>,
}

/// One value of a column at row `i`: the only value of a broadcast column.
#[inline]
fn at(col: &[f64], i: usize) -> f64 {
    match col {
        [only] => *only,
        _ => col.get(i).copied().unwrap_or(f64::NAN),
    }
}

/// A column's slice over `from..to`, a broadcast column as it is.
fn sub(col: &[f64], from: usize, to: usize) -> &[f64] {
    if col.len() == 1 {
        col
    } else {
        col.get(from..to).unwrap_or(&[])
    }
}

impl<'a> Columns<'a> {
    fn all(&self) -> [Option<&'a [f64]>; 9] {
        [
            Some(self.baseline),
            Some(self.target),
            Some(self.base_year),
            Some(self.target_year),
            Some(self.year),
            Some(self.value),
            Some(self.direction),
            self.start_year,
            self.start_value,
        ]
    }

    /// The number of series: the length shared by every column that is not a broadcast
    /// single value (1 when all are); `invalid_argument` when two lengths differ.
    pub fn len(&self) -> Result<usize> {
        let mut n: Option<usize> = None;
        for c in self.all().into_iter().flatten() {
            match (c.len(), n) {
                (1, _) => {}
                (l, None) => n = Some(l),
                (l, Some(m)) if l == m => {}
                (l, Some(m)) => {
                    return Err(Error::invalid_argument(
                        "columns",
                        format!("every column must have one value per series or a single value; got {m} and {l}"),
                    ))
                }
            }
        }
        Ok(n.unwrap_or(1))
    }

    /// Whether there are no series (some column is empty).
    pub fn is_empty(&self) -> bool {
        self.all().into_iter().flatten().any(<[f64]>::is_empty)
    }

    /// The rows `from..to` (broadcast columns stay as they are).
    pub fn slice(&self, from: usize, to: usize) -> Columns<'a> {
        Columns {
            baseline: sub(self.baseline, from, to),
            target: sub(self.target, from, to),
            base_year: sub(self.base_year, from, to),
            target_year: sub(self.target_year, from, to),
            year: sub(self.year, from, to),
            value: sub(self.value, from, to),
            direction: sub(self.direction, from, to),
            start_year: self.start_year.map(|c| sub(c, from, to)),
            start_value: self.start_value.map(|c| sub(c, from, to)),
        }
    }

    fn row(&self, i: usize) -> Row {
        let y0 = at(self.baseline, i);
        let t0 = at(self.base_year, i);
        Row {
            y0,
            ys: at(self.target, i),
            t0,
            tt: at(self.target_year, i),
            t: at(self.year, i),
            yt: at(self.value, i),
            d: at(self.direction, i),
            sy: self.start_year.map_or(t0, |c| at(c, i)),
            sv: self.start_value.map_or(y0, |c| at(c, i)),
        }
    }
}

/// The output columns: `values` in [`BatchMethod::columns`] order, then the int8 `status`.
#[derive(Debug)]
pub struct Outputs<'a> {
    /// One slice per value column of the method.
    pub values: Vec<&'a mut [f64]>,
    /// Status codes ([`BatchMethod::status_table`]).
    pub status: &'a mut [i8],
}

impl<'a> Outputs<'a> {
    /// The rows before `mid` and the rows from `mid` on.
    pub fn split_at(self, mid: usize) -> (Outputs<'a>, Outputs<'a>) {
        let mid = mid.min(self.status.len());
        let (s0, s1) = self.status.split_at_mut(mid);
        let (mut v0, mut v1) = (Vec::with_capacity(self.values.len()), Vec::with_capacity(self.values.len()));
        for v in self.values {
            let (a, b) = v.split_at_mut(mid.min(v.len()));
            v0.push(a);
            v1.push(b);
        }
        (Outputs { values: v0, status: s0 }, Outputs { values: v1, status: s1 })
    }
}

/// One series' inputs (`sy`, `sv`: eurostat's window start, else the baseline).
#[derive(Debug, Clone, Copy)]
struct Row {
    y0: f64,
    ys: f64,
    t0: f64,
    tt: f64,
    t: f64,
    yt: f64,
    d: f64,
    sy: f64,
    sv: f64,
}

const NAN_ROW: Row = Row {
    y0: f64::NAN,
    ys: f64::NAN,
    t0: f64::NAN,
    tt: f64::NAN,
    t: f64::NAN,
    yt: f64::NAN,
    d: f64::NAN,
    sy: f64::NAN,
    sv: f64::NAN,
};

impl Row {
    /// Every input finite, a direction of ±1, a plan length > 0, an observation after the
    /// baseline and (eurostat) after the window start; otherwise the row is `not_assessable`.
    fn assessable(&self) -> bool {
        [self.y0, self.ys, self.t0, self.tt, self.t, self.yt, self.d, self.sy, self.sv].iter().all(|v| v.is_finite())
            && (self.d == 1.0 || self.d == -1.0)
            && self.tt - self.t0 > 0.0
            && self.t - self.t0 > 0.0
            && self.t - self.sy > 0.0
    }

    /// Whether `v` meets the level target (≥ when higher is better, ≤ when lower is).
    fn met(&self, v: f64) -> bool {
        self.d * (v - self.ys) >= 0.0
    }
}

/// One series' outputs: values in the method's column order, and the status code.
#[derive(Debug, Clone, Copy)]
struct Out {
    v: [f64; MAX_COLUMNS],
    s: i8,
}

const NAN_OUT: Out = Out { v: [f64::NAN; MAX_COLUMNS], s: NOT_ASSESSABLE };

fn out_row(s: i8, values: &[f64]) -> Out {
    let mut o = Out { v: [f64::NAN; MAX_COLUMNS], s };
    for (slot, v) in o.v.iter_mut().zip(values) {
        *slot = *v;
    }
    o
}

/// `x > edge` with the band-edge tolerance of [`at_least`]: on the edge is not above it.
fn above(x: f64, edge: f64) -> bool {
    x > edge + EDGE_TOLERANCE * edge.abs().max(1.0)
}

/// Four lanes of one input.
fn lanes4(rows: &[Row; 4], f: impl Fn(&Row) -> f64) -> f64x4 {
    f64x4::new([f(&rows[0]), f(&rows[1]), f(&rows[2]), f(&rows[3])])
}

/// Assess every series of `cols` with `spec`, writing `out` (whose columns must have the
/// length [`Columns::len`], one per [`BatchMethod::columns`]).
pub fn assess_into(spec: &BatchSpec, cols: &Columns<'_>, out: &mut Outputs<'_>) -> Result<()> {
    let n = if cols.is_empty() { 0 } else { cols.len()? };
    let wanted = spec.method.columns().len();
    if out.status.len() != n || out.values.len() != wanted || out.values.iter().any(|v| v.len() != n) {
        return Err(Error::invalid_argument(
            "outputs",
            format!("expected {wanted} value columns and a status column of {n} rows each"),
        ));
    }
    let mut start = 0;
    while start < n {
        let mut rows = [NAN_ROW; 4];
        for (k, r) in rows.iter_mut().enumerate() {
            if let Some(i) = start.checked_add(k).filter(|i| *i < n) {
                *r = cols.row(i);
            }
        }
        let res = block(spec, &rows);
        for (k, o) in res.iter().enumerate() {
            let Some(i) = start.checked_add(k).filter(|i| *i < n) else { break };
            if let Some(s) = out.status.get_mut(i) {
                *s = o.s;
            }
            for (col, v) in out.values.iter_mut().zip(o.v) {
                if let Some(slot) = col.get_mut(i) {
                    *slot = v;
                }
            }
        }
        start = start.saturating_add(4);
    }
    Ok(())
}

/// Four rows of one method.
fn block(spec: &BatchSpec, rows: &[Row; 4]) -> [Out; 4] {
    let ok = rows.map(|r| r.assessable());
    // Every lane is computed (SIMD has no per-lane branches); rows that are not assessable
    // are replaced by NaN outputs below.
    let res = match spec.method {
        BatchMethod::CnPlanPace => cn_plan_pace(spec, rows),
        BatchMethod::Eurostat | BatchMethod::OpenSdg => ratio_of_rates(spec, rows),
        BatchMethod::Unsd => unsd(spec, rows),
        BatchMethod::Escap => escap(spec, rows),
        BatchMethod::Sdsn => rows.map(|r| sdsn(spec, &r)),
    };
    let mut out = [NAN_OUT; 4];
    for ((o, r), ok) in out.iter_mut().zip(res).zip(ok) {
        if ok {
            *o = r;
        }
    }
    out
}

fn cn_plan_pace(spec: &BatchSpec, rows: &[Row; 4]) -> [Out; 4] {
    let y0 = lanes4(rows, |r| r.y0);
    let ga = lanes::rate(y0, lanes4(rows, |r| r.yt), lanes4(rows, |r| r.t - r.t0)).to_array();
    let gr = lanes::rate(y0, lanes4(rows, |r| r.ys), lanes4(rows, |r| r.tt - r.t0)).to_array();
    let th = BatchThresholds { ahead_margin: spec.th(0), lag_tolerance: spec.th(1) };
    let mut out = [NAN_OUT; 4];
    for (k, (o, r)) in out.iter_mut().zip(rows).enumerate() {
        let x = BatchInput {
            baseline: r.y0,
            target: r.ys,
            base_year: r.t0,
            target_year: r.tt,
            year: r.t,
            value: r.yt,
            direction: r.d,
        };
        let b =
            progress_with_rates(x, th, ga.get(k).copied().unwrap_or(f64::NAN), gr.get(k).copied().unwrap_or(f64::NAN));
        *o = out_row(b.status, &[b.completion, b.time_share, b.pace, b.actual_cagr, b.required_cagr, b.ratio]);
    }
    out
}

/// Status codes: positions in each method's `statuses()` (checked by a test below).
mod code {
    pub const ACHIEVED: i8 = 0;
    // eurostat
    pub const SIGNIFICANT_PROGRESS: i8 = 1;
    pub const MODERATE_PROGRESS: i8 = 2;
    pub const INSUFFICIENT_PROGRESS: i8 = 3;
    pub const MOVEMENT_AWAY: i8 = 4;
    // open-sdg
    pub const ON_TRACK: i8 = 1;
    pub const ACCELERATION_NEEDED: i8 = 2;
    pub const LIMITED_PROGRESS: i8 = 3;
    pub const DETERIORATION: i8 = 4;
    // unsd (ON_TRACK, ACCELERATION_NEEDED as open-sdg)
    pub const STAGNATION_OR_REGRESSION: i8 = 3;
    // escap
    pub const MAINTAIN: i8 = 1;
    pub const ACCELERATE: i8 = 2;
    pub const REVERSE: i8 = 3;
    // sdsn (ON_TRACK as open-sdg)
    pub const MODERATELY_IMPROVING: i8 = 2;
    pub const STAGNATING: i8 = 3;
    pub const DECREASING: i8 = 4;
}

/// `eurostat` (from the window start) and `open-sdg` (from the baseline): `d·ga/|gr|`, or the
/// ratio of slopes where a compound rate does not exist (zero or sign-changing values) and, for
/// eurostat, where every value is negative; open-sdg flips the direction there instead
/// ([`crate::method::prepare::rate_ratio`]).
fn ratio_of_rates(spec: &BatchSpec, rows: &[Row; 4]) -> [Out; 4] {
    let sv = lanes4(rows, |r| r.sv);
    let ga = lanes::rate(sv, lanes4(rows, |r| r.yt), lanes4(rows, |r| r.t - r.sy)).to_array();
    let gr = lanes::rate(sv, lanes4(rows, |r| r.ys), lanes4(rows, |r| r.tt - r.sy)).to_array();
    let open_sdg = spec.method == BatchMethod::OpenSdg;
    let (hi, mid) = (spec.th(0), spec.th(1));
    let [top, second, third, worst] = if open_sdg {
        [code::ON_TRACK, code::ACCELERATION_NEEDED, code::LIMITED_PROGRESS, code::DETERIORATION]
    } else {
        [code::SIGNIFICANT_PROGRESS, code::MODERATE_PROGRESS, code::INSUFFICIENT_PROGRESS, code::MOVEMENT_AWAY]
    };
    let mut out = [NAN_OUT; 4];
    for (k, (o, r)) in out.iter_mut().zip(rows).enumerate() {
        let (ga, gr) = (ga.get(k).copied().unwrap_or(f64::NAN), gr.get(k).copied().unwrap_or(f64::NAN));
        // (status, ratio) before the bands; `None` ratio: decided without one.
        let decided = if r.met(r.yt) {
            Some(code::ACHIEVED)
        } else if r.met(r.sv) || r.ys == r.sv {
            // Slipped since the start, or a target equal to the start not met: moving away.
            Some(worst)
        } else {
            None
        };
        *o = match decided {
            Some(s) => {
                let score = if !open_sdg {
                    f64::NAN
                } else if s == code::ACHIEVED {
                    5.0
                } else {
                    -5.0
                };
                out_row(s, &[f64::NAN, score])
            }
            None => {
                let negative = r.sv < 0.0 && r.yt < 0.0 && r.ys < 0.0;
                let rates = ga.is_finite() && gr.is_finite() && gr != 0.0;
                let ratio = if rates && (open_sdg || !negative) {
                    let d = if negative { -r.d } else { r.d };
                    d * ga / gr.abs()
                } else {
                    let sa = (r.yt - r.sv) / (r.t - r.sy);
                    let sr = (r.ys - r.sv) / (r.tt - r.sy);
                    r.d * sa / sr.abs()
                };
                let band = if at_least(ratio, hi) {
                    top
                } else if at_least(ratio, mid) {
                    second
                } else if at_least(ratio, 0.0) {
                    third
                } else {
                    worst
                };
                if open_sdg {
                    out_row(band, &[ratio, crate::method::open_sdg::score(ratio)])
                } else {
                    out_row(band, &[ratio])
                }
            }
        };
    }
    out
}

/// `unsd`: `E = (ŷ(T) − y0)/(y* − y0)` with `ŷ(T) = yt·e^(λ·max(T − t, 0))` from the log growth
/// since the baseline (the slope where no rate exists); the score is the level 3/2/1.
fn unsd(spec: &BatchSpec, rows: &[Row; 4]) -> [Out; 4] {
    let lam = lanes::log_growth(lanes4(rows, |r| r.y0), lanes4(rows, |r| r.yt), lanes4(rows, |r| r.t - r.t0));
    let ahead = lanes4(rows, |r| (r.tt - r.t).max(0.0));
    let factor = lanes::grow(lam, ahead).to_array();
    let lam = lam.to_array();
    let (hi, mid) = (spec.th(0), spec.th(1));
    let level = |s: i8| match s {
        code::ACHIEVED | code::ON_TRACK => 3.0,
        code::ACCELERATION_NEEDED => 2.0,
        _ => 1.0,
    };
    let mut out = [NAN_OUT; 4];
    for (k, (o, r)) in out.iter_mut().zip(rows).enumerate() {
        *o = if r.met(r.yt) {
            out_row(code::ACHIEVED, &[f64::NAN, 3.0])
        } else if r.met(r.y0) || r.ys == r.y0 {
            out_row(code::STAGNATION_OR_REGRESSION, &[f64::NAN, 1.0])
        } else {
            let projected = if lam.get(k).is_some_and(|l| l.is_finite()) {
                r.yt * factor.get(k).copied().unwrap_or(f64::NAN)
            } else {
                r.yt + (r.yt - r.y0) / (r.t - r.t0) * (r.tt - r.t).max(0.0)
            };
            let e = (projected - r.y0) / (r.ys - r.y0);
            let s = if at_least(e, hi) {
                code::ON_TRACK
            } else if at_least(e, mid) {
                code::ACCELERATION_NEEDED
            } else {
                code::STAGNATION_OR_REGRESSION
            };
            out_row(s, &[e, level(s)])
        };
    }
    out
}

/// `escap`: CSI `= min(10·d·(yt − y0)/|y* − y0|, 10)` and AP `= d·(ŷ(T) − y0)/|y* − y0|` with
/// the endpoint-CAGR projection `ŷ(T) = yt·e^(λ·(T − t))` (the exact method's default model;
/// the others need whole series). No compound rate: not assessable, as in the exact method.
fn escap(spec: &BatchSpec, rows: &[Row; 4]) -> [Out; 4] {
    let lam = lanes::log_growth(lanes4(rows, |r| r.y0), lanes4(rows, |r| r.yt), lanes4(rows, |r| r.t - r.t0));
    let factor = lanes::grow(lam, lanes4(rows, |r| r.tt - r.t)).to_array();
    let maintain = spec.th(0);
    let mut out = [NAN_OUT; 4];
    for (k, (o, r)) in out.iter_mut().zip(rows).enumerate() {
        let gap = (r.ys - r.y0).abs();
        let csi = if gap == 0.0 { f64::NAN } else { (10.0 * r.d * (r.yt - r.y0) / gap).min(10.0) };
        *o = if r.met(r.yt) {
            out_row(code::ACHIEVED, &[f64::NAN, csi])
        } else if r.met(r.y0) || gap == 0.0 {
            out_row(code::REVERSE, &[f64::NAN, csi])
        } else {
            let projected = r.yt * factor.get(k).copied().unwrap_or(f64::NAN);
            if projected.is_finite() {
                let ap = r.d * (projected - r.y0) / gap;
                let s = if at_least(ap, maintain) {
                    code::MAINTAIN
                } else if above(ap, 0.0) {
                    code::ACCELERATE
                } else {
                    code::REVERSE
                };
                out_row(s, &[ap, csi])
            } else {
                NAN_OUT
            }
        };
    }
    out
}

/// `sdsn`: scores `100·(x − worst)/(best − worst)` (bounds: the thresholds, else the baseline
/// and the target), the observed annual change `obs` against the required `req`.
fn sdsn(spec: &BatchSpec, r: &Row) -> Out {
    let lb = Some(spec.th(0)).filter(|v| v.is_finite()).unwrap_or(r.y0);
    let ub = Some(spec.th(1)).filter(|v| v.is_finite()).unwrap_or(r.ys);
    let share = spec.th(2);
    let (worst, best) = if r.d > 0.0 { (lb.min(ub), lb.max(ub)) } else { (lb.max(ub), lb.min(ub)) };
    if worst == best {
        return NAN_OUT;
    }
    let range = best - worst;
    let score = |x: f64| 100.0 * (x - worst) / range;
    let (s0, st) = (score(r.y0), score(r.yt));
    let clipped = st.clamp(0.0, 100.0);
    let obs = (st - s0) / (r.t - r.t0);
    let remaining = r.tt - r.t;
    if r.met(r.yt) {
        out_row(code::ACHIEVED, &[f64::NAN, clipped])
    } else if r.met(r.y0) {
        out_row(code::DECREASING, &[f64::NAN, clipped])
    } else if remaining <= 0.0 {
        out_row(if at_least(obs, 0.0) { code::STAGNATING } else { code::DECREASING }, &[f64::NAN, clipped])
    } else {
        let req = (100.0 - st) / remaining;
        let ratio = if req != 0.0 { obs / req } else { f64::NAN };
        let s = if at_least(obs, req) {
            code::ON_TRACK
        } else if above(obs, share * req) {
            code::MODERATELY_IMPROVING
        } else if at_least(obs, 0.0) {
            code::STAGNATING
        } else {
            code::DECREASING
        };
        out_row(s, &[ratio, clipped])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::method::Status;

    #[test]
    fn status_codes_match_the_registry() {
        let pos =
            |m: BatchMethod, s: Status| m.statuses().iter().position(|x| *x == s).and_then(|p| i8::try_from(p).ok());
        use BatchMethod::*;
        for (m, s, c) in [
            (Eurostat, Status::Achieved, code::ACHIEVED),
            (Eurostat, Status::SignificantProgress, code::SIGNIFICANT_PROGRESS),
            (Eurostat, Status::ModerateProgress, code::MODERATE_PROGRESS),
            (Eurostat, Status::InsufficientProgress, code::INSUFFICIENT_PROGRESS),
            (Eurostat, Status::MovementAway, code::MOVEMENT_AWAY),
            (OpenSdg, Status::Achieved, code::ACHIEVED),
            (OpenSdg, Status::OnTrack, code::ON_TRACK),
            (OpenSdg, Status::AccelerationNeeded, code::ACCELERATION_NEEDED),
            (OpenSdg, Status::LimitedProgress, code::LIMITED_PROGRESS),
            (OpenSdg, Status::Deterioration, code::DETERIORATION),
            (Unsd, Status::OnTrack, code::ON_TRACK),
            (Unsd, Status::AccelerationNeeded, code::ACCELERATION_NEEDED),
            (Unsd, Status::StagnationOrRegression, code::STAGNATION_OR_REGRESSION),
            (Escap, Status::Maintain, code::MAINTAIN),
            (Escap, Status::Accelerate, code::ACCELERATE),
            (Escap, Status::Reverse, code::REVERSE),
            (Sdsn, Status::OnTrack, code::ON_TRACK),
            (Sdsn, Status::ModeratelyImproving, code::MODERATELY_IMPROVING),
            (Sdsn, Status::Stagnating, code::STAGNATING),
            (Sdsn, Status::Decreasing, code::DECREASING),
        ] {
            assert_eq!(pos(m, s), Some(c), "{m:?} {s:?}");
        }
    }

    fn run(method: &str, th: &[(&str, f64)], cols: &Columns<'_>) -> (Vec<Vec<f64>>, Vec<i8>) {
        let spec = BatchSpec::new(method, th).unwrap();
        let n = cols.len().unwrap();
        let mut values: Vec<Vec<f64>> = spec.method.columns().iter().map(|_| vec![0.0; n]).collect();
        let mut status = vec![0i8; n];
        let mut out = Outputs { values: values.iter_mut().map(|v| v.as_mut_slice()).collect(), status: &mut status };
        assess_into(&spec, cols, &mut out).unwrap();
        (values, status)
    }

    #[test]
    fn simd_blocks_equal_the_scalar_rows() {
        // 4k + 3 rows: full blocks and a tail; every row of cn-plan-pace equal to progress_row.
        let n = 4 * 50 + 3;
        let base: Vec<f64> = (0..n).map(|i| 1.0 + (i % 17) as f64 * 0.37).collect();
        let target: Vec<f64> = (0..n).map(|i| 2.0 + (i % 13) as f64 * 0.91).collect();
        let year: Vec<f64> = (0..n).map(|i| 2021.0 + (i % 5) as f64).collect();
        let value: Vec<f64> = (0..n).map(|i| 0.5 + (i % 23) as f64 * 0.41).collect();
        let cols = Columns {
            baseline: &base,
            target: &target,
            base_year: &[2020.0],
            target_year: &[2025.0],
            year: &year,
            value: &value,
            direction: &[1.0],
            start_year: None,
            start_value: None,
        };
        let (v, s) = run("cn-plan-pace", &[], &cols);
        for i in 0..n {
            let x = BatchInput {
                baseline: base[i],
                target: target[i],
                base_year: 2020.0,
                target_year: 2025.0,
                year: year[i],
                value: value[i],
                direction: 1.0,
            };
            let b = super::super::progress_row(x, BatchThresholds::default());
            assert_eq!(s[i], b.status, "row {i}");
            for (col, want) in
                v.iter().zip([b.completion, b.time_share, b.pace, b.actual_cagr, b.required_cagr, b.ratio])
            {
                let got = col[i];
                assert!(got == want || (got.is_nan() && want.is_nan()) || ((got - want) / want).abs() < 1e-13, "{i}");
            }
        }
    }

    #[test]
    fn bad_rows_and_lengths() {
        let cols = Columns {
            baseline: &[1.0, f64::NAN, 1.0, 1.0],
            target: &[2.0],
            base_year: &[2020.0],
            target_year: &[2025.0, 2025.0, 2020.0, 2025.0],
            year: &[2023.0, 2023.0, 2023.0, 2020.0],
            value: &[1.5],
            direction: &[1.0],
            start_year: None,
            start_value: None,
        };
        for m in super::super::BATCH_METHODS {
            let (v, s) = run(m.id(), &[], &cols);
            // Row 0 is fine; NaN baseline, a target year at the base year, no observation after it.
            assert_ne!(s[0], NOT_ASSESSABLE, "{m:?}");
            assert_eq!(&s[1..], &[NOT_ASSESSABLE; 3], "{m:?}");
            assert!(v.iter().all(|c| c[1..].iter().all(|x| x.is_nan())), "{m:?}");
        }
        let bad = Columns { value: &[1.0, 2.0], ..cols };
        assert_eq!(bad.len().unwrap_err().code(), "invalid_argument");
    }
}
