//! `cn-plan-pace`: the Chinese five-year-plan mid-term practice (时间过半、任务过半).
//!
//! Completion share `P` is compared with time share `τ`: `achieved` when the target is met;
//! `ahead` when `P ≥ τ + δa`; `on_track` when `τ − δt ≤ P < τ + δa`; `lagging` when
//! `P < τ − δt`; `regressing` when `P < 0`. Defaults `δa = 0.10`, `δt = 0.05`, and `δt = 0`
//! for binding (约束性) indicators. Source: NDRC mid-term evaluation reports (2013, 2018, 2023).
//! All comparisons are exact decimal comparisons.

use rust_decimal::Decimal;

use crate::error::Result;
use crate::method::prepare::{assessment, not_assessable, prepare, slipped_warning, verdict, Verdict};
use crate::method::{Assessment, Context, Method, Status};
use crate::model::indicator::Nature;
use crate::model::series::Warning;
use crate::num::{to_f64, Checked};

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
        let prep = match prepare(&ctx)? {
            Ok(p) => p,
            Err(why) => return Ok(not_assessable(ctx, ID, self.version(), why)),
        };
        let ahead = ctx.threshold(AHEAD).unwrap_or_default();
        let lag =
            if ctx.indicator.nature == Some(Nature::Binding) { ctx.threshold(BINDING_LAG) } else { ctx.threshold(LAG) }
                .unwrap_or_default();
        let p = &prep.progress;
        let mut extra: Vec<Warning> = Vec::new();
        let status = match verdict(ctx.indicator, &prep) {
            Verdict::Met => Status::Achieved,
            Verdict::Slipped => {
                extra.push(slipped_warning());
                Status::Regressing
            }
            Verdict::Open => match p.completion {
                None => Status::NotAssessable,
                Some(c) if c < Decimal::ZERO => Status::Regressing,
                Some(c) if c < p.time_share.sub_or(lag, "status")? => Status::Lagging,
                Some(c) if c >= p.time_share.add_or(ahead, "status")? => Status::Ahead,
                Some(_) => Status::OnTrack,
            },
        };
        let mut a = assessment(ctx, ID, self.version(), status, &prep);
        a.ratio = p.pace.map(to_f64);
        a.warnings.extend(extra);
        Ok(a)
    }
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
            Unit::Percent,
            Direction::Increase,
            Baseline { year: 2020, value: d("1") },
            Target::Level { year: 2025, value: d("2"), comparator: None },
        )
        .unwrap();
        let mut o = AssessOptions::default();
        o.thresholds.insert("ahead".into(), d("0.2"));
        assert_eq!(assess(&ind, &[], &o).unwrap_err().code(), "invalid_argument");
        o.method = "nope".into();
        assert_eq!(assess(&ind, &[], &o).unwrap_err().code(), "unknown_method");
    }
}
