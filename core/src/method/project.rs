//! Projecting an indicator's observations to its target year.

use crate::error::Result;
use crate::math::trend::{project_points, Band, Model, Projection};
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
        ProjectOptions { as_of: AsOf::Latest, model: crate::DEFAULTS.projection_model, level: crate::DEFAULTS.level }
    }
}

impl ProjectOptions {
    /// These options with another evaluation point.
    #[must_use]
    pub fn with_as_of(self, as_of: AsOf) -> Self {
        ProjectOptions { as_of, ..self }
    }

    /// These options with another model.
    #[must_use]
    pub fn with_model(self, model: Model) -> Self {
        ProjectOptions { model, ..self }
    }

    /// These options with another prediction-interval level (between 0 and 1).
    #[must_use]
    pub fn with_level(self, level: f64) -> Self {
        ProjectOptions { level, ..self }
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
    ///
    /// ```
    /// use onpace::{Baseline, Direction, Indicator, Model, Observation, ProjectOptions, Target, Unit};
    /// use rust_decimal::Decimal;
    ///
    /// let output = Indicator::new("output", "产值", Unit::Index, Direction::Increase,
    ///     Baseline::new(2020, Decimal::from(100)),
    ///     Target::Level { year: 2025, value: Decimal::from(150), comparator: None })?;
    /// let obs = [Observation::new(2021, Decimal::from(110)), Observation::new(2022, Decimal::from(121))];
    ///
    /// // Default: OLS on (2020, 100), (2021, 110), (2022, 121): slope 21/2 = 10.5 a year,
    /// // 110.33… at 2021, so 110.33… + 4 × 10.5 = 152.33… in 2025, with a 90 % interval.
    /// let ols = output.project(&obs, &ProjectOptions::default())?;
    /// assert!((ols.value - 152.0 - 1.0 / 3.0).abs() < 1e-9);
    /// assert!(ols.low.unwrap() < ols.value && ols.value < ols.high.unwrap());
    /// assert!(ols.warnings.iter().any(|w| w.code == "few_points")); // one degree of freedom
    ///
    /// // Endpoint growth: 100 → 121 in two years is 10 % a year; 121 × 1.1³ = 161.051 in 2025,
    /// // first at or above 150 in 2025 (146.41 in 2024).
    /// let cagr = output.project(&obs, &ProjectOptions::default().with_model(Model::EndpointCagr))?;
    /// assert!((cagr.value - 161.051).abs() < 1e-9);
    /// assert!((cagr.growth.unwrap() - 0.1).abs() < 1e-12);
    /// assert_eq!(cagr.year_reached, Some(2025));
    /// # Ok::<(), onpace::Error>(())
    /// ```
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
        let mut p = project_points(&series, year, band, options.model, options.level)?;
        warnings.append(&mut p.warnings);
        p.warnings = warnings;
        Ok(p)
    }
}
