//! Trend projections to the target year (`docs/user-guide/projections.md`, "Projection models").
//!
//! Four models: `endpoint_cagr` (UNSD, ESCAP `gm`), `ols_linear` and `ols_loglinear` (least
//! squares, with a Student-t prediction interval and the probability of meeting the target),
//! and `weighted_geometric` (recent growth weighted up). A model given fewer points than it
//! needs returns [`Error::InsufficientData`]; growth that does not exist returns
//! [`Error::UndefinedGrowth`]. Nothing is made up.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use statrs::distribution::{ContinuousCDF, StudentsT};

use crate::error::{Error, Result};
use crate::model::series::Warning;
use crate::model::warning::WarningCode;
use crate::model::year_value::YearValue;
use crate::num::{finite, to_f64};

/// A projection model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Model {
    /// `ŷ(T) = yt (1 + ga)^(T − t)`, `ga` from the first to the last point.
    #[default]
    EndpointCagr,
    /// Least squares of value on year.
    OlsLinear,
    /// Least squares of ln(value) on year (all values > 0).
    OlsLoglinear,
    /// Recency-weighted geometric mean growth.
    WeightedGeometric,
}

/// Every model, in documentation order.
pub const ALL_MODELS: &[Model] =
    &[Model::EndpointCagr, Model::OlsLinear, Model::OlsLoglinear, Model::WeightedGeometric];

impl Model {
    /// Parse a model code.
    pub fn parse(text: &str) -> Result<Self> {
        ALL_MODELS.iter().copied().find(|m| m.code() == text).ok_or_else(|| {
            Error::invalid_argument(
                "model",
                format!("unknown projection model `{text}`; expected endpoint_cagr, ols_linear, ols_loglinear or weighted_geometric"),
            )
        })
    }

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Model::EndpointCagr => "endpoint_cagr",
            Model::OlsLinear => "ols_linear",
            Model::OlsLoglinear => "ols_loglinear",
            Model::WeightedGeometric => "weighted_geometric",
        }
    }

    /// The fewest points the model accepts.
    pub fn min_points(self) -> usize {
        match self {
            Model::EndpointCagr | Model::WeightedGeometric => 2,
            Model::OlsLinear | Model::OlsLoglinear => 3,
        }
    }
}

/// The band a projected value must fall in to meet the target (either side may be open).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Band {
    /// Lower bound, when the target has one.
    pub low: Option<f64>,
    /// Upper bound, when the target has one.
    pub high: Option<f64>,
}

impl Band {
    /// The band from `low` to `high`, either open.
    pub fn new(low: Option<f64>, high: Option<f64>) -> Self {
        Band { low, high }
    }
}

impl Band {
    fn contains(&self, v: f64) -> bool {
        self.low.is_none_or(|l| v >= l) && self.high.is_none_or(|h| v <= h)
    }
}

/// A projection to the target year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Projection {
    /// The model used.
    pub model: Model,
    /// The year projected to.
    pub year: i32,
    /// Projected value.
    pub value: f64,
    /// Lower end of the prediction interval (OLS models).
    pub low: Option<f64>,
    /// Upper end of the prediction interval (OLS models).
    pub high: Option<f64>,
    /// Confidence level of the interval.
    pub level: f64,
    /// Probability of meeting the target (OLS models, when there is a target).
    pub p_meet: Option<f64>,
    /// First year the projection meets the target (the latest year if already met); `None`
    /// when it never does within 100 years or moves away.
    pub year_reached: Option<i32>,
    /// Implied constant annual growth (growth models; `e^β − 1` for log-linear).
    pub growth: Option<f64>,
    /// Annual slope (linear model).
    pub slope: Option<f64>,
    /// How many points were used.
    pub points: usize,
    /// Caveats.
    pub warnings: Vec<Warning>,
}

/// How far ahead `year_reached` looks.
const HORIZON: i32 = 100;

/// Project `points` (sorted by year, one per year) to `year`, against `band` when given.
///
/// Named `project_trend` so it does not share a name with [`crate::Project`], a plan's
/// construction project (`onpace::project` is its deprecated old name).
pub fn project_trend(
    points: &[YearValue],
    year: i32,
    band: Option<Band>,
    model: Model,
    level: f64,
) -> Result<Projection> {
    let pairs: Vec<(i32, Decimal)> = points.iter().map(|p| (p.year, p.value)).collect();
    project_points(&pairs, year, band, model, level)
}

/// [`project_trend`] on `(year, value)` pairs, as the methods hold their series.
pub(crate) fn project_points(
    points: &[(i32, Decimal)],
    year: i32,
    band: Option<Band>,
    model: Model,
    level: f64,
) -> Result<Projection> {
    crate::model::indicator::check_year(year, "year")?;
    if !(level > 0.0 && level < 1.0) {
        return Err(Error::invalid_argument(
            "level",
            format!("the interval level must be between 0 and 1, got {}", crate::num::f64_text(level, None)),
        ));
    }
    if points.len() < model.min_points() {
        return Err(Error::InsufficientData {
            field: model.code().into(),
            message: format!("{} needs at least {} points, got {}", model.code(), model.min_points(), points.len()),
        });
    }
    if points.windows(2).any(|w| matches!(w, [a, b] if a.0 >= b.0)) {
        return Err(Error::InvalidObservations {
            path: "points".into(),
            line: None,
            message: "points must have distinct years in increasing order".into(),
            cause: None,
        });
    }
    let xs: Vec<f64> = points.iter().map(|p| f64::from(p.0)).collect();
    let ys: Vec<f64> = points.iter().map(|p| to_f64(p.1)).collect();
    let (Some(&(t_last, _)), Some(&y_last)) = (points.last(), ys.last()) else {
        return Err(Error::InsufficientData { field: model.code().into(), message: "no points".into() });
    };
    let mut warnings = Vec::new();
    if year <= t_last {
        warnings.push(Warning::new(
            WarningCode::TargetYearPassed,
            "year",
            format!("projecting to {year}, not after the latest observation {t_last}"),
        ));
    }
    let horizon = f64::from(year) - f64::from(t_last);
    let fit = match model {
        Model::EndpointCagr => {
            let (Some(first), Some(last)) = (points.first(), points.last()) else {
                return Err(Error::InsufficientData { field: model.code().into(), message: "no points".into() });
            };
            let years = f64::from(last.0) - f64::from(first.0);
            let g = crate::num::compound_rate(first.1, last.1, years).ok_or_else(|| Error::UndefinedGrowth {
                field: model.code().into(),
                message: format!("no compound rate from {} to {} (zero or sign change)", first.1, last.1),
            })?;
            Fit::Growth { base: y_last, rate: g }
        }
        Model::WeightedGeometric => {
            Fit::Growth { base: y_last, rate: weighted_rate(&xs, &ys, f64::from(year), &mut warnings)? }
        }
        Model::OlsLinear => Fit::Ols { ols: ols(&xs, &ys)?, log: false },
        Model::OlsLoglinear => {
            if ys.iter().any(|y| *y <= 0.0) {
                return Err(Error::UndefinedGrowth {
                    field: model.code().into(),
                    message: "a log-linear trend needs every value above zero".into(),
                });
            }
            let logs: Vec<f64> = ys.iter().map(|y| y.ln()).collect();
            Fit::Ols { ols: ols(&xs, &logs)?, log: true }
        }
    };
    let predict = |x: f64| fit.predict(x, f64::from(t_last), horizon.signum());
    let value = finite(predict(f64::from(year))).ok_or_else(|| Error::overflow("projection.value"))?;

    let (mut low, mut high, mut p_meet, mut growth, mut slope) = (None, None, None, None, None);
    match &fit {
        Fit::Growth { rate, .. } => growth = Some(*rate),
        Fit::Ols { ols, log } => {
            let df = ols.n.saturating_sub(2) as f64;
            let se = ols.s * (1.0 + 1.0 / ols.n as f64 + (f64::from(year) - ols.mean_x).powi(2) / ols.sxx).sqrt();
            let mean = ols.intercept + ols.slope * f64::from(year);
            let q = t_quantile(0.5 + level / 2.0, df)?;
            let (lo, hi) = (mean - q * se, mean + q * se);
            if *log {
                low = finite(lo.exp());
                high = finite(hi.exp());
                growth = finite(ols.slope.exp() - 1.0);
            } else {
                low = finite(lo);
                high = finite(hi);
                slope = Some(ols.slope);
            }
            if let Some(b) = band {
                p_meet = Some(probability_in_band(b, mean, se, df, *log)?);
            }
            if ols.n == 3 {
                warnings.push(Warning::new(
                    WarningCode::FewPoints,
                    "interval",
                    "three points: the interval has one degree of freedom",
                ));
            }
        }
    }
    let year_reached = band.and_then(|b| {
        if b.contains(y_last) {
            return Some(t_last);
        }
        (1..=HORIZON).map(|k| t_last.saturating_add(k)).find(|yr| b.contains(predict(f64::from(*yr))))
    });
    if band.is_some() && year_reached.is_none() {
        warnings.push(Warning::new(
            WarningCode::NotReached,
            "year_reached",
            format!("the projection does not meet the target within {HORIZON} years"),
        ));
    }
    Ok(Projection {
        model,
        year,
        value,
        low,
        high,
        level,
        p_meet,
        year_reached,
        growth,
        slope,
        points: points.len(),
        warnings,
    })
}

enum Fit {
    Growth { base: f64, rate: f64 },
    Ols { ols: Ols, log: bool },
}

impl Fit {
    /// The model's value at year `x` (growth models compound from the latest point).
    fn predict(&self, x: f64, t_last: f64, _dir: f64) -> f64 {
        match self {
            Fit::Growth { base, rate } => base * (1.0 + rate).powf(x - t_last),
            Fit::Ols { ols, log: false } => ols.intercept + ols.slope * x,
            Fit::Ols { ols, log: true } => (ols.intercept + ols.slope * x).exp(),
        }
    }
}

struct Ols {
    n: usize,
    intercept: f64,
    slope: f64,
    mean_x: f64,
    sxx: f64,
    /// Residual standard error.
    s: f64,
}

fn ols(xs: &[f64], ys: &[f64]) -> Result<Ols> {
    let n = xs.len();
    let nf = n as f64;
    let mean_x = xs.iter().sum::<f64>() / nf;
    let mean_y = ys.iter().sum::<f64>() / nf;
    let sxx: f64 = xs.iter().map(|x| (x - mean_x).powi(2)).sum();
    let sxy: f64 = xs.iter().zip(ys).map(|(x, y)| (x - mean_x) * (y - mean_y)).sum();
    if sxx == 0.0 {
        return Err(Error::InsufficientData { field: "ols".into(), message: "all points are in one year".into() });
    }
    let slope = sxy / sxx;
    let intercept = mean_y - slope * mean_x;
    let ssr: f64 = xs.iter().zip(ys).map(|(x, y)| (y - intercept - slope * x).powi(2)).sum();
    let s = (ssr / (nf - 2.0)).sqrt();
    if !(slope.is_finite() && intercept.is_finite() && s.is_finite()) {
        return Err(Error::overflow("ols"));
    }
    Ok(Ols { n, intercept, slope, mean_x, sxx, s })
}

/// `exp(Σ w_i ln(y_i/y_{i−1}) / Σ w_i (t_i − t_{i−1})) − 1` with `w_i = (T − t_min)/(T − t_i)`.
fn weighted_rate(xs: &[f64], ys: &[f64], target_year: f64, warnings: &mut Vec<Warning>) -> Result<f64> {
    let t_min = xs.first().copied().unwrap_or_default();
    let t_max = xs.last().copied().unwrap_or_default();
    // Weights need T after every point; past the target year, weigh as if it were next year.
    let t_ref = if target_year > t_max {
        target_year
    } else {
        warnings.push(Warning::new(
            WarningCode::TargetYearPassed,
            "weights",
            "weights computed as if the target year were the year after the latest point",
        ));
        t_max + 1.0
    };
    let (mut num, mut den) = (0.0, 0.0);
    for (x, y) in xs.windows(2).zip(ys.windows(2)) {
        let ([x0, x1], [y0, y1]) = (x, y) else { continue };
        if *y0 == 0.0 || *y1 == 0.0 || (*y0 < 0.0) != (*y1 < 0.0) {
            return Err(Error::UndefinedGrowth {
                field: "weighted_geometric".into(),
                message: format!(
                    "no compound rate from {} to {} (zero or sign change)",
                    crate::num::f64_text(*y0, None),
                    crate::num::f64_text(*y1, None)
                ),
            });
        }
        let w = (t_ref - t_min) / (t_ref - x1);
        num += w * (y1 / y0).ln();
        den += w * (x1 - x0);
    }
    finite((num / den).exp() - 1.0).ok_or_else(|| Error::overflow("weighted_geometric"))
}

/// The Student-t quantile, refined by Newton steps on the CDF so that it is accurate to the
/// last few ulps (statrs inverts the incomplete beta function to about 1e-10 on its own).
pub fn t_quantile(p: f64, df: f64) -> Result<f64> {
    let dist = StudentsT::new(0.0, 1.0, df).map_err(|e| Error::invalid_argument("df", e.to_string()))?;
    let mut x = dist.inverse_cdf(p);
    for _ in 0..3 {
        let pdf = statrs::distribution::Continuous::pdf(&dist, x);
        if pdf <= 0.0 || !pdf.is_finite() {
            break;
        }
        let step = (dist.cdf(x) - p) / pdf;
        x -= step;
        if step.abs() <= 1e-16 * x.abs().max(1.0) {
            break;
        }
    }
    finite(x).ok_or_else(|| Error::overflow("t_quantile"))
}

/// Student-t CDF.
pub fn t_cdf(x: f64, df: f64) -> Result<f64> {
    let dist = StudentsT::new(0.0, 1.0, df).map_err(|e| Error::invalid_argument("df", e.to_string()))?;
    Ok(dist.cdf(x))
}

fn probability_in_band(b: Band, mean: f64, se: f64, df: f64, log: bool) -> Result<f64> {
    let tr = |v: f64| {
        if log {
            if v > 0.0 {
                Some(v.ln())
            } else {
                None
            }
        } else {
            Some(v)
        }
    };
    if se == 0.0 {
        let v = if log { mean.exp() } else { mean };
        return Ok(if b.contains(v) { 1.0 } else { 0.0 });
    }
    let upper = match b.high {
        None => 1.0,
        Some(h) => match tr(h) {
            Some(h) => t_cdf((h - mean) / se, df)?,
            None => 0.0,
        },
    };
    let lower = match b.low {
        None => 0.0,
        Some(l) => match tr(l) {
            Some(l) => t_cdf((l - mean) / se, df)?,
            None => 0.0,
        },
    };
    Ok((upper - lower).clamp(0.0, 1.0))
}

/// The old name of [`project_trend`], kept for one release.
#[deprecated(since = "0.2.0", note = "renamed `project_trend`: `Project` is a construction project")]
pub fn project(points: &[YearValue], year: i32, band: Option<Band>, model: Model, level: f64) -> Result<Projection> {
    project_trend(points, year, band, model, level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimum_points() {
        let one = [(2020, Decimal::ONE)];
        assert_eq!(project_points(&one, 2025, None, Model::EndpointCagr, 0.9).unwrap_err().code(), "insufficient_data");
        let two = [(2020, Decimal::ONE), (2021, Decimal::TWO)];
        assert_eq!(project_points(&two, 2025, None, Model::OlsLinear, 0.9).unwrap_err().code(), "insufficient_data");
        assert_eq!(project_points(&two, 2025, None, Model::EndpointCagr, 1.0).unwrap_err().code(), "invalid_argument");
    }

    #[test]
    fn t_quantile_matches_tables() {
        // Standard table values: t_{0.95, 1} = 6.313751514675043, t_{0.975, 10} = 2.228138851986274.
        assert!((t_quantile(0.95, 1.0).unwrap() - 6.313_751_514_675_043).abs() < 1e-12);
        assert!((t_quantile(0.975, 10.0).unwrap() - 2.228_138_851_986_274).abs() < 1e-12);
    }
}
