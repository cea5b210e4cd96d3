//! The steps every method shares: choose the base and latest points, resolve the target.

use crate::error::Result;
use crate::math::progress::{progress, Progress, YearValue};
use crate::model::indicator::Indicator;
use crate::model::series::{Point, Warning};
use crate::model::target::ImpliedLevel;

/// What a method works from once the common checks have passed.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// Baseline used.
    pub base: YearValue,
    /// Latest observation after the baseline year.
    pub latest: YearValue,
    /// The target resolved to a level.
    pub implied: ImpliedLevel,
    /// The building blocks at the latest observation.
    pub progress: Progress,
}

/// Prepare, or say (as a warning) why the indicator is not assessable.
///
/// The baseline is the indicator's published baseline; observations at or before its year are
/// not used as "latest". Errors are reserved for arithmetic overflow.
pub fn prepare(
    indicator: &Indicator,
    points: &[Point],
) -> Result<std::result::Result<Prepared, Warning>> {
    let implied = match indicator.implied_target() {
        Ok(level) => level,
        Err(e) => return Ok(Err(Warning::new(e.code(), "target", e.to_string()))),
    };
    let base = YearValue::new(indicator.baseline.year, indicator.baseline.value);
    let Some(last) = points.iter().rev().find(|p| p.year > base.year) else {
        return Ok(Err(Warning::new(
            "insufficient_data",
            "observations",
            format!("no observation after the baseline year {}", base.year),
        )));
    };
    let latest = YearValue::new(last.year, last.value);
    let target = YearValue::new(implied.year, implied.value);
    let progress = progress(base, latest, target, indicator.direction)?;
    Ok(Ok(Prepared {
        base,
        latest,
        implied,
        progress,
    }))
}
