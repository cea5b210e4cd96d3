//! `open-sdg`: Statistics Canada's Open SDG progress measure.
//!
//! Target met first (`achieved`, score 5). Otherwise `R = d·ga/|gr|` from the baseline:
//! `≥ 0.95` on_track, `[0.6, 0.95)` acceleration_needed, `[0, 0.6)` limited_progress,
//! `< 0` deterioration. Without a target: `d·ga ≥ 1.5 %`, `≥ 0.5 %`, `≥ 0`, `< 0`. The score
//! runs from −5 to +5: `R ≤ −0.6 → −5`, linear to 0 at `R = 0.6`, linear to 5 at `R = 1.3`,
//! capped. Zero or sign-changing values use the ratio of slopes, with a warning (Open SDG
//! itself replaces 0 by 0.001; that makes the verdict depend on the replacement).
//! Source: open-sdg `docs/progress-methodology.md`; sdg-build `ProgressMeasure.py`.

use rust_decimal::Decimal;

use crate::error::Result;
use crate::method::prepare::{
    assessment, at_least, growth_since_base, linear_fallback, maintain_warning, no_target_result, not_assessable,
    prepare, rate_ratio, slipped_warning, verdict, RateRatio, Verdict,
};
use crate::method::{Assessment, Context, Method, Status};
use crate::model::target::Target;

/// The method id.
pub const ID: &str = "open-sdg";

/// See the module docs.
#[derive(Debug, Clone, Copy)]
pub struct OpenSdg;

/// Open SDG's score for a ratio `R`.
pub fn score(r: f64) -> f64 {
    if r <= -0.6 {
        -5.0
    } else if r <= 0.6 {
        -5.0 + (r + 0.6) / 1.2 * 5.0
    } else {
        ((r - 0.6) / 0.7 * 5.0).min(5.0)
    }
}

impl Method for OpenSdg {
    fn id(&self) -> &'static str {
        ID
    }

    fn version(&self) -> &'static str {
        "1"
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
        ]
    }

    fn statuses(&self) -> &'static [Status] {
        &[Status::Achieved, Status::OnTrack, Status::AccelerationNeeded, Status::LimitedProgress, Status::Deterioration]
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
            let (hi, mid) = (th("no_target_on_track"), th("no_target_acceleration_needed"));
            return Ok(match growth_since_base(&ctx) {
                Ok((ga, _)) => {
                    let x = ctx.indicator.direction.sign_f64() * ga;
                    no_target_result(ctx, ID, v, band(x, hi, mid), ga, x)
                }
                Err(w) => not_assessable(ctx, ID, v, w),
            });
        }
        let prep = match prepare(&ctx)? {
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
                match rate_ratio(prep.base, prep.latest, t, ctx.indicator.direction.sign_f64()) {
                    RateRatio::Maintain => {
                        extra.push(maintain_warning());
                        (Status::Deterioration, None, Some(-5.0))
                    }
                    RateRatio::Ratio { value, linear, .. } => {
                        if linear {
                            extra.push(linear_fallback("ratio"));
                        }
                        (band(value, hi, mid), Some(value), Some(score(value)))
                    }
                }
            }
        };
        let mut a = assessment(ctx, ID, v, status, &prep);
        a.ratio = ratio;
        a.score = sc;
        a.warnings.extend(extra);
        Ok(a)
    }
}

#[cfg(test)]
mod tests {
    use super::score;

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
}
