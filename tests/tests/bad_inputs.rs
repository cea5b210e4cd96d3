//! The bad-input catalogue (tests/vectors/bad_inputs.json) through the Rust core: every case
//! gives its documented error code, and afterwards the library still computes a known case.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use onpace::{api, builtin, Indicator, Plan};
use serde_json::{json, Value};

fn text_of(input: &Value) -> String {
    if let Some(t) = input.get("text") {
        return t.as_str().unwrap().to_string();
    }
    if let Some(g) = input.get("generate") {
        let times = g["times"].as_u64().unwrap() as usize;
        return format!(
            "{}{}{}",
            g["prefix"].as_str().unwrap(),
            g["repeat"].as_str().unwrap().repeat(times),
            g["suffix"].as_str().unwrap()
        );
    }
    let b = &input["builtin_with"];
    let mut doc: Value =
        serde_json::from_str(&builtin::plan(b["plan"].as_str().unwrap()).unwrap().to_json().unwrap()).unwrap();
    for pair in b["set"].as_array().unwrap() {
        *doc.pointer_mut(pair[0].as_str().unwrap()).unwrap() = pair[1].clone();
    }
    doc.to_string()
}

fn run(op: &str, input: &Value) -> onpace::Error {
    let err = |r: Result<String, onpace::Error>| r.expect_err("no error");
    match op {
        "indicator_json" => Indicator::from_json(&text_of(input)).expect_err("no error"),
        "plan_json" => Plan::from_json(&text_of(input)).expect_err("no error"),
        "assess" => {
            let ind = Indicator::from_json(&input["indicator"].to_string()).unwrap();
            let mut req = json!({"observations": input["observations"]});
            for k in ["method", "thresholds", "as_of"] {
                if let Some(v) = input.get(k) {
                    req[k] = v.clone();
                }
            }
            err(api::assess_json(&ind, &req.to_string()))
        }
        // JSON has no NaN or infinity: a float that is not finite arrives as such a token.
        "float_value" => {
            let token = match input["float"].as_str().unwrap() {
                "nan" => "NaN",
                "inf" => "Infinity",
                _ => "-Infinity",
            };
            let req = format!(
                r#"{{"base_year":2020,"base_value":{token},"latest_year":2021,"latest_value":"1","target_year":2025,"target_value":"2"}}"#
            );
            err(api::progress_json(&req))
        }
        "required_path" => err(api::required_path_json(&input.to_string())),
        "path" | "what_if" => {
            let plan = builtin::plan(input["plan"].as_str().unwrap()).unwrap();
            let ind = plan.indicator(input["indicator"].as_str().unwrap()).unwrap();
            if op == "path" {
                let req =
                    json!({"kind": input["kind"], "from_year": input["from_year"], "from_value": input["from_value"]});
                err(api::path_json(ind, &req.to_string()))
            } else {
                let mut req = json!({"from_year": input["from_year"], "value": input["value"]});
                for k in ["rate", "increment"] {
                    if let Some(v) = input.get(k) {
                        req[k] = v.clone();
                    }
                }
                err(api::what_if_json(ind, &req.to_string()))
            }
        }
        "progress" => err(api::progress_json(&input.to_string())),
        "project_points" => err(api::project_points_json(&input.to_string())),
        "evaluate" => match builtin::plan(input["plan"].as_str().unwrap()) {
            Err(e) => e,
            Ok(plan) => {
                let mut req = json!({"observations": input["observations"]});
                if let Some(w) = input.get("weights") {
                    req["weights"] = w.clone();
                }
                api::evaluate_json(&plan, &req.to_string()).map(|e| e.evaluation).expect_err("no error")
            }
        },
        "csv" => onpace::io::csv::read_observations_csv(input["text"].as_str().unwrap()).expect_err("no error"),
        other => panic!("unknown op {other}"),
    }
}

#[test]
fn every_bad_input_gives_its_code_and_the_library_still_works() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/vectors/bad_inputs.json");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cases = file["cases"].as_array().unwrap();
    assert!(cases.len() >= 60);
    for case in cases {
        if let Some(langs) = case.get("languages") {
            if !langs.as_array().unwrap().iter().any(|l| l == "rust") {
                continue;
            }
        }
        let name = case["name"].as_str().unwrap();
        let e = run(case["op"].as_str().unwrap(), &case["input"]);
        assert_eq!(e.code(), case["expected"]["code"].as_str().unwrap(), "{name}: {e}");
        assert!(!e.to_string().is_empty());
    }
    // A known case still computes: 0.36 → 1.10, first linear milestone 0.508.
    let rd = builtin::plan("yanbian-st-14").unwrap();
    assert_eq!(
        rd.indicator("rd-intensity").unwrap().path(onpace::PathKind::Linear).unwrap()[1].value.to_string(),
        "0.508"
    );
}
