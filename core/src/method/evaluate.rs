//! A whole plan at an as-of point: one assessment per indicator and a roll-up.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::method::prepare::latest_after_base;
use crate::method::{merged_thresholds, AssessOptions, Assessment, Context, MissingPolicy, Status};
use crate::model::plan::Plan;
use crate::model::series::{resolve_points, resolve_points_into, AsOf, Warning};
use crate::model::target::Target;
use crate::model::warning::WarningCode;
use crate::num::{from_f64, Checked};

/// The old path of [`crate::model::series::PlanObservations`], kept for one release.
#[deprecated(
    since = "0.2.0",
    note = "moved to the model: `onpace::PlanObservations` or `onpace::model::series::PlanObservations`"
)]
pub type PlanObservations = crate::model::series::PlanObservations;

/// How many indicators got one status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct StatusCount {
    /// The status.
    pub status: Status,
    /// How many indicators have it.
    pub count: usize,
}

/// The roll-up of an evaluation. Not-assessable rows are always reported and never count as
/// a zero score; the missing-data policy says whether they count as off pace in shares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Summary {
    /// Count per status, in the method's order (best first), zero counts included.
    pub counts: Vec<StatusCount>,
    /// Indicators with a verdict.
    pub assessed: usize,
    /// Indicators without one.
    pub not_assessable: usize,
    /// Indicators with no numeric target (monitored, reported only): neither assessed nor
    /// counted in shares.
    #[serde(default)]
    pub monitored: usize,
    /// The same roll-up for binding (约束性) and anticipatory (预期性) indicators, as official
    /// evaluations report them; absent when the plan marks no indicator's nature.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_nature: Vec<NatureSummary>,
    /// Assessed indicators with a good verdict (achieved, ahead, on track, ...).
    pub on_pace: usize,
    /// `on_pace / assessed` (or `/ all rows` under `count_as_off_pace`).
    pub share_on_pace: Option<Decimal>,
    /// The same share with indicator weights (weight 1 where none is given).
    pub weighted_share_on_pace: Option<Decimal>,
    /// Mean of the method's scores over the rows that have one (Open SDG's −5…+5).
    pub mean_score: Option<f64>,
    /// True only if every indicator is achieved (none not assessable).
    pub all_achieved: bool,
    /// The overall status from the mean score, for a method that defines one (`open-sdg`:
    /// `achieved` only when every assessed row is, otherwise the band of the mean score).
    pub overall_status: Option<Status>,
    /// The missing-data policy applied.
    pub missing: MissingPolicy,
}

/// The roll-up of the indicators of one nature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct NatureSummary {
    /// Binding or anticipatory.
    pub nature: crate::model::indicator::Nature,
    /// Indicators of that nature.
    pub total: usize,
    /// With a verdict.
    pub assessed: usize,
    /// With a good verdict.
    pub on_pace: usize,
    /// Their ids with a verdict that is not good (lagging, breached, ...).
    pub off_pace: Vec<String>,
}

/// A plan evaluated with one method: one [`Assessment`] per indicator and the roll-up.
///
/// ```
/// use onpace::{AsOf, AssessOptions, Observation, Plan, PlanObservations, Status};
/// use rust_decimal::Decimal;
///
/// let plan = Plan::from_json(r#"{"id": "p", "title": {"zh": "规划"}, "issuer": {"zh": "政府"},
///   "region": {"zh": "某市"}, "period": {"start": 2021, "end": 2025}, "base_year": 2020,
///   "indicators": [
///     {"id": "forest", "label": {"zh": "森林覆盖率"}, "unit": {"kind": "percent"},
///      "direction": "increase", "baseline": {"year": 2020, "value": "23.0"},
///      "target": {"kind": "level", "year": 2025, "value": "24.0"}},
///     {"id": "energy", "label": {"zh": "单位GDP能耗"}, "unit": {"kind": "index"},
///      "direction": "decrease", "baseline": {"year": 2020, "value": "100"},
///      "target": {"kind": "level", "year": 2025, "value": "85"}}]}"#)?;
/// // Illustrative 2023 figures: forest 23.6 is (23.6 − 23)/(24 − 23) = 60 % done at 3/5 of the
/// // time (on track); energy 97 is (100 − 97)/(100 − 85) = 20 % done (more than 5 points
/// // behind the 60 % time share: lagging).
/// let mut obs = PlanObservations::new();
/// obs.insert("forest".into(), vec![Observation::new(2023, Decimal::new(236, 1))]);
/// obs.insert("energy".into(), vec![Observation::new(2023, Decimal::from(97))]);
///
/// let e = plan.evaluate(&obs, &AssessOptions::default().with_as_of(AsOf::Year(2023)))?;
/// assert_eq!(e.method, "cn-plan-pace");
/// assert_eq!(e.rows[0].status, Status::OnTrack);
/// assert_eq!(e.rows[1].status, Status::Lagging);
/// assert_eq!((e.summary.assessed, e.summary.on_pace), (2, 1));
/// assert_eq!(e.summary.share_on_pace, Some(Decimal::new(5, 1)));
///
/// // As JSON (decimals as strings, exact), the shape the Python and JS results have.
/// let json = serde_json::to_value(&e).unwrap();
/// assert_eq!(json["rows"][1]["status"], "lagging");
/// # Ok::<(), onpace::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Evaluation {
    /// Plan id.
    pub plan: String,
    /// Method id.
    pub method: String,
    /// Method version.
    pub method_version: String,
    /// The as-of point used.
    pub as_of: AsOf,
    /// One row per indicator, in the plan's order.
    pub rows: Vec<Assessment>,
    /// The roll-up.
    pub summary: Summary,
}

/// Evaluate every indicator of `plan`. Observations for an id the plan lacks are an error.
///
/// A target relative to another indicator is resolved with that indicator's actual CAGR from
/// its baseline to its latest observation (unless the options give a reference rate).
pub fn evaluate(
    plan: &Plan,
    observations: &crate::model::series::PlanObservations,
    options: &AssessOptions,
) -> Result<Evaluation> {
    let m = options.method.method();
    let thresholds = merged_thresholds(m, &options.thresholds)?;
    let index = IdIndex::new(plan);
    let observed = index.align(observations)?;
    for (id, w) in &options.weights {
        if index.position(id).is_none() {
            return Err(Error::UnknownIndicator { id: id.clone() });
        }
        if w.is_sign_negative() {
            return Err(Error::invalid_argument(format!("weights.{id}"), "weights must be ≥ 0"));
        }
    }
    // One pass, row by row, so that nothing but the rows outlives an indicator (keeping every
    // indicator's points for a second pass made the evaluation's memory, and its time, twice as
    // large: docs/rust-crate.md, "Evaluation speed"). The errors are still those of resolving
    // every indicator's observations first: an error in assessing a row waits until the later
    // indicators' observations have been read, and an error of theirs comes first.
    let mut rows = Vec::with_capacity(plan.indicators.len());
    let mut failed = None;
    let mut points = Vec::new();
    for (ind, obs) in plan.indicators.iter().zip(&observed) {
        let mut warnings = Vec::new();
        let (ind, revision) = crate::method::with_baseline(ind, options);
        resolve_points_into(&ind, obs, &options.as_of, &mut warnings, &mut points)?;
        let sub_annual = crate::model::series::resolve_sub_annual(&ind, obs, &options.as_of)?;
        if failed.is_some() {
            continue;
        }
        let row = (|| {
            // The options are copied only for a relative target: a copy per row would copy the
            // weights map each time, quadratic in the plan's size when every indicator has one.
            let mut opts = std::borrow::Cow::Borrowed(options);
            if let (Target::Relative { to, .. }, None) = (&ind.target, options.reference_rate) {
                match reference_rate(plan, &index, &observed, options, to, &points)? {
                    Some(rate) => opts.to_mut().reference_rate = Some(rate),
                    None => warnings.push(Warning::new(
                        WarningCode::InsufficientData,
                        "reference",
                        format!("the reference indicator `{to}` has no growth rate to compare with"),
                    )),
                }
            }
            let ctx = Context {
                indicator: &ind,
                points: &points,
                thresholds: &thresholds,
                options: &opts,
                warnings,
                sub_annual: &sub_annual,
            };
            crate::method::run(m, ctx, revision)
        })();
        match row {
            Ok(row) => rows.push(row),
            Err(e) => failed = Some(e),
        }
    }
    if let Some(e) = failed {
        return Err(e);
    }
    let mut summary = roll_up(&rows, m, options)?;
    summary.by_nature = by_nature(plan, &rows);
    Ok(Evaluation {
        plan: plan.id.clone(),
        method: m.id().into(),
        method_version: m.version().into(),
        as_of: options.as_of.clone(),
        rows,
        summary,
    })
}

/// The plan's indicator ids and their positions in id order: each lookup is a binary search,
/// and the observations are matched to the plan in one merge, so evaluating a plan of n
/// indicators costs O(n log n), not the O(n²) of scanning the indicator list for every
/// observation key. Sorted vectors, with the plan checks' own sort, rather than a map: the
/// WebAssembly module stays as small.
struct IdIndex<'a> {
    ids: Vec<&'a str>,
    order: Vec<usize>,
}

impl<'a> IdIndex<'a> {
    fn new(plan: &'a Plan) -> Self {
        let ids: Vec<&str> = plan.indicators.iter().map(|ind| ind.id.as_str()).collect();
        let order = crate::model::plan::sorted_order(&ids);
        IdIndex { ids, order }
    }

    fn id(&self, position: usize) -> &'a str {
        self.ids.get(position).copied().unwrap_or_default()
    }

    /// Each indicator's observations, in the plan's order, by one merge of the two sorted id
    /// lists; the first observation key (in sorted order) the plan lacks is an error.
    fn align<'o>(
        &self,
        observations: &'o crate::model::series::PlanObservations,
    ) -> Result<Vec<&'o [crate::model::series::Observation]>> {
        let mut out: Vec<&[crate::model::series::Observation]> = vec![&[]; self.ids.len()];
        let mut order = self.order.iter().peekable();
        for (key, obs) in observations {
            while order.next_if(|&&i| self.id(i) < key.as_str()).is_some() {}
            match order.next_if(|&&i| self.id(i) == key.as_str()) {
                Some(&i) => {
                    if let Some(slot) = out.get_mut(i) {
                        *slot = obs;
                    }
                }
                None => return Err(Error::UnknownIndicator { id: key.clone() }),
            }
        }
        Ok(out)
    }

    /// The position in the plan of the indicator with this id.
    fn position(&self, id: &str) -> Option<usize> {
        let found = self.order.binary_search_by(|&i| self.id(i).cmp(id)).ok()?;
        self.order.get(found).copied()
    }
}

/// The reference indicator's average growth for a relative target on an indicator with the
/// points `own` (its observations are resolved again here: an error there is the one the
/// reference's own row reports).
fn reference_rate(
    plan: &Plan,
    index: &IdIndex<'_>,
    observed: &[&[crate::model::series::Observation]],
    options: &AssessOptions,
    id: &str,
    own: &[crate::model::series::Point],
) -> Result<Option<Decimal>> {
    let position = index.position(id);
    let ind = position.and_then(|p| plan.indicators.get(p)).ok_or_else(|| Error::UnknownIndicator { id: id.into() })?;
    let Some(obs) = position.and_then(|p| observed.get(p)) else { return Ok(None) };
    let points = resolve_points(&crate::method::with_baseline(ind, options).0, obs, &options.as_of, &mut Vec::new())?;
    if ind.unit.is_growth_rate() {
        // Rate against rate: the reference's chained average over the years the indicator
        // itself is observed in (so both averages cover the same years).
        let own_years: Vec<i32> = own.iter().map(|p| p.year).collect();
        let mut product = Decimal::ONE;
        let mut n = 0i32;
        for p in points.iter().filter(|p| p.year > ind.baseline.year && own_years.contains(&p.year)) {
            let f = Decimal::ONE.add_or(p.value.div_or(ind.unit.scale(), "reference_rate")?, "reference_rate")?;
            product = product.mul_or(f, "reference_rate")?;
            n = n.saturating_add(1);
        }
        if n == 0 || product <= Decimal::ZERO {
            return Ok(None);
        }
        let g = crate::num::to_f64(product).powf(1.0 / f64::from(n)) - 1.0;
        return crate::num::finite(g).map(|g| from_f64(g, "reference_rate")).transpose();
    }
    let Some(latest) = latest_after_base(ind, &points) else { return Ok(None) };
    let years = i64::from(latest.year.saturating_sub(ind.baseline.year));
    let mut ignored = Vec::new();
    crate::math::progress::cagr(ind.baseline.value, latest.value, years, "reference_rate", &mut ignored)
        .map(|g| from_f64(g, "reference_rate"))
        .transpose()
}

fn by_nature(plan: &Plan, rows: &[Assessment]) -> Vec<NatureSummary> {
    use crate::model::indicator::Nature;
    let mut out = Vec::new();
    for nature in [Nature::Binding, Nature::Anticipatory] {
        let of: Vec<&Assessment> =
            plan.indicators.iter().zip(rows).filter(|(i, _)| i.nature == Some(nature)).map(|(_, r)| r).collect();
        if of.is_empty() {
            continue;
        }
        let judged: Vec<&&Assessment> = of.iter().filter(|r| is_judged(r.status)).collect();
        out.push(NatureSummary {
            nature,
            total: of.len(),
            assessed: judged.len(),
            on_pace: judged.iter().filter(|r| r.status.is_on_pace()).count(),
            off_pace: judged.iter().filter(|r| !r.status.is_on_pace()).map(|r| r.indicator.clone()).collect(),
        });
    }
    out
}

/// Whether a row has a verdict (not `not_assessable`, not `monitored`).
fn is_judged(s: Status) -> bool {
    s != Status::NotAssessable && s != Status::Monitored
}

/// The roll-up of some rows of an evaluation (its binding indicators, say) under the options
/// the evaluation ran with: the same counts, shares and weights as the whole plan's summary.
pub fn summary_of(rows: &[Assessment], options: &AssessOptions) -> Result<Summary> {
    roll_up(rows, options.method.method(), options)
}

/// The summary of `rows` with the overall status of methods that define one.
fn roll_up(rows: &[Assessment], m: &dyn crate::method::Method, options: &AssessOptions) -> Result<Summary> {
    let mut summary = summarise(rows, m.statuses(), options)?;
    let assessed_rows = || rows.iter().filter(|r| is_judged(r.status));
    summary.overall_status = summary.mean_score.and_then(|mean| {
        if assessed_rows().all(|r| r.status == Status::Achieved) {
            m.status_from_mean_score(mean).map(|_| Status::Achieved)
        } else {
            m.status_from_mean_score(mean)
        }
    });
    Ok(summary)
}

fn summarise(rows: &[Assessment], order: &[Status], options: &AssessOptions) -> Result<Summary> {
    // The forms every method shares (bounds, monitored) are counted when present.
    let counts: Vec<StatusCount> = order
        .iter()
        .chain(crate::method::SHARED_STATUSES.iter().filter(|s| rows.iter().any(|r| r.status == **s)))
        .chain(std::iter::once(&Status::NotAssessable))
        .map(|s| StatusCount { status: *s, count: rows.iter().filter(|r| r.status == *s).count() })
        .collect();
    let not_assessable = rows.iter().filter(|r| r.status == Status::NotAssessable).count();
    let monitored = rows.iter().filter(|r| r.status == Status::Monitored).count();
    let assessed = rows.len().saturating_sub(not_assessable).saturating_sub(monitored);
    let on_pace = rows.iter().filter(|r| r.status.is_on_pace()).count();
    let counted = |r: &&Assessment| {
        r.status != Status::Monitored
            && (options.missing == MissingPolicy::CountAsOffPace || r.status != Status::NotAssessable)
    };
    let denominator = rows.iter().filter(counted).count();
    let share_on_pace = if denominator == 0 {
        None
    } else {
        Some(Decimal::from(on_pace).div_or(Decimal::from(denominator), "share_on_pace")?)
    };
    let (mut w_on, mut w_all) = (Decimal::ZERO, Decimal::ZERO);
    for r in rows.iter().filter(counted) {
        let w = options.weights.get(&r.indicator).copied().unwrap_or(Decimal::ONE);
        w_all = w_all.add_or(w, "weights")?;
        if r.status.is_on_pace() {
            w_on = w_on.add_or(w, "weights")?;
        }
    }
    let weighted_share_on_pace =
        if w_all.is_zero() { None } else { Some(w_on.div_or(w_all, "weighted_share_on_pace")?) };
    let scores: Vec<f64> = rows.iter().filter_map(|r| r.score).collect();
    #[allow(clippy::cast_precision_loss)] // a plan has far fewer than 2^52 indicators.
    let mean_score = (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64);
    let all_achieved = !rows.is_empty()
        && rows.iter().any(|r| r.status == Status::Achieved)
        && rows.iter().all(|r| r.status == Status::Achieved || r.status == Status::Monitored);
    Ok(Summary {
        counts,
        assessed,
        not_assessable,
        monitored,
        by_nature: Vec::new(),
        on_pace,
        share_on_pace,
        weighted_share_on_pace,
        mean_score,
        all_achieved,
        overall_status: None,
        missing: options.missing,
    })
}

impl Plan {
    /// Evaluate the plan ([`evaluate`]).
    pub fn evaluate(
        &self,
        observations: &crate::model::series::PlanObservations,
        options: &AssessOptions,
    ) -> Result<Evaluation> {
        evaluate(self, observations, options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two indicators, `a` then `b`, both 2020 → 2025, with these observations (JSON).
    fn evaluate_two(observations: &str) -> Result<Evaluation> {
        let plan = Plan::from_json(
            r#"{"id": "p", "title": {"zh": "规划"}, "issuer": {"zh": "政府"}, "region": {"zh": "某市"},
              "period": {"start": 2021, "end": 2025}, "base_year": 2020, "indicators": [
              {"id": "a", "label": {"zh": "甲"}, "unit": {"kind": "index"}, "direction": "increase",
               "baseline": {"year": 2020, "value": "0.0000000000000000000000000001"},
               "target": {"kind": "level", "year": 2025, "value": "0.0000000000000000000000000002"}},
              {"id": "b", "label": {"zh": "乙"}, "unit": {"kind": "index"}, "direction": "increase",
               "baseline": {"year": 2020, "value": "1"},
               "target": {"kind": "level", "year": 2025, "value": "2"}}]}"#,
        )?;
        let observations = crate::io::json::observations_from_json(observations)?;
        plan.evaluate(&observations, &AssessOptions::default())
    }

    #[test]
    fn every_indicators_observations_are_read_before_a_row_error_is_reported() {
        // `a` moves 1e-28 → 7.9e28 against a planned 1e-28: its completion overflows (an
        // assessment error, by hand: 7.9e28 / 1e-28 is far beyond 28 digits) ...
        let huge = r#""a": [{"year": 2023, "value": "79228162514264337593543950335"}]"#;
        let alone = evaluate_two(&format!("{{{huge}}}")).unwrap_err();
        assert_eq!((alone.code(), alone.field()), ("overflow", "completion"));
        // ... but when `b`, later in the plan, has an observation without a value, that error
        // is the one reported, as when every indicator's observations were read first.
        let both = evaluate_two(&format!(r#"{{{huge}, "b": [{{"year": 2022}}]}}"#)).unwrap_err();
        assert_eq!((both.code(), both.field()), ("invalid_observations", "b[2022]"));
        // With `b` valid, the row error stands.
        let valid = evaluate_two(&format!(r#"{{{huge}, "b": [{{"year": 2022, "value": "1.4"}}]}}"#)).unwrap_err();
        assert_eq!((valid.code(), valid.field()), ("overflow", "completion"));
    }
}
