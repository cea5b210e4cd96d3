//! JSON numbers load exactly (issue 17): without serde_json's `arbitrary_precision`, a bare JSON
//! number still reaches the decimal parser as its text, in every position a plan has decimals.
//! The expected values are the texts written: a decimal's own digits, never a computation.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use onpace::{Decimal, Indicator, Plan, Target};
use proptest::prelude::*;

/// Any decimal a 96-bit mantissa holds, both signs, 0–28 decimal places.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    (any::<u64>(), any::<u32>(), any::<bool>(), 0u32..=28).prop_map(|(lo, hi, neg, scale)| {
        let d = Decimal::from_i128_with_scale((i128::from(hi) << 64) | i128::from(lo), scale);
        if neg {
            -d
        } else {
            d
        }
    })
}

fn indicator(baseline: &str, target: &str) -> onpace::Result<Indicator> {
    Indicator::from_json(&format!(
        r#"{{"id": "x", "label": {{"zh": "测试"}}, "unit": {{"kind": "ratio"}}, "direction": "increase",
            "baseline": {{"year": 2020, "value": {baseline}}},
            "target": {{"kind": "range", "year": 2025, "low": {target}, "high": {target}}}}}"#
    ))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn bare_json_numbers_keep_every_digit(base in any_decimal(), target in any_decimal()) {
        let ind = indicator(&base.to_string(), &target.to_string()).unwrap();
        // Same digits and scale (0.360 stays 0.360), not only the same value.
        prop_assert_eq!(ind.baseline.value.to_string(), base.to_string());
        match ind.target {
            Target::Range { low, high, .. } => {
                prop_assert_eq!(low.to_string(), target.to_string());
                prop_assert_eq!(high.to_string(), target.to_string());
            }
            other => prop_assert!(false, "{other:?}"),
        }
    }
}

#[test]
fn what_a_decimal_holds_loads_and_the_rest_is_refused_with_the_path() {
    let ind = indicator("-1234567890.123456789012345678", "0.1000000000000000000000000001").unwrap();
    assert_eq!(ind.baseline.value.to_string(), "-1234567890.123456789012345678");
    for (base, target, path) in [
        // 29 digits beyond a 96-bit mantissa (79 228 162 514 264 337 593 543 950 335).
        ("9234567890.1234567890123456789", "1", "baseline.value"),
        ("1", "0.10000000000000000000000000001", "target.low"),
        ("1e400", "1", "baseline.value"),
        ("1", "-1e-400", "target.low"),
    ] {
        let e = indicator(base, target).unwrap_err();
        assert_eq!((e.code(), e.field()), ("invalid_plan", path), "{base} {target}: {e}");
    }
}

#[test]
fn underscores_and_other_lenient_forms_are_refused_everywhere() {
    // rust_decimal's parser skips `_`, so "1_5" would have been 15.
    for bad in [r#""1_5""#, r#""1 5""#, r#""0x10""#, r#""1,5""#, r#""+-1""#, r#""1e""#] {
        let e = indicator(bad, "1").unwrap_err();
        assert_eq!((e.code(), e.field()), ("invalid_plan", "baseline.value"), "{bad}: {e}");
    }
    // Observations, as JSON and as CSV.
    let e = onpace::io::json::observations_from_json(r#"{"x": [{"year": 2021, "value": "1_5"}]}"#).unwrap_err();
    assert_eq!(e.code(), "invalid_observations", "{e}");
    let e = onpace::io::csv::read_observations_csv("indicator,year,value\nx,2021,1_5\n").unwrap_err();
    assert_eq!((e.code(), e.line()), ("parse", Some(2)), "{e}");
    // A request of the bindings' façade.
    let plan = onpace::builtin::plan("yanbian-st-14").unwrap();
    let ind = plan.indicator("rd-intensity").unwrap();
    let e = onpace::api::assess_json(ind, r#"{"observations": [{"year": 2022, "value": "0_6"}]}"#).unwrap_err();
    // Named by the year the caller wrote, with no position in JSON a front end built.
    assert_eq!((e.code(), e.field()), ("parse", "observations[2022].value"), "{e}");
    assert_eq!((e.line(), e.to_string().contains("column")), (None, false), "{e}");
}

#[test]
fn the_facade_as_of_is_a_year_not_any_object() {
    let plan = onpace::builtin::plan("yanbian-st-14").unwrap();
    let ind = plan.indicator("rd-intensity").unwrap();
    let ok = onpace::api::assess_json(ind, r#"{"observations": [{"year": 2022, "value": 0.6}], "as_of": 2022}"#);
    assert!(ok.is_ok(), "{ok:?}");
    let e = onpace::api::assess_json(ind, r#"{"as_of": {"nonsense": "2023"}}"#).unwrap_err();
    assert_eq!((e.code(), e.field()), ("parse", "as_of.nonsense"), "{e}");
}

#[test]
fn plans_round_trip_through_bare_numbers() {
    // Every decimal of a built-in plan, written as a bare JSON number instead of a string,
    // loads as the same plan.
    let plan = onpace::builtin::plan("yanbian-st-14").unwrap();
    let text = plan.to_json().unwrap();
    let bare = unquote_numbers(&text);
    assert_ne!(bare, text, "the plan has decimal strings to unquote");
    assert_eq!(Plan::from_json(&bare).unwrap(), plan);
}

/// `"0.36"` → `0.36` for every JSON string that is a plain decimal number (a test helper: plan
/// ids and labels in the built-in plans are never numbers).
fn unquote_numbers(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('"') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let end = after.find('"').unwrap();
        let s = &after[..end];
        let numeric = !s.is_empty() && s.parse::<f64>().is_ok() && !s.contains(['i', 'n', 'N', '_']);
        if numeric && !after[end + 1..].trim_start().starts_with(':') {
            out.push_str(s);
        } else {
            out.push('"');
            out.push_str(s);
            out.push('"');
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}
