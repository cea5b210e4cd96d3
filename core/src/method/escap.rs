//! `escap`: UN ESCAP's Asia-Pacific SDG progress assessment.
//!
//! Current Status Index `CSI = 10·d·(yt − y0)/|y* − y0|`, capped at 10 (the `index`).
//! Anticipated Progress `AP = d·(ŷ(T) − y0)/|y* − y0|` (the `ratio`), with `ŷ(T)` from the
//! projection model in the options (endpoint CAGR by default, ESCAP's `gm`): `AP ≥ 1`
//! maintain (on track), `0 < AP < 1` accelerate, `AP ≤ 0` reverse the trend.
//! Source: ESCAP, *Asia and the Pacific SDG Progress Report*, methodology annex.

use rust_decimal::Decimal;

use crate::error::Result;
use crate::math::trend::project_points;
use crate::method::prepare::{
    above, assessment, at_least, maintain_warning, not_assessable, prepare, series_with_baseline, slipped_warning,
    verdict, Verdict,
};
use crate::method::{Assessment, Context, Method, Status};
use crate::model::series::Warning;
use crate::model::warning::WarningCode;
use crate::num::{to_f64, Checked};

/// The method id.
pub const ID: &str = "escap";

/// See the module docs.
#[derive(Debug, Clone, Copy)]
pub struct Escap;

impl Method for Escap {
    fn id(&self) -> &'static str {
        ID
    }

    fn version(&self) -> &'static str {
        "1"
    }

    fn description(&self) -> &'static str {
        "Current Status Index and Anticipated Progress with a chosen projection model (UN ESCAP)"
    }

    fn defaults(&self) -> Vec<(&'static str, Option<Decimal>)> {
        vec![("maintain", Some(Decimal::ONE))]
    }

    fn statuses(&self) -> &'static [Status] {
        &[Status::Achieved, Status::Maintain, Status::Accelerate, Status::Reverse]
    }

    fn assess_points(&self, ctx: Context<'_>) -> Result<Assessment> {
        let v = self.version();
        let mut prep = match prepare(&ctx)? {
            Ok(p) => p,
            Err(why) => return Ok(not_assessable(ctx, ID, v, why)),
        };
        let d = ctx.indicator.direction.sign();
        let gap = prep.implied.value.sub_or(prep.base.value, "csi")?.abs();
        let csi = if gap.is_zero() {
            None
        } else {
            let raw = Decimal::TEN
                .mul_or(d, "csi")?
                .mul_or(prep.latest.value.sub_or(prep.base.value, "csi")?, "csi")?
                .div_or(gap, "csi")?;
            Some(to_f64(raw.min(Decimal::TEN)))
        };
        let mut extra = Vec::new();
        let (status, ratio) = match verdict(ctx.indicator, &prep) {
            Verdict::Met => (Status::Achieved, None),
            Verdict::Slipped => {
                extra.push(slipped_warning());
                (Status::Reverse, None)
            }
            Verdict::Open if gap.is_zero() => {
                extra.push(maintain_warning());
                (Status::Reverse, None)
            }
            Verdict::Open => {
                let series = series_with_baseline(ctx.indicator, ctx.points);
                match project_points(&series, prep.implied.year, None, ctx.options.model, 0.9) {
                    Err(e) => {
                        let w = Warning::new(WarningCode::from_error(&e), "projection", e.to_string());
                        return Ok(not_assessable(ctx, ID, v, w));
                    }
                    Ok(proj) => {
                        extra.extend(proj.warnings);
                        let ap = to_f64(d) * (proj.value - to_f64(prep.base.value)) / to_f64(gap);
                        let s = if at_least(ap, ctx.threshold("maintain").unwrap_or(Decimal::ONE)) {
                            Status::Maintain
                        } else if above(ap, Decimal::ZERO) {
                            Status::Accelerate
                        } else {
                            Status::Reverse
                        };
                        (s, Some(ap))
                    }
                }
            }
        };
        let mut a = assessment(ctx, ID, v, status, &mut prep);
        a.ratio = ratio;
        a.index = csi;
        a.warnings.extend(extra);
        Ok(a)
    }
}
