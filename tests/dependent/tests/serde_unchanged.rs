//! Depending on onpace must not change how the dependent's own serde_json behaves.
//!
//! Every expected value here is plain serde_json's documented behaviour (serde's untagged and
//! flatten attributes, serde_json's f64 parsing), and scripts/test-all runs these same tests
//! twice: with onpace (default features, as a user's crate gets it) and without it
//! (`--no-default-features`). Before issue 17, onpace turned on serde_json's
//! `arbitrary_precision` for the whole build, and the first three tests failed with onpace:
//! "data did not match any variant of untagged enum", "invalid type: map, expected f64", and
//! `1e400` parsed as a number.

use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, PartialEq, Deserialize)]
#[serde(untagged)]
enum Amount {
    Whole(u64),
    Number(f64),
    Text(String),
}

#[test]
fn untagged_enums_see_numbers() {
    assert_eq!(serde_json::from_str::<Amount>("7").unwrap(), Amount::Whole(7));
    assert_eq!(serde_json::from_str::<Amount>("1.5").unwrap(), Amount::Number(1.5));
    assert_eq!(serde_json::from_str::<Amount>("-2.5e3").unwrap(), Amount::Number(-2500.0));
    assert_eq!(serde_json::from_str::<Amount>("\"x\"").unwrap(), Amount::Text("x".into()));
}

#[derive(Debug, PartialEq, Deserialize)]
struct Inner {
    value: f64,
    count: u32,
}

#[derive(Debug, PartialEq, Deserialize)]
struct Outer {
    name: String,
    #[serde(flatten)]
    inner: Inner,
}

#[test]
fn flattened_structs_see_numbers() {
    let o: Outer = serde_json::from_str(r#"{"name": "a", "value": 2.5, "count": 3}"#).unwrap();
    assert_eq!(o, Outer { name: "a".into(), inner: Inner { value: 2.5, count: 3 } });
}

#[test]
fn numbers_beyond_f64_are_refused() {
    // serde_json without arbitrary_precision: "number out of range" for any magnitude an f64
    // cannot hold, both into f64 and into Value.
    let e = serde_json::from_str::<f64>("1e400").unwrap_err();
    assert!(e.to_string().starts_with("number out of range"), "{e}");
    let e = serde_json::from_str::<Value>("[1e400]").unwrap_err();
    assert!(e.to_string().starts_with("number out of range"), "{e}");
}

#[test]
fn value_numbers_are_f64() {
    // A Value number is an f64: 0.1000000000000000000001 is the f64 nearest, printed as 0.1
    // (arbitrary_precision would keep all 22 digits of text).
    let v: Value = serde_json::from_str("0.1000000000000000000001").unwrap();
    assert_eq!(v.to_string(), "0.1");
    assert!(v.is_f64());
    // Integers beyond u64 become f64 too.
    let v: Value = serde_json::from_str("18446744073709551616").unwrap();
    assert!(v.is_f64(), "{v}");
}

/// In the same build, onpace still reads its own decimals exactly.
#[cfg(feature = "with-onpace")]
mod with_onpace {
    use onpace::{Decimal, Indicator};
    use std::str::FromStr;

    fn indicator(baseline: &str) -> Result<Indicator, onpace::Error> {
        Indicator::from_json(&format!(
            r#"{{"id": "x", "label": {{"zh": "测试"}}, "unit": {{"kind": "ratio"}}, "direction": "increase",
                "baseline": {{"year": 2020, "value": {baseline}}}, "target": {{"kind": "none"}}}}"#
        ))
    }

    #[test]
    fn json_numbers_load_exactly() {
        // 28 significant digits, written as a bare JSON number: beyond any f64.
        let text = "1234567890.123456789012345678";
        let ind = indicator(text).unwrap();
        assert_eq!(ind.baseline.value, Decimal::from_str(text).unwrap());
        assert_eq!(ind.baseline.value.to_string(), text);
    }

    #[test]
    fn numbers_onpace_cannot_hold_are_refused() {
        // 29 digits beyond a 96-bit mantissa, and 1e400: refused, never rounded.
        for bad in ["9234567890.1234567890123456789", "1e400"] {
            let e = indicator(bad).unwrap_err();
            assert_eq!(e.code(), "invalid_plan", "{bad}: {e}");
            assert!(e.to_string().contains("baseline.value"), "{bad}: {e}");
        }
    }
}
