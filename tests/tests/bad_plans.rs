//! The bad-plan catalogue in `tests/vectors/bad_plans.json`: each broken plan file must give
//! its documented error code, name the path at fault, and never panic.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use onpace::Plan;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalogue {
    #[allow(dead_code)]
    description: String,
    base: Value,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    source: String,
    op: String,
    input: Input,
    expected: Expected,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Input {
    #[serde(default)]
    set: Vec<(String, Value)>,
    #[serde(default)]
    remove: Vec<String>,
    text: Option<String>,
    append: Option<String>,
    nest: Option<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    code: String,
    path: Option<String>,
}

fn set(doc: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match doc.pointer_mut(parent).unwrap() {
        Value::Object(m) => {
            m.insert(key.to_string(), value);
        }
        Value::Array(a) => a[key.parse::<usize>().unwrap()] = value,
        other => panic!("cannot set {pointer} in {other}"),
    }
}

fn remove(doc: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    doc.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key);
}

fn catalogue() -> Catalogue {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/vectors/bad_plans.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_base_plan_is_valid() {
    let c = catalogue();
    Plan::from_json(&c.base.to_string()).unwrap();
}

#[test]
fn every_bad_plan_gives_its_code_and_path() {
    let c = catalogue();
    assert!(c.cases.len() >= 20, "the issue asks for at least 20 kinds");
    for case in &c.cases {
        assert_eq!(case.op, "plan_error", "{}", case.name);
        assert!(!case.source.is_empty());
        let text = if let Some(depth) = case.input.nest {
            // Inside a target, which serde buffers recursively, so the depth is really parsed.
            format!(
                r#"{{"indicators":[{{"target":{{"x":{}{},"kind":"none"}}}}]}}"#,
                "[".repeat(depth),
                "]".repeat(depth)
            )
        } else if let Some(t) = &case.input.text {
            t.clone()
        } else {
            let mut doc = c.base.clone();
            for (p, v) in &case.input.set {
                set(&mut doc, p, v.clone());
            }
            for p in &case.input.remove {
                remove(&mut doc, p);
            }
            let mut t = doc.to_string();
            if let Some(a) = &case.input.append {
                t.push_str(a);
            }
            t
        };
        let err = Plan::from_json(&text).expect_err(&case.name);
        assert_eq!(err.code(), case.expected.code, "{}: {err}", case.name);
        if let Some(path) = &case.expected.path {
            assert_eq!(err.field(), path, "{}: {err}", case.name);
        }
        assert!(!err.to_string().is_empty());
    }
}
