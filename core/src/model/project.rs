//! Key projects (重点项目) and key fields (重点领域) of a plan.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::indicator::check_year;
use crate::model::label::Label;
use crate::model::unit::Magnitude;
use crate::num::Checked;

/// A year, with the month when the plan gives one (`2019.8`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct YearMonth {
    /// Year.
    pub year: i32,
    /// Month 1–12, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
}

/// When a project runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// Start.
    pub start: YearMonth,
    /// End (inclusive).
    pub end: YearMonth,
    /// The phase the dates refer to, when the plan names one (一期工程).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
}

impl Period {
    /// Calendar years touched, start and end inclusive (2020–2025 → 6).
    pub fn calendar_years(&self) -> i64 {
        i64::from(self.end.year).saturating_sub(i64::from(self.start.year)).saturating_add(1)
    }

    /// Length in months when both ends have months (2019.8–2023.10 → 51, inclusive);
    /// otherwise whole years counted January–December.
    pub fn months(&self) -> i64 {
        let start_m = i64::from(self.start.month.unwrap_or(1));
        let end_m = i64::from(self.end.month.unwrap_or(12));
        let years = i64::from(self.end.year).saturating_sub(i64::from(self.start.year));
        years.saturating_mul(12).saturating_add(end_m).saturating_sub(start_m).saturating_add(1)
    }

    /// Whether the project runs during `year`.
    pub fn active_in(&self, year: i32) -> bool {
        self.start.year <= year && year <= self.end.year
    }
}

/// An investment amount the plan gives for a project or one of its parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Investment {
    /// What the amount is for (the part or phase).
    pub item: String,
    /// The amount, in `magnitude` yuan.
    #[serde(with = "crate::io::decimal")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::io::decimal::Repr"))]
    pub amount: Decimal,
    /// 元, 万元 or 亿元 as printed.
    pub magnitude: Magnitude,
}

impl Investment {
    /// The amount in yuan.
    pub fn yuan(&self) -> Result<Decimal> {
        self.amount.mul_or(self.magnitude.factor(), "investment.amount")
    }
}

/// A key project of one of the plan's tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// The plan table it is listed in (2, 3 or 5 for the Yanbian plan).
    pub table: u8,
    /// Its number (序号) in that table.
    pub number: u32,
    /// The name as printed.
    pub name: Label,
    /// Undertaking organisations (承担单位) as printed.
    pub undertakers: Vec<String>,
    /// Period (起止时间).
    pub period: Period,
    /// Location (实施地点) as printed.
    pub location: String,
    /// The county-level city or county it lies in, for queries (延吉市, 敦化市, …);
    /// absent for locations outside the prefecture.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    /// One line on the content, in this project's own words.
    pub summary: Label,
    /// Investment amounts, where the plan gives them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub investments: Vec<Investment>,
}

impl Project {
    /// Total of the investments given, in `magnitude` units (exact).
    pub fn total_investment(&self, magnitude: Magnitude) -> Result<Option<Decimal>> {
        total_investment(&self.investments, magnitude)
    }

    pub(crate) fn validate(&self, path: &str) -> Result<()> {
        for (side, ym) in [("start", self.period.start), ("end", self.period.end)] {
            check_year(ym.year, &format!("{path}.period.{side}.year"))?;
            if let Some(m) = ym.month {
                if !(1..=12).contains(&m) {
                    return Err(Error::invalid_plan(
                        format!("{path}.period.{side}.month"),
                        format!("month {m} is not 1–12"),
                    ));
                }
            }
        }
        if self.period.end < self.period.start {
            return Err(Error::YearOutOfRange {
                field: format!("{path}.period.end.year"),
                year: i64::from(self.period.end.year),
                message: "a project cannot end before it starts".into(),
            });
        }
        if self.name.zh.trim().is_empty() {
            return Err(Error::invalid_plan(format!("{path}.name.zh"), "the project name is empty"));
        }
        for (i, inv) in self.investments.iter().enumerate() {
            if inv.amount.is_sign_negative() {
                return Err(Error::invalid_plan(
                    format!("{path}.investments[{i}].amount"),
                    "an investment cannot be negative",
                ));
            }
        }
        Ok(())
    }
}

/// Total of `investments` in `magnitude` units, exact: `None` when there are none, the core's
/// `overflow` error when a sum or a conversion leaves 28 digits.
pub fn total_investment(investments: &[Investment], magnitude: Magnitude) -> Result<Option<Decimal>> {
    if investments.is_empty() {
        return Ok(None);
    }
    let mut total = Decimal::ZERO;
    for inv in investments {
        total = total.add_or(inv.yuan()?, "investment.total")?;
    }
    total.div_or(magnitude.factor(), "investment.total").map(|t| Some(t.normalize()))
}

/// A key field and its directions (Table 4 of the Yanbian plan).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KeyField {
    /// The field (重点领域).
    pub field: Label,
    /// The products, industries or technologies it names, as printed.
    pub focus: Vec<String>,
    /// One line on the direction, in this project's own words.
    pub summary: Label,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn period_lengths() {
        // 2019.8–2023.10: Aug 2019 … Oct 2023 is 5 + 36 + 10 = 51 months (hand count).
        let p = Period {
            start: YearMonth { year: 2019, month: Some(8) },
            end: YearMonth { year: 2023, month: Some(10) },
            phase: None,
        };
        assert_eq!(p.months(), 51);
        assert_eq!(p.calendar_years(), 5);
        assert!(p.active_in(2019) && p.active_in(2023) && !p.active_in(2024));
    }

    fn inv(amount: &str, magnitude: Magnitude) -> Investment {
        Investment { item: "x".into(), amount: amount.parse().unwrap(), magnitude }
    }

    #[test]
    fn investment_totals_are_exact_and_checked() {
        // 1.5 亿元 + 2500 万元 = 17 500 万元 = 1.75 亿元 = 175 000 000 元 (hand conversion).
        let two = [inv("1.5", Magnitude::HundredMillion), inv("2500", Magnitude::TenThousand)];
        assert_eq!(total_investment(&two, Magnitude::TenThousand).unwrap().unwrap().to_string(), "17500");
        assert_eq!(total_investment(&two, Magnitude::HundredMillion).unwrap().unwrap().to_string(), "1.75");
        assert_eq!(total_investment(&two, Magnitude::One).unwrap().unwrap().to_string(), "175000000");
        assert_eq!(total_investment(&[], Magnitude::One).unwrap(), None);
        // Twice 2^96 − 1 元 does not fit in 96 bits: the overflow error, not a wrapped sum.
        let max = [
            inv("79228162514264337593543950335", Magnitude::One),
            inv("79228162514264337593543950335", Magnitude::One),
        ];
        assert_eq!(total_investment(&max, Magnitude::One).unwrap_err().code(), "overflow");
        // 2^96 − 1 亿元 in 元 overflows in the conversion.
        let big = [inv("79228162514264337593543950335", Magnitude::HundredMillion)];
        assert_eq!(total_investment(&big, Magnitude::HundredMillion).unwrap_err().code(), "overflow");
    }
}
