//! `eurostat`: the EU SDG monitoring report's progress assessment.
//!
//! With a target: `RR = d·ga/|gr|`, where `ga` is the actual growth over the window and `gr`
//! the growth required from the window start to the target; `≥ 0.95` significant progress,
//! `[0.60, 0.95)` moderate, `[0, 0.60)` insufficient, `< 0` movement away. Without a target:
//! `d·ga > 1 %` significant progress, `(0, 1 %]` moderate progress, `[−1 %, 0]` moderate
//! movement away, `< −1 %` significant movement away. Windows: `window_years` = 5 (short
//! term, the default) or 15 (long term); 0 measures from the plan's baseline. A window start
//! without data moves to the nearest later year, with a `base_year_substituted` warning.
//! Every value negative: the ratio of slopes with a target (`linear_fallback`), the
//! magnitude's rate with the direction flipped without one (`negative_values`); see
//! `docs/methods.md`, "Negative values".
//! Source: Eurostat, *Sustainable development in the European Union*, methodological annex.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::error::Result;
use crate::math::progress::{progress_and_log, YearValue};
use crate::method::prepare::{
    above, all_negative, at_least, flipped_warning, implied, latest_after_base, linear_fallback, maintain_warning,
    no_data, no_target_result, not_assessable, rate_ratio, series_with_baseline, slipped_warning, Negatives, RateRatio,
};
use crate::method::{Assessment, Context, Method, Status};
use crate::model::series::Warning;
use crate::model::target::Target;
use crate::model::warning::WarningCode;

/// The method id.
pub const ID: &str = "eurostat";

/// See the module docs.
#[derive(Debug, Clone, Copy)]
pub struct Eurostat;

impl Method for Eurostat {
    fn id(&self) -> &'static str {
        ID
    }

    fn version(&self) -> &'static str {
        "1"
    }

    fn description(&self) -> &'static str {
        "Ratio of actual to required growth over a 5- or 15-year window (Eurostat EU SDG monitoring)"
    }

    fn defaults(&self) -> Vec<(&'static str, Option<Decimal>)> {
        vec![
            ("significant", Some(Decimal::new(95, 2))),
            ("moderate", Some(Decimal::new(60, 2))),
            ("no_target_band", Some(Decimal::new(1, 2))),
            ("window_years", Some(Decimal::from(5))),
        ]
    }

    fn statuses(&self) -> &'static [Status] {
        &[
            Status::Achieved,
            Status::SignificantProgress,
            Status::ModerateProgress,
            Status::InsufficientProgress,
            Status::MovementAway,
            Status::ModerateMovementAway,
            Status::SignificantMovementAway,
        ]
    }

    fn assess_points(&self, ctx: Context<'_>) -> Result<Assessment> {
        let v = self.version();
        let Some(latest) = latest_after_base(ctx.indicator, ctx.points) else {
            let w = no_data(ctx.indicator);
            return Ok(not_assessable(ctx, ID, v, w));
        };
        let window = ctx.threshold("window_years").and_then(|w| w.to_i32()).unwrap_or(5);
        let series = series_with_baseline(ctx.indicator, ctx.points);
        let start_year = if window == 0 { ctx.indicator.baseline.year } else { latest.year.saturating_sub(window) };
        let mut extra = Vec::new();
        let Some(&(base_year, base_value)) = series.iter().find(|p| p.0 >= start_year && p.0 < latest.year) else {
            let w = Warning::new(
                WarningCode::InsufficientData,
                "window",
                format!("no point between {start_year} and {}", latest.year),
            );
            return Ok(not_assessable(ctx, ID, v, w));
        };
        if base_year != start_year {
            extra.push(Warning::new(
                WarningCode::BaseYearSubstituted,
                "window",
                format!("no value for the window start {start_year}; {base_year} is used"),
            ));
        }
        let base = YearValue::new(base_year, base_value);
        let d = ctx.indicator.direction.sign_f64();
        let sig = ctx.threshold("significant").unwrap_or_default();
        let moderate = ctx.threshold("moderate").unwrap_or_default();

        if matches!(ctx.indicator.target, Target::None) {
            // No-target variant: the direction and size of the growth rate alone.
            let band = ctx.threshold("no_target_band").unwrap_or_default();
            let years = i64::from(latest.year.saturating_sub(base.year));
            let mut w = Vec::new();
            let Some(ga) = crate::math::progress::cagr(base.value, latest.value, years, "actual_cagr", &mut w) else {
                let why = w.into_iter().next().unwrap_or_else(|| no_data(ctx.indicator));
                return Ok(not_assessable(ctx, ID, v, why));
            };
            // Every value negative: the rate is the magnitude's, so the direction flips
            // (docs/methods.md, "Negative values").
            let flipped = all_negative(&[base.value, latest.value]);
            if flipped {
                extra.push(flipped_warning("ratio"));
            }
            let x = if flipped { -d * ga } else { d * ga };
            let status = if above(x, band) {
                Status::SignificantProgress
            } else if above(x, Decimal::ZERO) {
                Status::ModerateProgress
            } else if at_least(x, {
                let mut negative = band;
                negative.set_sign_negative(true);
                negative
            }) {
                Status::ModerateMovementAway
            } else {
                Status::SignificantMovementAway
            };
            let mut a = no_target_result(ctx, ID, v, status, ga, x);
            a.warnings.extend(extra);
            return Ok(a);
        }

        let level = match implied(&ctx) {
            Ok(l) => l,
            Err(e) => {
                let w = Warning::new(WarningCode::from_error(&e), "target", e.to_string());
                return Ok(not_assessable(ctx, ID, v, w));
            }
        };
        let target = YearValue::new(level.year, level.value);
        let (prog, actual_log) = progress_and_log(
            YearValue::new(ctx.indicator.baseline.year, ctx.indicator.baseline.value),
            latest,
            target,
            ctx.indicator.direction,
        )?;
        let mut prep =
            crate::method::prepare::Prepared { base: prog.base, latest, implied: level, progress: prog, actual_log };
        let met_now = ctx.indicator.target.is_met(latest.value, &level);
        let met_base = ctx.indicator.target.is_met(base.value, &level);
        let (status, ratio) = if met_now {
            (Status::Achieved, None)
        } else if met_base {
            extra.push(slipped_warning());
            (Status::MovementAway, None)
        } else {
            let rate = crate::num::compound_rate;
            let rates = (
                rate(base.value, latest.value, f64::from(latest.year) - f64::from(base.year)),
                rate(base.value, target.value, f64::from(target.year) - f64::from(base.year)),
            );
            match rate_ratio(base, latest, target, d, Negatives::Slopes, rates) {
                RateRatio::Maintain => {
                    extra.push(maintain_warning());
                    (Status::MovementAway, None)
                }
                RateRatio::Ratio { value, linear, .. } => {
                    if linear {
                        extra.push(linear_fallback("ratio"));
                    }
                    let s = if at_least(value, sig) {
                        Status::SignificantProgress
                    } else if at_least(value, moderate) {
                        Status::ModerateProgress
                    } else if at_least(value, Decimal::ZERO) {
                        Status::InsufficientProgress
                    } else {
                        Status::MovementAway
                    };
                    (s, Some(value))
                }
            }
        };
        let mut a = crate::method::prepare::assessment(ctx, ID, v, status, &mut prep);
        a.ratio = ratio;
        if let Some(i) = a.inputs.as_mut() {
            i.base_year = base.year;
            i.base_value = base.value;
        }
        a.warnings.extend(extra);
        Ok(a)
    }
}
