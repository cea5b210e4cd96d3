//! Errors raised while reading text keep the reader's own error as their `source()`, and their
//! messages have no empty segments (issue 17).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::error::Error as _;

use onpace::error::Cause;
use onpace::{Indicator, Plan};

fn serde_cause(e: &onpace::Error) -> &serde_json::Error {
    let source = e.source().unwrap_or_else(|| panic!("no source: {e}"));
    let cause = source.downcast_ref::<Cause>().expect("the source is a Cause");
    cause.get_ref().downcast_ref::<serde_json::Error>().expect("a serde_json error underneath")
}

#[test]
fn an_empty_plan_says_where_without_an_empty_path() {
    // serde_json's own words for empty input; the path is empty (the whole input).
    let e = Plan::from_json("").unwrap_err();
    assert_eq!(e.code(), "parse");
    assert_eq!(e.to_string(), "line 1: EOF while parsing a value at line 1 column 0");
    assert!(serde_cause(&e).is_eof());
    assert_eq!(e.source().unwrap().to_string(), "EOF while parsing a value at line 1 column 0");
}

#[test]
fn a_wrong_shape_keeps_serde_as_its_source() {
    let e = Indicator::from_json(r#"{"id": "x", "nonsense": 1}"#).unwrap_err();
    assert_eq!(e.code(), "invalid_plan");
    assert!(serde_cause(&e).is_data(), "{e}");
    let e = onpace::io::json::observations_from_json(r#"{"x": [{"year": "2021"}]}"#).unwrap_err();
    assert_eq!((e.code(), e.field()), ("invalid_observations", "x[0].year"));
    assert!(serde_cause(&e).is_data(), "{e}");
    // A façade request.
    let plan = onpace::builtin::plan("yanbian-st-14").unwrap();
    let e = onpace::api::assess_json(plan.indicator("rd-intensity").unwrap(), "{").unwrap_err();
    assert!(serde_cause(&e).is_eof(), "{e}");
}

#[test]
fn rule_errors_have_no_source() {
    // A rule of the model, not a reader's error: nothing underneath.
    let text = onpace::builtin::plan_json("yanbian-st-14").unwrap().replacen("\"yanbian-st-14\"", "\"Bad Id\"", 1);
    let e = Plan::from_json(&text).unwrap_err();
    assert_eq!((e.code(), e.field()), ("invalid_plan", "id"), "{e}");
    assert!(e.source().is_none());
    let e = onpace::io::csv::read_observations_csv("indicator,year\n").unwrap_err();
    assert!(e.source().is_none());
    assert!(!e.to_string().contains(": :"), "{e}");
}
