//! `unsd`: the UN SDG Progress Chart.
//!
//! The latest value is extended to the target year at the actual CAGR since the baseline,
//! `ŷ(T) = yt (1 + ga)^(T − t)` (at the slope instead, with a warning, when the CAGR is
//! undefined), and `E = (ŷ(T) − y0)/(y* − y0)`: `E ≥ 0.95` → 3 (on track), `[0.10, 0.95)` →
//! 2 (acceleration needed), else 1 (stagnation or regression). Without a target:
//! `d·ga ≥ 2 %` → 3, `≥ 0.5 %` → 2, else 1 (every value negative: the direction flips,
//! `negative_values`). The level (3, 2, 1) is the `score`. The projection is `yt·e^(λ(T − t))`
//! with the log growth `λ`, the right level for negative values too (`docs/methods.md`).
//! Source: UN Statistics Division, *SDG Progress Chart technical note*.

use rust_decimal::Decimal;

use crate::error::Result;
use crate::method::prepare::{
    assessment, at_least, flipped_warning, linear_fallback, maintain_warning, no_target_growth, no_target_result,
    not_assessable, prepare, slipped_warning, verdict, Verdict,
};
use crate::method::{Assessment, Context, Method, Status};
use crate::model::target::Target;
use crate::num::to_f64;

/// The method id.
pub const ID: &str = "unsd";

/// See the module docs.
#[derive(Debug, Clone, Copy)]
pub struct Unsd;

fn level(s: Status) -> f64 {
    match s {
        Status::Achieved | Status::OnTrack => 3.0,
        Status::AccelerationNeeded => 2.0,
        _ => 1.0,
    }
}

impl Method for Unsd {
    fn id(&self) -> &'static str {
        ID
    }

    fn version(&self) -> &'static str {
        "1"
    }

    fn description(&self) -> &'static str {
        "Share of the required change expected by the target year at the current CAGR (UN SDG Progress Chart)"
    }

    fn defaults(&self) -> Vec<(&'static str, Option<Decimal>)> {
        vec![
            ("on_track", Some(Decimal::new(95, 2))),
            ("acceleration_needed", Some(Decimal::new(10, 2))),
            ("no_target_on_track", Some(Decimal::new(2, 2))),
            ("no_target_acceleration_needed", Some(Decimal::new(5, 3))),
        ]
    }

    fn statuses(&self) -> &'static [Status] {
        &[Status::Achieved, Status::OnTrack, Status::AccelerationNeeded, Status::StagnationOrRegression]
    }

    fn assess_points(&self, ctx: Context<'_>) -> Result<Assessment> {
        let v = self.version();
        let th = |n: &str| ctx.threshold(n).unwrap_or_default();
        let band = |x: f64, hi: Decimal, mid: Decimal| {
            if at_least(x, hi) {
                Status::OnTrack
            } else if at_least(x, mid) {
                Status::AccelerationNeeded
            } else {
                Status::StagnationOrRegression
            }
        };
        if matches!(ctx.indicator.target, Target::None) {
            let (hi, mid) = (th("no_target_on_track"), th("no_target_acceleration_needed"));
            return Ok(match no_target_growth(&ctx) {
                Ok((ga, x, flipped)) => {
                    let s = band(x, hi, mid);
                    let mut a = no_target_result(ctx, ID, v, s, ga, x);
                    a.score = Some(level(s));
                    if flipped {
                        a.warnings.push(flipped_warning("ratio"));
                    }
                    a
                }
                Err(w) => not_assessable(ctx, ID, v, w),
            });
        }
        let mut prep = match prepare(&ctx)? {
            Ok(p) => p,
            Err(why) => return Ok(not_assessable(ctx, ID, v, why)),
        };
        let (hi, mid) = (th("on_track"), th("acceleration_needed"));
        let p = &prep.progress;
        let mut extra = Vec::new();
        let (status, ratio) = match verdict(ctx.indicator, &prep) {
            Verdict::Met => (Status::Achieved, None),
            Verdict::Slipped => {
                extra.push(slipped_warning());
                (Status::StagnationOrRegression, None)
            }
            Verdict::Open if prep.implied.value == prep.base.value => {
                extra.push(maintain_warning());
                (Status::StagnationOrRegression, None)
            }
            Verdict::Open => {
                let (yt, y0, ys) = (to_f64(prep.latest.value), to_f64(prep.base.value), to_f64(prep.implied.value));
                // Past the target year the latest value stands for ŷ(T).
                let ahead = f64::from(prep.implied.year.saturating_sub(prep.latest.year).max(0));
                // The level extended at the constant rate, `yt·e^(λ·ahead)` with the log growth
                // λ (not `(1 + ga)^ahead`, which loses a steep decline); for negative values
                // this is the magnitude shrinking or growing, still the right level.
                let log = prep.actual_log;
                let projected = match (log.filter(|_| p.actual_cagr.is_some()), p.actual_slope) {
                    (Some(l), _) => yt * (l * ahead).exp(),
                    (None, Some(sa)) => {
                        extra.push(linear_fallback("ratio"));
                        yt + to_f64(sa) * ahead
                    }
                    (None, None) => yt,
                };
                let e = (projected - y0) / (ys - y0);
                (band(e, hi, mid), Some(e))
            }
        };
        let mut a = assessment(ctx, ID, v, status, &mut prep);
        a.ratio = ratio;
        a.score = Some(level(status));
        a.warnings.extend(extra);
        Ok(a)
    }
}
