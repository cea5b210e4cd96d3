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
    assert!(md.contains("<script>"), "Markdown is text; the HTML renderers escape");
}
