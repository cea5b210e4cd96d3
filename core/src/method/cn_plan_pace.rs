//! `cn-plan-pace`: the Chinese five-year-plan mid-term practice (时间过半、任务过半).
//!
//! Completion share `P` is compared with time share `τ`: `achieved` when the target is met;
//! `ahead` when `P ≥ τ + δa`; `on_track` when `τ − δt ≤ P < τ + δa`; `lagging` when
//! `P < τ − δt`; `regressing` when `P < 0`. Defaults `δa = 0.10`, `δt = 0.05`, and `δt = 0`
//! for binding (约束性) indicators. Source: NDRC mid-term evaluation reports (2013, 2018, 2023).
//! All comparisons are exact decimal comparisons.

use rust_decimal::Decimal;

use crate::error::Result;
use crate::math::path::PathKind;
use crate::math::progress::{progress_and_log, YearValue};
use crate::method::prepare::{
    assessment, at_least, not_assessable, prepare, slipped_warning, verdict, Prepared, Verdict,
};
use crate::method::{Assessment, Context, Method, Status};
use crate::model::date::{days_in_month, Date};
use crate::model::indicator::Nature;
use crate::model::series::Warning;
use crate::model::warning::WarningCode;
use crate::num::{from_f64, to_f64, Checked};

/// The method id.
pub const ID: &str = "cn-plan-pace";

/// See the module docs.
#[derive(Debug, Clone, Copy)]
pub struct CnPlanPace;

const AHEAD: &str = "ahead_margin";
const LAG: &str = "lag_tolerance";
const BINDING_LAG: &str = "binding_lag_tolerance";

impl Method for CnPlanPace {
    fn id(&self) -> &'static str {
        ID
    }

    fn version(&self) -> &'static str {
        "1"
    }

    fn description(&self) -> &'static str {
        "Completion share against time share (时间过半、任务过半), NDRC mid-term evaluation practice"
    }

    fn defaults(&self) -> Vec<(&'static str, Option<Decimal>)> {
        vec![(AHEAD, Some(Decimal::new(10, 2))), (LAG, Some(Decimal::new(5, 2))), (BINDING_LAG, Some(Decimal::ZERO))]
    }

    fn statuses(&self) -> &'static [Status] {
        &[Status::Achieved, Status::Ahead, Status::OnTrack, Status::Lagging, Status::Regressing]
    }

    fn assess_points(&self, ctx: Context<'_>) -> Result<Assessment> {
        let mut prep = match prepare(&ctx)? {
            Ok(p) => p,
            Err(why) => match sub_annual_only(&ctx)? {
                Some(p) => p,
                None => return Ok(not_assessable(ctx, ID, self.version(), why)),
            },
        };
        let mut sub_used: Option<(String, Decimal)> = None;
        let mut sub_warning = None;
        if let Some(s) = ctx.sub_annual.last().filter(|s| s.year > prep.latest.year) {
            if sub_annual_comparable(ctx.indicator) {
                prep.latest = YearValue::new(s.year, s.value);
                (prep.progress, prep.actual_log) = progress_and_log(
                    prep.base,
                    prep.latest,
                    YearValue::new(prep.implied.year, prep.implied.value),
                    ctx.indicator.direction,
                )?;
                let elapsed = Date { year: s.year, month: s.end_month, day: days_in_month(s.year, s.end_month) }
                    .years_after(prep.base.year);
                let span = Decimal::from(i64::from(prep.implied.year).saturating_sub(i64::from(prep.base.year)));
                sub_used = Some((s.period.clone(), elapsed.div_or(span, "time_share")?.normalize()));
                sub_warning = Some(Warning::new(
                    WarningCode::SubAnnual,
                    "observations",
                    format!("the {} {} figure is used, with the time to the end of its period", s.year, s.period),
                ));
            } else {
                sub_warning = Some(Warning::new(
                    WarningCode::SubAnnualNotComparable,
                    "observations",
                    "sub-annual figures are compared with annual ones only for level targets of indicators measured at a point in time (shares, rates, indices, durations); they were not used",
                ));
            }
        }
        let ahead = ctx.threshold(AHEAD).unwrap_or_default();
        let lag =
            if ctx.indicator.nature == Some(Nature::Binding) { ctx.threshold(BINDING_LAG) } else { ctx.threshold(LAG) }
                .unwrap_or_default();
        let p = &prep.progress;
        // The time share: of the evaluation date when `as_of` is one (2023-06-30 in 2021–2025
        // is 2.5/5), of the latest observation's year otherwise.
        let time_share = ctx
            .options
            .as_of
            .time_share(prep.base.year, prep.implied.year)
            .or_else(|| sub_used.as_ref().map(|(_, t)| *t))
            .unwrap_or(p.time_share);
        let mut extra: Vec<Warning> = Vec::new();
        // Growth-type targets are judged on growth: completion on the geometric path
        // (docs/methods-cn-plan-pace-forms.md); level targets on the linear path.
        let geometric = if ctx.indicator.target.is_growth_type() { geometric_completion(&prep) } else { None };
        if ctx.indicator.target.is_growth_type() && geometric.is_none() {
            extra.push(Warning::new(
                WarningCode::LinearFallback,
                "completion",
                "a geometric completion needs positive values and a target unlike the baseline; the linear path is used",
            ));
        }
        let status = match verdict(ctx.indicator, &prep) {
            Verdict::Met => Status::Achieved,
            Verdict::Slipped => {
                extra.push(slipped_warning());
                Status::Regressing
            }
            Verdict::Open => match geometric {
                Some(g) => {
                    let low = time_share.sub_or(lag, "status")?;
                    let high = time_share.add_or(ahead, "status")?;
                    if g < 0.0 {
                        Status::Regressing
                    } else if !at_least(g, low) {
                        Status::Lagging
                    } else if at_least(g, high) {
                        // On the edge within the float tolerance counts, as `P ≥ τ + δa` does.
                        Status::Ahead
                    } else {
                        Status::OnTrack
                    }
                }
                None => match p.completion {
                    None => Status::NotAssessable,
                    Some(c) if c < Decimal::ZERO => Status::Regressing,
                    Some(c) if c < time_share.sub_or(lag, "status")? => Status::Lagging,
                    Some(c) if c >= time_share.add_or(ahead, "status")? => Status::Ahead,
                    Some(_) => Status::OnTrack,
                },
            },
        };
        let mut a = assessment(ctx, ID, self.version(), status, &mut prep);
        a.time_share = Some(time_share);
        match geometric {
            Some(g) => {
                a.path = Some(PathKind::Geometric);
                a.completion = from_f64(g, "completion").ok();
                a.pace = if time_share.is_zero() { None } else { from_f64(g / to_f64(time_share), "pace").ok() };
                a.milestone = geometric_milestone(&prep, time_share);
            }
            None => {
                a.path = Some(PathKind::Linear);
                if time_share != prep.progress.time_share {
                    a.pace = match (prep.progress.completion, time_share.is_zero()) {
                        (Some(c), false) => Some(c.div_or(time_share, "pace")?),
                        _ => None,
                    };
                }
            }
        }
        a.ratio = a.pace.map(to_f64);
        a.warnings.extend(extra);
        a.warnings.extend(sub_warning);
        if let (Some((period, _)), Some(inputs)) = (sub_used, a.inputs.as_mut()) {
            inputs.latest_period = Some(period);
        }
        Ok(a)
    }
}

/// Whether a sub-annual figure can stand in for an annual one: for level targets (not growth)
/// of indicators measured at a point in time. Flows (counts, money) accumulate over the year
/// and growth rates compare with the same period a year before, so a half-year figure of
/// those is not comparable with the annual path (docs/methods-cn-plan-pace-forms.md).
fn sub_annual_comparable(ind: &crate::model::indicator::Indicator) -> bool {
    use crate::model::target::Target;
    use crate::model::unit::Unit;
    let level = matches!(ind.target, Target::Level { .. } | Target::Range { .. })
        || matches!(ind.target, Target::Change { mode: crate::model::target::ChangeMode::Absolute, .. });
    level && !matches!(ind.unit, Unit::Count { .. } | Unit::Money { .. } | Unit::GrowthRate)
}

/// When no annual figure follows the baseline but a comparable sub-annual one does: prepare
/// from it (the caller then uses it as the latest value).
fn sub_annual_only(ctx: &Context<'_>) -> Result<Option<Prepared>> {
    let Some(s) = ctx.sub_annual.last() else { return Ok(None) };
    if s.year <= ctx.indicator.baseline.year || !sub_annual_comparable(ctx.indicator) {
        return Ok(None);
    }
    let Ok(implied) = crate::method::prepare::implied(ctx) else { return Ok(None) };
    // The year before the period's year stands in until the caller replaces it.
    let base = YearValue::new(ctx.indicator.baseline.year, ctx.indicator.baseline.value);
    let latest = YearValue::new(ctx.indicator.baseline.year, ctx.indicator.baseline.value);
    let target = YearValue::new(implied.year, implied.value);
    let (progress, actual_log) = progress_and_log(base, latest, target, ctx.indicator.direction)?;
    Ok(Some(Prepared { base, latest, implied, progress, actual_log }))
}

/// Completion on the geometric path, `ln(yt/y0) / ln(y*/y0)`: the share of the required
/// growth achieved, which equals the time share exactly when the indicator grows at the
/// required constant rate. `None` when a value is not positive or the target is the baseline.
fn geometric_completion(prep: &Prepared) -> Option<f64> {
    let (y0, yt, ys) = (to_f64(prep.base.value), to_f64(prep.latest.value), to_f64(prep.implied.value));
    if y0 <= 0.0 || yt <= 0.0 || ys <= 0.0 || prep.base.value == prep.implied.value {
        return None;
    }
    crate::num::finite((yt / y0).ln() / (ys / y0).ln())
}

/// The geometric milestone at the time share: `y0 (y*/y0)^τ`.
fn geometric_milestone(prep: &Prepared, time_share: Decimal) -> Option<Decimal> {
    let (y0, ys) = (to_f64(prep.base.value), to_f64(prep.implied.value));
    crate::num::finite(y0 * (ys / y0).powf(to_f64(time_share))).and_then(|m| from_f64(m, "milestone").ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::method::{assess, AssessOptions};
    use crate::model::indicator::{Baseline, Direction, Indicator};
    use crate::model::series::Observation;
    use crate::model::target::Target;
    use crate::model::unit::Unit;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// Baseline 0 in 2020, target 100 in 2025: completion is the value / 100 and at 2023
    /// the time share is 3/5 = 0.6, so the band edges sit at values 55 (lag) and 70 (ahead).
    fn status_at(value: &str, nature: Option<Nature>) -> Status {
        let mut ind = Indicator::new(
            "x",
            "x",
            Unit::Count { noun: None },
            Direction::Increase,
            Baseline { year: 2020, value: d("0") },
            Target::Level { year: 2025, value: d("100"), comparator: None },
        )
        .unwrap();
        ind.nature = nature;
        assess(&ind, &[Observation::new(2023, d(value))], &AssessOptions::default()).unwrap().status
    }

    #[test]
    fn band_edges() {
        // Hand calculation with τ = 0.6, δa = 0.10, δt = 0.05.
        assert_eq!(status_at("70", None), Status::Ahead); // P = 0.70 = τ + δa
        assert_eq!(status_at("69.99", None), Status::OnTrack);
        assert_eq!(status_at("55", None), Status::OnTrack); // P = 0.55 = τ − δt
        assert_eq!(status_at("54.99", None), Status::Lagging);
        assert_eq!(status_at("-0.01", None), Status::Regressing);
        assert_eq!(status_at("100", None), Status::Achieved);
        // Binding: no tolerance, so 0.5999 lags and 0.60 is on track.
        assert_eq!(status_at("59.99", Some(Nature::Binding)), Status::Lagging);
        assert_eq!(status_at("60", Some(Nature::Binding)), Status::OnTrack);
    }

    #[test]
    fn unknown_thresholds_are_refused() {
        let ind = Indicator::new(
            "x",
            "x",
            Unit::Percent,
            Direction::Increase,
            Baseline { year: 2020, value: d("1") },
            Target::Level { year: 2025, value: d("2"), comparator: None },
        )
        .unwrap();
        let mut o = AssessOptions::default();
        o.thresholds.insert("ahead".into(), d("0.2"));
        assert_eq!(assess(&ind, &[], &o).unwrap_err().code(), "invalid_argument");
        assert_eq!("nope".parse::<crate::method::MethodId>().unwrap_err().code(), "unknown_method");
    }
}
