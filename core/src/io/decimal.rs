//! Exact decimals in serde: JSON numbers and strings both load as the exact value written.
//!
//! The default `rust_decimal` deserializer rounds inputs with more than 28 significant digits;
//! a plan file must never be silently changed, so this one refuses them. Decimals are written
//! as strings, which every JSON reader (JavaScript included) keeps exact.
//!
//! How a JSON number reaches [`parse_exact`] as its text without serde_json's
//! `arbitrary_precision` feature (which Cargo would turn on for every crate in a dependent's
//! build, changing how their own untagged enums, flattened structs and `1e400` behave): the
//! field asks for serde_json's raw value (the `raw_value` feature, which changes nothing for
//! other crates), so serde_json hands over the value's JSON text untouched. Other deserializers
//! (other formats, and serde's buffering for untagged or flattened types) answer with ordinary
//! values, read as before. See `docs/rust-crate.md`.

use std::cell::Cell;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, MapAccess, Unexpected, Visitor};
use serde::{Deserializer, Serializer};

/// serde_json's private name for a raw value (`serde_json::value::RawValue`): asked for with
/// `deserialize_newtype_struct`, serde_json's deserializer answers with the value's JSON text,
/// as a one-entry map under this same key.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// serde_json's private key for numbers under `arbitrary_precision`, should a dependent's build
/// turn that feature on (onpace does not): the number's text under this key.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Whether `t` is a plain decimal number: an optional sign, digits with at most one point (at
/// least one digit), and an optional exponent `e±digits`. Nothing lenient: no `_` separators
/// (which `rust_decimal`'s parser skips, so `1_5` would be 15), no `0x`, no spaces inside, no
/// `NaN`/`inf`.
fn is_plain_number(t: &str) -> bool {
    let digits = |s: &str| s.bytes().all(|c| c.is_ascii_digit());
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (unsigned, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mantissa_ok = digits(int) && digits(frac) && !(int.is_empty() && frac.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

/// Parse decimal text exactly: plain or scientific notation, at most 28 significant digits.
///
/// Surrounding whitespace is ignored; anything else that is not a plain number (`1_5`, `0x10`,
/// `1,5`, `NaN`) is refused.
pub fn parse_exact(text: &str) -> Result<Decimal, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("empty number".into());
    }
    if !is_plain_number(t) {
        return Err(format!("`{t}` is not a decimal number"));
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

thread_local! {
    /// Set when a value from serde_json's raw-value hook is refused: serde_json then reports
    /// the error after the enclosing object's `}` when the value was its last member, and
    /// `io::json` steps back into the object to name the value (`json_path`).
    static RAW_REFUSED: Cell<bool> = const { Cell::new(false) };
}

/// Whether a raw value was refused since the last call (and reset the flag).
pub(crate) fn take_raw_refused() -> bool {
    RAW_REFUSED.with(|c| c.replace(false))
}

/// A value's raw JSON text (from serde_json's raw-value hook) as an exact decimal.
fn from_raw_json<E: de::Error>(raw: &str) -> Result<Decimal, E> {
    let out = read_raw_json(raw);
    if out.is_err() {
        RAW_REFUSED.with(|c| c.set(true));
    }
    out
}

fn read_raw_json<E: de::Error>(raw: &str) -> Result<Decimal, E> {
    let raw = raw.trim();
    match raw.as_bytes().first() {
        Some(b'-' | b'0'..=b'9') => parse_exact(raw).map_err(E::custom),
        Some(b'"') => {
            // A JSON string (serde_json has checked its syntax). A decimal's text needs no
            // escapes, so one is refused rather than decoded: no second JSON parser here.
            let inner = raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')).unwrap_or(raw);
            if inner.contains('\\') {
                return Err(E::custom(format!("{raw} is not a decimal number (escapes are not allowed)")));
            }
            parse_exact(inner).map_err(E::custom)
        }
        first => {
            // serde's own wording for a value of the wrong type, in one place.
            let found = match first {
                Some(b'n') => "null",
                Some(b't') => "boolean `true`",
                Some(b'f') => "boolean `false`",
                Some(b'[') => "sequence",
                _ => "map",
            };
            Err(E::custom(format!("invalid type: {found}, expected a decimal number or a string holding one")))
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
        match key.as_deref() {
            Some(RAW_VALUE_TOKEN) => from_raw_json(&map.next_value::<String>()?),
            Some(NUMBER_TOKEN) => parse_exact(&map.next_value::<String>()?).map_err(de::Error::custom),
            _ => Err(de::Error::invalid_type(Unexpected::Map, &self)),
        }
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Decimal, D::Error> {
        // A deserializer without serde_json's raw-value hook (another format, or serde's
        // buffering for an untagged enum or a flattened struct): read the value as it comes.
        d.deserialize_any(ExactVisitor)
    }
}

/// `#[serde(with = "crate::io::decimal")]` for `Decimal` fields.
pub fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

/// See [`serialize`].
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_newtype_struct(RAW_VALUE_TOKEN, ExactVisitor)
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
                super::deserialize(d).map(Some)
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
            deserialize(d).map(Exact)
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
#[cfg_attr(docsrs, doc(cfg(feature = "schema")))]
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

    #[test]
    fn lenient_number_forms_are_refused() {
        // rust_decimal's own parser skips underscores: "1_5" would silently be 15.
        for bad in [
            "1_5",
            "1_000.5",
            "_1",
            "1_",
            "1e1_0",
            "0x10",
            "1,5",
            "1.2.3",
            ".",
            "+",
            "-",
            "e5",
            "1e",
            "1e+",
            "- 1",
            "1 000",
            "inf",
            "-Infinity",
            "1.5f",
            "１",
            "1.0e5.5",
        ] {
            let e = parse_exact(bad).unwrap_err();
            assert!(e.contains("is not a decimal number"), "{bad}: {e}");
        }
        // The forms the schema's pattern allows all load (hand-checked values).
        for (good, want) in
            [("+1", "1"), ("-0.5", "-0.5"), (".5", "0.5"), ("5.", "5"), ("1E2", "100"), ("2.5e+1", "25"), (" 7 ", "7")]
        {
            assert_eq!(parse_exact(good).unwrap().to_string(), want, "{good}");
        }
    }

    #[derive(Debug, serde::Deserialize)]
    struct One {
        #[serde(with = "super")]
        v: Decimal,
        #[serde(default, with = "super::option")]
        o: Option<Decimal>,
    }

    #[test]
    fn json_numbers_reach_the_parser_as_written() {
        // 28 significant digits: an f64 keeps about 17, so only the text can give these back.
        let big = "1234567890.123456789012345678";
        let one: One = serde_json::from_str(&format!(r#"{{"v": {big}, "o": -{big}}}"#)).unwrap();
        assert_eq!(one.v.to_string(), big);
        assert_eq!(one.o.map(|d| d.to_string()), Some(format!("-{big}")));
        // Scale is kept: 0.360 is not 0.36 in a plan file.
        let one: One = serde_json::from_str(r#"{"v": 0.360, "o": null}"#).unwrap();
        assert_eq!((one.v.to_string(), one.o), ("0.360".to_string(), None));
        // A decimal's text needs no escapes; one is refused, never guessed.
        let e = serde_json::from_str::<One>(r#"{"v": "\u0031.5"}"#).unwrap_err();
        assert!(e.to_string().contains("escapes are not allowed"), "{e}");
        // From a reader (owned raw text) as from a string.
        let one: One = serde_json::from_reader(format!(r#"{{"v": {big}}}"#).as_bytes()).unwrap();
        assert_eq!(one.v.to_string(), big);
    }

    #[test]
    fn json_values_that_are_not_decimals_are_refused_with_their_type() {
        let err = |text: &str| serde_json::from_str::<One>(text).unwrap_err().to_string();
        assert!(err(r#"{"v": 1.23456789012345678901234567890}"#).contains("more digits"), "29 digits");
        assert!(err(r#"{"v": 1e400}"#).contains("`1e400` is not a decimal number"));
        assert!(err(r#"{"v": "1_5"}"#).contains("`1_5` is not a decimal number"));
        assert!(err(r#"{"v": null}"#).starts_with("invalid type: null, expected a decimal number"));
        assert!(err(r#"{"v": true}"#).starts_with("invalid type: boolean `true`"));
        assert!(err(r#"{"v": [1]}"#).starts_with("invalid type: sequence"));
        assert!(err(r#"{"v": {"a": 1}}"#).starts_with("invalid type: map"));
        assert!(err(r#"{"v": 1, "o": [1]}"#).starts_with("invalid type: sequence"));
        // Malformed JSON inside the value stays a syntax error.
        let e = serde_json::from_str::<One>(r#"{"v": [1, }"#).unwrap_err();
        assert!(e.is_syntax(), "{e}");
    }

    #[test]
    fn other_deserializers_still_work() {
        // serde_json::Value (its own raw-value hook) and serde's buffering (an untagged enum),
        // which hands over an f64: values an f64 holds load exactly.
        let v = serde_json::json!({"v": 0.25, "o": "12.5"});
        let one: One = serde_json::from_value(v).unwrap();
        assert_eq!((one.v.to_string(), one.o.map(|d| d.to_string())), ("0.25".into(), Some("12.5".into())));
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Either {
            One(One),
        }
        let Either::One(one) = serde_json::from_str(r#"{"v": 0.1, "o": 7}"#).unwrap();
        assert_eq!((one.v.to_string(), one.o.map(|d| d.to_string())), ("0.1".into(), Some("7".into())));
    }
}
