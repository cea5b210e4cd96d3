//! Plan roll-ups: counts, shares, weights, the missing-data policy, Open SDG's mean score,
//! "achieved only if every series is achieved", and relative targets resolved from the
//! reference indicator's own growth. Expected values are hand calculations shown inline.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::str::FromStr;

use onpace::io::json::observations_from_json;
use onpace::{builtin, AssessOptions, Decimal, MissingPolicy, Plan, Status};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// Illustrative plan (not real data): GDP growing 10 %/yr, R&D in step with GDP, and a
/// monitored indicator without observations.
fn plan() -> Plan {
    Plan::from_json(
        r#"{
      "id": "rollup-test", "title": {"zh": "测试"}, "issuer": {"zh": "测试"}, "region": {"zh": "测试"},
      "period": {"start": 2021, "end": 2025}, "base_year": 2020,
      "indicators": [
        {"id": "gdp", "label": {"zh": "地区生产总值"}, "unit": {"kind": "ratio"}, "direction": "increase",
         "baseline": {"year": 2020, "value": "100"}, "target": {"kind": "level", "year": 2025, "value": "150"}},
        {"id": "rd", "label": {"zh": "研发"}, "unit": {"kind": "ratio"}, "direction": "increase",
         "baseline": {"year": 2020, "value": "1"}, "target": {"kind": "relative", "year": 2025, "to": "gdp", "relation": "in_step_with"}},
        {"id": "idle", "label": {"zh": "无数据"}, "unit": {"kind": "ratio"}, "direction": "increase",
         "baseline": {"year": 2020, "value": "1"}, "target": {"kind": "level", "year": 2025, "value": "2"}}
      ]}"#,
    )
    .unwrap()
}

fn observations() -> onpace::PlanObservations {
    observations_from_json(r#"{"gdp": [{"year": 2022, "value": "121"}], "rd": [{"year": 2022, "value": "1.3"}]}"#)
        .unwrap()
}

#[test]
fn relative_target_uses_the_reference_growth() {
    let e = plan().evaluate(&observations(), &AssessOptions::default()).unwrap();
    let rd = &e.rows[1];
    // GDP grew 100 → 121 in two years: 10 %/yr. In step: 1 × 1.1^5 = 1.61051 by 2025.
    let target = rd.inputs.as_ref().unwrap().target_value;
    assert!((target - d("1.61051")).abs() < d("1e-12"), "{target}");
    // A growth-type target is judged on the geometric path (issue 12): completion
    // ln 1.3 / ln 1.61051 = 0.5505 against τ = 0.4: at least τ + 0.1 → ahead. (R&D grew
    // 14 %/yr against GDP's 10 %/yr; the linear share 0.4914 used to call it on track.)
    assert_eq!(rd.status, Status::Ahead);
    assert_eq!(rd.path, Some(onpace::PathKind::Geometric));
    assert_eq!(rd.completion.unwrap().round_dp(4), d("0.5505"));
    // GDP: (121 − 100)/50 = 0.42 against 0.4 → on track.
    assert_eq!(e.rows[0].status, Status::OnTrack);
}

#[test]
fn counts_shares_and_missing_policy() {
    let e = plan().evaluate(&observations(), &AssessOptions::default()).unwrap();
    let s = &e.summary;
    assert_eq!((s.assessed, s.not_assessable, s.on_pace), (2, 1, 2));
    assert_eq!(s.share_on_pace, Some(Decimal::ONE)); // 2 of 2 assessed
    assert!(!s.all_achieved);
    let counted = AssessOptions::default().with_missing(MissingPolicy::CountAsOffPace);
    let e2 = plan().evaluate(&observations(), &counted).unwrap();
    // 2 on pace of 3 rows when the unassessable row counts as off pace.
    assert_eq!(e2.summary.share_on_pace.unwrap().round_dp(6), d("0.666667"));
    let n: usize = e.summary.counts.iter().map(|c| c.count).sum();
    assert_eq!(n, 3, "every row is counted once");
}

#[test]
fn weights() {
    let mut o = AssessOptions::default().with_missing(MissingPolicy::CountAsOffPace);
    o.weights.insert("gdp".into(), d("3"));
    o.weights.insert("idle".into(), d("2"));
    let e = plan().evaluate(&observations(), &o).unwrap();
    // On pace: gdp (3) and rd (1, default) of 3 + 1 + 2 = 6 → 4/6.
    assert_eq!(e.summary.weighted_share_on_pace.unwrap().round_dp(6), d("0.666667"));
    o.weights.insert("nope".into(), d("1"));
    assert_eq!(plan().evaluate(&observations(), &o).unwrap_err().code(), "unknown_indicator");
    o.weights.clear();
    o.weights.insert("gdp".into(), d("-1"));
    assert_eq!(plan().evaluate(&observations(), &o).unwrap_err().code(), "invalid_argument");
}

#[test]
fn open_sdg_mean_score_and_all_achieved() {
    let cn = builtin::plan("cn-14th-fyp-st").unwrap();
    let obs = builtin::observations("cn-14th-fyp-st").unwrap();
    let e = cn.evaluate(&obs, &AssessOptions::method("open-sdg".parse().unwrap())).unwrap();
    // Scores: 5 (R&D achieved), 5 (patents achieved), basic research R = ga/gr with
    // ga = (6.88/6.01)^(1/4) − 1, gr = (8/6.01)^(1/5) − 1 → R = 0.58433…, score
    // −5 + (R + 0.6)/1.2 × 5 = −0.06528…; the digital economy has no score.
    let ga = (6.88f64 / 6.01).powf(0.25) - 1.0;
    let gr = (8.0f64 / 6.01).powf(0.2) - 1.0;
    let basic = -5.0 + (ga / gr + 0.6) / 1.2 * 5.0;
    let mean = e.summary.mean_score.unwrap();
    assert!((mean - (10.0 + basic) / 3.0).abs() < 1e-12, "{mean}");
    assert!(!e.summary.all_achieved);
    // A plan whose every indicator is met is "all achieved".
    let mut only = cn.clone();
    only.indicators.truncate(2);
    let mut o = obs.clone();
    o.retain(|k, _| k == "rd-expenditure" || k == "high-value-invention-patents-per-10k");
    assert!(only.evaluate(&o, &AssessOptions::method("open-sdg".parse().unwrap())).unwrap().summary.all_achieved);
}

#[test]
fn every_method_evaluates_every_builtin_plan() {
    for id in builtin::plan_ids() {
        let plan = builtin::plan(id).unwrap();
        let obs = builtin::observations(id).unwrap();
        for m in onpace::method_ids() {
            let e = plan.evaluate(&obs, &AssessOptions::method(m.parse().unwrap())).unwrap();
            assert_eq!(e.rows.len(), plan.indicators.len());
            let statuses = onpace::method(m).unwrap().statuses();
            for r in &e.rows {
                assert!(
                    r.status == Status::NotAssessable
                        || statuses.contains(&r.status)
                        || onpace::method::SHARED_STATUSES.contains(&r.status),
                    "{m}: {:?}",
                    r.status
                );
                if r.status == Status::NotAssessable {
                    assert!(!r.warnings.is_empty(), "{m}: not_assessable without a reason");
                }
            }
        }
    }
}
