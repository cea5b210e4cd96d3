//! Units of measure as a typed enum, with the scale factor that turns a ratio into the unit.
//!
//! A percent indicator's *change* is measured in percentage points (`points_change`), which is
//! a different thing from its percent change (`relative_change`); both are named so.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::model::label::{Label, Lang};
use crate::num::Checked;

/// How many yuan one unit of a money amount holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Magnitude {
    /// 元 (×1).
    One,
    /// 万 (×10 000), as in 万元.
    TenThousand,
    /// 亿 (×100 000 000), as in 亿元.
    HundredMillion,
}

crate::io::names::deserialize_by_name!(Magnitude {
    One => "one",
    TenThousand => "ten_thousand",
    HundredMillion => "hundred_million",
});

impl Magnitude {
    /// The multiplier, e.g. 10 000 for 万.
    pub fn factor(self) -> Decimal {
        match self {
            Magnitude::One => Decimal::ONE,
            Magnitude::TenThousand => Decimal::from(10_000u32),
            Magnitude::HundredMillion => Decimal::from(100_000_000u32),
        }
    }

    fn prefix_zh(self) -> &'static str {
        match self {
            Magnitude::One => "",
            Magnitude::TenThousand => "万",
            Magnitude::HundredMillion => "亿",
        }
    }
}

/// The unit of an indicator or of a ratio component.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Unit {
    /// Per cent: a ratio ×100. Changes are in percentage points.
    Percent,
    /// Per mille (‰): a ratio ×1 000.
    PerMille,
    /// Per ten thousand: a ratio ×10 000 (e.g. firms per 10 000 enterprises).
    PerTenThousand,
    /// Per hundred thousand: a ratio ×100 000.
    PerHundredThousand,
    /// A plain ratio (×1).
    Ratio,
    /// A count of things (件, 户, 人, 项); `noun` is the counter word.
    Count {
        /// The counter word, e.g. 件 (patents), 户 (firms).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        noun: Option<Label>,
    },
    /// An index number.
    Index,
    /// An amount of money.
    Money {
        /// ISO 4217 code, `CNY` for the plans shipped here.
        currency: String,
        /// 元, 万元 or 亿元.
        magnitude: Magnitude,
    },
    /// A duration in years.
    Years,
    /// A rate of change, in per cent a year (GDP growth 8.1 is 8.1 % over the previous year).
    /// Its targets are compared on the rates themselves, never compounded.
    GrowthRate,
    /// Anything else: a label and the factor that turns a plain ratio into this unit.
    Custom {
        /// The unit's name.
        label: Label,
        /// Ratio → unit multiplier (1 when the unit is not a ratio).
        #[serde(with = "crate::io::decimal")]
        #[cfg_attr(feature = "schema", schemars(with = "crate::io::decimal::Repr"))]
        scale: Decimal,
    },
}

/// The kind names of [`Unit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnitKind {
    Percent,
    PerMille,
    PerTenThousand,
    PerHundredThousand,
    Ratio,
    Count,
    Index,
    Money,
    Years,
    GrowthRate,
    Custom,
}

crate::io::names::deserialize_by_name!(UnitKind {
    Percent => "percent",
    PerMille => "per_mille",
    PerTenThousand => "per_ten_thousand",
    PerHundredThousand => "per_hundred_thousand",
    Ratio => "ratio",
    Count => "count",
    Index => "index",
    Money => "money",
    Years => "years",
    GrowthRate => "growth_rate",
    Custom => "custom",
});

/// Every field any unit kind has; see `TargetRepr` in target.rs for why this is flat.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitRepr {
    kind: UnitKind,
    #[serde(default)]
    noun: Option<Label>,
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    magnitude: Option<Magnitude>,
    #[serde(default)]
    label: Option<Label>,
    #[serde(default, with = "crate::io::decimal::option")]
    scale: Option<Decimal>,
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let r = UnitRepr::deserialize(d)?;
        let present = [
            ("noun", r.noun.is_some()),
            ("currency", r.currency.is_some()),
            ("magnitude", r.magnitude.is_some()),
            ("label", r.label.is_some()),
            ("scale", r.scale.is_some()),
        ];
        let allowed: &[&str] = match r.kind {
            UnitKind::Count => &["noun"],
            UnitKind::Money => &["currency", "magnitude"],
            UnitKind::Custom => &["label", "scale"],
            _ => &[],
        };
        if let Some((field, _)) = present.iter().find(|(f, p)| *p && !allowed.contains(f)) {
            return Err(serde::de::Error::custom(format!(
                "unknown field `{field}`, expected one of {}",
                allowed.join(", ")
            )));
        }
        let need = |v: Option<_>, f: &str| v.ok_or_else(|| serde::de::Error::custom(format!("missing field `{f}`")));
        Ok(match r.kind {
            UnitKind::Percent => Unit::Percent,
            UnitKind::PerMille => Unit::PerMille,
            UnitKind::PerTenThousand => Unit::PerTenThousand,
            UnitKind::PerHundredThousand => Unit::PerHundredThousand,
            UnitKind::Ratio => Unit::Ratio,
            UnitKind::Count => Unit::Count { noun: r.noun },
            UnitKind::Index => Unit::Index,
            UnitKind::Money => Unit::Money {
                currency: r.currency.ok_or_else(|| serde::de::Error::custom("missing field `currency`"))?,
                magnitude: need(r.magnitude, "magnitude")?,
            },
            UnitKind::Years => Unit::Years,
            UnitKind::GrowthRate => Unit::GrowthRate,
            UnitKind::Custom => Unit::Custom {
                label: r.label.ok_or_else(|| serde::de::Error::custom("missing field `label`"))?,
                scale: r.scale.ok_or_else(|| serde::de::Error::custom("missing field `scale`"))?,
            },
        })
    }
}

impl Unit {
    /// The factor that turns a plain ratio into this unit (100 for per cent).
    pub fn scale(&self) -> Decimal {
        match self {
            Unit::Percent | Unit::GrowthRate => Decimal::ONE_HUNDRED,
            Unit::PerMille => Decimal::ONE_THOUSAND,
            Unit::PerTenThousand => Decimal::from(10_000u32),
            Unit::PerHundredThousand => Decimal::from(100_000u32),
            Unit::Custom { scale, .. } => *scale,
            Unit::Ratio | Unit::Count { .. } | Unit::Index | Unit::Money { .. } | Unit::Years => Decimal::ONE,
        }
    }

    /// How many base units (yuan, items) one unit holds: 10 000 for 万元, 1 otherwise.
    pub fn base_factor(&self) -> Decimal {
        match self {
            Unit::Money { magnitude, .. } => magnitude.factor(),
            _ => Decimal::ONE,
        }
    }

    /// Whether this is a ratio-type unit (a change in it is a change in points).
    pub fn is_ratio(&self) -> bool {
        matches!(self, Unit::Percent | Unit::PerMille | Unit::PerTenThousand | Unit::PerHundredThousand | Unit::Ratio)
    }

    /// Whether values are rates of change (per cent a year), not levels.
    pub fn is_growth_rate(&self) -> bool {
        matches!(self, Unit::GrowthRate)
    }

    /// The symbol written after one value: English puts one year in the singular ("+1 year",
    /// "≥ 2 years"); every other unit and language is [`Unit::symbol`].
    pub(crate) fn symbol_for(&self, value: Decimal, lang: Lang) -> String {
        if matches!((self, lang), (Unit::Years, Lang::En)) && value.abs() == Decimal::ONE {
            return "year".into();
        }
        self.symbol(lang)
    }

    /// A short symbol for tables.
    pub fn symbol(&self, lang: Lang) -> String {
        match (self, lang) {
            (Unit::Percent, _) => "%".into(),
            (Unit::GrowthRate, Lang::Zh) => "%（年增速）".into(),
            (Unit::GrowthRate, Lang::En) => "% a year".into(),
            (Unit::GrowthRate, Lang::Ko) => "%(연 증가율)".into(),
            (Unit::PerMille, _) => "‰".into(),
            (Unit::PerTenThousand, Lang::Zh) => "每万".into(),
            (Unit::PerTenThousand, Lang::En) => "per 10k".into(),
            (Unit::PerTenThousand, Lang::Ko) => "만분율".into(),
            (Unit::PerHundredThousand, Lang::Zh) => "每十万".into(),
            (Unit::PerHundredThousand, Lang::En) => "per 100k".into(),
            (Unit::PerHundredThousand, Lang::Ko) => "십만분율".into(),
            (Unit::Ratio, _) | (Unit::Index, _) => String::new(),
            (Unit::Count { noun }, l) => noun.as_ref().map(|n| n.get(l).to_string()).unwrap_or_default(),
            (Unit::Money { currency, magnitude }, Lang::Zh) if currency == "CNY" => {
                format!("{}元", magnitude.prefix_zh())
            }
            (Unit::Money { currency, magnitude }, Lang::Ko) if currency == "CNY" => match magnitude {
                Magnitude::One => "위안".into(),
                Magnitude::TenThousand => "만 위안".into(),
                Magnitude::HundredMillion => "억 위안".into(),
            },
            (Unit::Money { currency, magnitude }, _) => match magnitude {
                Magnitude::One => currency.clone(),
                Magnitude::TenThousand => format!("10k {currency}"),
                Magnitude::HundredMillion => format!("100m {currency}"),
            },
            (Unit::Years, Lang::Zh) => "年".into(),
            (Unit::Years, Lang::En) => "years".into(),
            (Unit::Years, Lang::Ko) => "년".into(),
            (Unit::Custom { label, .. }, l) => label.get(l).to_string(),
        }
    }
}

/// The change from `from` to `to` in the unit itself: percentage points for a percent indicator.
pub fn points_change(from: Decimal, to: Decimal) -> Result<Decimal> {
    to.sub_or(from, "points_change")
}

/// The relative change `(to − from) / from` as a fraction (0.1 = 10 % more).
pub fn relative_change(from: Decimal, to: Decimal) -> Result<Decimal> {
    if from.is_zero() {
        return Err(crate::Error::UndefinedGrowth {
            field: "relative_change".into(),
            message: "the starting value is zero".into(),
        });
    }
    to.sub_or(from, "relative_change")?.div_or(from, "relative_change")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn points_and_percent_change_differ() {
        // Hand calculation: 0.36 % → 1.10 % is +0.74 percentage points, a 205.55…% increase.
        let a = Decimal::from_str("0.36").unwrap();
        let b = Decimal::from_str("1.10").unwrap();
        assert_eq!(points_change(a, b).unwrap().to_string(), "0.74");
        let rel = relative_change(a, b).unwrap();
        assert_eq!(rel.round_dp(6).to_string(), "2.055556");
        assert_eq!(relative_change(Decimal::ZERO, b).unwrap_err().code(), "undefined_growth");
    }

    #[test]
    fn scales() {
        assert_eq!(Unit::Percent.scale(), Decimal::ONE_HUNDRED);
        assert_eq!(Unit::PerTenThousand.scale(), Decimal::from(10_000));
        let m = Unit::Money { currency: "CNY".into(), magnitude: Magnitude::HundredMillion };
        assert_eq!(m.base_factor(), Decimal::from(100_000_000));
        assert_eq!(m.symbol(Lang::Zh), "亿元");
    }
}
