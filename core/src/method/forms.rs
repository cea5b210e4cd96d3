//! Target forms no progress method has rules for, judged the same way under every method:
//! bounds held every year, period-average rates and rate-to-rate relations of growth-rate
//! indicators, and targets with no number (monitored). See docs/methods-cn-plan-pace-forms.md.
//!
//! None of them has a completion share, a pace or a required path: those stay absent (never a
//! negative number), and the verdict is about the years observed so far.

use rust_decimal::Decimal;

use crate::error::Result;
use crate::method::{Assessment, Context, Status, UsedInputs};
use crate::model::series::{Point, Warning};
use crate::model::target::{Comparator, Relation, Target};
use crate::model::warning::WarningCode;
use crate::num::{to_f64, Checked};

/// The assessment of a target form handled here, or `None` for the method's own rules.
///
/// `cn_plan_pace` says whether the calling method is `cn-plan-pace`, whose verdict on a level
/// indicator without a target is `monitored`; the other methods keep their no-target variants
/// there (they judge the direction of growth), except on growth-rate indicators, whose values
/// must never be compounded.
pub fn assess_form(ctx: &Context<'_>, method: &str, version: &str, cn_plan_pace: bool) -> Result<Option<Assessment>> {
    let ind = ctx.indicator;
    let rate_unit = ind.unit.is_growth_rate();
    match &ind.target {
        Target::EveryYear { year, .. } => bound(ctx, method, version, *year).map(Some),
        Target::AverageRate { year, value, .. } => {
            let (_, comparator) = ind.target.bound_comparator(ind.direction).unwrap_or((*value, Comparator::AtLeast));
            let scale = ind.unit.scale();
            let required = value.div_or(scale, "target.value")?;
            rate_comparison(ctx, method, version, *year, required, comparator, true).map(Some)
        }
        Target::Relative { year, relation, tolerance, .. } if rate_unit => {
            let Some(reference) = ctx.options.reference_rate else {
                let w = Warning::new(
                    WarningCode::InsufficientData,
                    "reference",
                    "the reference indicator's average rate is not known (no observed rates, or none given)",
                );
                return Ok(Some(not_assessable(ctx, method, version, w)));
            };
            let tol = tolerance.unwrap_or_default().div_or(ind.unit.scale(), "target.tolerance")?;
            let (required, comparator) = match relation {
                Relation::FasterThan => (reference, Comparator::Above),
                Relation::InStepWith => (reference.sub_or(tol, "target.tolerance")?, Comparator::AtLeast),
                Relation::SlowerThan => (reference, Comparator::Below),
            };
            rate_comparison(ctx, method, version, *year, required, comparator, false).map(Some)
        }
        Target::None if rate_unit || cn_plan_pace => {
            let mut a = Assessment::bare(&ind.id, method, version, Status::Monitored);
            a.thresholds = ctx.thresholds.clone();
            a.warnings = ctx.warnings.clone();
            a.warnings.push(Warning::new(
                WarningCode::NoTarget,
                "target",
                "no numeric target: monitored and reported only",
            ));
            let avg = average_rate(ind.baseline.year, i32::MAX, ctx.points, ind.unit.scale())?;
            if rate_unit {
                a.actual_cagr = avg.rate.map(to_f64);
            }
            if let Some(latest) = ctx.points.iter().rev().find(|p| p.year > ind.baseline.year) {
                a.inputs = Some(inputs(ctx, latest, latest.year, latest.value));
            }
            Ok(Some(a))
        }
        _ => Ok(None),
    }
}

fn not_assessable(ctx: &Context<'_>, method: &str, version: &str, why: Warning) -> Assessment {
    let mut a = Assessment::not_assessable(&ctx.indicator.id, method, version, why);
    a.warnings.extend(ctx.warnings.iter().cloned());
    a.thresholds = ctx.thresholds.clone();
    a
}

/// The points of the period: after the baseline year, up to and including `last_year`.
fn in_period(points: &[Point], base_year: i32, last_year: i32) -> impl Iterator<Item = &Point> {
    points.iter().filter(move |p| p.year > base_year && p.year <= last_year)
}

fn inputs(ctx: &Context<'_>, latest: &Point, target_year: i32, target_value: Decimal) -> UsedInputs {
    UsedInputs {
        base_year: ctx.indicator.baseline.year,
        base_value: ctx.indicator.baseline.value,
        latest_year: latest.year,
        latest_value: latest.value,
        target_year,
        target_value,
        baseline: crate::model::indicator::BaselineChoice::Plan,
        plan_base_value: None,
        revision_date: None,
        chained_annual_changes: Vec::new(),
        latest_period: None,
    }
}

/// A bound held every year: `held` when every observed year of the period meets it,
/// `breached` (with the years) otherwise.
fn bound(ctx: &Context<'_>, method: &str, version: &str, year: i32) -> Result<Assessment> {
    let ind = ctx.indicator;
    let (value, comparator) =
        ind.target.bound_comparator(ind.direction).unwrap_or((Decimal::ZERO, Comparator::AtLeast));
    let years: Vec<&Point> = in_period(ctx.points, ind.baseline.year, year).collect();
    let Some(latest) = years.last() else {
        let w = Warning::new(
            WarningCode::InsufficientData,
            "observations",
            format!("no observation in {}–{year}", ind.baseline.year.saturating_add(1)),
        );
        return Ok(not_assessable(ctx, method, version, w));
    };
    let breach_years: Vec<i32> = years.iter().filter(|p| !comparator.is_met(p.value, value)).map(|p| p.year).collect();
    let status = if breach_years.is_empty() { Status::Held } else { Status::Breached };
    let mut a = Assessment::bare(&ind.id, method, version, status);
    a.inputs = Some(inputs(ctx, latest, year, value));
    a.breach_years = breach_years;
    a.thresholds = ctx.thresholds.clone();
    a.warnings = ctx.warnings.clone();
    Ok(a)
}

/// The chained average of yearly rates given in a unit of `scale` (per cent: 100):
/// `Π(1 + r/scale)` over the years, exactly, and the average rate as a fraction (f64 root).
struct Average {
    product: Decimal,
    years: i64,
    rate: Option<Decimal>,
    last: Option<Point>,
}

fn average_rate(base_year: i32, last_year: i32, points: &[Point], scale: Decimal) -> Result<Average> {
    let mut product = Decimal::ONE;
    let mut years = 0i64;
    let mut last = None;
    for p in in_period(points, base_year, last_year) {
        let factor = Decimal::ONE.add_or(p.value.div_or(scale, "average_rate")?, "average_rate")?;
        product = product.mul_or(factor, "average_rate")?;
        years = years.saturating_add(1);
        last = Some(p.clone());
    }
    let rate = if years == 0 || product <= Decimal::ZERO {
        None
    } else {
        #[allow(clippy::cast_precision_loss)] // a plan period has a handful of years.
        let g = to_f64(product).powf(1.0 / years as f64) - 1.0;
        crate::num::finite(g).and_then(|g| crate::num::from_f64(g, "average_rate").ok())
    };
    Ok(Average { product, years, rate, last })
}

/// A growth-rate indicator's average rate over the observed years of the period against a
/// required rate (a fraction): decided exactly on `Π(1 + r) vs (1 + required)^n`. `achieved`
/// (or not) once the period is complete, `on_track` / `lagging` before.
fn rate_comparison(
    ctx: &Context<'_>,
    method: &str,
    version: &str,
    year: i32,
    required: Decimal,
    comparator: Comparator,
    exact: bool,
) -> Result<Assessment> {
    let ind = ctx.indicator;
    let avg = average_rate(ind.baseline.year, year, ctx.points, ind.unit.scale())?;
    let Some(latest) = avg.last.clone() else {
        let w = Warning::new(
            WarningCode::InsufficientData,
            "observations",
            format!("no observed rate in {}–{year}", ind.baseline.year.saturating_add(1)),
        );
        return Ok(not_assessable(ctx, method, version, w));
    };
    let needed = crate::num::powi(Decimal::ONE.add_or(required, "required")?, avg.years, "required")?;
    let met = match comparator {
        Comparator::Exactly { tolerance } => {
            // A tolerance on the average rate itself (f64 root), in the indicator's unit.
            let tol = to_f64(tolerance.div_or(ind.unit.scale(), "tolerance")?);
            avg.rate.is_some_and(|r| (to_f64(r) - to_f64(required)).abs() <= tol + 1e-12)
        }
        c if exact => c.is_met(avg.product, needed),
        // A reference average is a root (f64): rates within 1e-12 of it count as on it, as at
        // the band edges of the progress methods.
        c => avg.rate.is_some_and(|r| {
            let (r, q) = (to_f64(r), required);
            match c {
                Comparator::Above => crate::method::prepare::above(r, q),
                Comparator::Below => !crate::method::prepare::at_least(r, q),
                Comparator::AtMost => !crate::method::prepare::above(r, q),
                _ => crate::method::prepare::at_least(r, q),
            }
        }),
    };
    let span = i64::from(year).saturating_sub(i64::from(ind.baseline.year));
    let mut warnings = ctx.warnings.clone();
    let observed_all = avg.years == span;
    if !observed_all && latest.year >= year {
        warnings.push(Warning::new(
            WarningCode::MissingYears,
            "observations",
            format!("{} of the {span} years of the period are observed; the average is over those", avg.years),
        ));
    }
    let complete = latest.year >= year;
    let status = match (met, complete) {
        (true, true) => Status::Achieved,
        (true, false) => Status::OnTrack,
        (false, _) => Status::Lagging,
    };
    let mut a = Assessment::bare(&ind.id, method, version, status);
    a.actual_cagr = avg.rate.map(to_f64);
    a.required_cagr = Some(to_f64(required));
    // What the remaining years must average for the period to meet the requirement.
    let remaining = span.saturating_sub(avg.years);
    if remaining > 0 && avg.product > Decimal::ZERO {
        let whole = crate::num::powi(Decimal::ONE.add_or(required, "required")?, span, "required")?;
        #[allow(clippy::cast_precision_loss)]
        let from_now = (to_f64(whole) / to_f64(avg.product)).powf(1.0 / remaining as f64) - 1.0;
        a.required_cagr_from_now = crate::num::finite(from_now);
    }
    let mut used = inputs(ctx, &latest, year, required.mul_or(ind.unit.scale(), "required")?);
    used.base_value = ind.baseline.value;
    a.inputs = Some(used);
    a.thresholds = ctx.thresholds.clone();
    a.warnings = warnings;
    Ok(a)
}
