//! Self-contained HTML reports (inline CSS and SVG, no network), written as well-formed XHTML so
//! that any XML parser reads them; and the evaluation as CSV.

use crate::error::Result;
use crate::math::trend::Projection;
use crate::method::evaluate::Evaluation;
use crate::method::{Assessment, Status};
use crate::model::label::Lang;
use crate::model::plan::Plan;
use crate::model::series::PlanObservations;
use crate::num::{f64_text, format_fixed};
use crate::report::svg::{
    chart_series, draw_indicator_chart, escape, pace_chart, projects_gantt, ChartSeries, FONT_STACK,
};
use std::fmt::Write as _;

const CSS: &str = "body{margin:24px;color:#1d2433;background:#fff}h1{font-size:20px}h2{font-size:16px;margin-top:28px}\
table{border-collapse:collapse;font-size:13px;margin:8px 0}th,td{border-bottom:1px solid #e3e7ee;padding:4px 8px;text-align:right;vertical-align:top}\
th:first-child,td:first-child{text-align:left}.s{font-weight:600;white-space:nowrap;border-radius:3px;padding:1px 5px;border:1px solid}\
.good{color:#1b7837;background:#e7f4e4}.fair{color:#8a6d00;background:#fdf3cf}.poor{color:#b35806;background:#fde0c5}\
.bad{color:#b2182b;background:#fbdada}.none{color:#555;background:#eee}.note{color:#666;font-size:12px}.charts svg{margin:8px 8px 0 0}\
table.left th,table.left td{text-align:left}table.left td:first-child,table.left td:nth-child(4),table.left td:nth-child(6){white-space:nowrap}";

fn words(lang: Lang) -> [&'static str; 20] {
    match lang {
        Lang::Zh => [
            "指标",
            "基期值",
            "目标",
            "最新值",
            "完成进度",
            "时间进度",
            "进度比",
            "评价",
            "此后所需年均增速",
            "外推值（90%区间）",
            "预计达到年份",
            "提示",
            "方法",
            "评估时点",
            "汇总",
            "图表",
            "数据来源",
            "重点项目",
            "规划目标进度表",
            "最新",
        ],
        Lang::En => [
            "Indicator",
            "Baseline",
            "Target",
            "Latest",
            "Completion",
            "Time share",
            "Pace",
            "Status",
            "Required annual growth from now",
            "Projection (90% interval)",
            "Expected year",
            "Warnings",
            "Method",
            "As of",
            "Summary",
            "Charts",
            "Sources",
            "Key projects",
            "Required schedule",
            "latest",
        ],
        Lang::Ko => [
            "지표",
            "기준값",
            "목표",
            "최신값",
            "달성률",
            "시간 경과율",
            "진도비",
            "평가",
            "이후 필요 연평균 증가율",
            "외삽값(90% 구간)",
            "예상 달성 연도",
            "경고",
            "방법",
            "평가 시점",
            "요약",
            "차트",
            "자료 출처",
            "중점 사업",
            "목표 일정표",
            "최신",
        ],
    }
}

fn page(title: &str, lang: Lang, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{}\"><head><meta charset=\"utf-8\"/>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>{}</title>\
         <style>body{{font-family:{}}}{}</style></head><body>{}</body></html>\n",
        lang.code(),
        escape(title),
        FONT_STACK,
        CSS,
        body
    )
}

fn tone_class(s: Status) -> &'static str {
    match s.tone() {
        crate::method::Tone::Good => "good",
        crate::method::Tone::Fair => "fair",
        crate::method::Tone::Poor => "poor",
        crate::method::Tone::Bad => "bad",
        crate::method::Tone::None => "none",
    }
}

/// A status as a badge: colour, symbol and word (readable in greyscale).
pub fn badge(s: Status, lang: Lang) -> String {
    format!("<span class=\"s {}\">{} {}</span>", tone_class(s), escape(s.symbol()), escape(s.label(lang)))
}

fn pct(v: Option<rust_decimal::Decimal>) -> String {
    v.map(|d| format!("{}%", format_fixed(d.saturating_mul(rust_decimal::Decimal::ONE_HUNDRED), 1)))
        .unwrap_or_else(|| "—".into())
}

fn rate(v: Option<f64>) -> String {
    v.map(|g| format!("{}%", f64_text(g * 100.0, Some(2)))).unwrap_or_else(|| "—".into())
}

/// One row of the evaluation table.
fn row_cells(plan: &Plan, projection: Option<&Projection>, row: &Assessment, lang: Lang) -> Vec<String> {
    let Ok(ind) = plan.indicator(&row.indicator) else { return Vec::new() };
    let dp = ind.display_decimals();
    let name = |id: &str| plan.indicator(id).map(|i| i.label.get(lang).to_string()).unwrap_or_else(|_| id.into());
    let target = crate::report::forms::target_text(ind, row, name, lang);
    let latest = escape(&crate::report::forms::latest_text(ind, row, lang));
    let proj = projection
        .map(|p| match (p.low, p.high) {
            (Some(lo), Some(hi)) => format!(
                "{} [{}, {}] ({})",
                f64_text(p.value, Some(dp)),
                f64_text(lo, Some(dp)),
                f64_text(hi, Some(dp)),
                p.year
            ),
            _ => format!("{} ({})", f64_text(p.value, Some(dp)), p.year),
        })
        .unwrap_or_else(|| "—".into());
    let expected = projection.and_then(|p| p.year_reached).map(|y| y.to_string()).unwrap_or_else(|| "—".into());
    let warnings: Vec<&str> = row.warnings.iter().map(|w| w.code.code()).collect();
    vec![
        escape(ind.label.get(lang)),
        escape(&crate::report::forms::baseline_text(ind, row, lang)),
        escape(&target),
        latest,
        pct(row.completion),
        pct(row.time_share),
        row.pace.map(|p| format_fixed(p, 2)).unwrap_or_else(|| "—".into()),
        format!(
            "<span class=\"s {}\">{}</span>",
            tone_class(row.status),
            escape(&crate::report::forms::status_text(row, lang))
        ),
        rate(row.required_cagr_from_now),
        proj,
        expected,
        escape(&warnings.join(", ")),
    ]
}

/// The evaluation as a self-contained HTML report: the table, the roll-up and the charts.
pub fn evaluation_html(
    plan: &Plan,
    observations: &PlanObservations,
    evaluation: &Evaluation,
    lang: Lang,
) -> Result<String> {
    let w = words(lang);
    let title = plan.title.get(lang);
    let as_of = match &evaluation.as_of {
        crate::model::series::AsOf::Latest => w[19].to_string(),
        crate::model::series::AsOf::Year(y) => y.to_string(),
        crate::model::series::AsOf::Date(d) => d.to_string(),
    };
    let mut body = format!(
        "<h1>{}</h1><p>{}: {} (v{}) · {}: {}</p>",
        escape(title),
        w[12],
        escape(&evaluation.method),
        escape(&evaluation.method_version),
        w[13],
        escape(&as_of)
    );
    body.push_str("<table><thead><tr>");
    for h in &w[..12] {
        let _ = write!(body, "<th>{}</th>", escape(h));
    }
    body.push_str("</tr></thead><tbody>");
    // Each indicator's points and projection, once, for its table row and its chart.
    let series: Vec<ChartSeries> =
        plan.indicators.iter().map(|ind| chart_series(ind, observations, &evaluation.as_of)).collect::<Result<_>>()?;
    let series_of = |id: &str| plan.indicators.iter().position(|i| i.id == id).and_then(|k| series.get(k));
    for row in &evaluation.rows {
        body.push_str("<tr>");
        let projection = series_of(&row.indicator).and_then(|s| s.projection.as_ref());
        for c in row_cells(plan, projection, row, lang) {
            let _ = write!(body, "<td>{c}</td>");
        }
        body.push_str("</tr>");
    }
    body.push_str("</tbody></table>");
    let s = &evaluation.summary;
    let _ = write!(body, "<h2>{}</h2><p>", w[14]);
    let counts: Vec<String> =
        s.counts.iter().filter(|c| c.count > 0).map(|c| format!("{} {}", badge(c.status, lang), c.count)).collect();
    body.push_str(&counts.join(" "));
    let _ = write!(
        body,
        "</p><p>{}/{} · {}</p>",
        s.on_pace,
        s.assessed,
        s.share_on_pace.map(|v| pct(Some(v))).unwrap_or_else(|| "—".into())
    );
    let name = |id: &str| plan.indicator(id).map(|i| i.label.get(lang).to_string()).unwrap_or_else(|_| id.into());
    let natures = crate::report::forms::nature_line(s, name, lang);
    if !natures.is_empty() {
        let _ = write!(body, "<p>{}</p>", escape(&natures));
    }
    let _ = write!(body, "<h2>{}</h2><div class=\"charts\">", w[15]);
    body.push_str(&pace_chart(plan, evaluation, lang));
    for (ind, data) in plan.indicators.iter().zip(&series) {
        body.push_str(&draw_indicator_chart(ind, data, lang));
    }
    body.push_str("</div>");
    if !plan.sources.is_empty() {
        let _ = write!(body, "<h2>{}</h2><ul>", w[16]);
        for src in &plan.sources {
            let _ = write!(
                body,
                "<li>{}{}</li>",
                escape(src.title.get(lang)),
                src.note.as_deref().map(|n| format!(" — {}", escape(n))).unwrap_or_default()
            );
        }
        body.push_str("</ul>");
    }
    if lang != Lang::Zh {
        let _ = write!(
            body,
            "<p class=\"note\">{}</p>",
            escape(crate::report::labels::phrase(crate::report::labels::Phrase::Unofficial, lang))
        );
    }
    Ok(page(title, lang, &body))
}

/// The plan itself as a report: the required schedule of every indicator and the key projects
/// (timeline and table).
pub fn plan_html(plan: &Plan, lang: Lang) -> Result<String> {
    let w = words(lang);
    let title = plan.title.get(lang);
    let mut body = format!(
        "<h1>{}</h1><p>{} {}–{}</p><h2>{}</h2>",
        escape(title),
        escape(plan.region.get(lang)),
        plan.period.start,
        plan.period.end,
        w[18]
    );
    body.push_str("<table><thead><tr>");
    let years: Vec<i32> = (plan.period.start..=plan.period.end).collect();
    let _ = write!(body, "<th>{}</th><th>{}</th><th>{}</th>", w[0], w[1], w[2]);
    for y in &years {
        let _ = write!(body, "<th>{y}</th>");
    }
    body.push_str("</tr></thead><tbody>");
    for ind in &plan.indicators {
        let Ok(s) = ind.schedule() else { continue };
        let dp = ind.display_decimals();
        let target = s.linear.last().map(|m| format!("{} ({})", format_fixed(m.value, dp), m.year)).unwrap_or_default();
        let _ = write!(
            body,
            "<tr><td>{}</td><td>{} ({})</td><td>{}</td>",
            escape(ind.label.get(lang)),
            format_fixed(ind.baseline.value, dp),
            ind.baseline.year,
            escape(&target)
        );
        for y in &years {
            let cell = s
                .linear
                .iter()
                .find(|m| m.year == *y)
                .map(|m| format_fixed(m.value, dp.saturating_add(2)))
                .unwrap_or_default();
            let _ = write!(body, "<td>{cell}</td>");
        }
        body.push_str("</tr>");
    }
    body.push_str("</tbody></table>");
    if !plan.projects.is_empty() {
        let _ = write!(body, "<h2>{}</h2>", w[17]);
        body.push_str(&projects_gantt(plan, lang));
        let head: [&str; 6] = match lang {
            Lang::Zh => ["序号", "项目名称", "承担单位", "建设期", "建设地点", "投资额"],
            Lang::En => ["No.", "Project", "Undertakers", "Period", "Location", "Investment"],
            Lang::Ko => ["번호", "사업명", "시행 기관", "기간", "위치", "투자액"],
        };
        body.push_str("<table class=\"left\"><thead><tr>");
        for h in head {
            let _ = write!(body, "<th>{h}</th>");
        }
        body.push_str("</tr></thead><tbody>");
        for p in &plan.projects {
            let total = p
                .total_investment(crate::model::unit::Magnitude::TenThousand)?
                .map(|t| {
                    format!(
                        "{} {}",
                        t,
                        crate::model::unit::Unit::Money {
                            currency: "CNY".into(),
                            magnitude: crate::model::unit::Magnitude::TenThousand
                        }
                        .symbol(lang)
                    )
                })
                .unwrap_or_default();
            let _ = write!(
                body,
                "<tr><td>{}-{}</td><td>{}</td><td>{}</td><td>{}–{}</td><td>{}</td><td>{}</td></tr>",
                p.table,
                p.number,
                escape(p.name.get(lang)),
                escape(&p.undertakers.join("、")),
                p.period.start.year,
                p.period.end.year,
                escape(&p.location),
                escape(&total)
            );
        }
        body.push_str("</tbody></table>");
    }
    Ok(page(title, lang, &body))
}

/// CSV field quoting (RFC 4180).
pub(crate) fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The evaluation as CSV: one row per indicator, exact values as decimal text.
pub fn evaluation_csv(evaluation: &Evaluation) -> String {
    let mut out = String::from(
        "indicator,method,status,completion,time_share,pace,actual_cagr,required_cagr,required_cagr_from_now,ratio,score,latest_year,latest_value,target_year,target_value,warnings\r\n",
    );
    let f = |v: Option<f64>| v.map(|x| f64_text(x, None)).unwrap_or_default();
    let d = |v: Option<rust_decimal::Decimal>| v.map(|x| x.to_string()).unwrap_or_default();
    for r in &evaluation.rows {
        let i = r.inputs.as_ref();
        let fields = [
            r.indicator.clone(),
            r.method.clone(),
            r.status.code().to_string(),
            d(r.completion),
            d(r.time_share),
            d(r.pace),
            f(r.actual_cagr),
            f(r.required_cagr),
            f(r.required_cagr_from_now),
            f(r.ratio),
            f(r.score),
            i.map(|x| x.latest_year.to_string()).unwrap_or_default(),
            d(i.map(|x| x.latest_value)),
            i.map(|x| x.target_year.to_string()).unwrap_or_default(),
            d(i.map(|x| x.target_value)),
            r.warnings.iter().map(|w| w.code.code()).collect::<Vec<_>>().join(";"),
        ];
        out.push_str(&fields.iter().map(|x| csv_field(x)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}
