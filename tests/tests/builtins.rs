//! The built-in plans: lossless round trips, sums, registry queries and the national plan
//! evaluated on its published figures. Expected values are hand calculations shown inline.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::str::FromStr;

use onpace::{builtin, AsOf, AssessOptions, Decimal, Magnitude, Plan, Status};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn builtin_ids() {
    assert_eq!(builtin::plan_ids(), ["yanbian-st-14", "cn-14th-fyp-st"]);
    assert_eq!(builtin::plan("nope").unwrap_err().code(), "unknown_plan");
    assert!(builtin::observations("yanbian-st-14").unwrap().is_empty(), "no invented Yanbian statistics");
}

#[test]
fn round_trips_are_lossless() {
    for id in builtin::plan_ids() {
        let plan = builtin::plan(id).unwrap();
        let again = Plan::from_json(&plan.to_json().unwrap()).unwrap();
        assert_eq!(again, plan, "{id}");
        assert_eq!(again.to_json().unwrap(), plan.to_json().unwrap(), "{id}: save is stable");
    }
}

#[test]
fn yanbian_achievements_add_up() {
    let plan = builtin::plan("yanbian-st-14").unwrap();
    let get = |id: &str| plan.achievements.iter().find(|a| a.id == id).unwrap();
    // The plan's own figures: 127 + 502 + 371 = 1000 patents; 4 + 15 + 41 = 60 awards;
    // 10 + 236 + 132 = 378 projects; 471 + 10615 + 1205 = 12291 万元.
    for (id, total, parts) in [
        ("patents-granted", "1000", vec!["127", "502", "371"]),
        ("provincial-st-awards", "60", vec!["4", "15", "41"]),
        ("st-projects-approved", "378", vec!["10", "236", "132"]),
        ("st-project-funding", "12291", vec!["471", "10615", "1205"]),
    ] {
        let a = get(id);
        assert_eq!(a.value, d(total));
        assert_eq!(
            a.breakdown.iter().map(|p| p.value).collect::<Vec<_>>(),
            parts.iter().map(|p| d(p)).collect::<Vec<_>>()
        );
        a.check_breakdown(id).unwrap();
    }
    // A broken breakdown is caught.
    let mut broken = get("patents-granted").clone();
    broken.breakdown[0].value = d("128");
    assert_eq!(broken.check_breakdown("x").unwrap_err().code(), "invalid_plan");
}

#[test]
fn yanbian_projects() {
    let plan = builtin::plan("yanbian-st-14").unwrap();
    assert_eq!(plan.projects.len(), 26);
    // Hand count from Tables 2, 3 and 5: every project of Tables 2 and 5 runs in 2024, and in
    // Table 3 numbers 1, 2, 3, 6, 10, 11, 12, 13 and 16 → 6 + 9 + 4 = 19.
    assert_eq!(plan.projects_active(2024).len(), 19);
    let sanghuang = plan.projects.iter().find(|p| p.table == 3 && p.number == 2).unwrap();
    // 6400 + 5500 + 10000 + 4500 + 16500 = 42900 万元 = 4.29 亿元.
    assert_eq!(sanghuang.total_investment(Magnitude::TenThousand).unwrap(), Some(d("42900")));
    assert_eq!(sanghuang.total_investment(Magnitude::HundredMillion).unwrap(), Some(d("4.29")));
    let haoji = plan.projects.iter().find(|p| p.table == 2 && p.number == 6).unwrap();
    // 16 + 19 + 13 = 48 亿元.
    assert_eq!(haoji.total_investment(Magnitude::HundredMillion).unwrap(), Some(d("48")));
    // Registry queries, hand counts from the tables: table 3 projects in 敦化市 are numbers
    // 1, 3, 7, 8, 9, 10 and 11 → 7; 图们江制药 undertakes 3-14 and 3-15 → 2.
    assert_eq!(plan.projects_where(None, Some("敦化市"), None, Some(3)).len(), 7);
    assert_eq!(plan.projects_where(None, None, Some("图们江制药"), None).len(), 2);
    assert_eq!(plan.projects_where(Some(2028), None, None, None).len(), 1); // 3-12, 2019–2028
    let r: serde_json::Value =
        serde_json::from_str(&onpace::api::projects_json(&plan, r#"{"table": 2}"#).unwrap()).unwrap();
    // Table 2 investments: 16 + 19 + 13 亿元 = 480000 万元.
    assert_eq!(r["investment_total_ten_thousand"], "480000");
    assert_eq!(r["count"], 6);
    let caoxian = plan.projects.iter().find(|p| p.table == 3 && p.number == 4).unwrap();
    assert_eq!(caoxian.period.months(), 51);
    assert!(plan.projects.iter().all(|p| p.county.is_some() || p.location == "俄罗斯"));
}

#[test]
fn national_plan_at_the_latest_figures() {
    let plan = builtin::plan("cn-14th-fyp-st").unwrap();
    let obs = builtin::observations("cn-14th-fyp-st").unwrap();
    assert!(obs.values().flatten().all(|o| o.source.is_some()), "every shipped value cites its source");
    let e = plan.evaluate(&obs, &AssessOptions::default()).unwrap();
    let status: Vec<&str> = e.rows.iter().map(|r| r.status.code()).collect();
    // R&D: 36326.8 (2024) is above 24393.1 × 1.07^5 = 34212.58…; patents: 16 (2025) ≥ 12;
    // basic research: P = (6.88 − 6.01)/(8 − 6.01) = 0.437 < τ − 0.05 = 0.75 → lagging;
    // digital economy: no observation after 2020.
    assert_eq!(status, ["achieved", "achieved", "lagging", "not_assessable"]);
    let basic = &e.rows[2];
    assert_eq!(basic.completion.unwrap().round_dp(10), d("0.4371859296")); // 87/199
    assert_eq!(basic.time_share, Some(d("0.8")));
    assert_eq!(e.summary.assessed, 3);
    assert_eq!(e.summary.not_assessable, 1);
    assert_eq!(e.summary.on_pace, 2);
    assert_eq!(e.summary.share_on_pace.unwrap().round_dp(6), d("0.666667"));
}

#[test]
fn national_plan_as_known_at_the_end_of_2023() {
    let plan = builtin::plan("cn-14th-fyp-st").unwrap();
    let obs = builtin::observations("cn-14th-fyp-st").unwrap();
    let opts = AssessOptions::default().with_as_of(AsOf::parse_date("2023-12-31").unwrap());
    let e = plan.evaluate(&obs, &opts).unwrap();
    // Known by 2023-12-31: R&D and basic research up to 2022 (bulletin of 2023-09-18), patents
    // 2022 (2023-01-16). The time share is the date's, 3/5 = 0.6 (issue 12: an evaluation at a
    // date measures time to that date, not to the latest observation's year).
    // R&D (average annual growth target, judged on the geometric path): P = ln(30782.9/24393.1)
    // / ln(1.07^5) = 0.687744 (Python decimal, 50 digits) in [0.55, 0.70) → on track;
    // patents P = 3.1/5.7 = 0.5439 < 0.55 → lagging; basic research P = 0.56/1.99 = 0.2814 → lagging.
    let got: Vec<(i32, Status)> =
        e.rows.iter().filter_map(|r| r.inputs.as_ref().map(|i| (i.latest_year, r.status))).collect();
    assert_eq!(got, [(2022, Status::OnTrack), (2022, Status::Lagging), (2022, Status::Lagging)]);
    assert_eq!(e.rows[0].completion.unwrap().round_dp(6), d("0.687744"));
    assert_eq!(e.rows[0].time_share, Some(d("0.6")));
}

#[test]
fn unknown_indicator_in_observations_is_an_error() {
    let plan = builtin::plan("yanbian-st-14").unwrap();
    let obs = onpace::io::csv::read_observations_csv("indicator,year,value\nrd-intensty,2021,0.4\n").unwrap();
    let e = plan.evaluate(&obs, &AssessOptions::default()).unwrap_err();
    assert_eq!((e.code(), e.field()), ("unknown_indicator", "rd-intensty"));
}
