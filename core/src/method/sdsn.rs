//! `sdsn`: the SDSN Sustainable Development Report's normalised scores and trend arrows.
//!
//! Values are normalised between a lower (worst) and an upper (best) bound,
//! `100·(x − LB)/(UB − LB)`, clipped to [0, 100] for the reported `score` (the bounds are
//! swapped when lower is better). Defaults: the baseline as the lower bound and the target as
//! the upper. The observed annual score change since the base, `obs = (s_t − s_0)/(t − t0)`
//! (unclipped), is compared with the change required to reach 100 by the target year,
//! `req = (100 − s_t)/(T − t)`: `obs ≥ req` on_track, `obs > 0.5·req` moderately_improving,
//! `0 ≤ obs ≤ 0.5·req` stagnating, `obs < 0` decreasing. Exact decimal arithmetic.
//! Source: SDSN, *Sustainable Development Report*, methodology (trend dashboards).

use rust_decimal::Decimal;

use crate::error::Result;
use crate::method::prepare::{assessment, not_assessable, prepare, slipped_warning, verdict, Verdict};
use crate::method::{Assessment, Context, Method, Status};
use crate::model::indicator::Direction;
use crate::model::series::Warning;
use crate::model::warning::WarningCode;
use crate::num::{to_f64, Checked};

/// The method id.
pub const ID: &str = "sdsn";

/// See the module docs.
#[derive(Debug, Clone, Copy)]
pub struct Sdsn;

impl Method for Sdsn {
    fn id(&self) -> &'static str {
        ID
    }

    fn version(&self) -> &'static str {
        "1"
    }

    fn description(&self) -> &'static str {
        "Normalised 0–100 scores and the annual change needed to reach the upper bound (SDSN SDR)"
    }

    fn defaults(&self) -> Vec<(&'static str, Option<Decimal>)> {
        vec![("lower_bound", None), ("upper_bound", None), ("improving_share", Some(Decimal::new(5, 1)))]
    }

    fn statuses(&self) -> &'static [Status] {
        &[Status::Achieved, Status::OnTrack, Status::ModeratelyImproving, Status::Stagnating, Status::Decreasing]
    }

    fn assess_points(&self, ctx: Context<'_>) -> Result<Assessment> {
        let v = self.version();
        let mut prep = match prepare(&ctx)? {
            Ok(p) => p,
            Err(why) => return Ok(not_assessable(ctx, ID, v, why)),
        };
        let lb = ctx.threshold("lower_bound").unwrap_or(prep.base.value);
        let ub = ctx.threshold("upper_bound").unwrap_or(prep.implied.value);
        let (worst, best) = match ctx.indicator.direction {
            Direction::Increase => (lb.min(ub), lb.max(ub)),
            Direction::Decrease => (lb.max(ub), lb.min(ub)),
        };
        if worst == best {
            let w = Warning::new(WarningCode::InvalidBounds, "thresholds", "the lower and upper bounds are equal");
            return Ok(not_assessable(ctx, ID, v, w));
        }
        let range = best.sub_or(worst, "score")?;
        let score = |x: Decimal| -> Result<Decimal> {
            Decimal::ONE_HUNDRED.mul_or(x.sub_or(worst, "score")?, "score")?.div_or(range, "score")
        };
        let s0 = score(prep.base.value)?;
        let st = score(prep.latest.value)?;
        let clipped = st.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
        let n = Decimal::from(prep.latest.year.saturating_sub(prep.base.year));
        let obs = st.sub_or(s0, "obs")?.div_or(n, "obs")?;
        let remaining = prep.implied.year.saturating_sub(prep.latest.year);
        let share = ctx.threshold("improving_share").unwrap_or_default();
        let mut extra = Vec::new();
        let mut ratio = None;
        let status = match verdict(ctx.indicator, &prep) {
            Verdict::Met => Status::Achieved,
            Verdict::Slipped => {
                extra.push(slipped_warning());
                Status::Decreasing
            }
            Verdict::Open if remaining <= 0 => {
                extra.push(Warning::new(
                    WarningCode::TargetYearPassed,
                    "status",
                    "no time left: on track is impossible",
                ));
                if obs < Decimal::ZERO {
                    Status::Decreasing
                } else {
                    Status::Stagnating
                }
            }
            Verdict::Open => {
                let req = Decimal::ONE_HUNDRED.sub_or(st, "req")?.div_or(Decimal::from(remaining), "req")?;
                if !req.is_zero() {
                    ratio = Some(to_f64(obs) / to_f64(req));
                }
                if obs >= req {
                    Status::OnTrack
                } else if obs > share.mul_or(req, "req")? {
                    Status::ModeratelyImproving
                } else if obs >= Decimal::ZERO {
                    Status::Stagnating
                } else {
                    Status::Decreasing
                }
            }
        };
        let mut a = assessment(ctx, ID, v, status, &mut prep);
        a.score = Some(to_f64(clipped));
        a.ratio = ratio;
        a.warnings.extend(extra);
        Ok(a)
    }
}
