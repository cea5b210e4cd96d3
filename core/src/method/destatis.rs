//! `destatis`: the weather symbols of the German Sustainable Development Strategy.
//!
//! `a` is the mean annual change over the last five years (six points; at least four
//! consecutive annual values), `P(T) = yt + a·(T − t)`. `D = 0` when `P(T)` reaches the target,
//! else `|y* − P(T)|/|y* − yt|`: sun `D < 0.05`, slightly cloudy `0.05 ≤ D ≤ 0.20`, cloudy
//! `D > 0.20` while moving the right way (`d·a > 0`), thunderstorm when not (`d·a ≤ 0`).
//! A range target is judged by its weakest bound. All of it is exact decimal arithmetic.
//! Source: Statistisches Bundesamt, *Sustainable Development in Germany – Indicator Report*,
//! notes on the weather symbols.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::error::Result;
use crate::method::prepare::{
    assessment, not_assessable, prepare, series_with_baseline, slipped_warning, verdict, Verdict,
};
use crate::method::{Assessment, Context, Method, Status};
use crate::model::series::Warning;
use crate::model::warning::WarningCode;
use crate::num::{to_f64, Checked};

/// The method id.
pub const ID: &str = "destatis";

/// See the module docs.
#[derive(Debug, Clone, Copy)]
pub struct Destatis;

impl Method for Destatis {
    fn id(&self) -> &'static str {
        ID
    }

    fn version(&self) -> &'static str {
        "1"
    }

    fn description(&self) -> &'static str {
        "Weather symbols from the five-year mean annual change (German Sustainable Development Strategy)"
    }

    fn defaults(&self) -> Vec<(&'static str, Option<Decimal>)> {
        vec![
            ("sun", Some(Decimal::new(5, 2))),
            ("cloudy", Some(Decimal::new(20, 2))),
            ("window_years", Some(Decimal::from(5))),
            ("min_consecutive", Some(Decimal::from(4))),
        ]
    }

    fn statuses(&self) -> &'static [Status] {
        &[Status::Achieved, Status::Sun, Status::SlightlyCloudy, Status::Cloudy, Status::Thunderstorm]
    }

    fn assess_points(&self, ctx: Context<'_>) -> Result<Assessment> {
        let v = self.version();
        let mut prep = match prepare(&ctx)? {
            Ok(p) => p,
            Err(why) => return Ok(not_assessable(ctx, ID, v, why)),
        };
        let window = ctx.threshold("window_years").and_then(|w| w.to_i32()).unwrap_or(5);
        let min_run = ctx.threshold("min_consecutive").and_then(|w| w.to_usize()).unwrap_or(4);
        let t = prep.latest.year;
        let series = series_with_baseline(ctx.indicator, ctx.points);
        let recent: Vec<(i32, Decimal)> =
            series.into_iter().filter(|p| p.0 >= t.saturating_sub(window) && p.0 <= t).collect();
        let mut run = 1usize;
        let mut best = usize::from(!recent.is_empty());
        for w in recent.windows(2) {
            if let [a, b] = w {
                run = if b.0 == a.0.saturating_add(1) { run.saturating_add(1) } else { 1 };
                best = best.max(run);
            }
        }
        let mut extra = Vec::new();
        let status_and_d = match verdict(ctx.indicator, &prep) {
            Verdict::Met => Some((Status::Achieved, None)),
            Verdict::Slipped => {
                extra.push(slipped_warning());
                Some((Status::Thunderstorm, None))
            }
            Verdict::Open => None,
        };
        let (status, ratio) = match status_and_d {
            Some(x) => x,
            None => {
                let (Some(first), true) = (recent.first(), best >= min_run) else {
                    let w = Warning::new(
                        WarningCode::InsufficientData,
                        "observations",
                        format!("needs {min_run} consecutive annual values within the last {window} years; has {best}"),
                    );
                    return Ok(not_assessable(ctx, ID, v, w));
                };
                let yt = prep.latest.value;
                let ys = prep.implied.value;
                let span = Decimal::from(t.saturating_sub(first.0));
                let a = yt.sub_or(first.1, "a")?.div_or(span, "a")?;
                let projected = yt.add_or(a.mul_or(Decimal::from(prep.implied.year.saturating_sub(t)), "p")?, "p")?;
                let d = ctx.indicator.direction.sign();
                let reaches = d.mul_or(projected.sub_or(ys, "p")?, "p")? >= Decimal::ZERO;
                let dist = if reaches {
                    Decimal::ZERO
                } else {
                    ys.sub_or(projected, "d")?.abs().div_or(ys.sub_or(yt, "d")?.abs(), "d")?
                };
                let sun = ctx.threshold("sun").unwrap_or_default();
                let cloudy = ctx.threshold("cloudy").unwrap_or_default();
                let s = if dist < sun {
                    Status::Sun
                } else if dist <= cloudy {
                    Status::SlightlyCloudy
                } else if d.mul_or(a, "a")? > Decimal::ZERO {
                    Status::Cloudy
                } else {
                    Status::Thunderstorm
                };
                (s, Some(to_f64(dist)))
            }
        };
        let mut a = assessment(ctx, ID, v, status, &mut prep);
        a.ratio = ratio;
        a.warnings.extend(extra);
        Ok(a)
    }
}
