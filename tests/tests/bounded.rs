//! Bounded years and validated values (issue 13, item 7): every entry point that takes a year
//! refuses one outside the library's range with `year_out_of_range`, and a plan or an
//! indicator deserialized by serde anywhere (here inside a caller's own struct) is validated.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use onpace::math::batch::BatchThresholds;
use onpace::math::scenario::Growth;
use onpace::{builtin, Decimal, Indicator, PathKind, Plan};

#[test]
fn model_entry_points_refuse_years_out_of_range() {
    let plan = builtin::plan("yanbian-st-14").unwrap();
    let rd = plan.indicator("rd-intensity").unwrap();
    // Before: a 40 GB allocation (abort) and a 20-second loop.
    for kind in [PathKind::Linear, PathKind::Geometric] {
        let e = rd.path_from(kind, i32::MIN, Decimal::ONE).unwrap_err();
        assert_eq!((e.code(), e.field()), ("year_out_of_range", "from_year"));
    }
    let e = rd.what_if(-20_000_000, Decimal::ONE, Growth::Rate(Decimal::new(5, 2))).unwrap_err();
    assert_eq!((e.code(), e.field()), ("year_out_of_range", "from_year"));
    let e = rd.numerator_path((i32::MAX, Decimal::ONE), Decimal::new(5, 2), PathKind::Linear).unwrap_err();
    assert_eq!((e.code(), e.field()), ("year_out_of_range", "denominator_year"));
    let e = onpace::math::path::required_path((i32::MIN, Decimal::ONE), (2025, Decimal::TWO), PathKind::Linear)
        .unwrap_err();
    assert_eq!(e.code(), "year_out_of_range");
    let e = onpace::math::scenario::what_if_path((2020, Decimal::ONE), Growth::Increment(Decimal::ONE), i32::MAX)
        .unwrap_err();
    assert_eq!(e.code(), "year_out_of_range");
    // In-range years still work: from 2024 to the target year 2025 is two milestones, and the
    // range's lower end 1800 is a valid start (226 milestones to 2025).
    assert_eq!(rd.what_if(2024, Decimal::ONE, Growth::Increment(Decimal::ONE)).unwrap().path.len(), 2);
    assert_eq!(rd.path_from(PathKind::Linear, 1800, Decimal::ONE).unwrap().len(), 226);
}

#[derive(Debug, serde::Deserialize)]
struct CallerDoc {
    #[allow(dead_code)]
    note: String,
    indicator: Indicator,
}

#[derive(Debug, serde::Deserialize)]
struct CallerPlans {
    plans: Vec<Plan>,
}

#[test]
fn serde_inside_a_callers_struct_validates() {
    let good = r#"{"id": "x", "label": {"zh": "测试"}, "unit": {"kind": "percent"}, "direction": "increase",
                   "baseline": {"year": 2020, "value": "1"}, "target": {"kind": "level", "year": 2025, "value": "2"}}"#;
    let doc: CallerDoc = serde_json::from_str(&format!(r#"{{"note": "n", "indicator": {good}}}"#)).unwrap();
    assert_eq!(doc.indicator.baseline.year, 2020);
    for bad in [
        good.replace("2020", "-2147483648"),              // year out of range
        good.replace("\"year\": 2025", "\"year\": 2019"), // target before the baseline
        good.replace("\"x\"", "\"Not An Id\""),           // invalid id
    ] {
        let e = serde_json::from_str::<CallerDoc>(&format!(r#"{{"note": "n", "indicator": {bad}}}"#)).err();
        assert!(e.is_some(), "accepted: {bad}");
    }
    let plan_json = builtin::plan("yanbian-st-14").unwrap().to_json_compact().unwrap();
    let ok: CallerPlans = serde_json::from_str(&format!(r#"{{"plans": [{plan_json}]}}"#)).unwrap();
    assert_eq!(ok.plans[0].indicators.len(), 7);
    let bad = plan_json.replacen(r#""base_year":2020"#, r#""base_year":-5"#, 1);
    assert_ne!(bad, plan_json);
    let e = serde_json::from_str::<CallerPlans>(&format!(r#"{{"plans": [{bad}]}}"#)).unwrap_err();
    assert!(e.to_string().contains("year_out_of_range"), "{e}");
    // Plan::from_json keeps its typed errors and paths.
    let e = Plan::from_json(&bad).unwrap_err();
    assert_eq!((e.code(), e.field()), ("year_out_of_range", "base_year"));
}

#[test]
fn batch_thresholds_must_be_finite_and_non_negative() {
    assert!(BatchThresholds::new(0.1, 0.05).is_ok());
    assert!(BatchThresholds::new(0.0, 0.0).is_ok());
    for (a, l) in [(f64::NAN, 0.05), (0.1, f64::NAN), (f64::INFINITY, 0.05), (-0.1, 0.05), (0.1, -1e-9)] {
        assert_eq!(BatchThresholds::new(a, l).unwrap_err().code(), "invalid_argument");
    }
}
