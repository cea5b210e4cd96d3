//! Issue 12's plan forms end to end in Rust: the forms plan (tests/fixtures/forms-plan.json)
//! loads, round-trips, evaluates at a mid-year date and renders in zh / en / ko; rates typed
//! three ways; dates; mixing levels and rates; chained annual changes equal levels exactly.
//! Verdicts are checked against tests/reference in plan_forms.json; numbers here are hand
//! calculations noted inline.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::PathBuf;
use std::str::FromStr;

use onpace::io::json::observations_from_json;
use onpace::report::{html, markdown, svg};
use onpace::{AsOf, AssessOptions, BaselineChoice, Decimal, Lang, Observation, Plan, PlanObservations, Status};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name)).unwrap()
}

fn forms() -> (Plan, PlanObservations) {
    let plan = Plan::from_json(&fixture("forms-plan.json")).unwrap();
    let obs = observations_from_json(&fixture("forms-plan.observations.json")).unwrap();
    (plan, obs)
}

#[test]
fn chained_changes_and_periods_travel_through_csv() {
    // The forms observations (annual changes for energy intensity) written as long CSV and read
    // back are the same observations, and the plan evaluates to the same result as from JSON.
    let (plan, obs) = forms();
    let csv = onpace::io::csv::write_observations_csv(&obs).unwrap();
    assert!(
        csv.starts_with("indicator,year,value,numerator,denominator,vintage,flag,source,annual_change,period"),
        "{csv}"
    );
    let back = onpace::io::csv::read_observations_csv(&csv).unwrap();
    assert_eq!(back, obs);
    let options = mid_year();
    assert_eq!(plan.evaluate(&back, &options).unwrap(), plan.evaluate(&obs, &options).unwrap());
    // As a statistician types it: per cent with a sign, and a half-year figure.
    let typed = "indicator,year,annual_change,value,period\nenergy-intensity,2021,-2.7%,,\nenergy-intensity,2022,-0.001,,\ngdp-growth,2023,,5.5,H1\n";
    let read = onpace::io::csv::read_observations_csv(typed).unwrap();
    let energy = &read["energy-intensity"];
    assert_eq!(energy[0].annual_change, Some(Decimal::from_str("-0.027").unwrap()));
    assert_eq!(energy[1].annual_change, Some(Decimal::from_str("-0.001").unwrap()));
    assert_eq!(read["gdp-growth"][0].period.as_deref(), Some("H1"));
    // A bad period or change is refused with its line and column.
    let e = onpace::io::csv::read_observations_csv("indicator,year,value,period\nx,2023,1,Q4\n").unwrap_err();
    assert_eq!((e.code(), e.field(), e.line()), ("parse", "period", Some(2)), "{e}");
    let e = onpace::io::csv::read_observations_csv("indicator,year,annual_change\nx,2021,-2.7 pct\n").unwrap_err();
    assert_eq!((e.code(), e.field(), e.line()), ("parse", "annual_change", Some(2)), "{e}");
    // A row with neither a value nor a change is still refused.
    let e = onpace::io::csv::read_observations_csv("indicator,year,value,annual_change\nx,2021,,\n").unwrap_err();
    assert_eq!((e.code(), e.line()), ("invalid_observations", Some(2)), "{e}");
}

fn mid_year() -> AssessOptions {
    AssessOptions::default().with_as_of(AsOf::parse_date("2023-06-30").unwrap())
}

#[test]
fn forms_plan_loads_round_trips_evaluates_and_renders() {
    let (plan, obs) = forms();
    let again = Plan::from_json(&plan.to_json().unwrap()).unwrap();
    assert_eq!(again, plan);
    let e = plan.evaluate(&obs, &mid_year()).unwrap();
    let status: Vec<&str> = e.rows.iter().map(|r| r.status.code()).collect();
    assert_eq!(
        status,
        ["monitored", "on_track", "on_track", "breached", "held", "lagging", "ahead", "on_track"],
        "verdicts as in tests/vectors/plan_forms.json"
    );
    let unemployment = &e.rows[3];
    assert_eq!(unemployment.breach_years, [2022]);
    assert_eq!((unemployment.completion, unemployment.pace, unemployment.time_share), (None, None, None));
    // Energy intensity: 100 × (1 − 0.027) × (1 − 0.001) = 97.2027, exactly; τ = 2.5/5.
    let energy = &e.rows[5];
    let inputs = energy.inputs.as_ref().unwrap();
    assert_eq!(inputs.latest_value, d("97.2027"));
    assert_eq!(inputs.chained_annual_changes.len(), 2);
    assert_eq!(energy.time_share, Some(d("0.5")));
    assert_eq!(energy.path, Some(onpace::PathKind::Geometric));
    assert_eq!(e.summary.monitored, 1);
    assert_eq!(e.summary.by_nature.len(), 2);
    for (lang, breached, monitored) in
        [(Lang::Zh, "未守住底线", "监测"), (Lang::En, "breached", "monitored"), (Lang::Ko, "기준 이탈", "모니터링")]
    {
        let md = markdown::evaluation_markdown(&plan, &e, lang);
        assert!(md.contains(breached) && md.contains(monitored), "{lang:?}\n{md}");
        let page = html::evaluation_html(&plan, &obs, &e, lang).unwrap();
        roxmltree::Document::parse(page.strip_prefix("<!DOCTYPE html>\n").unwrap()).unwrap();
    }
    let zh = markdown::evaluation_markdown(&plan, &e, Lang::Zh);
    assert!(zh.contains("约束性指标2项"), "{zh}");
    assert!(zh.contains("预期性指标6项"), "{zh}");
    // Markdown cells escape `<` (report/markdown.rs).
    assert!(zh.contains("每年&lt;5.50（2021–2025）"), "{zh}");
    assert!(zh.contains("2021 -2.7%, 2022 -0.1% 连乘"), "{zh}");
    assert!(zh.contains("修订 77.93"), "{zh}");
    // A change target reads as written, then the level it implies: 100 × (1 − 0.135) = 86.5.
    assert!(zh.contains("−13.5 % (累计) → ≤86.50 (2025)"), "{zh}");
}

#[test]
fn bound_charts_draw_the_bound_not_a_path() {
    let (plan, obs) = forms();
    let chart =
        svg::indicator_chart(&plan, "urban-unemployment", &obs, &AsOf::parse_date("2023-06-30").unwrap(), Lang::Zh)
            .unwrap();
    roxmltree::Document::parse(&chart).unwrap();
    assert!(chart.contains("每年界限 5.5"), "{chart}");
    // No required path: only the bound line and the projection are polylines.
    assert!(!chart.contains("stroke=\"#2c6db5\" stroke-width=\"2\" points"), "a linear path was drawn");
    // Nor does the legend name paths that are not drawn; it names the bound (the target colour).
    for absent in ["线性路径", "等比路径"] {
        assert!(!chart.contains(absent), "the legend lists {absent}: {chart}");
    }
    for present in ["观测值", "目标"] {
        assert!(chart.contains(present), "the legend lacks {present}: {chart}");
    }
    // A level indicator's chart keeps both paths in its legend.
    let level = svg::indicator_chart(&plan, "life-expectancy", &obs, &AsOf::Latest, Lang::Zh).unwrap();
    assert!(level.contains("线性路径") && level.contains("目标"), "{level}");
}

#[test]
fn achieved_early_in_chinese() {
    let (plan, _) = forms();
    let obs = observations_from_json(r#"{"life-expectancy": [{"year": 2022, "value": "78.4"}]}"#).unwrap();
    let e = plan.evaluate(&obs, &AssessOptions::default()).unwrap();
    assert_eq!(e.rows[6].status, Status::Achieved);
    let zh = markdown::evaluation_markdown(&plan, &e, Lang::Zh);
    assert!(zh.contains("提前实现"), "{zh}");
    assert!(markdown::evaluation_markdown(&plan, &e, Lang::En).contains("achieved early"));
}

#[test]
fn revised_baseline_on_request_and_named_in_the_result() {
    let (plan, obs) = forms();
    let revised = mid_year().with_baseline(BaselineChoice::Revised);
    let (p, r) = (plan.evaluate(&obs, &mid_year()).unwrap(), plan.evaluate(&obs, &revised).unwrap());
    // (78.2 − 77.3)/1 = 0.9 → ahead; (78.2 − 77.93)/1 = 0.27 < 0.45 → lagging.
    assert_eq!((p.rows[6].status, p.rows[6].completion), (Status::Ahead, Some(d("0.9"))));
    assert_eq!((r.rows[6].status, r.rows[6].completion), (Status::Lagging, Some(d("0.27"))));
    let i = r.rows[6].inputs.as_ref().unwrap();
    assert_eq!(
        (i.baseline, i.plan_base_value, i.revision_date.as_deref()),
        (BaselineChoice::Revised, Some(d("77.3")), Some("2021-05-11"))
    );
    assert_eq!(p.rows[6].inputs.as_ref().unwrap().baseline, BaselineChoice::Plan);
    // A revision published after the evaluation date is not used.
    let early = mid_year().with_as_of(AsOf::parse_date("2021-03-31").unwrap()).with_baseline(BaselineChoice::Revised);
    let obs21 = observations_from_json(r#"{"life-expectancy": [{"year": 2020, "value": "77.3"}]}"#).unwrap();
    assert!(plan.evaluate(&obs21, &early).is_ok());
    let life = plan.indicator("life-expectancy").unwrap();
    assert_eq!(life.baseline_value(BaselineChoice::Revised, Some("2021-03-31")).0, d("77.3"));
    assert_eq!(life.baseline_value(BaselineChoice::Revised, Some("2021-05-11")).0, d("77.93"));
    assert_eq!(life.baseline_value(BaselineChoice::Plan, None).0, d("77.3"));
}

#[test]
fn rates_typed_three_ways() {
    assert_eq!(onpace::parse_rate("7%", false, "rate").unwrap(), d("0.07"));
    assert_eq!(onpace::parse_rate("0.07", false, "rate").unwrap(), d("0.07"));
    let e = onpace::parse_rate("7", false, "rate").unwrap_err();
    assert_eq!(e.code(), "invalid_argument");
    assert!(e.to_string().contains("7 means +700 % a year; write 0.07 or '7%'"), "{e}");
    // In a plan file: "7%" loads as 0.07 and is written back as 0.07; a bare 7 is refused.
    let (plan, _) = forms();
    let mut json: serde_json::Value = serde_json::from_str(&plan.to_json().unwrap()).unwrap();
    json["indicators"][5]["unit"] = serde_json::json!({"kind": "index"});
    json["indicators"][5]["target"] = serde_json::json!({"kind": "annual_growth", "year": 2025, "rate": "7%"});
    let p = Plan::from_json(&json.to_string()).unwrap();
    assert!(p.to_json().unwrap().contains(r#""rate": "0.07""#));
    json["indicators"][5]["target"]["rate"] = serde_json::json!(7);
    let e = Plan::from_json(&json.to_string()).unwrap_err();
    assert!(e.to_string().contains("7 means +700 % a year"), "{e}");
    assert_eq!(e.field(), "indicators[5].target.rate", "{e}");
    // Scenarios through the façade: "5%" works, 5 is refused, allow_large_rates says it on purpose.
    let ind = plan.indicator("energy-intensity").unwrap();
    assert!(onpace::api::what_if_json(ind, r#"{"from_year": 2020, "value": 100, "rate": "5%"}"#)
        .unwrap()
        .contains("\"105"));
    assert_eq!(
        onpace::api::what_if_json(ind, r#"{"from_year": 2020, "value": 100, "rate": 5}"#).unwrap_err().code(),
        "invalid_argument"
    );
    assert!(onpace::api::what_if_json(
        ind,
        r#"{"from_year": 2020, "value": 100, "rate": 5, "allow_large_rates": true}"#
    )
    .is_ok());
}

#[test]
fn dates_are_real_days_and_give_the_time_share() {
    let (plan, _) = forms();
    for bad in ["2023-02-30", "2023-13-01", "2023-13-45", "2023/06/30"] {
        // The checked date type refuses them before any evaluation.
        assert_eq!(AsOf::parse_date(bad).unwrap_err().code(), "invalid_argument", "{bad}");
        assert!(bad.parse::<onpace::Date>().is_err(), "{bad}");
        assert!(serde_json::from_str::<AsOf>(&format!(r#"{{"date": "{bad}"}}"#)).is_err(), "{bad}");
        // The bindings' requests: the same code, `invalid_argument`, naming `as_of`.
        let e = onpace::api::evaluate_json(&plan, &format!(r#"{{"as_of": "{bad}"}}"#)).unwrap_err();
        assert_eq!((e.code(), e.field()), ("invalid_argument", "as_of"), "{bad}");
    }
    // "2023-06" is the end of June: the same as 2023-06-30.
    let e = onpace::api::evaluate_json(&plan, r#"{"as_of": "2023-06", "observations": {}}"#).unwrap();
    assert_eq!(e.evaluation.rows.len(), 8);
    assert_eq!(AsOf::parse_date("2023-06").unwrap().time_share(2020, 2025), Some(d("0.5")));
}

#[test]
fn mixing_levels_and_rates_is_an_error() {
    let (plan, _) = forms();
    let mut json: serde_json::Value = serde_json::from_str(&plan.to_json().unwrap()).unwrap();
    // Compounding a growth rate.
    let mut a = json.clone();
    a["indicators"][0]["target"] = serde_json::json!({"kind": "annual_growth", "year": 2025, "rate": "0.05"});
    let e = Plan::from_json(&a.to_string()).unwrap_err();
    assert_eq!((e.code(), e.field()), ("invalid_plan", "indicators[0].target.kind"));
    // A rate in step with a level.
    json["indicators"][2]["target"]["to"] = serde_json::json!("energy-intensity");
    let e = Plan::from_json(&json.to_string()).unwrap_err();
    assert_eq!((e.code(), e.field()), ("invalid_plan", "indicators[2].target.to"));
    assert!(e.to_string().contains("rate with rate"), "{e}");
    // A period-average rate on a level indicator.
    let mut b: serde_json::Value = serde_json::from_str(&plan.to_json().unwrap()).unwrap();
    b["indicators"][5]["target"] = serde_json::json!({"kind": "average_rate", "year": 2025, "value": "7"});
    assert_eq!(Plan::from_json(&b.to_string()).unwrap_err().code(), "invalid_plan");
}

#[test]
fn chained_annual_changes_equal_levels_exactly() {
    // Levels 80 → 76 → 72.2 → 68.59 are −5 % a year: the chained changes give the same levels.
    let (plan, _) = forms();
    let ind = plan.indicator("energy-intensity").unwrap();
    let mut ind = ind.clone();
    ind.baseline.value = d("80");
    let levels =
        [Observation::new(2021, d("76")), Observation::new(2022, d("72.2")), Observation::new(2023, d("68.59"))];
    let changes: Vec<Observation> = (2021..=2023).map(|y| Observation::annual_change(y, d("-0.05"))).collect();
    let a = ind.assess(&levels, &AssessOptions::default()).unwrap();
    let b = ind.assess(&changes, &AssessOptions::default()).unwrap();
    assert_eq!(a.inputs.as_ref().unwrap().latest_value, b.inputs.as_ref().unwrap().latest_value);
    assert_eq!(b.inputs.as_ref().unwrap().latest_value, d("68.59"));
    assert_eq!((a.status, a.completion), (b.status, b.completion));
    // A gap cannot be chained.
    let gap = [Observation::annual_change(2022, d("-0.05"))];
    assert_eq!(ind.assess(&gap, &AssessOptions::default()).unwrap_err().code(), "invalid_observations");
}

#[test]
fn sub_annual_figures_where_comparable() {
    // Illustrative: a share (percent, level target 10 → 20) with 2022 = 13 and H1 2023 = 15.5.
    let plan = Plan::from_json(
        r#"{"id": "s", "title": {"zh": "s"}, "issuer": {"zh": "s"}, "region": {"zh": "s"},
        "period": {"start": 2021, "end": 2025}, "base_year": 2020, "indicators": [
        {"id": "share", "label": {"zh": "比重"}, "unit": {"kind": "percent"}, "direction": "increase",
         "baseline": {"year": 2020, "value": "10"}, "target": {"kind": "level", "year": 2025, "value": "20"}},
        {"id": "spend", "label": {"zh": "支出"}, "unit": {"kind": "money", "currency": "CNY", "magnitude": "hundred_million"},
         "direction": "increase", "baseline": {"year": 2020, "value": "100"}, "target": {"kind": "level", "year": 2025, "value": "200"}}]}"#,
    )
    .unwrap();
    let obs = observations_from_json(
        r#"{"share": [{"year": 2022, "value": "13"}, {"year": 2023, "value": "15.5", "period": "H1"}],
            "spend": [{"year": 2022, "value": "130"}, {"year": 2023, "value": "70", "period": "H1"}]}"#,
    )
    .unwrap();
    let e = plan.evaluate(&obs, &mid_year()).unwrap();
    // Share: the H1 figure is used: P = (15.5 − 10)/10 = 0.55 against τ = 2.5/5 = 0.5, below 0.6 → on track.
    let share = &e.rows[0];
    assert_eq!((share.completion, share.time_share), (Some(d("0.55")), Some(d("0.5"))));
    assert_eq!(share.status, Status::OnTrack);
    assert_eq!(share.inputs.as_ref().unwrap().latest_period.as_deref(), Some("H1"));
    assert!(share.warnings.iter().any(|w| w.code == "sub_annual"));
    // Spending is a flow: half a year's spending is not comparable; 2022 is used, with a warning.
    let spend = &e.rows[1];
    assert_eq!(spend.inputs.as_ref().unwrap().latest_year, 2022);
    assert!(spend.warnings.iter().any(|w| w.code == "sub_annual_not_comparable"), "{:?}", spend.warnings);
    // Known only after its period ends: at 2023-05-31 the H1 figure does not exist yet.
    let before = AssessOptions::default().with_as_of(AsOf::parse_date("2023-05-31").unwrap());
    assert_eq!(plan.evaluate(&obs, &before).unwrap().rows[0].inputs.as_ref().unwrap().latest_year, 2022);
    // Without a date, the time share runs to the end of the period: (2 + 6/12)/5 = 0.5.
    let latest = plan.evaluate(&obs, &AssessOptions::default()).unwrap();
    assert_eq!(latest.rows[0].time_share, Some(d("0.5")));
    // A period that does not exist is refused.
    let bad = observations_from_json(r#"{"share": [{"year": 2023, "value": "16", "period": "Q4"}]}"#).unwrap();
    assert_eq!(plan.evaluate(&bad, &AssessOptions::default()).unwrap_err().code(), "invalid_argument");
}
