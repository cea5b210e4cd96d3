//! A year and a value: the one type for a baseline, a required-path milestone, a point of a
//! series given to a projection, and the years and values a progress computation reports
//! ([`crate::Baseline`] and [`crate::Milestone`] are its other names).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A year and an exact value, written `{"year": 2020, "value": "0.36"}` (the value is read
/// exactly from a JSON number or string).
///
/// ```
/// use onpace::{required_path, Baseline, Milestone, PathKind, YearValue};
/// use rust_decimal::Decimal;
///
/// let from: Baseline = YearValue::new(2020, Decimal::new(36, 2));
/// let path: Vec<Milestone> = required_path(from, (2025, Decimal::new(110, 2)), PathKind::Linear)?;
/// assert_eq!(path[1], YearValue::new(2021, Decimal::new(508, 3)));
/// let json = serde_json::to_string(&path[1]).unwrap();
/// assert_eq!(json, r#"{"year":2021,"value":"0.508"}"#);
/// # Ok::<(), onpace::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// The plan schema has called it `Baseline` since its first version, with these words (the
// examples above are for Rust readers, not for the schema).
#[cfg_attr(
    feature = "schema",
    schemars(
        rename = "Baseline",
        description = "The value an indicator starts from; its year may differ from the plan's base year."
    )
)]
#[serde(deny_unknown_fields)]
pub struct YearValue {
    /// The year.
    #[cfg_attr(feature = "schema", schemars(description = "Year of the baseline value."))]
    pub year: i32,
    /// The value, in the indicator's unit.
    #[serde(with = "crate::io::decimal")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::io::decimal::Repr"))]
    pub value: Decimal,
}

impl YearValue {
    /// The value `value` in `year`.
    pub fn new(year: i32, value: Decimal) -> Self {
        YearValue { year, value }
    }
}

impl From<(i32, Decimal)> for YearValue {
    fn from((year, value): (i32, Decimal)) -> Self {
        YearValue { year, value }
    }
}
