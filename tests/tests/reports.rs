//! Reports and charts: well-formed XML, golden files (byte for byte), escaping of hostile
//! labels, CSV.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::PathBuf;

use onpace::report::{html, svg};
use onpace::{builtin, AsOf, AssessOptions, Lang, Plan};

fn golden(name: &str, text: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, text).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(want == text, "{name} differs from tests/golden/{name} (UPDATE_GOLDEN=1 to regenerate, then review)");
}

/// Parse as XML; an HTML page without its doctype line.
fn well_formed(text: &str) {
    let body = text.strip_prefix("<!DOCTYPE html>\n").unwrap_or(text);
    roxmltree::Document::parse(body).unwrap_or_else(|e| panic!("not well-formed: {e}"));
}

#[test]
fn national_evaluation_report() {
    let plan = builtin::plan("cn-14th-fyp-st").unwrap();
    let obs = builtin::observations("cn-14th-fyp-st").unwrap();
    let e = plan.evaluate(&obs, &AssessOptions::default()).unwrap();
    for (lang, name) in [(Lang::En, "national-evaluation.en.html"), (Lang::Zh, "national-evaluation.zh.html")] {
        let page = html::evaluation_html(&plan, &obs, &e, lang).unwrap();
        well_formed(&page);
        golden(name, &page);
    }
    let chart = svg::indicator_chart(&plan, "basic-research-share", &obs, &AsOf::Latest, Lang::Zh).unwrap();
    well_formed(&chart);
    golden("basic-research-share.zh.svg", &chart);
    let pace = svg::pace_chart(&plan, &e, Lang::En);
    well_formed(&pace);
    golden("pace.en.svg", &pace);
    let csv = html::evaluation_csv(&e);
    assert_eq!(csv.lines().count(), 5);
    assert!(csv.contains("basic-research-share,cn-plan-pace,lagging,"));
}

#[test]
fn yanbian_plan_report() {
    let plan = builtin::plan("yanbian-st-14").unwrap();
    let page = html::plan_html(&plan, Lang::Zh).unwrap();
    well_formed(&page);
    golden("yanbian-report.zh.html", &page);
    for lang in [Lang::En, Lang::Ko] {
        well_formed(&html::plan_html(&plan, lang).unwrap());
        well_formed(&svg::projects_gantt(&plan, lang));
    }
}

#[test]
fn hostile_labels_are_escaped() {
    let mut plan = builtin::plan("cn-14th-fyp-st").unwrap();
    let evil = r#"<script>alert("x")</script> & 'q' </svg>"#;
    plan.indicators[0].label.zh = evil.into();
    plan.title.zh = evil.into();
    let plan = Plan::from_json(&plan.to_json().unwrap()).unwrap();
    let obs = builtin::observations("cn-14th-fyp-st").unwrap();
    let e = plan.evaluate(&obs, &AssessOptions::default()).unwrap();
    let page = html::evaluation_html(&plan, &obs, &e, Lang::Zh).unwrap();
    well_formed(&page);
    assert!(!page.contains("<script>"));
    assert!(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"));
    let chart = svg::indicator_chart(&plan, &plan.indicators[0].id, &obs, &AsOf::Latest, Lang::Zh).unwrap();
    well_formed(&chart);
    assert!(!chart.contains("<script>"));
    let md = onpace::report::markdown::evaluation_markdown(&plan, &e, Lang::Zh);
    assert!(!md.contains("<script>"), "a Markdown renderer would pass raw HTML through");
    assert!(md.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; & 'q' &lt;/svg&gt;"), "{md}");
}

/// A plan of `n` level indicators 0 → 100 (2020 → 2025), for chart tests.
fn crowded_plan(n: usize) -> Plan {
    let indicators: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id":"indicator-{i}","label":{{"zh":"指标{i}"}},"unit":{{"kind":"index"}},"direction":"increase",
                "baseline":{{"year":2020,"value":0}},"target":{{"kind":"level","year":2025,"value":100}}}}"#
            )
        })
        .collect();
    Plan::from_json(&format!(
        r#"{{"id":"crowded","title":{{"zh":"x"}},"issuer":{{"zh":"x"}},"region":{{"zh":"x"}},
        "period":{{"start":2021,"end":2025}},"base_year":2020,"indicators":[{}]}}"#,
        indicators.join(",")
    ))
    .unwrap()
}

#[test]
fn pace_chart_labels_do_not_overlap_and_off_chart_points_say_so() {
    let plan = crowded_plan(9);
    // Seven points bunched at 2023 between 50 and 56 (completion 50 %…56 %, time share 60 %),
    // one far above the axis (completion 500 %) and one far below (−200 %).
    let mut obs = onpace::PlanObservations::new();
    for (i, v) in [50, 51, 52, 53, 54, 55, 56, 500, -200].iter().enumerate() {
        obs.insert(format!("indicator-{i}"), vec![onpace::Observation::new(2023, (*v).into())]);
    }
    let e = plan.evaluate(&obs, &AssessOptions::default()).unwrap();
    let chart = svg::pace_chart(&plan, &e, Lang::En);
    well_formed(&chart);
    // ONPACE_CHART_DUMP=DIR writes the chart out, to look at it.
    if let Some(dir) = std::env::var_os("ONPACE_CHART_DUMP") {
        std::fs::write(PathBuf::from(dir).join("crowded-pace.svg"), &chart).unwrap();
    }
    let doc = roxmltree::Document::parse(&chart).unwrap();
    let num = |n: roxmltree::Node, a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
    // Label boxes as the chart estimates them (6.2 px a Latin glyph at 11 px, 13 px high).
    let boxes: Vec<(f64, f64, f64, f64, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("font-size") == Some("11"))
        .map(|n| {
            let text = n.text().unwrap().to_string();
            let w: f64 = text.chars().map(|c| if c.is_ascii() { 6.2 } else { 11.0 }).sum();
            let (x, y) = (num(n, "x"), num(n, "y"));
            let x0 = match n.attribute("text-anchor") {
                Some("end") => x - w,
                Some("middle") => x - w / 2.0,
                _ => x,
            };
            (x0, y - 10.0, x0 + w, y + 3.0, text)
        })
        .collect();
    assert_eq!(boxes.len(), 9, "every point is labelled");
    for (i, a) in boxes.iter().enumerate() {
        assert!(a.0 >= 56.0 && a.2 <= 400.0 && a.1 >= 36.0 && a.3 <= 416.0, "label inside the plot: {a:?}");
        for b in boxes.iter().skip(i + 1) {
            let overlap = a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
            assert!(!overlap, "labels overlap: {a:?} and {b:?}");
        }
    }
    // The two off-chart points: drawn on the edge, an arrow each, their real value in the label.
    assert_eq!(doc.descendants().filter(|n| n.has_tag_name("polygon")).count(), 2);
    assert!(boxes.iter().any(|b| b.4.ends_with("indicator-7 (500%)")), "{boxes:?}");
    assert!(boxes.iter().any(|b| b.4.ends_with("indicator-8 (-200%)")), "{boxes:?}");
    assert!(!chart.contains("NaN") && !chart.contains("inf"));
}

#[test]
fn extreme_values_never_put_non_finite_numbers_in_a_chart() {
    // A series that grows by 10^20 a year: the projection overflows f64 long before 2060.
    let json = r#"{"id":"x","title":{"zh":"x"},"issuer":{"zh":"x"},"region":{"zh":"x"},
        "period":{"start":2001,"end":2060},"base_year":2000,"indicators":[{"id":"huge","label":{"zh":"大"},
        "unit":{"kind":"index"},"direction":"increase","baseline":{"year":2000,"value":"0.0000000001"},
        "target":{"kind":"level","year":2060,"value":"79000000000000000000000000000"}}]}"#;
    let plan = Plan::from_json(json).unwrap();
    let mut obs = onpace::PlanObservations::new();
    obs.insert(
        "huge".into(),
        vec![
            onpace::Observation::new(2001, "0.1".parse().unwrap()),
            onpace::Observation::new(2002, "100000000000".parse().unwrap()),
        ],
    );
    // (Evaluating it is a typed overflow of the pace; the chart needs no evaluation.)
    for chart in [svg::indicator_chart(&plan, "huge", &obs, &AsOf::Latest, Lang::En).unwrap()] {
        well_formed(&chart);
        let doc = roxmltree::Document::parse(&chart).unwrap();
        for n in doc.descendants() {
            for a in n.attributes() {
                let v = a.value().to_ascii_lowercase();
                assert!(
                    !v.contains("nan") && !v.contains("inf"),
                    "{}={} in {}",
                    a.name(),
                    a.value(),
                    n.tag_name().name()
                );
            }
            if let Some(t) = n.text() {
                assert!(!t.contains("NaN") && !t.contains("inf"), "text {t}");
            }
        }
    }
}
