//! The steps every method shares: choose the base and latest points, resolve the target,
//! decide "met" and "slipped", compare ratios with band edges.

use rust_decimal::Decimal;

use crate::error::Result;
use crate::math::progress::{progress_and_log, Progress, YearValue};
use crate::method::{Assessment, Context, Status};
use crate::model::indicator::Indicator;
use crate::model::series::{Point, Warning};
use crate::model::target::{ImpliedLevel, Target};
use crate::model::warning::WarningCode;

/// What a method works from once the common checks have passed.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// Baseline used.
    pub base: YearValue,
    /// Latest observation after the baseline year.
    pub latest: YearValue,
    /// The target resolved to a level.
    pub implied: ImpliedLevel,
    /// The building blocks at the latest observation.
    pub progress: Progress,
    /// The actual log growth per year from `base` to `latest`, `ln(yt/y0)/n`, as
    /// [`crate::math::rate::log_growth`] gives it (computed once, with the progress).
    pub actual_log: Option<f64>,
}

/// Where the target stands at the latest observation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Met now.
    Met,
    /// Met at the baseline, no longer met: the method's worst status, with `target_slipped`.
    Slipped,
    /// Not met yet: the method decides.
    Open,
}

/// Resolve the target, using the reference rate for a relative target when one is given.
pub fn implied(ctx: &Context<'_>) -> Result<ImpliedLevel> {
    let ind = ctx.indicator;
    match (&ind.target, ctx.options.reference_rate) {
        (Target::Relative { .. }, Some(rate)) => {
            ind.target.implied_with_reference_rate(&ind.baseline, ind.direction, rate)
        }
        _ => ind.implied_target(),
    }
}

/// Prepare, or say (as a warning) why the indicator is not assessable.
///
/// The baseline is the indicator's published baseline; observations at or before its year are
/// not used as "latest". Errors are reserved for arithmetic overflow.
pub fn prepare(ctx: &Context<'_>) -> Result<std::result::Result<Prepared, Warning>> {
    let implied = match implied(ctx) {
        Ok(level) => level,
        Err(e) => return Ok(Err(Warning::new(WarningCode::from_error(&e), "target", e.to_string()))),
    };
    let Some(latest) = latest_after_base(ctx.indicator, ctx.points) else {
        return Ok(Err(no_data(ctx.indicator)));
    };
    let base = YearValue::new(ctx.indicator.baseline.year, ctx.indicator.baseline.value);
    let target = YearValue::new(implied.year, implied.value);
    let (progress, actual_log) = progress_and_log(base, latest, target, ctx.indicator.direction)?;
    Ok(Ok(Prepared { base, latest, implied, progress, actual_log }))
}

/// The latest point after the baseline year.
pub fn latest_after_base(indicator: &Indicator, points: &[Point]) -> Option<YearValue> {
    points.iter().rev().find(|p| p.year > indicator.baseline.year).map(|p| YearValue::new(p.year, p.value))
}

/// The `insufficient_data` warning for an indicator with no observation after its baseline.
pub fn no_data(indicator: &Indicator) -> Warning {
    Warning::new(
        WarningCode::InsufficientData,
        "observations",
        format!("no observation after the baseline year {}", indicator.baseline.year),
    )
}

/// The baseline and every point, one per year (an observation in the baseline year replaces
/// the published baseline only when the plan has none there; the plan's figure wins).
pub fn series_with_baseline(indicator: &Indicator, points: &[Point]) -> Vec<(i32, Decimal)> {
    let mut out: Vec<(i32, Decimal)> =
        points.iter().filter(|p| p.year != indicator.baseline.year).map(|p| (p.year, p.value)).collect();
    out.push((indicator.baseline.year, indicator.baseline.value));
    out.sort_by_key(|p| p.0);
    out
}

/// Met now, slipped since the baseline, or open.
pub fn verdict(indicator: &Indicator, prep: &Prepared) -> Verdict {
    if indicator.target.is_met(prep.latest.value, &prep.implied) {
        Verdict::Met
    } else if indicator.target.is_met(prep.base.value, &prep.implied) {
        Verdict::Slipped
    } else {
        Verdict::Open
    }
}

/// The `target_slipped` warning.
pub fn slipped_warning() -> Warning {
    Warning::new(
        WarningCode::TargetSlipped,
        "status",
        "the baseline already met the target, but the latest value no longer does",
    )
}

/// The band-edge tolerance of every f64 comparison (relative to the edge, absolute below 1):
/// see `docs/methods.md`, "Band edges".
pub const EDGE_TOLERANCE: f64 = 1e-12;

/// `x ≥ edge`, where a ratio within 1e-12 (relative) of the edge counts as on it: irrational
/// ratios computed by different maths libraries (native, WASM) then agree at band edges.
pub fn at_least(x: f64, edge: Decimal) -> bool {
    let e = crate::num::to_f64(edge);
    x >= e - EDGE_TOLERANCE * e.abs().max(1.0)
}

/// `x > edge`, with the same tolerance as [`at_least`]: a ratio on the edge is not above it.
pub fn above(x: f64, edge: Decimal) -> bool {
    let e = crate::num::to_f64(edge);
    x > e + EDGE_TOLERANCE * e.abs().max(1.0)
}

/// A result for the no-target variants: status and growth rate only.
pub fn no_target_result(
    ctx: Context<'_>,
    method: &str,
    version: &str,
    status: Status,
    ga: f64,
    ratio: f64,
) -> Assessment {
    let mut a = Assessment::bare(&ctx.indicator.id, method, version, status);
    a.actual_cagr = Some(ga);
    a.ratio = Some(ratio);
    a.thresholds = ctx.thresholds.clone();
    a.warnings = ctx.warnings;
    a.warnings.push(Warning::new(
        WarningCode::NoTarget,
        "target",
        "no numeric target: assessed by the growth rate alone",
    ));
    a
}

/// The actual CAGR from the baseline to the latest point, for the no-target variants.
pub fn growth_since_base(ctx: &Context<'_>) -> std::result::Result<(f64, YearValue), Warning> {
    let latest = latest_after_base(ctx.indicator, ctx.points).ok_or_else(|| no_data(ctx.indicator))?;
    let years = i64::from(latest.year.saturating_sub(ctx.indicator.baseline.year));
    let mut w = Vec::new();
    crate::math::progress::cagr(ctx.indicator.baseline.value, latest.value, years, "actual_cagr", &mut w)
        .map(|g| (g, latest))
        .ok_or_else(|| w.into_iter().next().unwrap_or_else(|| no_data(ctx.indicator)))
}

/// The growth a no-target variant judges, `d·ga` since the baseline: `(ga, d·ga, flipped)`.
/// When the baseline and the latest value are both negative the rate is the magnitude's, so
/// the direction is flipped (Open SDG's published rule, the only one a source gives; see
/// `docs/methods.md`, "Negative values").
pub fn no_target_growth(ctx: &Context<'_>) -> std::result::Result<(f64, f64, bool), Warning> {
    let (ga, latest) = growth_since_base(ctx)?;
    let flipped = all_negative(&[ctx.indicator.baseline.value, latest.value]);
    let d = ctx.indicator.direction.sign_f64();
    Ok((ga, if flipped { -d * ga } else { d * ga }, flipped))
}

/// A `not_assessable` result carrying the context's warnings.
pub fn not_assessable(ctx: Context<'_>, method: &str, version: &str, why: Warning) -> Assessment {
    let mut a = Assessment::not_assessable(&ctx.indicator.id, method, version, why);
    a.warnings.extend(ctx.warnings);
    a.thresholds = ctx.thresholds.clone();
    a
}

/// A result with the common fields filled from the building blocks; the progress's warnings
/// move to it (they are not copied, and `prep` is left without them).
pub fn assessment(ctx: Context<'_>, method: &str, version: &str, status: Status, prep: &mut Prepared) -> Assessment {
    let mut warnings = ctx.warnings;
    if warnings.is_empty() {
        warnings = std::mem::take(&mut prep.progress.warnings);
    } else {
        warnings.append(&mut prep.progress.warnings);
    }
    let p = &prep.progress;
    Assessment {
        indicator: ctx.indicator.id.clone(),
        method: method.into(),
        method_version: version.into(),
        status,
        completion: p.completion,
        time_share: Some(p.time_share),
        pace: p.pace,
        actual_cagr: p.actual_cagr,
        required_cagr: p.required_cagr,
        required_cagr_from_now: p.required_cagr_from_now,
        ratio: None,
        score: None,
        index: None,
        years_to_target: p.years_to_target,
        acceleration: p.acceleration,
        milestone: Some(p.milestone),
        path: None,
        breach_years: Vec::new(),
        inputs: Some(crate::method::UsedInputs {
            base_year: prep.base.year,
            base_value: prep.base.value,
            latest_year: prep.latest.year,
            latest_value: prep.latest.value,
            target_year: prep.implied.year,
            target_value: prep.implied.value,
            baseline: crate::model::indicator::BaselineChoice::Plan,
            plan_base_value: None,
            revision_date: None,
            chained_annual_changes: Vec::new(),
            latest_period: None,
        }),
        thresholds: ctx.thresholds.clone(),
        warnings,
    }
}

/// The ratio of actual to required growth, `d·ga/|gr|`, or of slopes, `d·sa/|sr|`, when a
/// compound rate does not exist (zero or sign-changing values) or, for a method without a
/// published rule for them, when every value is negative.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RateRatio {
    /// The ratio; `linear` when it is the ratio of slopes.
    Ratio {
        /// The ratio.
        value: f64,
        /// Whether slopes replaced rates.
        linear: bool,
        /// The actual rate (or slope) used, signed.
        actual: f64,
        /// Whether every value is negative and the direction was flipped (Open SDG's rule).
        flipped: bool,
    },
    /// The target equals the starting value: no rate is required.
    Maintain,
}

/// What a ratio-of-rates method does when the start, the latest value and the target are all
/// negative (a rate there is the growth of the magnitude, whose sign is opposite to the
/// value's movement: −10 → −5 is a rate of −12.9 % a year while the value rises).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Negatives {
    /// Flip the desired direction and use the rates (Open SDG's published rule).
    FlipDirection,
    /// Use the ratio of slopes, with a `linear_fallback` warning (no published rule).
    Slopes,
}

/// Whether every given value is below zero.
pub fn all_negative(values: &[Decimal]) -> bool {
    values.iter().all(|v| v.is_sign_negative() && !v.is_zero())
}

/// [`RateRatio`] from `base` to `latest`, with the rate required from `base` to `target`, given
/// the two compound rates `(ga, gr)`: base → latest and base → target, as
/// [`crate::math::rate::compound_rate`] gives them. A [`Progress`] from the same three points has them
/// as its actual and required CAGR (the same bits), so they are not computed twice.
pub fn rate_ratio(
    base: YearValue,
    latest: YearValue,
    target: YearValue,
    d: f64,
    negatives: Negatives,
    rates: (Option<f64>, Option<f64>),
) -> RateRatio {
    use crate::num::to_f64;
    let n = f64::from(latest.year) - f64::from(base.year);
    let big_n = f64::from(target.year) - f64::from(base.year);
    if target.value == base.value {
        return RateRatio::Maintain;
    }
    let negative = all_negative(&[base.value, latest.value, target.value]);
    let flipped = negative && negatives == Negatives::FlipDirection;
    let rates_apply = !negative || flipped;
    let d_used = if flipped { -d } else { d };
    match rates {
        (Some(ga), Some(gr)) if gr != 0.0 && rates_apply => {
            RateRatio::Ratio { value: d_used * ga / gr.abs(), linear: false, actual: ga, flipped }
        }
        _ => {
            let sa = (to_f64(latest.value) - to_f64(base.value)) / n;
            let sr = (to_f64(target.value) - to_f64(base.value)) / big_n;
            RateRatio::Ratio { value: d * sa / sr.abs(), linear: true, actual: sa, flipped: false }
        }
    }
}

/// The `negative_values` warning of a method that flipped the direction for negative values.
pub fn flipped_warning(field: &str) -> Warning {
    Warning::new(
        WarningCode::NegativeValues,
        field,
        "every value is negative: rates measure the magnitude, so the desired direction is flipped (Open SDG's rule)",
    )
}

/// The `linear_fallback` warning for a method that used slopes.
pub fn linear_fallback(field: &str) -> Warning {
    Warning::new(
        WarningCode::LinearFallback,
        field,
        "a compound rate is undefined or misleading (zero, sign change, or every value negative); the ratio of slopes is used",
    )
}

/// The `maintain_target` warning.
pub fn maintain_warning() -> Warning {
    Warning::new(
        WarningCode::MaintainTarget,
        "ratio",
        "the target equals the starting value and is not met: moving away",
    )
}
