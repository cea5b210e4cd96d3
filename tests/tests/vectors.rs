//! Runs the shared vectors in `tests/vectors/` against the Rust core. The same files are run
//! by the Python and JS suites; every case names the independent source of its expected values.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::str::FromStr;

use onpace::io::json::observation_list_from_json;
use onpace::{
    progress, project_trend, required_path, AsOf, AssessOptions, Band, Decimal, Direction, Growth, Indicator, Model,
    PathKind, YearValue,
};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VectorFile {
    #[allow(dead_code)]
    description: String,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    source: String,
    op: String,
    input: Value,
    expected: Value,
    #[serde(default)]
    tolerance: Option<f64>,
}

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("vectors")
}

fn load(name: &str) -> Vec<Case> {
    let text = std::fs::read_to_string(vectors_dir().join(name)).unwrap();
    let file: VectorFile = serde_json::from_str(&text).unwrap();
    assert!(!file.cases.is_empty(), "{name} has no cases");
    for c in &file.cases {
        assert!(!c.source.trim().is_empty(), "{}: no source named", c.name);
    }
    file.cases
}

fn s(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn dec(v: &Value) -> Decimal {
    Decimal::from_str(&s(v)).unwrap()
}

/// Compare a decimal result with an expected exact string ("0.2") or fraction ("87/199").
fn check_dec(case: &str, field: &str, actual: Option<Decimal>, expected: &Value) {
    match (actual, expected) {
        (None, Value::Null) => {}
        (Some(a), Value::String(e)) if e.contains('/') => {
            let (p, q) = e.split_once('/').unwrap();
            let want = Decimal::from_str(p).unwrap() / Decimal::from_str(q).unwrap();
            let diff = (a - want).abs();
            // A 28-digit decimal holds a non-terminating fraction to ~1e-27 of its size.
            let bound = want.abs().max(Decimal::ONE) * Decimal::new(1, 25);
            assert!(diff <= bound, "{case}: {field} = {a}, expected {e} ({want})");
        }
        (Some(a), e @ Value::String(_)) => assert_eq!(a, dec(e), "{case}: {field}"),
        (a, e) => panic!("{case}: {field} = {a:?}, expected {e}"),
    }
}

fn check_f64(case: &str, field: &str, actual: Option<f64>, expected: &Value, tol: f64) {
    match (actual, expected.as_f64()) {
        (None, None) if expected.is_null() => {}
        (Some(a), Some(e)) => {
            let err = if e == 0.0 { a.abs() } else { ((a - e) / e).abs() };
            assert!(err <= tol, "{case}: {field} = {a}, expected {e} (relative error {err:e} > {tol:e})");
        }
        (a, _) => panic!("{case}: {field} = {a:?}, expected {expected}"),
    }
}

fn run_path(c: &Case) {
    let i = &c.input;
    let from = (i["from_year"].as_i64().unwrap() as i32, dec(&i["from_value"]));
    let to = (i["to_year"].as_i64().unwrap() as i32, dec(&i["to_value"]));
    let kind = PathKind::parse(i["kind"].as_str().unwrap()).unwrap();
    let result = required_path(from, to, kind);
    if let Some(code) = c.expected.get("error") {
        assert_eq!(result.unwrap_err().code(), code.as_str().unwrap(), "{}", c.name);
        return;
    }
    let path = result.unwrap();
    if let Some(values) = c.expected.get("values") {
        let values = values.as_array().unwrap();
        assert_eq!(path.len(), values.len(), "{}", c.name);
        for (m, v) in path.iter().zip(values) {
            check_dec(&c.name, &format!("milestone {}", m.year), Some(m.value), v);
        }
    }
    if let Some(floats) = c.expected.get("floats") {
        let floats = floats.as_array().unwrap();
        assert_eq!(path.len(), floats.len(), "{}", c.name);
        for (m, v) in path.iter().zip(floats) {
            let a = m.value.to_string().parse::<f64>().unwrap();
            check_f64(&c.name, &format!("milestone {}", m.year), Some(a), v, c.tolerance.unwrap());
        }
        // Both ends exact, whatever the path's arithmetic.
        assert_eq!(path.first().unwrap().value, from.1, "{}", c.name);
        assert_eq!(path.last().unwrap().value, to.1, "{}", c.name);
    }
}

fn run_progress(c: &Case) {
    let i = &c.input;
    let yv = |y: &str, v: &str| YearValue::new(i[y].as_i64().unwrap() as i32, dec(&i[v]));
    let direction = Direction::parse(i["direction"].as_str().unwrap()).unwrap();
    let p = progress(
        yv("base_year", "base_value"),
        yv("latest_year", "latest_value"),
        yv("target_year", "target_value"),
        direction,
    )
    .unwrap();
    let e = &c.expected;
    let tol = c.tolerance.unwrap();
    check_dec(&c.name, "time_share", Some(p.time_share), &e["time_share"]);
    check_dec(&c.name, "completion", p.completion, &e["completion"]);
    check_dec(&c.name, "pace", p.pace, &e["pace"]);
    check_dec(&c.name, "milestone", Some(p.milestone), &e["milestone"]);
    check_dec(&c.name, "actual_slope", p.actual_slope, &e["actual_slope"]);
    check_dec(&c.name, "required_slope", Some(p.required_slope), &e["required_slope"]);
    check_dec(&c.name, "required_slope_from_now", p.required_slope_from_now, &e["required_slope_from_now"]);
    check_f64(&c.name, "actual_cagr", p.actual_cagr, &e["actual_cagr"], tol);
    check_f64(&c.name, "required_cagr", p.required_cagr, &e["required_cagr"], tol);
    check_f64(&c.name, "required_cagr_from_now", p.required_cagr_from_now, &e["required_cagr_from_now"], tol);
    check_f64(&c.name, "years_to_target", p.years_to_target, &e["years_to_target"], tol);
    check_f64(&c.name, "acceleration", p.acceleration, &e["acceleration"], tol);
}

fn run_assess(c: &Case) {
    let i = &c.input;
    let ind = Indicator::from_json(&i["indicator"].to_string()).unwrap();
    let obs = observation_list_from_json(&i["observations"].to_string()).unwrap();
    let as_of = match i.get("as_of") {
        None => AsOf::Latest,
        Some(v) if v.get("year").is_some() => AsOf::Year(v["year"].as_i64().unwrap() as i32),
        Some(v) => AsOf::parse_date(v["date"].as_str().unwrap()).unwrap(),
    };
    let thresholds: BTreeMap<String, Decimal> = i
        .get("thresholds")
        .and_then(Value::as_object)
        .map(|m| m.iter().map(|(k, v)| (k.clone(), dec(v))).collect())
        .unwrap_or_default();
    let opts = AssessOptions::method(i["method"].as_str().unwrap().parse().unwrap()).with_as_of(as_of);
    let opts = thresholds.into_iter().fold(opts, |o, (k, v)| o.with_threshold(k, v));
    let a = ind.assess(&obs, &opts).unwrap();
    let e = &c.expected;
    assert_eq!(a.status.code(), e["status"].as_str().unwrap(), "{}", c.name);
    if let Some(v) = e.get("time_share") {
        check_dec(&c.name, "time_share", a.time_share, v);
    }
    if let Some(v) = e.get("completion") {
        check_dec(&c.name, "completion", a.completion, v);
    }
    let tol = c.tolerance.unwrap_or(0.0);
    for (field, actual) in [("ratio", a.ratio), ("score", a.score), ("index", a.index)] {
        match e.get(field) {
            Some(v) => check_f64(&c.name, field, actual, v, tol),
            None if field != "ratio" || e.get("status").and_then(Value::as_str) == Some("achieved") => {}
            None => {}
        }
    }
    if let Some(codes) = e.get("warnings") {
        for code in codes.as_array().unwrap() {
            let code = code.as_str().unwrap();
            assert!(a.warnings.iter().any(|w| w.code == code), "{}: no `{code}` warning in {:?}", c.name, a.warnings);
        }
    }
}

fn run_implied(c: &Case) {
    let ind = Indicator::from_json(&c.input["indicator"].to_string()).unwrap();
    let r = ind.implied_target();
    if let Some(code) = c.expected.get("error") {
        assert_eq!(r.unwrap_err().code(), code.as_str().unwrap(), "{}", c.name);
        return;
    }
    let l = r.unwrap();
    check_dec(&c.name, "value", Some(l.value), &c.expected["value"]);
    assert_eq!(l.comparator.code(), c.expected["comparator"].as_str().unwrap(), "{}", c.name);
}

fn run_project(c: &Case) {
    let i = &c.input;
    let points: Vec<(i32, Decimal)> =
        i["points"].as_array().unwrap().iter().map(|p| (p[0].as_i64().unwrap() as i32, dec(&p[1]))).collect();
    let band = match &i["band"] {
        Value::Null => None,
        b => Some(Band::new(b.get("low").map(|v| s(v).parse().unwrap()), b.get("high").map(|v| s(v).parse().unwrap()))),
    };
    let model = Model::parse(i["model"].as_str().unwrap()).unwrap();
    let points: Vec<YearValue> = points.into_iter().map(YearValue::from).collect();
    let r = project_trend(&points, i["year"].as_i64().unwrap() as i32, band, model, i["level"].as_f64().unwrap());
    if let Some(code) = c.expected.get("error") {
        assert_eq!(r.unwrap_err().code(), code.as_str().unwrap(), "{}", c.name);
        return;
    }
    let p = r.unwrap();
    let tol = c.tolerance.unwrap();
    let e = &c.expected;
    check_f64(&c.name, "value", Some(p.value), &e["value"], tol);
    for (f, a) in [("low", p.low), ("high", p.high), ("p_meet", p.p_meet), ("growth", p.growth)] {
        check_f64(&c.name, f, a, &e[f], tol);
    }
    if let Some(sl) = e.get("slope") {
        check_f64(&c.name, "slope", p.slope, sl, tol);
    }
    assert_eq!(p.year_reached.map(i64::from), e["year_reached"].as_i64(), "{}: year_reached", c.name);
}

fn run_numerator_path(c: &Case) {
    let i = &c.input;
    let plan = onpace::builtin::plan(i["plan"].as_str().unwrap()).unwrap();
    let ind = plan.indicator(i["indicator"].as_str().unwrap()).unwrap();
    let kind = PathKind::parse(i["kind"].as_str().unwrap()).unwrap();
    let d = ind
        .numerator_path(
            (i["denominator_year"].as_i64().unwrap() as i32, dec(&i["denominator"])),
            dec(&i["growth"]),
            kind,
        )
        .unwrap();
    let nums = c.expected["numerators"].as_array().unwrap();
    let dens = c.expected["denominators"].as_array().unwrap();
    assert_eq!(d.rows.len(), nums.len());
    for ((r, n), den) in d.rows.iter().zip(nums).zip(dens) {
        check_dec(&c.name, &format!("numerator {}", r.year), Some(r.numerator), n);
        check_dec(&c.name, &format!("denominator {}", r.year), Some(r.denominator), den);
    }
    check_f64(&c.name, "numerator_cagr", d.numerator_cagr, &c.expected["numerator_cagr"], c.tolerance.unwrap());
}

fn run_what_if(c: &Case) {
    let i = &c.input;
    let ind = Indicator::from_json(&i["indicator"].to_string()).unwrap();
    let g = &i["growth"];
    let growth = match (g.get("rate"), g.get("increment")) {
        (Some(r), None) => Growth::Rate(dec(r)),
        (None, Some(d)) => Growth::Increment(dec(d)),
        _ => panic!("{}: growth needs rate or increment", c.name),
    };
    let w = ind.what_if(i["from_year"].as_i64().unwrap() as i32, dec(&i["value"]), growth).unwrap();
    let vals = c.expected["values"].as_array().unwrap();
    assert_eq!(w.path.len(), vals.len());
    for (m, v) in w.path.iter().zip(vals) {
        check_dec(&c.name, &format!("value {}", m.year), Some(m.value), v);
    }
    assert_eq!(w.meets_target, c.expected["meets_target"].as_bool(), "{}", c.name);
    assert_eq!(w.year_reached.map(i64::from), c.expected["year_reached"].as_i64(), "{}", c.name);
}

fn run_evaluate(c: &Case) {
    let i = &c.input;
    let plan = onpace::builtin::plan(i["plan"].as_str().unwrap()).unwrap();
    let obs = onpace::builtin::observations(i["plan"].as_str().unwrap()).unwrap();
    let as_of = match i.get("as_of") {
        None => AsOf::Latest,
        Some(Value::String(d)) => AsOf::parse_date(d).unwrap(),
        Some(y) => AsOf::Year(y.as_i64().unwrap() as i32),
    };
    let opts = AssessOptions::method(i["method"].as_str().unwrap().parse().unwrap()).with_as_of(as_of);
    let e = plan.evaluate(&obs, &opts).unwrap();
    let got: Vec<&str> = e.rows.iter().map(|r| r.status.code()).collect();
    let want: Vec<&str> = c.expected["statuses"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(got, want, "{}", c.name);
    assert_eq!(e.summary.assessed as u64, c.expected["assessed"].as_u64().unwrap(), "{}", c.name);
    assert_eq!(e.summary.not_assessable as u64, c.expected["not_assessable"].as_u64().unwrap(), "{}", c.name);
    assert_eq!(e.summary.on_pace as u64, c.expected["on_pace"].as_u64().unwrap(), "{}", c.name);
    if let Some(v) = c.expected.get("mean_score") {
        check_f64(&c.name, "mean_score", e.summary.mean_score, v, c.tolerance.unwrap_or(0.0));
    }
    if let Some(v) = c.expected.get("overall_status") {
        assert_eq!(e.summary.overall_status.map(|s| s.code()), v.as_str(), "{}: overall_status", c.name);
    }
}

/// A plan given inline, evaluated through the façade (the path Python and JS take too).
fn run_evaluate_plan(c: &Case) {
    let i = &c.input;
    let plan = onpace::Plan::from_json(&i["plan"].to_string()).unwrap();
    let mut request =
        serde_json::json!({"observations": i["observations"], "method": i["method"], "baseline": i["baseline"]});
    if let Some(a) = i.get("as_of") {
        request["as_of"] = a.clone();
    }
    let evaluated = onpace::api::evaluate_json(&plan, &request.to_string()).unwrap();
    let rows = &c.expected["rows"];
    let tol = c.tolerance.unwrap_or(0.0);
    for r in &evaluated.evaluation.rows {
        let Some(e) = rows.get(&r.indicator) else { continue };
        let name = format!("{} / {}", c.name, r.indicator);
        assert_eq!(r.status.code(), e["status"].as_str().unwrap(), "{name}");
        if let Some(p) = e.get("path") {
            assert_eq!(r.path.map(|k| serde_json::to_value(k).unwrap()), Some(p.clone()), "{name}: path");
        }
        if let Some(b) = e.get("breach_years") {
            let want: Vec<i32> = b.as_array().unwrap().iter().map(|v| v.as_i64().unwrap() as i32).collect();
            assert_eq!(r.breach_years, want, "{name}: breach years");
            assert_eq!((r.completion, r.pace, r.milestone), (None, None, None), "{name}: a bound has no completion");
        }
        if let Some(v) = e.get("time_share") {
            check_dec(&name, "time_share", r.time_share, v);
        }
        match e.get("completion") {
            Some(v @ Value::String(_)) => check_dec(&name, "completion", r.completion, v),
            Some(v) => check_f64(&name, "completion", r.completion.map(|d| d.to_string().parse().unwrap()), v, tol),
            None => {}
        }
        if let Some(v) = e.get("latest_value") {
            check_dec(&name, "latest_value", r.inputs.as_ref().map(|i| i.latest_value), v);
        }
    }
    assert_eq!(
        evaluated.evaluation.rows.iter().filter(|r| rows.get(&r.indicator).is_some()).count(),
        rows.as_object().unwrap().len(),
        "{}: every expected row is present",
        c.name
    );
}

fn run_file(name: &str) -> usize {
    let cases = load(name);
    for c in &cases {
        match c.op.as_str() {
            "path" => run_path(c),
            "progress" => run_progress(c),
            "assess" => run_assess(c),
            "implied_target" => run_implied(c),
            "project" => run_project(c),
            "numerator_path" => run_numerator_path(c),
            "what_if" => run_what_if(c),
            "evaluate" => run_evaluate(c),
            "evaluate_plan" => run_evaluate_plan(c),
            other => panic!("{}: unknown op `{other}` (a case no runner knows fails the suite)", c.name),
        }
    }
    cases.len()
}

#[test]
fn paths() {
    assert!(run_file("paths.json") >= 9);
}

#[test]
fn progress_building_blocks() {
    assert!(run_file("progress.json") >= 8);
}

#[test]
fn cn_plan_pace() {
    assert!(run_file("cn_plan_pace.json") >= 20);
}

#[test]
fn implied_targets() {
    assert!(run_file("implied_targets.json") >= 7);
}

#[test]
fn methods() {
    assert!(run_file("methods.json") >= 100);
}

#[test]
fn projections() {
    assert!(run_file("projections.json") >= 20);
}

#[test]
fn evaluations() {
    assert!(run_file("evaluations.json") >= 21);
}

#[test]
fn plan_forms() {
    assert!(run_file("plan_forms.json") >= 20);
}

#[test]
fn regressions() {
    assert!(run_file("regressions.json") >= 1);
}

#[test]
fn scenarios() {
    assert!(run_file("scenarios.json") >= 6);
}

/// Every vector file in the folder is run by some test above: a new file cannot be forgotten.
#[test]
fn every_vector_file_is_run() {
    let known = [
        "paths.json",
        "progress.json",
        "cn_plan_pace.json",
        "implied_targets.json",
        "bad_plans.json",
        "bad_inputs.json",
        "methods.json",
        "projections.json",
        "scenarios.json",
        "evaluations.json",
        "regressions.json",
        "plan_forms.json",
    ];
    for entry in std::fs::read_dir(vectors_dir()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".json") {
            assert!(known.contains(&name.as_str()), "vector file {name} is not run by any test");
        }
    }
}
