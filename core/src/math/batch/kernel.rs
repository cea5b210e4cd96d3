//! The columnar kernel: every batch method over columns of f64, in blocks of [`BLOCK`] rows.
//!
//! A block's inputs are copied into small arrays that stay in L1 (a broadcast single value is
//! spread), its logarithms and exponentials computed in loops the compiler vectorises
//! ([`super::vmath`]), its statuses decided row by row with the exact API's rules into a block
//! of results, and each result copied once into the caller's columns (no fill pass, no second
//! write). Rows without a target (NaN) take a pass of their own, the method's no-target
//! variant (`docs/batch.md`, "Series without a target"). With the `simd` feature the whole
//! kernel is compiled again for AVX-512 and for AVX2 with FMA, and the copy the CPU can run is
//! chosen at run time ([`dispatch`]). The caller splits the columns across threads
//! ([`Columns::slice`], [`Outputs::split_at`]).

use super::spec::{BatchMethod, BatchSpec, MAX_COLUMNS};
use super::vmath;
use super::{at_least, NOT_ASSESSABLE};
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

/// The number of series of columns with these lengths: the length shared by every column that
/// is not a single value (1 when all are); `invalid_argument` when two lengths differ. A caller
/// that hands the kernel its columns in parts (the JS wrapper, chunk by chunk) checks the whole
/// lengths here first, for the same error.
pub fn series_count(lengths: impl IntoIterator<Item = usize>) -> Result<usize> {
    let mut n: Option<usize> = None;
    for l in lengths {
        match n {
            _ if l == 1 => {}
            None => n = Some(l),
            Some(m) if l == m => {}
            Some(m) => {
                return Err(Error::invalid_argument(
                    "columns",
                    format!("every column must have one value per series or a single value; got {m} and {l}"),
                ))
            }
        }
    }
    Ok(n.unwrap_or(1))
}

/// Rows per block: 9 inputs and 6 results of 64 f64 each stay within 8 KiB.
pub const BLOCK: usize = 64;

/// One input or result per row of a block.
type Lane = [f64; BLOCK];

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
        series_count(self.all().into_iter().flatten().map(<[f64]>::len))
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

/// A block's inputs (`sy`, `sv`: eurostat's window start, else the baseline); rows past the
/// end of the columns are NaN.
struct Block {
    y0: Lane,
    ys: Lane,
    t0: Lane,
    tt: Lane,
    t: Lane,
    yt: Lane,
    d: Lane,
    sy: Lane,
    sv: Lane,
}

/// `dst[..len]` from `col[from..from + len]`, or the single value of a broadcast column; the
/// rest NaN.
#[inline(always)]
fn fill(dst: &mut Lane, col: &[f64], from: usize, len: usize) {
    match col {
        [only] => dst.fill(*only),
        _ => match (dst.get_mut(..len), col.get(from..from.saturating_add(len))) {
            (Some(d), Some(s)) => d.copy_from_slice(s),
            _ => dst.fill(f64::NAN),
        },
    }
    if let Some(rest) = dst.get_mut(len..) {
        rest.fill(f64::NAN);
    }
}

impl Block {
    fn new() -> Self {
        let nan = [f64::NAN; BLOCK];
        Block { y0: nan, ys: nan, t0: nan, tt: nan, t: nan, yt: nan, d: nan, sy: nan, sv: nan }
    }

    #[inline(always)]
    fn load(&mut self, cols: &Columns<'_>, from: usize, len: usize) {
        fill(&mut self.y0, cols.baseline, from, len);
        fill(&mut self.ys, cols.target, from, len);
        fill(&mut self.t0, cols.base_year, from, len);
        fill(&mut self.tt, cols.target_year, from, len);
        fill(&mut self.t, cols.year, from, len);
        fill(&mut self.yt, cols.value, from, len);
        fill(&mut self.d, cols.direction, from, len);
        match cols.start_year {
            Some(c) => fill(&mut self.sy, c, from, len),
            None => self.sy = self.t0,
        }
        match cols.start_value {
            Some(c) => fill(&mut self.sv, c, from, len),
            None => self.sv = self.y0,
        }
    }

    /// Whether row `k` can be assessed with its target: every input finite, a direction of ±1,
    /// a positive plan length, an observation after the baseline and, with `window` (eurostat),
    /// after the window start; otherwise the row is `not_assessable` (or, with a NaN target, a
    /// [`Block::no_target`] row).
    #[inline(always)]
    fn assessable(&self, k: usize, window: bool) -> bool {
        let g = |l: &Lane| l.get(k).copied().unwrap_or(f64::NAN);
        let (t0, tt) = (g(&self.t0), g(&self.tt));
        self.observed(k, window) && g(&self.ys).is_finite() && tt.is_finite() && tt - t0 > 0.0
    }

    /// Whether row `k` is assessed by the method's no-target variant: a NaN target (its year
    /// is not used) and everything else [`Block::observed`] needs.
    #[inline(always)]
    fn no_target(&self, k: usize, window: bool) -> bool {
        self.ys.get(k).is_some_and(|ys| ys.is_nan()) && self.observed(k, window)
    }

    /// The part of the checks that does not involve the target: a finite baseline, latest
    /// value and years, a direction of ±1, an observation after the baseline and, with
    /// `window`, after a finite window start.
    #[inline(always)]
    fn observed(&self, k: usize, window: bool) -> bool {
        let g = |l: &Lane| l.get(k).copied().unwrap_or(f64::NAN);
        let (t0, t, d, sy) = (g(&self.t0), g(&self.t), g(&self.d), g(&self.sy));
        let start = !window || (sy.is_finite() && g(&self.sv).is_finite() && t - sy > 0.0);
        g(&self.y0).is_finite()
            && g(&self.yt).is_finite()
            && t0.is_finite()
            && t.is_finite()
            && (d == 1.0 || d == -1.0)
            && t - t0 > 0.0
            && start
    }

    fn row(&self, k: usize) -> Row {
        let g = |l: &Lane| l.get(k).copied().unwrap_or(f64::NAN);
        Row {
            y0: g(&self.y0),
            ys: g(&self.ys),
            t0: g(&self.t0),
            tt: g(&self.tt),
            t: g(&self.t),
            yt: g(&self.yt),
            d: g(&self.d),
        }
    }
}

/// `a − b` per row.
#[inline(always)]
fn diff(a: &Lane, b: &Lane) -> Lane {
    let mut out = [0.0; BLOCK];
    for ((o, a), b) in out.iter_mut().zip(a).zip(b) {
        *o = a - b;
    }
    out
}

/// The log growths of a block (NaN where no rate exists), and the growth factors
/// `e^(λ·ahead)`.
#[inline(always)]
fn log_growths<const F: bool>(from: &Lane, to: &Lane, years: &Lane, ahead: &Lane) -> (Lane, Lane) {
    let (mut lam, mut factor) = ([0.0; BLOCK], [0.0; BLOCK]);
    for (((((l, g), f), t), y), a) in lam.iter_mut().zip(factor.iter_mut()).zip(from).zip(to).zip(years).zip(ahead) {
        *l = vmath::log_growth::<F>(*f, *t, 1.0 / *f, 1.0 / *y);
        *g = vmath::exp::<F>(*l * a);
    }
    (lam, factor)
}

/// One series' inputs.
#[derive(Debug, Clone, Copy)]
struct Row {
    y0: f64,
    ys: f64,
    t0: f64,
    tt: f64,
    t: f64,
    yt: f64,
    d: f64,
}

impl Row {
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

#[inline]
fn out_row(s: i8, values: &[f64]) -> Out {
    let mut o = Out { v: [f64::NAN; MAX_COLUMNS], s };
    for (slot, v) in o.v.iter_mut().zip(values) {
        *slot = *v;
    }
    o
}

/// `x > edge` with the band-edge tolerance of [`at_least`]: on the edge is not above it.
#[inline(always)]
fn above(x: f64, edge: f64) -> bool {
    x > edge + EDGE_TOLERANCE * edge.abs().max(1.0)
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
    dispatch(Blocks { spec, cols, out, n });
    Ok(())
}

/// Work compiled twice, with and without FMA (`F`): everything `run` calls that computes is
/// `#[inline(always)]`, so that each copy is vectorised for its target.
pub(super) trait Twice {
    /// What it returns.
    type Output;
    /// Run it; `F`: where FMA is available.
    fn run<const F: bool>(self) -> Self::Output;
}

/// The copy with FMA, as pulp runs it inside its `#[target_feature]` function (v3 or v4).
#[cfg(all(feature = "simd", target_arch = "x86_64"))]
struct Fma<K>(K);

#[cfg(all(feature = "simd", target_arch = "x86_64"))]
impl<K: Twice> pulp::WithSimd for Fma<K> {
    type Output = K::Output;
    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, _simd: S) -> K::Output {
        self.0.run::<true>()
    }
}

/// Runs `k` compiled for AVX-512 (x86-64-v4) or else AVX2 with FMA (x86-64-v3) where the CPU has
/// them and the `simd` feature is on (pulp's safe run-time dispatch), for the build's own target
/// otherwise (with FMA where the
/// build enables it, e.g. `-C target-cpu=x86-64-v3`).
#[inline(always)]
pub(super) fn dispatch<K: Twice>(k: K) -> K::Output {
    #[cfg(all(feature = "simd", target_arch = "x86_64"))]
    if let Some(v4) = pulp::x86::V4::try_new() {
        return <pulp::x86::V4 as pulp::Simd>::vectorize(v4, Fma(k));
    }
    #[cfg(all(feature = "simd", target_arch = "x86_64"))]
    if let Some(v3) = pulp::x86::V3::try_new() {
        return <pulp::x86::V3 as pulp::Simd>::vectorize(v3, Fma(k));
    }
    if cfg!(target_feature = "fma") {
        k.run::<true>()
    } else {
        k.run::<false>()
    }
}

/// Every block of `cols` into `out` (lengths checked).
struct Blocks<'s, 'c, 'o, 'p> {
    spec: &'s BatchSpec,
    cols: &'c Columns<'c>,
    out: &'o mut Outputs<'p>,
    n: usize,
}

impl Twice for Blocks<'_, '_, '_, '_> {
    type Output = ();
    #[inline(always)]
    fn run<const F: bool>(self) {
        run_blocks::<F>(self.spec, self.cols, self.out, self.n);
    }
}

/// Every block of `cols` into `out` (lengths checked). Inlined into each copy of [`dispatch`],
/// as is everything it calls that computes, so that each copy is vectorised for its target.
#[inline(always)]
fn run_blocks<const F: bool>(spec: &BatchSpec, cols: &Columns<'_>, out: &mut Outputs<'_>, n: usize) {
    let mut blk = Block::new();
    let mut res = [[f64::NAN; BLOCK]; MAX_COLUMNS];
    let mut status = [NOT_ASSESSABLE; BLOCK];
    let mut from = 0;
    while from < n {
        let len = BLOCK.min(n.saturating_sub(from));
        let to = from.saturating_add(len);
        blk.load(cols, from, len);
        block::<F>(spec, &blk, &mut res, &mut status);
        if let (Some(o), Some(s)) = (out.status.get_mut(from..to), status.get(..len)) {
            o.copy_from_slice(s);
        }
        for (col, r) in out.values.iter_mut().zip(&res) {
            if let (Some(o), Some(r)) = (col.get_mut(from..to), r.get(..len)) {
                o.copy_from_slice(r);
            }
        }
        from = to;
    }
}

/// One block of one method: the transcendental functions for every row first (SIMD), then
/// each row's outputs; rows without a target (NaN) get the method's no-target variant
/// ([`no_target_block`]), rows that are not assessable NaN and −1.
#[inline(always)]
fn block<const F: bool>(spec: &BatchSpec, b: &Block, res: &mut [Lane; MAX_COLUMNS], status: &mut [i8; BLOCK]) {
    let m = spec.method;
    // Rows without a target (NaN) take the no-target pass, which overwrites them; a block of
    // such rows only (a panel without targets) skips the pass with targets.
    let (mut any, mut all) = (false, true);
    for ys in &b.ys {
        any |= ys.is_nan();
        all &= ys.is_nan();
    }
    if !all {
        with_target_block::<F>(spec, b, res, status);
    }
    if !any {
        return;
    }
    match m {
        BatchMethod::Eurostat | BatchMethod::OpenSdg | BatchMethod::Unsd => no_target_block::<F>(spec, b, res, status),
        // Every row without a target: monitored (cn-plan-pace) or not assessable, no numbers
        // (the pass with targets, when it ran, says the same of such rows).
        _ if all => {
            res.iter_mut().for_each(|c| c.fill(f64::NAN));
            for (k, st) in status.iter_mut().enumerate() {
                let g = |l: &Lane| l.get(k).copied().unwrap_or(f64::NAN);
                let monitored = m == BatchMethod::CnPlanPace && super::monitored(g(&b.ys), g(&b.y0), g(&b.t0), g(&b.d));
                *st = if monitored { super::MONITORED } else { NOT_ASSESSABLE };
            }
        }
        _ => {}
    }
}

/// One block with the targets (rows without one come out `not_assessable`, except
/// `cn-plan-pace`'s, which are `monitored`).
#[inline(always)]
fn with_target_block<const F: bool>(
    spec: &BatchSpec,
    b: &Block,
    res: &mut [Lane; MAX_COLUMNS],
    status: &mut [i8; BLOCK],
) {
    let m = spec.method;
    match m {
        BatchMethod::CnPlanPace => return cn_plan_pace_block::<F>(spec, b, res, status),
        BatchMethod::Eurostat | BatchMethod::OpenSdg => return ratio_of_rates_block::<F>(spec, b, res, status),
        _ => {}
    }
    // Two per-row quantities from the SIMD pass (what they are depends on the method).
    let (p, q) = match m {
        BatchMethod::Unsd | BatchMethod::Escap => {
            // The log growth since the baseline, and the growth factor to the target year
            // (unsd: never backwards, the latest value stands for ŷ(T) past the target year).
            let mut ahead = diff(&b.tt, &b.t);
            if m == BatchMethod::Unsd {
                ahead.iter_mut().for_each(|a| *a = a.max(0.0));
            }
            log_growths::<F>(&b.y0, &b.yt, &diff(&b.t, &b.t0), &ahead)
        }
        _ => ([f64::NAN; BLOCK], [f64::NAN; BLOCK]),
    };
    for (k, st) in status.iter_mut().enumerate() {
        let r = b.row(k);
        let (p, q) = (p.get(k).copied().unwrap_or(f64::NAN), q.get(k).copied().unwrap_or(f64::NAN));
        // Without a target: escap and sdsn have no variant (not assessable, as in the exact
        // API); unsd's rows are overwritten by `no_target_block`.
        let o = if !b.assessable(k, true) {
            NAN_OUT
        } else {
            match m {
                BatchMethod::Unsd => unsd(spec, &r, p, q),
                BatchMethod::Escap => escap(spec, &r, q),
                _ => sdsn(spec, &r),
            }
        };
        *st = o.s;
        for (col, v) in res.iter_mut().zip(o.v) {
            if let Some(slot) = col.get_mut(k) {
                *slot = v;
            }
        }
    }
}

/// Both compound rates of a block from a start (value `from` in year `start`): the actual one
/// to the latest value and the required one to the target, with the reciprocals of the two
/// spans. In a loop of their own, vectorised with the logarithms and exponentials; one
/// reciprocal of the start value serves both rates, and the spans' serve the callers too
/// (divisions are the costliest operations left).
struct Rates {
    ga: Lane,
    gr: Lane,
    inv_a: Lane,
    inv_r: Lane,
}

#[allow(clippy::indexing_slicing)]
#[inline(always)]
fn rates_from<const F: bool>(b: &Block, from: &Lane, start: &Lane) -> Rates {
    let mut r = Rates { ga: [0.0; BLOCK], gr: [0.0; BLOCK], inv_a: [0.0; BLOCK], inv_r: [0.0; BLOCK] };
    for k in 0..BLOCK {
        let inv = 1.0 / from[k];
        r.inv_a[k] = 1.0 / (b.t[k] - start[k]);
        r.inv_r[k] = 1.0 / (b.tt[k] - start[k]);
        r.ga[k] = vmath::exp_m1::<F>(vmath::log_growth::<F>(from[k], b.yt[k], inv, r.inv_a[k]));
        r.gr[k] = vmath::exp_m1::<F>(vmath::log_growth::<F>(from[k], b.ys[k], inv, r.inv_r[k]));
    }
    r
}

/// `cn-plan-pace` column by column: plain loops over the block's arrays that the compiler
/// vectorises, and a status chosen without branches (random statuses would mispredict). The
/// same rules as [`progress_with_rates`], which a test checks row by row.
// Every index is `k < BLOCK`, the length of every array indexed: in bounds by construction,
// and the compiler drops the checks.
#[allow(clippy::indexing_slicing)]
#[inline(always)]
fn cn_plan_pace_block<const F: bool>(
    spec: &BatchSpec,
    b: &Block,
    res: &mut [Lane; MAX_COLUMNS],
    status: &mut [i8; BLOCK],
) {
    let (ahead, lag) = (spec.th(0), spec.th(1));
    let [c_out, t_out, p_out, ga_out, gr_out, r_out] = res;
    let Rates { ga, gr, inv_a: inv_n, inv_r: inv_big_n } = rates_from::<F>(b, &b.y0, &b.t0);
    for k in 0..BLOCK {
        let (y0, ys, yt, d) = (b.y0[k], b.ys[k], b.yt[k], b.d[k]);
        let (n, big_n) = (b.t[k] - b.t0[k], b.tt[k] - b.t0[k]);
        let ok = b.assessable(k, false);
        let (ga, gr) = (ga[k], gr[k]);
        let tau = n * inv_big_n[k];
        let planned = ys - y0;
        let c = if planned == 0.0 { f64::NAN } else { (yt - y0) / planned };
        let ratio = if gr != 0.0 { d * ga / gr.abs() } else { f64::NAN };
        // Every condition first, then the status by overriding assignments in reverse order of
        // precedence: selects, not branches (same order as `progress_with_rates`).
        let met = d * (yt - ys) >= 0.0;
        let back = d * (y0 - ys) >= 0.0 || c < 0.0;
        let lagging = !at_least(c, tau - lag);
        let ahead_ = at_least(c, tau + ahead);
        let mut s = super::ON_TRACK;
        s = if ahead_ { super::AHEAD } else { s };
        s = if lagging { super::LAGGING } else { s };
        s = if c.is_nan() { NOT_ASSESSABLE } else { s };
        s = if back { super::REGRESSING } else { s };
        s = if met { super::ACHIEVED } else { s };
        let nan = f64::NAN;
        c_out[k] = if ok { c } else { nan };
        t_out[k] = if ok { tau } else { nan };
        p_out[k] = if ok { c * (big_n * inv_n[k]) } else { nan };
        ga_out[k] = if ok { ga } else { nan };
        gr_out[k] = if ok { gr } else { nan };
        r_out[k] = if ok { ratio } else { nan };
        let monitored = super::monitored(ys, y0, b.t0[k], d);
        status[k] = if ok {
            s
        } else if monitored {
            super::MONITORED
        } else {
            NOT_ASSESSABLE
        };
    }
}

/// Status codes: positions in each method's `statuses()` (checked by a test below).
mod code {
    pub const ACHIEVED: i8 = 0;
    // eurostat
    pub const SIGNIFICANT_PROGRESS: i8 = 1;
    pub const MODERATE_PROGRESS: i8 = 2;
    pub const INSUFFICIENT_PROGRESS: i8 = 3;
    pub const MOVEMENT_AWAY: i8 = 4;
    pub const MODERATE_MOVEMENT_AWAY: i8 = 5;
    pub const SIGNIFICANT_MOVEMENT_AWAY: i8 = 6;
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

/// `eurostat` (from the window start) and `open-sdg` (from the baseline), column by column
/// like [`cn_plan_pace_block`]: `d·ga/|gr|`, or the ratio of slopes where a compound rate does
/// not exist (zero or sign-changing values) and, for eurostat, where every value is negative;
/// open-sdg flips the direction there instead ([`crate::method::prepare::rate_ratio`]).
#[allow(clippy::indexing_slicing)]
#[inline(always)]
fn ratio_of_rates_block<const F: bool>(
    spec: &BatchSpec,
    b: &Block,
    res: &mut [Lane; MAX_COLUMNS],
    status: &mut [i8; BLOCK],
) {
    let open_sdg = spec.method == BatchMethod::OpenSdg;
    let (hi, mid) = (spec.th(0), spec.th(1));
    let [top, second, third, worst] = if open_sdg {
        [code::ON_TRACK, code::ACCELERATION_NEEDED, code::LIMITED_PROGRESS, code::DETERIORATION]
    } else {
        [code::SIGNIFICANT_PROGRESS, code::MODERATE_PROGRESS, code::INSUFFICIENT_PROGRESS, code::MOVEMENT_AWAY]
    };
    let Rates { ga, gr, inv_a, inv_r } = rates_from::<F>(b, &b.sv, &b.sy);
    let [r_out, s_out, ..] = res;
    for k in 0..BLOCK {
        let (sv, yt, ys, d) = (b.sv[k], b.yt[k], b.ys[k], b.d[k]);
        let ok = b.assessable(k, true);
        let met = d * (yt - ys) >= 0.0;
        // Slipped since the start, or a target equal to the start not met: moving away.
        let slipped = d * (sv - ys) >= 0.0 || ys == sv;
        let negative = sv < 0.0 && yt < 0.0 && ys < 0.0;
        let rates = ga[k].is_finite() && gr[k].is_finite() && gr[k] != 0.0;
        let use_rates = rates && (open_sdg || !negative);
        let dd = if negative { -d } else { d };
        let num = if use_rates { dd * ga[k] } else { d * (yt - sv) * inv_a[k] };
        let den = if use_rates { gr[k].abs() } else { ((ys - sv) * inv_r[k]).abs() };
        let ratio = num / den;
        let mut s = worst;
        s = if at_least(ratio, 0.0) { third } else { s };
        s = if at_least(ratio, mid) { second } else { s };
        s = if at_least(ratio, hi) { top } else { s };
        s = if slipped { worst } else { s };
        s = if met { code::ACHIEVED } else { s };
        let score = if met {
            5.0
        } else if slipped {
            -5.0
        } else {
            crate::method::open_sdg::score(ratio)
        };
        r_out[k] = if ok && !met && !slipped { ratio } else { f64::NAN };
        s_out[k] = if ok && open_sdg { score } else { f64::NAN };
        status[k] = if ok { s } else { NOT_ASSESSABLE };
    }
}

/// The rows of a block without a target (NaN; the others are left as they are): the method's
/// no-target variant, column by column. The growth `x = d·ga` since the baseline (eurostat:
/// the window start), the direction flipped when that value and the latest are both negative,
/// against eurostat's band `±no_target_band`, open-sdg's thresholds scaled by the natural
/// limit's factor `C` (with its score), or unsd's two thresholds (3/2/1); no compound rate (a
/// zero or a sign change): not assessable, as in the exact methods (`docs/methods.md`).
#[allow(clippy::indexing_slicing)]
#[inline(always)]
fn no_target_block<const F: bool>(
    spec: &BatchSpec,
    b: &Block,
    res: &mut [Lane; MAX_COLUMNS],
    status: &mut [i8; BLOCK],
) {
    let m = spec.method;
    let window = m == BatchMethod::Eurostat;
    let (from, start) = if window { (&b.sv, &b.sy) } else { (&b.y0, &b.t0) };
    // One rate per row (the pass with targets needs two), vectorised; then the verdicts column
    // by column with selects, written only where the target is NaN.
    let (mut x, mut ok) = ([0.0; BLOCK], [false; BLOCK]);
    for k in 0..BLOCK {
        let inv_n = 1.0 / (b.t[k] - start[k]);
        let ga = vmath::exp_m1::<F>(vmath::log_growth::<F>(from[k], b.yt[k], 1.0 / from[k], inv_n));
        let d = if from[k] < 0.0 && b.yt[k] < 0.0 { -b.d[k] } else { b.d[k] };
        x[k] = d * ga;
        ok[k] = ga.is_finite();
    }
    let mut nt = [false; BLOCK];
    for k in 0..BLOCK {
        nt[k] = b.ys[k].is_nan();
        ok[k] = ok[k] && b.no_target(k, window);
    }
    let [r_out, s_out, ..] = res;
    let (hi, mid) = (spec.th(2), spec.th(3));
    let mut put = |k: usize, s: i8, score: f64| {
        let (nt, ok) = (nt[k], ok[k]);
        r_out[k] = where_no_target(nt, ok, x[k], f64::NAN, r_out[k]);
        s_out[k] = where_no_target(nt, ok, score, f64::NAN, s_out[k]);
        status[k] = where_no_target(nt, ok, s, NOT_ASSESSABLE, status[k]);
    };
    match m {
        BatchMethod::Eurostat => {
            // `hi` is eurostat's band.
            for (k, &x) in x.iter().enumerate() {
                let mut s = code::SIGNIFICANT_MOVEMENT_AWAY;
                s = if at_least(x, -hi) { code::MODERATE_MOVEMENT_AWAY } else { s };
                s = if above(x, 0.0) { code::MODERATE_PROGRESS } else { s };
                s = if above(x, hi) { code::SIGNIFICANT_PROGRESS } else { s };
                put(k, s, f64::NAN);
            }
        }
        BatchMethod::OpenSdg => {
            // `C` from the baseline, 1 when the direction was flipped (the exact method's rule)
            // or no limit is given; in a loop of its own, so that the verdicts' loop has no
            // call (`powf`) and is vectorised.
            let mut c = [1.0; BLOCK];
            let limit = Some(spec.th(4)).filter(|l| !l.is_nan());
            if limit.is_some() {
                for (k, c) in c.iter_mut().enumerate() {
                    let flipped = b.y0[k] < 0.0 && b.yt[k] < 0.0;
                    if !flipped {
                        *c = crate::method::open_sdg::limit_factor(b.y0[k], limit, b.d[k]);
                    }
                }
            }
            for (k, &x) in x.iter().enumerate() {
                let (s, score) = crate::method::open_sdg::no_target_verdict(x, c[k], hi, mid);
                put(k, open_sdg_code(s), score);
            }
        }
        _ => {
            for (k, &x) in x.iter().enumerate() {
                let mut s = code::STAGNATION_OR_REGRESSION;
                s = if at_least(x, mid) { code::ACCELERATION_NEEDED } else { s };
                s = if at_least(x, hi) { code::ON_TRACK } else { s };
                let level = if s == code::ON_TRACK {
                    3.0
                } else if s == code::ACCELERATION_NEEDED {
                    2.0
                } else {
                    1.0
                };
                put(k, s, level);
            }
        }
    }
}

/// A result of the no-target pass: `value` on a row without a target (`bad` when it cannot be
/// assessed), `old` (the pass with targets) elsewhere. A select, not a branch.
#[inline(always)]
fn where_no_target<T: Copy>(no_target: bool, ok: bool, value: T, bad: T, old: T) -> T {
    let new = if ok { value } else { bad };
    if no_target {
        new
    } else {
        old
    }
}

/// The batch code of an `open-sdg` verdict.
#[inline(always)]
fn open_sdg_code(s: crate::method::Status) -> i8 {
    use crate::method::Status;
    match s {
        Status::OnTrack => code::ON_TRACK,
        Status::AccelerationNeeded => code::ACCELERATION_NEEDED,
        Status::LimitedProgress => code::LIMITED_PROGRESS,
        _ => code::DETERIORATION,
    }
}

/// `unsd`: `E = (ŷ(T) − y0)/(y* − y0)` with `ŷ(T) = yt·e^(λ·max(T − t, 0))` from the log growth
/// since the baseline (the slope where no rate exists); the score is the level 3/2/1.
#[inline]
fn unsd(spec: &BatchSpec, r: &Row, lam: f64, factor: f64) -> Out {
    let (hi, mid) = (spec.th(0), spec.th(1));
    let level = |s: i8| match s {
        code::ACHIEVED | code::ON_TRACK => 3.0,
        code::ACCELERATION_NEEDED => 2.0,
        _ => 1.0,
    };
    if r.met(r.yt) {
        return out_row(code::ACHIEVED, &[f64::NAN, 3.0]);
    }
    if r.met(r.y0) || r.ys == r.y0 {
        return out_row(code::STAGNATION_OR_REGRESSION, &[f64::NAN, 1.0]);
    }
    let projected =
        if lam.is_finite() { r.yt * factor } else { r.yt + (r.yt - r.y0) / (r.t - r.t0) * (r.tt - r.t).max(0.0) };
    let e = (projected - r.y0) / (r.ys - r.y0);
    let s = if at_least(e, hi) {
        code::ON_TRACK
    } else if at_least(e, mid) {
        code::ACCELERATION_NEEDED
    } else {
        code::STAGNATION_OR_REGRESSION
    };
    out_row(s, &[e, level(s)])
}

/// `escap`: CSI `= min(10·d·(yt − y0)/|y* − y0|, 10)` and AP `= d·(ŷ(T) − y0)/|y* − y0|` with
/// the endpoint-CAGR projection `ŷ(T) = yt·e^(λ·(T − t))` (the exact method's default model;
/// the others need whole series). No compound rate: not assessable, as in the exact method.
#[inline]
fn escap(spec: &BatchSpec, r: &Row, factor: f64) -> Out {
    let gap = (r.ys - r.y0).abs();
    let csi = if gap == 0.0 { f64::NAN } else { (10.0 * r.d * (r.yt - r.y0) / gap).min(10.0) };
    if r.met(r.yt) {
        return out_row(code::ACHIEVED, &[f64::NAN, csi]);
    }
    if r.met(r.y0) || gap == 0.0 {
        return out_row(code::REVERSE, &[f64::NAN, csi]);
    }
    let projected = r.yt * factor;
    if !projected.is_finite() {
        return NAN_OUT;
    }
    let ap = r.d * (projected - r.y0) / gap;
    let s = if at_least(ap, spec.th(0)) {
        code::MAINTAIN
    } else if above(ap, 0.0) {
        code::ACCELERATE
    } else {
        code::REVERSE
    };
    out_row(s, &[ap, csi])
}

/// `sdsn`: scores `100·(x − worst)/(best − worst)` (bounds: the thresholds, else the baseline
/// and the target), the observed annual change `obs` against the required `req`.
#[inline]
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
    use crate::math::batch::{BatchInput, BatchThresholds};
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
            (Eurostat, Status::ModerateMovementAway, code::MODERATE_MOVEMENT_AWAY),
            (Eurostat, Status::SignificantMovementAway, code::SIGNIFICANT_MOVEMENT_AWAY),
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
    fn every_copy_of_the_kernel_gives_the_same_rows() {
        // The copy `assess_into` dispatches to (AVX-512 or AVX2 with FMA and the polynomials of
        // vmath.rs, where the CPU has them, with the `simd` feature these tests build with)
        // against the portable copy (glibc's routines): the same statuses, values within 1e-13,
        // on rows that reach every branch
        // (negative and sign-changing values, both directions, NaN rows, a window start, rows
        // without a target, a natural limit).
        let n = 1_003;
        let g = |k: usize, a: f64, b: f64| {
            let x = ((k as f64) * 0.618_033_988_749_895 + a).fract();
            b * (x - 0.3)
        };
        let base: Vec<f64> = (0..n).map(|k| g(k, 0.1, 20.0)).collect();
        let target: Vec<f64> = (0..n).map(|k| if k % 4 == 1 { f64::NAN } else { base[k] + g(k, 0.7, 16.0) }).collect();
        let value: Vec<f64> = (0..n).map(|k| if k % 97 == 0 { f64::NAN } else { base[k] + g(k, 0.3, 18.0) }).collect();
        let year: Vec<f64> = (0..n).map(|k| 2021.0 + (k % 9) as f64).collect();
        let dir: Vec<f64> = (0..n).map(|k| if k % 3 == 0 { -1.0 } else { 1.0 }).collect();
        let start_year: Vec<f64> = (0..n).map(|k| 2020.0 + (k % 2) as f64).collect();
        let start_value: Vec<f64> = (0..n).map(|k| base[k] + g(k, 0.9, 2.0)).collect();
        for m in super::super::BATCH_METHODS {
            let window = m == BatchMethod::Eurostat;
            let cols = Columns {
                baseline: &base,
                target: &target,
                base_year: &[2020.0],
                target_year: &[2026.0],
                year: &year,
                value: &value,
                direction: &dir,
                start_year: window.then_some(start_year.as_slice()),
                start_value: window.then_some(start_value.as_slice()),
            };
            let th: &[(&str, f64)] = if m == BatchMethod::OpenSdg { &[("natural_limit", 9.0)] } else { &[] };
            let spec = BatchSpec::new(m.id(), th).unwrap();
            let (v, s) = run(m.id(), th, &cols);
            let mut pv: Vec<Vec<f64>> = m.columns().iter().map(|_| vec![0.0; n]).collect();
            let mut ps = vec![0i8; n];
            let mut out = Outputs { values: pv.iter_mut().map(|v| v.as_mut_slice()).collect(), status: &mut ps };
            run_blocks::<false>(&spec, &cols, &mut out, n);
            assert_eq!(s, ps, "{m:?}");
            for (a, b) in v.iter().zip(&pv) {
                for (x, y) in a.iter().zip(b) {
                    assert!(x == y || (x.is_nan() && y.is_nan()) || ((x - y) / y).abs() < 1e-13, "{m:?}: {x} {y}");
                }
            }
            assert!(s.iter().filter(|&&c| c >= 0).count() > n / 2, "{m:?}: most rows assessed");
            // The rows without a target: assessed by the variant where the method has one.
            let nt: Vec<i8> = (1..n).step_by(4).map(|k| s[k]).collect();
            let judged = nt.iter().filter(|&&c| c >= 0).count();
            match m {
                BatchMethod::Eurostat | BatchMethod::OpenSdg | BatchMethod::Unsd => {
                    assert!(judged > nt.len() / 2, "{m:?}")
                }
                BatchMethod::CnPlanPace => assert!(nt.iter().all(|&c| c == crate::math::batch::MONITORED), "{m:?}"),
                _ => assert_eq!(judged, 0, "{m:?}"),
            }
        }
    }

    #[test]
    fn any_input_gives_a_code_of_the_table() {
        // Every column drawn from special values (NaN, infinities, zeros, the extremes of f64,
        // years), targets NaN or not: no panic, and every status is one the method's table
        // names, with NaN values wherever the row is not judged.
        let pool = [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.0,
            -0.0,
            f64::MAX,
            -f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            1.0,
            -1.0,
            2020.0,
            2025.0,
            1e-300,
        ];
        let n = 3_000;
        // splitmix64 of (row, column): an index into the pool.
        let pick = |k: u64, c: u64| {
            let mut z = (k * 16 + c).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            pool[usize::try_from((z ^ (z >> 31)) % pool.len() as u64).unwrap()]
        };
        let cols: Vec<Vec<f64>> = (0..9u64).map(|c| (0..n as u64).map(|k| pick(k, c)).collect()).collect();
        for m in super::super::BATCH_METHODS {
            for th in [&[][..], if m == BatchMethod::OpenSdg { &[("natural_limit", 1.0)][..] } else { &[][..] }] {
                let window = m == BatchMethod::Eurostat;
                let c = Columns {
                    baseline: &cols[0],
                    target: &cols[1],
                    base_year: &cols[2],
                    target_year: &cols[3],
                    year: &cols[4],
                    value: &cols[5],
                    direction: &cols[6],
                    start_year: window.then_some(cols[7].as_slice()),
                    start_value: window.then_some(cols[8].as_slice()),
                };
                let (v, s) = run(m.id(), th, &c);
                // Some rows are judged (the pool holds valid rows), most are not.
                let judged = s.iter().filter(|&&c| c >= 0).count();
                assert!(judged > 10 && judged < n / 2, "{m:?}: {judged} judged");
                let table = m.status_table();
                for (k, code) in s.iter().enumerate() {
                    assert!(table.iter().any(|(c, _)| c == code), "{m:?} row {k}: code {code}");
                    if *code < 0 {
                        assert!(v.iter().all(|col| col[k].is_nan()), "{m:?} row {k}");
                    }
                }
            }
        }
    }

    #[test]
    fn rows_without_a_target() {
        // Hand calculations with the no-target rules of docs/methods.md: 100 → 121 in 2 years
        // is ga = 10 %; 100 → 81 is −10 %; 16 → 15.84 (×0.99) in one year −1 %, an exact band
        // edge that f64 misses by an ulp (15.84 is not exact in binary) and the edge tolerance
        // puts on it; −10 → −12.1 in 2 years is the magnitude's 10 %, the value falling (the
        // direction flips: x = −10 %); a zero baseline has no rate; 2020 is not after it.
        let cols = Columns {
            baseline: &[100.0, 100.0, 100.0, 16.0, -10.0, 0.0, 100.0],
            target: &[f64::NAN],
            base_year: &[2020.0],
            target_year: &[f64::NAN],
            year: &[2022.0, 2022.0, 2022.0, 2021.0, 2022.0, 2022.0, 2020.0],
            value: &[121.0, 81.0, 100.0, 15.84, -12.1, 5.0, 121.0],
            direction: &[1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
            start_year: None,
            start_value: None,
        };
        let x = [0.1, -0.1, 0.0, -0.01, -0.1];
        // eurostat: > 1 % significant progress, (−1 %, 0] moderate movement away, −1 % on the
        // edge moderate movement away, below significant movement away.
        let (v, s) = run("eurostat", &[], &cols);
        assert_eq!(s, [1, 6, 5, 5, 6, NOT_ASSESSABLE, NOT_ASSESSABLE]);
        for (got, want) in v[0].iter().zip(x) {
            assert!((got - want).abs() <= 1e-15, "{got} {want}");
        }
        // open-sdg: 10 % ≥ 1.5 % on track (score 5); −10 % ≤ −2 % deterioration (−5); 0 limited
        // progress (−2.5); −1 % deterioration (−3.75).
        let (v, s) = run("open-sdg", &[], &cols);
        assert_eq!(s, [1, 4, 3, 4, 4, NOT_ASSESSABLE, NOT_ASSESSABLE]);
        for (got, want) in v[1].iter().zip([5.0, -5.0, -2.5, -3.75, -5.0]) {
            assert!((got - want).abs() <= 1e-12, "{got} {want}");
        }
        // unsd: ≥ 2 % → on track (3), else 1.
        let (v, s) = run("unsd", &[], &cols);
        assert_eq!(s, [1, 3, 3, 3, 3, NOT_ASSESSABLE, NOT_ASSESSABLE]);
        assert_eq!(&v[1][..5], &[3.0, 1.0, 1.0, 1.0, 1.0]);
        // Thresholds set as in the exact API: a band of 20 % makes 10 % moderate progress.
        let (_, s) = run("eurostat", &[("no_target_band", 0.2)], &cols);
        assert_eq!(s[0], 2);
        for m in ["escap", "sdsn"] {
            assert!(run(m, &[], &cols).1.iter().all(|&c| c == NOT_ASSESSABLE), "{m}");
        }
        // cn-plan-pace: monitored, with no numbers.
        let (v, s) = run("cn-plan-pace", &[], &cols);
        assert!(s.iter().all(|&c| c == crate::math::batch::MONITORED));
        assert!(v.iter().all(|c| c.iter().all(|x| x.is_nan())));
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
