//! Achievements of the previous plan period, with breakdowns that must add up.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::label::Label;
use crate::model::target::Comparator;
use crate::model::unit::Unit;
use crate::num::Checked;

/// One part of a breakdown (e.g. invention patents within all patents granted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// Stable id.
    pub id: String,
    /// Name.
    pub label: Label,
    /// Value, in the achievement's unit.
    #[serde(with = "crate::io::decimal")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::io::decimal::Repr"))]
    pub value: Decimal,
}

/// A figure the plan reports for the previous period (十三五 achievements).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Achievement {
    /// Stable id.
    pub id: String,
    /// The area it belongs to (the plan's sub-heading).
    pub area: Label,
    /// What was achieved.
    pub label: Label,
    /// The figure.
    #[serde(with = "crate::io::decimal")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::io::decimal::Repr"))]
    pub value: Decimal,
    /// Its unit.
    pub unit: Unit,
    /// Set when the plan gives a bound rather than a figure (超5亿元 → above; 千余 → above).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Comparator>,
    /// Parts that must sum exactly to `value`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breakdown: Vec<Part>,
}

impl Achievement {
    /// Check that the breakdown sums exactly to the total.
    pub fn check_breakdown(&self, path: &str) -> Result<()> {
        if self.breakdown.is_empty() {
            return Ok(());
        }
        let mut sum = Decimal::ZERO;
        for part in &self.breakdown {
            sum = sum.add_or(part.value, &format!("{path}.breakdown"))?;
        }
        if sum != self.value {
            let parts: Vec<String> = self.breakdown.iter().map(|p| p.value.to_string()).collect();
            return Err(Error::invalid_plan(
                format!("{path}.breakdown"),
                format!("{} = {sum}, but the total is {}", parts.join(" + "), self.value),
            ));
        }
        Ok(())
    }
}
