//! Self-contained, deterministic SVG charts: the same bytes from Rust, Python and JS.
//!
//! A small writer of our own rather than a charting crate: the charts are lines, points, bands
//! and bars, and a crate that compiles to WebAssembly would cost more of the 200 KB budget
//! than this module. Text is escaped; labels use a font stack with CJK and Hangul faces.

use crate::error::Result;
use crate::math::path::PathKind;
use crate::math::trend::{Model, Projection};
use crate::method::evaluate::Evaluation;
use crate::method::prepare::series_with_baseline;
use crate::model::indicator::Indicator;
use crate::model::label::Lang;
use crate::model::plan::Plan;
use crate::model::series::PlanObservations;
use crate::model::series::{resolve_points, AsOf, Point};
use crate::num::{f64_text, to_f64};
use crate::report::ticks::nice_ticks;
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

/// A coordinate with two decimals: deterministic on every platform. Callers keep non-finite
/// values out (they skip what cannot be drawn); this is the backstop that keeps `NaN` and
/// `inf` out of every attribute whatever reaches it.
fn n(x: f64) -> String {
    if x.is_finite() {
        f64_text(x, Some(2))
    } else {
        "0".into()
    }
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
#[non_exhaustive]
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
        .and_then(|year| crate::math::trend::project_points(&series, year, ind.target_band(), model, 0.9).ok());
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
    let bound_value = ind.target.bound_comparator(ind.direction).map(|(v, _)| v.normalize().to_string());
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
    // Only finite numbers are drawn (a projection can overflow to infinity).
    let finite = |v: &f64| v.is_finite();
    let (x0, x1) = (
        xs.iter().copied().filter(finite).fold(f64::INFINITY, f64::min),
        xs.iter().copied().filter(finite).fold(f64::NEG_INFINITY, f64::max),
    );
    let (lo, hi) = (
        ys.iter().copied().filter(finite).fold(f64::INFINITY, f64::min),
        ys.iter().copied().filter(finite).fold(f64::NEG_INFINITY, f64::max),
    );
    // A little air so no point sits on the frame, then out to round ticks.
    let pad = if hi > lo { (hi - lo) * 0.02 } else { 0.0 };
    let ticks = nice_ticks(lo - pad, hi + pad, 6);
    let (y0, y1) = (ticks.low(), ticks.high());
    let f = Frame { w: 640.0, h: 330.0, left: 64.0, right: 20.0, top: 52.0, bottom: 36.0, x0, x1, y0, y1 };
    let w = words(lang);
    let mut out = open(f.w, f.h, ind.label.get(lang));
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"18\" font-size=\"14\" font-weight=\"bold\">{}</text>",
        n(f.left),
        escape(ind.label.get(lang))
    );
    // Grid and axes: round values (report/ticks.rs).
    for v in &ticks.values {
        let _ = write!(out,
            "<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"#e3e7ee\"/><text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#555\">{}</text>",
            n(f.left),
            n(f.w - f.right),
            n(f.y(*v)),
            n(f.y(*v)),
            n(f.left - 6.0),
            n(f.y(*v) + 4.0),
            escape(&ticks.label(*v))
        );
    }
    // Years: every one up to twelve, then every 2nd, 5th, 10th… (whole years only).
    if x0.is_finite() && x1.is_finite() {
        let years = nice_ticks(x0, x1, 12);
        let step = years.step.max(1.0).round();
        let mut year = (x0 / step).ceil() * step;
        while year <= x1 {
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{}</text>",
                n(f.x(year)),
                n(f.h - 14.0),
                f64_text(year, Some(0))
            );
            year += step;
        }
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
    if let (Some(p), Some(last)) = (projection.as_ref().filter(|p| p.value.is_finite()), points.last()) {
        let (lx, ly) = (f64::from(last.year), to_f64(last.value));
        if let (Some(lo), Some(hi)) = (p.low.filter(|v| v.is_finite()), p.high.filter(|v| v.is_finite())) {
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
            escape(bound_value.as_deref().unwrap_or_default())
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
    // The legend names only what is drawn: a bound held every year has no path to a level,
    // a growth rate no projection.
    let projected = projection.as_ref().is_some_and(|p| p.value.is_finite()) && !points.is_empty();
    let has_target = bound.is_some() || ind.implied_target().is_ok();
    let items: Vec<(&str, String)> = [
        (!linear.is_empty(), "#2c6db5", w[0]),
        (!geometric.is_empty(), "#7fa6d6", w[1]),
        (!points.is_empty(), "#1d2433", w[2]),
        (projected, "#d6604d", w[3]),
        (has_target, "#1b7837", w[4]),
    ]
    .into_iter()
    .filter(|(drawn, _, _)| *drawn)
    .map(|(_, colour, word)| (colour, word.to_string()))
    .collect();
    out.push_str(&legend(&items, f.left, 38.0));
    out.push_str("</svg>");
    out
}

/// Completion share against time share for every assessed indicator: the diagonal is on pace
/// (时间过半、任务过半). Each point is labelled with its indicator's id and status symbol, the
/// labels placed clear of each other and of the points; a point beyond the axes sits on the
/// edge with an arrow pointing the way it is off, and its label gives the real value.
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
        y0: -0.08,
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
    // Round ticks (report/ticks.rs): 0, 25 … 125 % up, 0, 25 … 100 % across.
    let y_ticks = nice_ticks(0.0, 1.25, 6);
    let x_ticks = nice_ticks(0.0, 1.0, 4);
    let percent = |v: f64| format!("{}%", f64_text(v * 100.0, Some(0)));
    for v in &y_ticks.values {
        let _ = write!(out,
            "<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"#e3e7ee\"/><text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#555\">{}</text>",
            n(f.left),
            n(f.w - f.right),
            n(f.y(*v)),
            n(f.y(*v)),
            n(f.left - 6.0),
            n(f.y(*v) + 4.0),
            percent(*v),
        );
    }
    for v in &x_ticks.values {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{}</text>",
            n(f.x(*v)),
            n(f.h - 24.0),
            percent(*v)
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
    let mut points: Vec<PacePoint> = Vec::new();
    for row in &evaluation.rows {
        let (Some(c), Some(t)) = (row.completion, row.time_share) else { continue };
        let (c, t) = (to_f64(c), to_f64(t));
        if !(c.is_finite() && t.is_finite()) {
            continue;
        }
        let name = plan.indicator(&row.indicator).map(|ind| ind.label.get(lang).to_string()).unwrap_or_default();
        let (cy, tx) = (c.clamp(f.y0, f.y1), t.clamp(f.x0, f.x1));
        let off = Off { low: c < f.y0, high: c > f.y1, left: t < f.x0, right: t > f.x1 };
        let mut label = format!("{} {}", row.status.symbol(), row.indicator);
        if off.any() {
            // The real value, since the point is not where it is drawn.
            let _ = write!(label, " ({})", percent(if off.low || off.high { c } else { t }));
        }
        points.push(PacePoint {
            x: f.x(tx),
            y: f.y(cy),
            off,
            label,
            title: format!("{} · {} · {} {}", name, row.status.label(lang), percent(c), yl),
            colour: tone_colour(row.status.tone()),
        });
    }
    let bounds = (f.left, f.top, f.w - f.right, f.h - f.bottom);
    let placed = place_labels(&points, bounds);
    for (p, (lx, ly, anchor)) in points.iter().zip(&placed) {
        let _ = write!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"6\" fill=\"{}\" stroke=\"#1d2433\"><title>{}</title></circle>",
            n(p.x),
            n(p.y),
            p.colour,
            escape(&p.title)
        );
        if let Some(arrow) = p.off.arrow(p.x, p.y) {
            out.push_str(&arrow);
        }
        // A label moved off its point's line is tied to it by a thin leader.
        if (*ly - (p.y + 4.0)).abs() > 1.0 && *anchor != "middle" {
            let (from_x, to_x) = if *anchor == "end" { (p.x - 6.0, *lx + 2.0) } else { (p.x + 6.0, *lx - 2.0) };
            let _ = write!(
                out,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#8896ab\" stroke-width=\"0.8\"/>",
                n(from_x),
                n(p.y),
                n(to_x),
                n(*ly - 4.0)
            );
        }
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"{anchor}\">{}</text>",
            n(*lx),
            n(*ly),
            escape(&p.label)
        );
    }
    out.push_str("</svg>");
    out
}

/// Which edges a pace-chart point is beyond.
#[derive(Debug, Clone, Copy, Default)]
struct Off {
    low: bool,
    high: bool,
    left: bool,
    right: bool,
}

impl Off {
    fn any(self) -> bool {
        self.low || self.high || self.left || self.right
    }

    /// A small triangle just outside the point, pointing the way the value is off the chart.
    fn arrow(self, x: f64, y: f64) -> Option<String> {
        let (dx, dy): (f64, f64) = (
            if self.right {
                1.0
            } else if self.left {
                -1.0
            } else {
                0.0
            },
            if self.high {
                -1.0
            } else if self.low {
                1.0
            } else {
                0.0
            },
        );
        if dx == 0.0 && dy == 0.0 {
            return None;
        }
        let len = (dx * dx + dy * dy).sqrt();
        let (ux, uy) = (dx / len, dy / len);
        let (tip, base) = (13.0, 7.0);
        let (px, py) = (-uy, ux);
        let pts = [
            (x + ux * tip, y + uy * tip),
            (x + ux * base + px * 4.0, y + uy * base + py * 4.0),
            (x + ux * base - px * 4.0, y + uy * base - py * 4.0),
        ];
        let text: Vec<String> = pts.iter().map(|(a, b)| format!("{},{}", n(*a), n(*b))).collect();
        Some(format!("<polygon fill=\"#1d2433\" points=\"{}\"/>", text.join(" ")))
    }
}

struct PacePoint {
    x: f64,
    y: f64,
    off: Off,
    label: String,
    title: String,
    colour: &'static str,
}

/// Approximate width of a label at 11 px: CJK and Hangul glyphs are about twice Latin ones.
fn label_width(text: &str) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 6.2 } else { 11.0 }).sum()
}

/// A label's box `(x0, y0, x1, y1)` for a baseline point and anchor.
fn label_box(x: f64, y: f64, anchor: &str, width: f64) -> (f64, f64, f64, f64) {
    let x0 = match anchor {
        "end" => x - width,
        "middle" => x - width / 2.0,
        _ => x,
    };
    (x0, y - 10.0, x0 + width, y + 3.0)
}

fn overlaps(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Label positions `(x, y, anchor)`, chosen point by point (in input order, so the result is
/// deterministic) as the first candidate around the point that stays inside `bounds` and
/// overlaps neither an earlier label nor any point; failing all, the first candidate.
fn place_labels(points: &[PacePoint], bounds: (f64, f64, f64, f64)) -> Vec<(f64, f64, &'static str)> {
    let circles: Vec<(f64, f64, f64, f64)> =
        points.iter().map(|p| (p.x - 7.0, p.y - 7.0, p.x + 7.0, p.y + 7.0)).collect();
    let mut taken: Vec<(f64, f64, f64, f64)> = Vec::new();
    let mut out = Vec::with_capacity(points.len());
    for p in points {
        let width = label_width(&p.label);
        let mut candidates: Vec<(f64, f64, &'static str)> = vec![
            (p.x + 9.0, p.y + 4.0, "start"),
            (p.x - 9.0, p.y + 4.0, "end"),
            (p.x, p.y - 11.0, "middle"),
            (p.x, p.y + 19.0, "middle"),
        ];
        for step in 1..=6 {
            let dy = 13.0 * f64::from(step);
            for sign in [1.0, -1.0] {
                candidates.push((p.x + 9.0, p.y + 4.0 + sign * dy, "start"));
                candidates.push((p.x - 9.0, p.y + 4.0 + sign * dy, "end"));
            }
        }
        let inside = |b: (f64, f64, f64, f64)| b.0 >= bounds.0 && b.2 <= bounds.2 && b.1 >= bounds.1 && b.3 <= bounds.3;
        let fits = |c: &(f64, f64, &'static str)| {
            let b = label_box(c.0, c.1, c.2, width);
            inside(b) && !taken.iter().any(|t| overlaps(*t, b)) && !circles.iter().any(|t| overlaps(*t, b))
        };
        let chosen = candidates
            .iter()
            .find(|c| fits(c))
            .or_else(|| candidates.iter().find(|c| inside(label_box(c.0, c.1, c.2, width))));
        let c = chosen.copied().unwrap_or((p.x + 9.0, p.y + 4.0, "start"));
        taken.push(label_box(c.0, c.1, c.2, width));
        out.push(c);
    }
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
