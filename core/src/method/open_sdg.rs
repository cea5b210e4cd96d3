//! `open-sdg`: Statistics Canada's Open SDG progress measure.
//!
//! Target met first (`achieved`, score 5). Otherwise `R = d·ga/|gr|` from the baseline:
//! `≥ 0.95` on_track, `[0.6, 0.95)` acceleration_needed, `[0, 0.6)` limited_progress,
//! `< 0` deterioration; score `R ≤ −0.6 → −5`, linear to 0 at `R = 0.6`, linear to 5 at
//! `R = 1.3`, capped. Without a target: `x = d·ga` against `1.5 %·C`, `0.5 %·C`, 0, with the
//! score through (−2 %, −5), (0, −2.5), (0.5 %·C, 0), (1.5 %·C, 2.5), (2 %·C, 5), capped;
//! `C = 1 − (y0/y_lim)^4.44` near an upper natural limit (`natural_limit`, higher is better),
//! `1 − (y_lim/y0)^4.44` near a lower one (lower is better), else 1. Every value negative: the
//! direction is flipped (Open SDG's rule). Zero or sign-changing values use the ratio of
//! slopes with a warning (Open SDG replaces 0 by 0.001; the verdict then depends on that
//! choice). A plan's overall status comes from the mean score ([`status_from_score`]).
//! Every difference from Open SDG's own code is listed in `docs/methods.md`.
//! Sources: open-sdg `docs/progress-methodology.md`; sdg-build `sdg/ProgressMeasure.py`.

use rust_decimal::Decimal;

use crate::error::Result;
use crate::method::prepare::{
    assessment, at_least, flipped_warning, linear_fallback, maintain_warning, no_target_growth, no_target_result,
    not_assessable, prepare, rate_ratio, slipped_warning, verdict, Negatives, RateRatio, Verdict,
};
use crate::method::{Assessment, Context, Method, Status};
use crate::model::target::Target;
use crate::num::to_f64;

/// The method id.
pub const ID: &str = "open-sdg";

/// See the module docs.
#[derive(Debug, Clone, Copy)]
pub struct OpenSdg;

/// Open SDG's score for a ratio `R` (series with a target).
#[inline(always)] // inside the batch kernel's SIMD copies (docs/batch.md, "The kernel")
pub fn score(r: f64) -> f64 {
    if r <= -0.6 {
        -5.0
    } else if r <= 0.6 {
        -5.0 + (r + 0.6) / 1.2 * 5.0
    } else {
        ((r - 0.6) / 0.7 * 5.0).min(5.0)
    }
}

/// The growth at which a no-target series scores +5 (before scaling by `C`), and −5 (never
/// scaled: thresholds ≤ 0 are not scaled).
const NO_TARGET_CAP: f64 = 0.02;

/// Open SDG's score for a no-target growth `x = d·ga`, with the thresholds `mid` (0.5 %) and
/// `hi` (1.5 %) and the cap (2 %) already scaled by `C`: piecewise linear through (−2 %, −5),
/// (0, −2.5), (mid, 0), (hi, 2.5), (cap, 5), constant beyond. With `C = 0` (a base value on its
/// natural limit) any `x ≥ 0` scores 5.
#[inline(always)] // inside the batch kernel's SIMD copies (docs/batch.md, "The kernel")
pub fn no_target_score(x: f64, mid: f64, hi: f64, cap: f64) -> f64 {
    // The segment's knots are chosen first and interpolated once: selects rather than branches,
    // so that the f64 batch's loop over many series stays branch-free (thresholds are ≥ 0, so
    // the segments do not overlap; `cap ≥ 0 > −2 %`).
    let (x0, s0, x1, s1) = if x < 0.0 {
        (-NO_TARGET_CAP, -5.0, 0.0, -2.5)
    } else if x >= hi {
        (hi, 2.5, cap, 5.0)
    } else if x >= mid {
        (mid, 0.0, hi, 2.5)
    } else {
        (0.0, -2.5, mid, 0.0)
    };
    let s = if x1 > x0 { s0 + (x - x0) / (x1 - x0) * (s1 - s0) } else { s1 };
    if x <= -NO_TARGET_CAP {
        -5.0
    } else if x >= cap {
        5.0
    } else {
        s
    }
}

/// The no-target status and score of a growth `x = d·ga`, given the scaling factor `c`
/// ([`limit_factor`]) and the unscaled thresholds `on_track` (1.5 %) and `acceleration` (0.5 %);
/// band edges with the tolerance of `docs/methods.md`. Shared by the exact method and the f64
/// batch (`crate::math::batch`).
#[inline(always)] // inside the batch kernel's SIMD copies (docs/batch.md, "The kernel")
pub fn no_target_verdict(x: f64, c: f64, on_track: f64, acceleration: f64) -> (Status, f64) {
    let (hi, mid, cap) = (on_track * c, acceleration * c, NO_TARGET_CAP * c);
    let on = |x: f64, e: f64| x >= e - crate::method::prepare::EDGE_TOLERANCE * e.abs().max(1.0);
    // On the limit and holding (or beyond it): on track, score 5.
    let holding = c == 0.0 && on(x, 0.0);
    // The bands by overriding assignments, best last (selects, not branches: the batch runs
    // this over columns of series).
    let mut status = Status::Deterioration;
    status = if on(x, 0.0) { Status::LimitedProgress } else { status };
    status = if on(x, mid) { Status::AccelerationNeeded } else { status };
    status = if on(x, hi) || holding { Status::OnTrack } else { status };
    let score = no_target_score(x, mid, hi, cap);
    (status, if holding { 5.0 } else { score })
}

/// The scaling factor `C` of the no-target thresholds near a natural limit: `1 − (y0/lim)^4.44`
/// for an upper limit when higher is better, `1 − (lim/y0)^4.44` for a lower limit when lower
/// is better (0 on the limit), 1 when no limit applies: none given, a limit on the other side
/// of the base value (it does not bound progress in the desired direction), or a negative base.
pub fn limit_factor(y0: f64, limit: Option<f64>, d: f64) -> f64 {
    const EXPONENT: f64 = 4.44;
    let Some(lim) = limit else { return 1.0 };
    if !(y0 >= 0.0 && lim >= 0.0) {
        return 1.0;
    }
    if y0 == lim {
        return 0.0;
    }
    if d > 0.0 && y0 < lim {
        1.0 - (y0 / lim).powf(EXPONENT)
    } else if d < 0.0 && y0 > lim {
        1.0 - (lim / y0).powf(EXPONENT)
    } else {
        1.0
    }
}

/// The overall status Open SDG gives a set of series from their mean score: `[2.5, 5]`
/// on_track, `[0, 2.5)` acceleration_needed, `[−2.5, 0)` limited_progress, `[−5, −2.5)`
/// deterioration (`achieved` only when every series is, decided by the caller).
pub fn status_from_score(mean: f64) -> Status {
    if mean >= 2.5 {
        Status::OnTrack
    } else if mean >= 0.0 {
        Status::AccelerationNeeded
    } else if mean >= -2.5 {
        Status::LimitedProgress
    } else {
        Status::Deterioration
    }
}

impl Method for OpenSdg {
    fn id(&self) -> &'static str {
        ID
    }

    fn version(&self) -> &'static str {
        "2"
    }

    fn description(&self) -> &'static str {
        "Ratio of actual to required CAGR with a −5…+5 score (Open SDG / Statistics Canada)"
    }

    fn defaults(&self) -> Vec<(&'static str, Option<Decimal>)> {
        vec![
            ("on_track", Some(Decimal::new(95, 2))),
            ("acceleration_needed", Some(Decimal::new(6, 1))),
            ("no_target_on_track", Some(Decimal::new(15, 3))),
            ("no_target_acceleration_needed", Some(Decimal::new(5, 3))),
            ("natural_limit", None),
        ]
    }

    fn statuses(&self) -> &'static [Status] {
        &[Status::Achieved, Status::OnTrack, Status::AccelerationNeeded, Status::LimitedProgress, Status::Deterioration]
    }

    fn status_from_mean_score(&self, mean: f64) -> Option<Status> {
        Some(status_from_score(mean))
    }

    fn assess_points(&self, ctx: Context<'_>) -> Result<Assessment> {
        let v = self.version();
        let band = |s: f64, hi: Decimal, mid: Decimal| {
            if at_least(s, hi) {
                Status::OnTrack
            } else if at_least(s, mid) {
                Status::AccelerationNeeded
            } else if at_least(s, Decimal::ZERO) {
                Status::LimitedProgress
            } else {
                Status::Deterioration
            }
        };
        let th = |n: &str| ctx.threshold(n).unwrap_or_default();
        if matches!(ctx.indicator.target, Target::None) {
            return Ok(match no_target_growth(&ctx) {
                Ok((ga, x, flipped)) => self.no_target(ctx, ga, x, flipped),
                Err(w) => not_assessable(ctx, ID, v, w),
            });
        }
        let mut prep = match prepare(&ctx)? {
            Ok(p) => p,
            Err(why) => return Ok(not_assessable(ctx, ID, v, why)),
        };
        let (hi, mid) = (th("on_track"), th("acceleration_needed"));
        let mut extra = Vec::new();
        let (status, ratio, sc) = match verdict(ctx.indicator, &prep) {
            Verdict::Met => (Status::Achieved, None, Some(5.0)),
            Verdict::Slipped => {
                extra.push(slipped_warning());
                (Status::Deterioration, None, Some(-5.0))
            }
            Verdict::Open => {
                let t = crate::math::progress::YearValue::new(prep.implied.year, prep.implied.value);
                let d = ctx.indicator.direction.sign_f64();
                // The progress has both rates already (from the same three points).
                let rates = (prep.progress.actual_cagr, prep.progress.required_cagr);
                match rate_ratio(prep.base, prep.latest, t, d, Negatives::FlipDirection, rates) {
                    RateRatio::Maintain => {
                        extra.push(maintain_warning());
                        (Status::Deterioration, None, Some(-5.0))
                    }
                    RateRatio::Ratio { value, linear, flipped, .. } => {
                        if linear {
                            extra.push(linear_fallback("ratio"));
                        }
                        if flipped {
                            extra.push(flipped_warning("ratio"));
                        }
                        (band(value, hi, mid), Some(value), Some(score(value)))
                    }
                }
            }
        };
        let mut a = assessment(ctx, ID, v, status, &mut prep);
        a.ratio = ratio;
        a.score = sc;
        a.warnings.extend(extra);
        Ok(a)
    }
}

impl OpenSdg {
    /// The no-target variant: `x = d·ga` against thresholds scaled by `C`.
    fn no_target(&self, ctx: Context<'_>, ga: f64, x: f64, flipped: bool) -> Assessment {
        let th = |n: &str| ctx.threshold(n).map(to_f64);
        let d = ctx.indicator.direction.sign_f64();
        let c = if flipped { 1.0 } else { limit_factor(to_f64(ctx.indicator.baseline.value), th("natural_limit"), d) };
        let (status, sc) = no_target_verdict(
            x,
            c,
            th("no_target_on_track").unwrap_or(0.015),
            th("no_target_acceleration_needed").unwrap_or(0.005),
        );
        let mut a = no_target_result(ctx, ID, self.version(), status, ga, x);
        a.score = Some(sc);
        if flipped {
            a.warnings.push(flipped_warning("ratio"));
        }
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_knots() {
        // The knots of the documented piecewise-linear map.
        assert_eq!(score(-1.0), -5.0);
        assert_eq!(score(-0.6), -5.0);
        assert!((score(0.0) + 2.5).abs() < 1e-15);
        assert!(score(0.6).abs() < 1e-15);
        assert!((score(1.3) - 5.0).abs() < 1e-15);
        assert_eq!(score(2.0), 5.0);
    }

    #[test]
    fn no_target_score_knots() {
        // Open SDG's Figure 1 by hand: −2 % → −5, 0 → −2.5, 0.5 % → 0, 1.5 % → 2.5, 2 % → 5.
        let s = |x: f64| no_target_score(x, 0.005, 0.015, 0.02);
        for (x, want) in [(-0.03, -5.0), (-0.02, -5.0), (-0.01, -3.75), (0.0, -2.5), (0.0025, -1.25), (0.005, 0.0)] {
            assert!((s(x) - want).abs() < 1e-12, "{x}: {}", s(x));
        }
        for (x, want) in [(0.01, 1.25), (0.015, 2.5), (0.0175, 3.75), (0.02, 5.0), (0.5, 5.0)] {
            assert!((s(x) - want).abs() < 1e-12, "{x}: {}", s(x));
        }
    }

    #[test]
    fn limit_factor_cases() {
        // By hand: 1 − (50/100)^4.44 = 1 − 2^−4.44 = 0.95289…; on the limit 0; no limit 1.
        assert!((limit_factor(50.0, Some(100.0), 1.0) - (1.0 - 0.5f64.powf(4.44))).abs() < 1e-15);
        assert_eq!(limit_factor(100.0, Some(100.0), 1.0), 0.0);
        assert_eq!(limit_factor(50.0, None, 1.0), 1.0);
        // A limit below the base when higher is better does not bound progress: ignored.
        assert_eq!(limit_factor(50.0, Some(10.0), 1.0), 1.0);
        // Lower is better, lower limit 10 from 20: 1 − (10/20)^4.44, the same as the upper case
        // at the same relative distance.
        assert!((limit_factor(20.0, Some(10.0), -1.0) - (1.0 - 0.5f64.powf(4.44))).abs() < 1e-15);
    }

    #[test]
    fn overall_status_from_the_mean_score() {
        assert_eq!(status_from_score(2.5), Status::OnTrack);
        assert_eq!(status_from_score(2.11), Status::AccelerationNeeded);
        assert_eq!(status_from_score(0.0), Status::AccelerationNeeded);
        assert_eq!(status_from_score(-0.1), Status::LimitedProgress);
        assert_eq!(status_from_score(-2.6), Status::Deterioration);
    }
}
