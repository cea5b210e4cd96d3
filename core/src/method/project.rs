//! Projecting an indicator's observations to its target year.

use crate::error::Result;
use crate::math::trend::{project_trend, Band, Model, Projection};
use crate::method::prepare::series_with_baseline;
use crate::model::indicator::Indicator;
use crate::model::series::{resolve_points, AsOf, Observation, Warning};
use crate::model::target::{Comparator, Target};
use crate::model::warning::WarningCode;
use crate::num::to_f64;

/// Options of a projection.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ProjectOptions {
    /// What "now" is.
    pub as_of: AsOf,
    /// The model.
    pub model: Model,
    /// Prediction-interval level (0.9 by default).
    pub level: f64,
}

impl Default for ProjectOptions {
    fn default() -> Self {
        ProjectOptions { as_of: AsOf::Latest, model: Model::OlsLinear, level: 0.9 }
    }
}

impl Indicator {
    /// The band a value must be in to meet the target, when the target resolves.
    pub fn target_band(&self) -> Option<Band> {
        if let Target::Range { low, high, .. } = &self.target {
            return Some(Band { low: Some(to_f64(*low)), high: Some(to_f64(*high)) });
        }
        let level = self.implied_target().ok()?;
        let v = to_f64(level.value);
        Some(match level.comparator {
            Comparator::AtLeast | Comparator::Above => Band { low: Some(v), high: None },
            Comparator::AtMost | Comparator::Below => Band { low: None, high: Some(v) },
            Comparator::Exactly { tolerance } => {
                let t = to_f64(tolerance);
                Band { low: Some(v - t), high: Some(v + t) }
            }
        })
    }

    /// Project the baseline and the observations to the target year (or, without a target
    /// year, to the last year of the baseline + 5). The baseline counts as a data point.
    pub fn project(&self, observations: &[Observation], options: &ProjectOptions) -> Result<Projection> {
        let mut warnings = Vec::new();
        let points = resolve_points(self, observations, &options.as_of, &mut warnings)?;
        let series = series_with_baseline(self, &points);
        let band = self.target_band();
        let year = self.target.year().unwrap_or_else(|| self.baseline.year.saturating_add(5));
        if band.is_none() {
            warnings.push(Warning::new(
                WarningCode::NoTarget,
                "target",
                "no resolvable target: no probability or year reached",
            ));
        }
        let mut p = project_trend(&series, year, band, options.model, options.level)?;
        warnings.append(&mut p.warnings);
        p.warnings = warnings;
        Ok(p)
    }
}
