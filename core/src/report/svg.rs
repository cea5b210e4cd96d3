//! Self-contained, deterministic SVG charts: the same bytes from Rust, Python and JS.
//!
//! A small writer of our own rather than a charting crate: the charts are lines, points, bands
//! and bars, and a crate that compiles to WebAssembly would cost more of the 200 KB budget
//! than this module. Text is escaped; labels use a font stack with CJK and Hangul faces.

use crate::error::Result;
use crate::math::path::PathKind;
use crate::math::trend::{Model, Projection};
use crate::method::evaluate::{Evaluation, PlanObservations};
use crate::method::prepare::series_with_baseline;
use crate::model::indicator::Indicator;
use crate::model::label::Lang;
use crate::model::plan::Plan;
use crate::model::series::{resolve_points, AsOf, Point};
use crate::num::{f64_text, to_f64};
use std::fmt::Write as _;

/// Fonts that render Latin, Chinese and Korean labels.
pub const FONT_STACK: &str =
    "system-ui, 'Noto Sans CJK SC', 'Noto Sans CJK KR', 'Source Han Sans SC', 'Microsoft YaHei', 'Malgun Gothic', sans-serif";

/// Escape text for XML content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A coordinate with two decimals: deterministic on every platform.
fn n(x: f64) -> String {
    f64_text(x, Some(2))
}

struct Frame {
    w: f64,
    h: f64,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

impl Frame {
    fn x(&self, v: f64) -> f64 {
        let span = if self.x1 > self.x0 { self.x1 - self.x0 } else { 1.0 };
        self.left + (v - self.x0) / span * (self.w - self.left - self.right)
    }
    fn y(&self, v: f64) -> f64 {
        let span = if self.y1 > self.y0 { self.y1 - self.y0 } else { 1.0 };
        self.top + (1.0 - (v - self.y0) / span) * (self.h - self.top - self.bottom)
    }
}

fn open(w: f64, h: f64, title: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" \
         font-family=\"{}\" font-size=\"12\"><title>{}</title><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>",
        n(w),
        n(h),
        n(w),
        n(h),
        escape(FONT_STACK),
        escape(title)
    )
}

fn polyline(f: &Frame, pts: &[(f64, f64)], stroke: &str, dash: &str) -> String {
    let p: Vec<String> = pts.iter().map(|(x, y)| format!("{},{}", n(f.x(*x)), n(f.y(*y)))).collect();
    let dash = if dash.is_empty() { String::new() } else { format!(" stroke-dasharray=\"{dash}\"") };
    format!("<polyline fill=\"none\" stroke=\"{stroke}\" stroke-width=\"2\"{dash} points=\"{}\"/>", p.join(" "))
}

/// A value label with at most four significant digits.
fn tick(v: f64) -> String {
    let mag = if v == 0.0 { 0.0 } else { v.abs().log10().floor() };
    let places = (3.0 - mag).clamp(0.0, 6.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped to 0..=6
    let p = places as u32;
    let text = f64_text(v, Some(p));
    // Trailing zeros only after a decimal point: 2020 stays 2020.
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

fn legend(items: &[(&str, String)], x: f64, y: f64) -> String {
    let mut out = String::new();
    let mut dx = x;
    for (colour, text) in items {
        let _ =
            write!(out,
            "<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{colour}\"/><text x=\"{}\" y=\"{}\">{}</text>",
            n(dx),
            n(y - 9.0),
            n(dx + 14.0),
            n(y),
            escape(text)
        );
        // Approximate advance: CJK and Hangul glyphs are about twice as wide as Latin ones.
        let width: f64 = text.chars().map(|c| if c.is_ascii() { 6.5 } else { 12.0 }).sum();
        dx += 24.0 + width;
    }
    out
}

/// The label of a bound line: every year, or the period average.
fn bound_word(target: &crate::model::target::Target, lang: Lang) -> &'static str {
    let average = matches!(target, crate::model::target::Target::AverageRate { .. });
    match (lang, average) {
        (Lang::Zh, false) => "每年界限",
        (Lang::En, false) => "bound every year",
        (Lang::Ko, false) => "매년 기준",
        (Lang::Zh, true) => "年均目标",
        (Lang::En, true) => "period average",
        (Lang::Ko, true) => "연평균 목표",
    }
}

fn words(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Zh => ["线性路径", "等比路径", "观测值", "外推及区间", "目标", "评估年"],
        Lang::En => ["linear path", "geometric path", "observed", "projection and interval", "target", "as of"],
        Lang::Ko => ["선형 경로", "등비 경로", "관측값", "외삽 및 구간", "목표", "평가 연도"],
    }
}

/// The chart of one indicator: required paths, observed points (hollow when flagged or
/// revised), the projection with its interval band, the target and the as-of year.
pub fn indicator_chart(
    plan: &Plan,
    id: &str,
    observations: &PlanObservations,
    as_of: &AsOf,
    lang: Lang,
) -> Result<String> {
    let ind = plan.indicator(id)?;
    Ok(draw_indicator_chart(ind, &chart_series(ind, observations, as_of)?, lang))
}

/// What an indicator's chart and its report row show: the points resolved as of the
/// evaluation, and the report's projection. Computed once per indicator for both.
#[derive(Debug, Clone)]
pub struct ChartSeries {
    /// One value per year, as [`resolve_points`] picks them.
    pub points: Vec<Point>,
    /// OLS linear with a 90 % interval from three points (baseline included), the endpoint
    /// CAGR from two, none otherwise or when the model cannot project.
    pub projection: Option<Projection>,
}

/// The [`ChartSeries`] of one indicator.
pub fn chart_series(ind: &Indicator, observations: &PlanObservations, as_of: &AsOf) -> Result<ChartSeries> {
    let obs = observations.get(&ind.id).map(Vec::as_slice).unwrap_or_default();
    let points = resolve_points(ind, obs, as_of, &mut Vec::new())?;
    let series = series_with_baseline(ind, &points);
    let model = if series.len() >= 3 { Model::OlsLinear } else { Model::EndpointCagr };
    // A growth rate is not a level that trends: the reports project levels only.
    let projection = ind
        .target
        .year()
        .filter(|_| !ind.unit.is_growth_rate())
        .and_then(|year| crate::math::trend::project(&series, year, ind.target_band(), model, 0.9).ok());
    Ok(ChartSeries { points, projection })
}

/// Draw the chart of one indicator from its series.
pub fn draw_indicator_chart(ind: &Indicator, data: &ChartSeries, lang: Lang) -> String {
    let (points, projection) = (&data.points, &data.projection);
    let linear = ind.path(PathKind::Linear).unwrap_or_default();
    let geometric = ind.path(PathKind::Geometric).unwrap_or_default();
    let mut xs: Vec<f64> = vec![f64::from(ind.baseline.year)];
    let mut ys: Vec<f64> = vec![to_f64(ind.baseline.value)];
    for m in linear.iter().chain(geometric.iter()) {
        xs.push(f64::from(m.year));
        ys.push(to_f64(m.value));
    }
    for p in points {
        xs.push(f64::from(p.year));
        ys.push(to_f64(p.value));
    }
    // A bound held every year (or a period-average rate) is a line, not a path to a level.
    let bound =
        ind.target.bound_comparator(ind.direction).zip(ind.target.year()).map(|((v, _), year)| (to_f64(v), year));
    if let Some((v, year)) = bound {
        xs.push(f64::from(year));
        ys.push(v);
    }
    if let Some(p) = &projection {
        xs.push(f64::from(p.year));
        ys.extend([p.value, p.low.unwrap_or(p.value), p.high.unwrap_or(p.value)]);
    }
    let (x0, x1) =
        (xs.iter().copied().fold(f64::INFINITY, f64::min), xs.iter().copied().fold(f64::NEG_INFINITY, f64::max));
    let (mut y0, mut y1) =
        (ys.iter().copied().fold(f64::INFINITY, f64::min), ys.iter().copied().fold(f64::NEG_INFINITY, f64::max));
    let pad = if y1 > y0 { (y1 - y0) * 0.08 } else { 1.0 };
    y0 -= pad;
    y1 += pad;
    let f = Frame { w: 640.0, h: 330.0, left: 64.0, right: 20.0, top: 52.0, bottom: 36.0, x0, x1, y0, y1 };
    let w = words(lang);
    let mut out = open(f.w, f.h, ind.label.get(lang));
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"18\" font-size=\"14\" font-weight=\"bold\">{}</text>",
        n(f.left),
        escape(ind.label.get(lang))
    );
    // Grid and axes.
    for k in 0..=4 {
        let v = y0 + (y1 - y0) * f64::from(k) / 4.0;
        let _ = write!(out,
            "<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"#e3e7ee\"/><text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#555\">{}</text>",
            n(f.left),
            n(f.w - f.right),
            n(f.y(v)),
            n(f.y(v)),
            n(f.left - 6.0),
            n(f.y(v) + 4.0),
            escape(&tick(v))
        );
    }
    let mut year = x0.ceil();
    while year <= x1 {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{}</text>",
            n(f.x(year)),
            n(f.h - 14.0),
            tick(year)
        );
        year += 1.0;
    }
    // As-of line.
    if let Some(last) = points.last() {
        let x = f.x(f64::from(last.year));
        // Keep the label inside the plot near either edge (clear of the value axis on the left).
        let anchor = if x > f.w - f.right - 60.0 {
            "end"
        } else if x < f.left + 60.0 {
            "start"
        } else {
            "middle"
        };
        let label_x = if anchor == "start" { x + 4.0 } else { x };
        let _ = write!(out,
            "<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"#8896ab\" stroke-dasharray=\"2 3\"/><text x=\"{}\" y=\"{}\" fill=\"#8896ab\" text-anchor=\"{anchor}\">{} {}</text>",
            n(x),
            n(x),
            n(f.top + 8.0),
            n(f.h - f.bottom),
            n(label_x),
            n(f.h - f.bottom - 4.0),
            escape(w[5]),
            last.year
        );
    }
    // Projection band and line from the latest point.
    if let (Some(p), Some(last)) = (&projection, points.last()) {
        let (lx, ly) = (f64::from(last.year), to_f64(last.value));
        if let (Some(lo), Some(hi)) = (p.low, p.high) {
            let _ = write!(
                out,
                "<polygon fill=\"#f4a582\" fill-opacity=\"0.35\" points=\"{},{} {},{} {},{}\"/>",
                n(f.x(lx)),
                n(f.y(ly)),
                n(f.x(f64::from(p.year))),
                n(f.y(hi)),
                n(f.x(f64::from(p.year))),
                n(f.y(lo))
            );
        }
        out.push_str(&polyline(&f, &[(lx, ly), (f64::from(p.year), p.value)], "#d6604d", "5 3"));
    }
    let pts = |ms: &[crate::math::path::Milestone]| -> Vec<(f64, f64)> {
        ms.iter().map(|m| (f64::from(m.year), to_f64(m.value))).collect()
    };
    if !linear.is_empty() {
        out.push_str(&polyline(&f, &pts(&linear), "#2c6db5", ""));
    }
    if !geometric.is_empty() {
        out.push_str(&polyline(&f, &pts(&geometric), "#7fa6d6", "6 4"));
    }
    if let Some((v, year)) = bound {
        let from = f64::from(ind.baseline.year);
        out.push_str(&polyline(&f, &[(from, v), (f64::from(year), v)], "#1b7837", "8 3"));
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" fill=\"#1b7837\" text-anchor=\"end\">{} {}</text>",
            n(f.x(f64::from(year))),
            n(f.y(v) - 4.0),
            escape(bound_word(&ind.target, lang)),
            escape(&tick(v))
        );
    }
    if let Ok(t) = ind.implied_target() {
        let _ = write!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"6\" fill=\"none\" stroke=\"#1b7837\" stroke-width=\"2\"/>",
            n(f.x(f64::from(t.year))),
            n(f.y(to_f64(t.value)))
        );
    }
    for p in points {
        let hollow = p.flag.is_some();
        let _ = write!(out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{}\" stroke=\"#1d2433\" stroke-width=\"1.5\"><title>{} {}{}</title></circle>",
            n(f.x(f64::from(p.year))),
            n(f.y(to_f64(p.value))),
            if hollow { "#ffffff" } else { "#1d2433" },
            p.year,
            p.value,
            p.flag.map(|fl| format!(" ({})", fl.code())).unwrap_or_default()
        );
    }
    out.push_str(&legend(
        &[
            ("#2c6db5", w[0].into()),
            ("#7fa6d6", w[1].into()),
            ("#1d2433", w[2].into()),
            ("#d6604d", w[3].into()),
            ("#1b7837", w[4].into()),
        ],
        f.left,
        38.0,
    ));
    out.push_str("</svg>");
    out
}

/// Completion share against time share for every assessed indicator: the diagonal is on pace
/// (时间过半、任务过半).
pub fn pace_chart(plan: &Plan, evaluation: &Evaluation, lang: Lang) -> String {
    let f = Frame {
        w: 420.0,
        h: 460.0,
        left: 56.0,
        right: 20.0,
        top: 36.0,
        bottom: 44.0,
        x0: 0.0,
        x1: 1.0,
        y0: -0.05,
        y1: 1.3,
    };
    let (title, xl, yl) = match lang {
        Lang::Zh => ("完成进度与时间进度", "时间进度", "完成进度"),
        Lang::En => ("Completion against time share", "time share", "completion"),
        Lang::Ko => ("달성률과 시간 경과율", "시간 경과율", "달성률"),
    };
    let mut out = open(f.w, f.h, title);
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{}</text>",
        n(f.left),
        escape(title)
    );
    for k in 0..=5 {
        let v = f64::from(k) / 4.0;
        let _ = write!(out,
            "<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"#e3e7ee\"/><text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#555\">{}%</text>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{}</text>",
            n(f.left),
            n(f.w - f.right),
            n(f.y(v)),
            n(f.y(v)),
            n(f.left - 6.0),
            n(f.y(v) + 4.0),
            tick(v * 100.0),
            n(f.x(v.min(1.0))),
            n(f.h - 24.0),
            if k <= 4 { format!("{}%", tick(v * 100.0)) } else { String::new() }
        );
    }
    out.push_str(&polyline(&f, &[(0.0, 0.0), (1.0, 1.0)], "#8896ab", "4 4"));
    let _ = write!(out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text><text x=\"14\" y=\"{}\" transform=\"rotate(-90 14 {})\" text-anchor=\"middle\">{}</text>",
        n((f.left + f.w - f.right) / 2.0),
        n(f.h - 6.0),
        escape(xl),
        n(f.h / 2.0),
        n(f.h / 2.0),
        escape(yl)
    );
    for (i, row) in evaluation.rows.iter().enumerate() {
        let (Some(c), Some(t)) = (row.completion, row.time_share) else { continue };
        // Beyond the frame, a point sits on its edge (its tooltip keeps the indicator's name).
        let c = to_f64(c).clamp(-0.05, 1.3);
        let t = to_f64(t).clamp(0.0, 1.0);
        let colour = tone_colour(row.status.tone());
        let name = plan.indicator(&row.indicator).map(|ind| ind.label.get(lang).to_string()).unwrap_or_default();
        // Labels of points near the right edge go on their left, inside the chart.
        let (label_x, anchor) = if t > 0.9 { (f.x(t) - 9.0, "end") } else { (f.x(t) + 8.0, "start") };
        let _ =
            write!(out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"6\" fill=\"{colour}\" stroke=\"#1d2433\"><title>{} · {}</title></circle>\
             <text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"{anchor}\">{} {}</text>",
            n(f.x(t)),
            n(f.y(c)),
            escape(&name),
            escape(row.status.label(lang)),
            n(label_x),
            n(f.y(c) + 4.0),
            escape(row.status.symbol()),
            i.saturating_add(1)
        );
    }
    out.push_str("</svg>");
    out
}

/// The colour of a tone (text stays readable: every use also carries a symbol or a word).
pub fn tone_colour(tone: crate::method::Tone) -> &'static str {
    match tone {
        crate::method::Tone::Good => "#1b7837",
        crate::method::Tone::Fair => "#d9a400",
        crate::method::Tone::Poor => "#e08214",
        crate::method::Tone::Bad => "#b2182b",
        crate::method::Tone::None => "#999999",
    }
}

/// The key projects as a timeline (Gantt), grouped by table, labelled with their location.
pub fn projects_gantt(plan: &Plan, lang: Lang) -> String {
    let mut projects: Vec<&crate::model::project::Project> = plan.projects.iter().collect();
    projects.sort_by_key(|p| (p.table, p.number));
    let start = projects.iter().map(|p| p.period.start.year).min().unwrap_or(plan.period.start);
    let end = projects.iter().map(|p| p.period.end.year).max().unwrap_or(plan.period.end);
    let row_h = 20.0;
    #[allow(clippy::cast_precision_loss)] // a plan has a few dozen projects
    let h = 70.0 + row_h * projects.len() as f64;
    let f = Frame {
        w: 980.0,
        h,
        left: 420.0,
        right: 20.0,
        top: 44.0,
        bottom: 26.0,
        x0: f64::from(start),
        x1: f64::from(end.saturating_add(1)),
        y0: 0.0,
        y1: 1.0,
    };
    let title = match lang {
        Lang::Zh => "重点项目实施时间",
        Lang::En => "Key projects: timeline",
        Lang::Ko => "중점 사업 일정",
    };
    let mut out = open(f.w, f.h, title);
    let _ = write!(out, "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{}</text>", escape(title));
    for y in start..=end.saturating_add(1) {
        let x = f.x(f64::from(y));
        // The last line closes the final year; it needs no label of its own.
        let label = if y <= end { y.to_string() } else { String::new() };
        let _ = write!(out,
            "<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"#e3e7ee\"/><text x=\"{}\" y=\"{}\" fill=\"#555\">{}</text>",
            n(x),
            n(x),
            n(f.top - 8.0),
            n(f.h - f.bottom),
            n(x + 2.0),
            n(f.top - 12.0),
            label
        );
    }
    let colours = ["#2c6db5", "#1b7837", "#8a6d00", "#b2182b", "#6a3d9a"];
    for (i, p) in projects.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = f.top + row_h * i as f64;
        let month = |m: Option<u8>, default: u8| f64::from(m.unwrap_or(default).saturating_sub(1)) / 12.0;
        let x0 = f.x(f64::from(p.period.start.year) + month(p.period.start.month, 1));
        let x1 = f.x(f64::from(p.period.end.year) + month(p.period.end.month, 12) + 1.0 / 12.0);
        let colour =
            colours.get(usize::from(p.table).checked_rem(colours.len()).unwrap_or(0)).copied().unwrap_or("#2c6db5");
        let label = format!("{}-{} {}", p.table, p.number, p.name.get(lang));
        let short: String = if label.chars().count() > 34 {
            format!("{}…", label.chars().take(33).collect::<String>())
        } else {
            label
        };
        let _ = write!(out,
            "<text x=\"10\" y=\"{}\">{}</text><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{colour}\" rx=\"3\"><title>{} · {}</title></rect>\
             <text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#ffffff\">{}</text>",
            n(y + 14.0),
            escape(&short),
            n(x0),
            n(y + 3.0),
            n((x1 - x0).max(2.0)),
            n(row_h - 6.0),
            escape(p.name.get(lang)),
            escape(&p.location),
            n(x0 + 4.0),
            n(y + 14.0),
            escape(p.county.as_deref().unwrap_or(&p.location))
        );
    }
    out.push_str("</svg>");
    out
}
