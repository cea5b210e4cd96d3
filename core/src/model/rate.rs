//! Growth rates as users type them: one parser for every entry point (plan targets, scenarios,
//! the façade, the Python and JS wrappers, the calculator page).
//!
//! A rate is a fraction: `0.05` is +5 % a year. Text ending in `%` is per cent (`"5%"` is 0.05,
//! exactly). A bare number whose size suggests a per-cent figure (|rate| ≥ 1, i.e. ±100 % a
//! year or more) is refused unless the caller says so on purpose, because `5` typed for "5 %"
//! would otherwise become +500 % a year without a word. See docs/methods-cn-plan-pace-forms.md.

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::error::{Error, Result};

/// How a rate was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateForm {
    /// A fraction (`0.05`).
    Fraction,
    /// Per cent (`5%`).
    Percent,
}

/// Parse a rate: `"5%"` (or `"5 %"`, `"5％"`) is 0.05; `"0.05"` is 0.05. A bare number with
/// |rate| ≥ 1 is refused unless `allow_large` (the caller means ±100 % a year or more).
pub fn parse_rate(text: &str, allow_large: bool, field: &str) -> Result<Decimal> {
    let t = text.trim();
    let (number, form) = match t.strip_suffix('%').or_else(|| t.strip_suffix('％')) {
        Some(n) => (n.trim_end(), RateForm::Percent),
        None => (t, RateForm::Fraction),
    };
    let value = crate::io::decimal::parse_exact(number).map_err(|message| Error::Parse {
        path: field.into(),
        line: None,
        message,
        cause: None,
    })?;
    checked_rate(value, form, allow_large, field)
}

/// A parsed number as a rate of the given form: per cent is divided by 100 exactly; a bare
/// fraction with |rate| ≥ 1 is refused unless `allow_large`.
pub fn checked_rate(value: Decimal, form: RateForm, allow_large: bool, field: &str) -> Result<Decimal> {
    match form {
        RateForm::Percent => {
            // Moving the decimal point is exact; a scale beyond 28 is the only failure.
            let mut v = value;
            v.set_scale(value.scale().saturating_add(2)).map_err(|_| Error::Parse {
                path: field.into(),
                line: None,
                message: format!("`{value}%` has too many decimals"),
                cause: None,
            })?;
            Ok(v.normalize())
        }
        RateForm::Fraction if value.abs() >= Decimal::ONE && !allow_large => {
            Err(Error::InvalidArgument { field: field.into(), message: large_rate_message(value) })
        }
        RateForm::Fraction => Ok(value),
    }
}

/// The message of a refused large rate: what the number would mean, and how to write it.
pub fn large_rate_message(value: Decimal) -> String {
    let percent = value.saturating_mul(Decimal::ONE_HUNDRED).normalize();
    let sign = if value.is_sign_negative() { "" } else { "+" };
    format!(
        "{value} means {sign}{percent} % a year; write {} or '{value}%' (or say it is meant)",
        value.checked_div(Decimal::ONE_HUNDRED).unwrap_or(value).normalize()
    )
}

/// A rate as written (a JSON number or string), before [`parse_rate`] reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateText(pub String);

impl<'de> Deserialize<'de> for RateText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RateText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a rate: a fraction such as 0.05, or per cent such as \"5%\"")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<RateText, E> {
                Ok(RateText(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<RateText, E> {
                Ok(RateText(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> std::result::Result<RateText, E> {
                Ok(RateText(format!("{v}")))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<RateText, E> {
                Ok(RateText(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> std::result::Result<RateText, A::Error> {
                // A JSON number under serde_json's arbitrary_precision.
                let _key: Option<String> = map.next_key()?;
                map.next_value().map(RateText)
            }
        }
        d.deserialize_any(V)
    }
}

/// serde for a rate field of a plan: a JSON number or a string, `"7%"` accepted. Written back
/// as a fraction string. The plan's rules then refuse |rate| ≥ 1 with [`large_rate_message`].
pub mod serde_rate {
    use rust_decimal::Decimal;
    use serde::de::{self, Visitor};
    use serde::{Deserializer, Serializer};

    /// Write the fraction as a decimal string.
    pub fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(value)
    }

    /// Read a rate (through the same text visitor as the façade's rate arguments).
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        let text = <super::RateText as serde::Deserialize>::deserialize(d)?;
        // The size check is the plan's (`Target::validate`), where the error can name its path.
        super::parse_rate(&text.0, true, "rate").map_err(|e| match e {
            crate::Error::Parse { message, .. } | crate::Error::InvalidArgument { message, .. } => {
                de::Error::custom(message)
            }
            other => de::Error::custom(other.to_string()),
        })
    }

    /// `Option<Decimal>` rate fields that are written back (as fraction strings).
    pub mod option_ser {
        pub use super::option::deserialize;
        use rust_decimal::Decimal;
        use serde::Serializer;

        /// Write `Some` as a decimal string (fields skip `None`).
        pub fn serialize<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
            match value {
                Some(v) => s.collect_str(v),
                None => s.serialize_none(),
            }
        }
    }

    /// `Option<Decimal>` rate fields.
    pub mod option {
        use super::*;

        /// Read an optional rate (null or absent is `None`).
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
            struct O;
            impl<'de> Visitor<'de> for O {
                type Value = Option<Decimal>;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("null or a rate")
                }
                fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                    Ok(None)
                }
                fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                    Ok(None)
                }
                fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                    super::deserialize(d).map(Some)
                }
            }
            d.deserialize_option(O)
        }
    }
}

/// JSON Schema of a rate: a fraction (number or decimal string) or per-cent text (`"7%"`).
#[cfg(feature = "schema")]
pub struct RateRepr;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for RateRepr {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Rate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A rate: a fraction (0.07 is 7 % a year; a bare |rate| ≥ 1 is refused as a likely per-cent figure) or per-cent text such as \"7%\".",
            "anyOf": [
                { "type": "number", "exclusiveMinimum": -1, "exclusiveMaximum": 1 },
                { "type": "string", "pattern": "^\\s*[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?\\s*[%％]?\\s*$" }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn percent_fraction_and_refused() {
        // "7%", 0.07 and 7 (refused): the three ways a user types a 7 % rate.
        assert_eq!(parse_rate("7%", false, "rate").unwrap(), d("0.07"));
        assert_eq!(parse_rate(" 7 % ", false, "rate").unwrap(), d("0.07"));
        assert_eq!(parse_rate("7％", false, "rate").unwrap(), d("0.07"));
        assert_eq!(parse_rate("0.07", false, "rate").unwrap(), d("0.07"));
        assert_eq!(parse_rate("-13.5%", false, "rate").unwrap(), d("-0.135"));
        let e = parse_rate("7", false, "target.rate").unwrap_err();
        assert_eq!(e.code(), "invalid_argument");
        assert_eq!(e.field(), "target.rate");
        assert!(e.to_string().contains("7 means +700 % a year; write 0.07 or '7%'"), "{e}");
        let e = parse_rate("5", false, "rate").unwrap_err();
        assert!(e.to_string().contains("5 means +500 % a year; write 0.05 or '5%'"), "{e}");
        // On purpose: allowed; and a per-cent form is always on purpose.
        assert_eq!(parse_rate("7", true, "rate").unwrap(), d("7"));
        assert_eq!(parse_rate("150%", false, "rate").unwrap(), d("1.5"));
        // The edge: |rate| = 1 is refused, just below is a (large) fraction.
        assert!(parse_rate("1", false, "rate").is_err());
        assert!(parse_rate("-1", false, "rate").is_err());
        assert_eq!(parse_rate("0.999", false, "rate").unwrap(), d("0.999"));
        assert_eq!(parse_rate("abc%", false, "rate").unwrap_err().code(), "parse");
        assert_eq!(parse_rate("%", false, "rate").unwrap_err().code(), "parse");
    }
}
