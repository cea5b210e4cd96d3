//! The crate's public API as a dependent crate uses it (this crate is one): constructors,
//! builders and `with_*` methods for the `#[non_exhaustive]` types, typed method ids and
//! warning codes, and the deprecated old names still answering as the new ones
//! (docs/rust-crate.md, "Semver").

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use onpace::{
    AsOf, AssessOptions, Baseline, Date, Decimal, Direction, Flag, Indicator, MethodId, Model, Observation, Plan,
    PlanObservations, PlanPeriod, ProjectOptions, Target, Unit, WarningCode, YearValue,
};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn rd() -> Indicator {
    Indicator::new(
        "rd",
        "研发经费投入强度",
        Unit::Percent,
        Direction::Increase,
        Baseline::new(2020, d("0.36")),
        Target::Level { year: 2025, value: d("1.10"), comparator: None },
    )
    .unwrap()
}

#[test]
fn an_indicator_keeps_its_label_and_ids_are_checked() {
    assert_eq!(rd().label.zh, "研发经费投入强度");
    for bad in ["", "-x", "R&D", "a b", &"x".repeat(65)] {
        let e = Indicator::new(bad, "x", Unit::Percent, Direction::Increase, Baseline::new(2020, d("1")), Target::None)
            .unwrap_err();
        assert_eq!((e.code(), e.field()), ("invalid_plan", "indicator.id"), "{bad:?}");
    }
    let e = Indicator::new("x", "", Unit::Percent, Direction::Increase, Baseline::new(2020, d("1")), Target::None)
        .unwrap_err();
    assert_eq!(e.field(), "indicator.label.zh");
}

#[test]
fn a_plan_built_in_code_is_the_plan_read_from_json() {
    let built =
        Plan::builder("p", "规划", PlanPeriod::new(2021, 2025)).issuer("政府").region("某市").indicator(rd()).build();
    let read = Plan::from_json(
        r#"{"id": "p", "title": {"zh": "规划"}, "issuer": {"zh": "政府"}, "region": {"zh": "某市"},
            "period": {"start": 2021, "end": 2025}, "base_year": 2020, "indicators": [
            {"id": "rd", "label": {"zh": "研发经费投入强度"}, "unit": {"kind": "percent"}, "direction": "increase",
             "baseline": {"year": 2020, "value": "0.36"}, "target": {"kind": "level", "year": 2025, "value": "1.10"}}]}"#,
    );
    assert_eq!(built.unwrap(), read.unwrap());
    // Checked as a file is: two indicators with one id.
    let e = Plan::new("p", "规划", PlanPeriod::new(2021, 2025), vec![rd(), rd()]).unwrap_err();
    assert_eq!((e.code(), e.field()), ("invalid_plan", "indicators[1].id"));
}

#[test]
fn options_by_typed_method_and_with_methods() {
    let obs = [Observation::new(2022, d("0.60")).with_vintage("2023-09-01").with_flag(Flag::Preliminary)];
    // Hand calculation: completion (0.60 − 0.36)/(1.10 − 0.36) = 0.3243 at a time share of 2/5:
    // 7.6 points behind, beyond the 5-point tolerance.
    let a = rd().assess(&obs, &AssessOptions::default()).unwrap();
    assert_eq!(a.status.code(), "lagging");
    assert_eq!(a.method, MethodId::CnPlanPace.to_string());
    // Known only from 2023-09-01 on: as of mid-2023 there is no observation yet.
    let before = AssessOptions::default().with_as_of(AsOf::parse_date("2023-06-30").unwrap());
    assert_eq!(rd().assess(&obs, &before).unwrap().status.code(), "not_assessable");
    for id in MethodId::ALL {
        let a = rd().assess(&obs, &AssessOptions::method(*id)).unwrap();
        assert_eq!(a.method, id.as_str());
    }
    assert_eq!("cn_plan_pace".parse::<MethodId>().unwrap_err().code(), "unknown_method");
}

#[test]
fn warnings_are_typed_and_compare_with_their_text() {
    // One point after the baseline: an OLS projection needs three (baseline included: two).
    let p =
        rd().project(&[Observation::new(2021, d("0.5")), Observation::new(2022, d("0.6"))], &ProjectOptions::default());
    let p = p.unwrap();
    assert!(p.warnings.iter().any(|w| w.code == WarningCode::FewPoints && w.code == "few_points"));
    let json = serde_json::to_value(&p.warnings).unwrap();
    assert!(json.as_array().unwrap().iter().any(|w| w["code"] == "few_points"));
}

#[test]
fn dates_are_checked_when_made() {
    assert!(Date::new(2023, 13, 45).is_err());
    assert!(Date::new(2023, 2, 29).is_err());
    assert_eq!(Date::new(2024, 2, 29).unwrap().to_string(), "2024-02-29");
    assert_eq!(serde_json::to_string(&AsOf::parse_date("2023-06").unwrap()).unwrap(), r#"{"date":"2023-06-30"}"#);
}

#[test]
#[allow(deprecated)]
fn old_names_answer_as_the_new_ones() {
    let points: Vec<YearValue> =
        [(2020, "100"), (2021, "110"), (2022, "121")].iter().map(|(y, v)| YearValue::new(*y, d(v))).collect();
    let old = onpace::project(&points, 2025, None, Model::EndpointCagr, 0.9).unwrap();
    let new = onpace::project_trend(&points, 2025, None, Model::EndpointCagr, 0.9).unwrap();
    assert_eq!(old, new);
    // 121 × 1.1³ = 161.051 (hand calculation).
    assert!((new.value - 161.051).abs() < 1e-9);
    let mut by_old_path: onpace::method::evaluate::PlanObservations = PlanObservations::new();
    by_old_path.insert("rd".into(), vec![Observation::new(2022, d("0.60"))]);
    let plan = Plan::new("p", "规划", PlanPeriod::new(2021, 2025), vec![rd()]).unwrap();
    assert_eq!(plan.evaluate(&by_old_path, &AssessOptions::default()).unwrap().rows.len(), 1);
    assert_eq!(onpace::report::table::kind_code(&rd().target), rd().target.kind());
}
