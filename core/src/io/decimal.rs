//! Exact decimals in serde: JSON numbers and strings both load as the exact value written.
//!
//! The default `rust_decimal` deserializer rounds inputs with more than 28 significant digits;
//! a plan file must never be silently changed, so this one refuses them. Decimals are written
//! as strings, which every JSON reader (JavaScript included) keeps exact.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserializer, Serializer};

/// serde_json's private key for numbers under `arbitrary_precision`.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Parse decimal text exactly: plain or scientific notation, at most 28 significant digits.
pub fn parse_exact(text: &str) -> Result<Decimal, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("empty number".into());
    }
    if t.contains(['e', 'E']) {
        let v = Decimal::from_scientific(t).map_err(|e| format!("`{t}` is not a decimal number: {e}"))?;
        // from_scientific may round; check by re-reading the mantissa digits count.
        let mantissa = t.split(['e', 'E']).next().unwrap_or_default();
        let digits = mantissa.chars().filter(char::is_ascii_digit).count();
        if digits > 28 {
            return Err(format!("`{t}` has more than 28 significant digits"));
        }
        return Ok(v);
    }
    match Decimal::from_str_exact(t) {
        Ok(v) => Ok(v),
        Err(rust_decimal::Error::Underflow) => {
            Err(format!("`{t}` has more digits than a 28-digit decimal can hold exactly"))
        }
        Err(e) => {
            if Decimal::from_str(t).is_ok() {
                Err(format!("`{t}` cannot be held exactly: {e}"))
            } else {
                Err(format!("`{t}` is not a decimal number: {e}"))
            }
        }
    }
}

struct ExactVisitor;

impl<'de> Visitor<'de> for ExactVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a decimal number or a string holding one")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        // Only reached from non-JSON formats; the shortest repr is the value the writer meant.
        if !v.is_finite() {
            return Err(E::custom("NaN and infinity are not decimal numbers"));
        }
        parse_exact(&format!("{v}")).map_err(E::custom)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse_exact(v).map_err(E::custom)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Decimal, A::Error> {
        let key: Option<String> = map.next_key()?;
        if key.as_deref() != Some(NUMBER_TOKEN) {
            return Err(de::Error::custom("expected a decimal number, found an object"));
        }
        let text: String = map.next_value()?;
        parse_exact(&text).map_err(de::Error::custom)
    }
}

/// `#[serde(with = "crate::io::decimal")]` for `Decimal` fields.
pub fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

/// See [`serialize`].
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_any(ExactVisitor)
}

/// `#[serde(with = "crate::io::decimal::option")]` for `Option<Decimal>` fields.
pub mod option {
    use super::*;

    /// Serialize `Some` as a decimal string and `None` as null.
    pub fn serialize<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => s.collect_str(v),
            None => s.serialize_none(),
        }
    }

    /// Accept null, a number or a decimal string.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        struct OptVisitor;
        impl<'de> Visitor<'de> for OptVisitor {
            type Value = Option<Decimal>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("null or a decimal number")
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
                d.deserialize_any(ExactVisitor).map(Some)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                ExactVisitor.visit_i64(v).map(Some)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                ExactVisitor.visit_u64(v).map(Some)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                ExactVisitor.visit_f64(v).map(Some)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                ExactVisitor.visit_str(v).map(Some)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                ExactVisitor.visit_map(map).map(Some)
            }
        }
        d.deserialize_option(OptVisitor)
    }
}

/// `#[serde(deserialize_with = "crate::io::decimal::map")]` for `{name: decimal}` maps, such
/// as method thresholds: straight into `BTreeMap<String, Decimal>`, without a map of wrapper
/// values to convert afterwards (one map type less in the WebAssembly module). A repeated key
/// keeps its last value, as serde's own map does.
pub fn map<'de, D: Deserializer<'de>>(d: D) -> Result<std::collections::BTreeMap<String, Decimal>, D::Error> {
    struct Exact(Decimal);
    impl<'de> serde::Deserialize<'de> for Exact {
        fn deserialize<D2: Deserializer<'de>>(d: D2) -> Result<Self, D2::Error> {
            d.deserialize_any(ExactVisitor).map(Exact)
        }
    }
    struct MapVisitor;
    impl<'de> Visitor<'de> for MapVisitor {
        type Value = std::collections::BTreeMap<String, Decimal>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a map of names to decimal numbers")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = std::collections::BTreeMap::new();
            while let Some((k, Exact(v))) = map.next_entry::<String, Exact>()? {
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(MapVisitor)
}

/// JSON Schema of an exact decimal: a number, or a string holding one.
#[cfg(feature = "schema")]
pub struct Repr;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Repr {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An exact decimal (at most 28 significant digits): a JSON number or a string such as \"0.36\".",
            "anyOf": [
                { "type": "number" },
                { "type": "string", "pattern": "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?$" }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_parsing() {
        assert_eq!(parse_exact("0.36").unwrap().to_string(), "0.36");
        assert_eq!(parse_exact("1.10").unwrap().to_string(), "1.10");
        assert_eq!(parse_exact("1.5e-3").unwrap().to_string(), "0.0015");
        assert!(parse_exact("1.2345678901234567890123456789012").is_err());
        assert!(parse_exact("1e400").is_err());
        assert!(parse_exact("abc").is_err());
        assert!(parse_exact("").is_err());
        assert!(parse_exact("NaN").is_err());
    }
}
