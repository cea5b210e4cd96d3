//! A whole plan at an as-of point: one assessment per indicator and a roll-up.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::method::{merged_thresholds, method, AssessOptions, Assessment, Status};
use crate::model::plan::Plan;
use crate::model::series::{resolve_points, AsOf, Observation};
use crate::num::Checked;

/// Observations of a plan, by indicator id.
pub type PlanObservations = BTreeMap<String, Vec<Observation>>;

/// How many indicators got one status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCount {
    /// The status.
    pub status: Status,
    /// How many indicators have it.
    pub count: usize,
}

/// The roll-up of an evaluation. Not-assessable rows are counted apart, never as zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Count per status, in the method's order (best first), zero counts included.
    pub counts: Vec<StatusCount>,
    /// Indicators with a verdict.
    pub assessed: usize,
    /// Indicators without one.
    pub not_assessable: usize,
    /// Assessed indicators achieved, ahead or on track.
    pub on_pace: usize,
    /// `on_pace / assessed`, when anything was assessed.
    pub share_on_pace: Option<Decimal>,
}

/// A plan evaluated with one method.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
pub fn evaluate(
    plan: &Plan,
    observations: &PlanObservations,
    options: &AssessOptions,
) -> Result<Evaluation> {
    let m = method(&options.method)?;
    let thresholds = merged_thresholds(m, &options.thresholds)?;
    if let Some(unknown) = observations.keys().find(|id| plan.indicator(id).is_err()) {
        return Err(Error::UnknownIndicator {
            id: unknown.clone(),
        });
    }
    let mut rows = Vec::with_capacity(plan.indicators.len());
    for ind in &plan.indicators {
        let obs = observations
            .get(&ind.id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut warnings = Vec::new();
        let points = resolve_points(ind, obs, &options.as_of, &mut warnings)?;
        rows.push(m.assess_points(ind, &points, &thresholds, warnings)?);
    }
    let summary = summarise(&rows, m.statuses())?;
    Ok(Evaluation {
        plan: plan.id.clone(),
        method: m.id().into(),
        method_version: m.version().into(),
        as_of: options.as_of.clone(),
        rows,
        summary,
    })
}

fn summarise(rows: &[Assessment], order: &[Status]) -> Result<Summary> {
    let counts: Vec<StatusCount> = order
        .iter()
        .chain(std::iter::once(&Status::NotAssessable))
        .map(|s| StatusCount {
            status: *s,
            count: rows.iter().filter(|r| r.status == *s).count(),
        })
        .collect();
    let not_assessable = rows
        .iter()
        .filter(|r| r.status == Status::NotAssessable)
        .count();
    let assessed = rows.len().saturating_sub(not_assessable);
    let on_pace = rows.iter().filter(|r| r.status.is_on_pace()).count();
    let share_on_pace = if assessed == 0 {
        None
    } else {
        Some(Decimal::from(on_pace).div_or(Decimal::from(assessed), "share_on_pace")?)
    };
    Ok(Summary {
        counts,
        assessed,
        not_assessable,
        on_pace,
        share_on_pace,
    })
}

impl Plan {
    /// Evaluate the plan ([`evaluate`]).
    pub fn evaluate(
        &self,
        observations: &PlanObservations,
        options: &AssessOptions,
    ) -> Result<Evaluation> {
        evaluate(self, observations, options)
    }
}
