//! How the target forms of issue 12 read in reports, in zh / en / ko: bounds held every year,
//! period-average and relative rates, monitored indicators, chained annual changes, revised
//! baselines, "achieved early" (提前实现), and the binding / anticipatory split of the summary
//! as official mid-term evaluations give it (docs/methods-cn-plan-pace-forms.md).

use std::fmt::Write as _;

use crate::method::evaluate::Summary;
use crate::method::{Assessment, Status};
use crate::model::indicator::{Indicator, Nature};
use crate::model::label::Lang;
use crate::model::target::{Relation, Target};
use crate::num::format_fixed;

fn pick(lang: Lang, zh: &str, en: &str, ko: &str) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
        Lang::Ko => ko,
    }
    .to_string()
}

/// The target cell: the implied level for level-type targets (the one the assessment used,
/// so a revised baseline's target shows); the form in words otherwise.
pub fn target_text(ind: &Indicator, row: &Assessment, plan_label: impl Fn(&str) -> String, lang: Lang) -> String {
    let dp = ind.display_decimals();
    let by = ind.target.bound_comparator(ind.direction);
    match (&ind.target, by) {
        (Target::EveryYear { year, .. }, Some((v, c))) => {
            let span = format!("{}–{year}", ind.baseline.year.saturating_add(1));
            let v = format!("{}{}", c.symbol(), format_fixed(v, dp));
            pick(
                lang,
                &format!("每年{v}（{span}）"),
                &format!("{v} every year ({span})"),
                &format!("매년 {v} ({span})"),
            )
        }
        (Target::AverageRate { year, .. }, Some((v, c))) => {
            let v = format!("{}{}%", c.symbol(), format_fixed(v, dp));
            pick(
                lang,
                &format!("年均{v}（{year}）"),
                &format!("average {v} a year ({year})"),
                &format!("연평균 {v} ({year})"),
            )
        }
        (Target::Relative { to, relation, year, .. }, _) => {
            let other = plan_label(to);
            let (zh, en, ko) = match relation {
                Relation::FasterThan => ("快于", "faster than", "보다 빠르게"),
                Relation::InStepWith => ("与…同步", "in step with", "와 동반"),
                Relation::SlowerThan => ("慢于", "slower than", "보다 느리게"),
            };
            let zh =
                if *relation == Relation::InStepWith { format!("与{other}同步") } else { format!("{zh}{other}") };
            pick(lang, &format!("{zh}（{year}）"), &format!("{en} {other} ({year})"), &format!("{other} {ko} ({year})"))
        }
        (Target::None, _) => {
            pick(lang, "无量化目标（监测）", "no numeric target (monitored)", "수치 목표 없음(모니터링)")
        }
        _ => {
            let level = match (ind.implied_target(), row.inputs.as_ref()) {
                (Ok(l), Some(i)) => {
                    format!("{}{} ({})", l.comparator.symbol(), format_fixed(i.target_value, dp), i.target_year)
                }
                (Ok(l), None) => format!("{}{} ({})", l.comparator.symbol(), format_fixed(l.value, dp), l.year),
                (Err(_), _) => return "—".into(),
            };
            // A growth or change target reads as the plan writes it (年均增长7%, 降低13.5%), then
            // the level it implies, which the assessment used.
            match &ind.target {
                Target::AnnualGrowth { .. } | Target::Change { .. } => {
                    format!("{} → {level}", super::target_text::target_text(ind, lang))
                }
                _ => level,
            }
        }
    }
}

/// The baseline cell: the plan's value, and the revision when one exists (both shown).
pub fn baseline_text(ind: &Indicator, row: &Assessment, lang: Lang) -> String {
    let dp = ind.display_decimals();
    let mut out = format!("{} ({})", format_fixed(ind.baseline.value, dp), ind.baseline.year);
    if let Some(r) = ind.baseline_revisions.last() {
        let used = row.inputs.as_ref().is_some_and(|i| i.baseline == crate::model::indicator::BaselineChoice::Revised);
        let v = format_fixed(r.value, dp);
        let mark = if used { "*" } else { "" };
        out.push_str(&pick(
            lang,
            &format!("；修订 {v}{mark}"),
            &format!("; revised {v}{mark}"),
            &format!("; 수정 {v}{mark}"),
        ));
    }
    out
}

/// The latest cell: the level, and the annual changes it was chained from.
pub fn latest_text(ind: &Indicator, row: &Assessment, lang: Lang) -> String {
    let dp = ind.display_decimals();
    let Some(i) = row.inputs.as_ref() else { return "—".into() };
    let mut out = format!("{} ({})", format_fixed(i.latest_value, dp), i.latest_year);
    if let Some(p) = &i.latest_period {
        out = format!("{} ({} {p})", format_fixed(i.latest_value, dp), i.latest_year);
    }
    if let (true, Some(g)) = (ind.unit.is_growth_rate(), row.actual_cagr) {
        let g = crate::num::f64_text(g * 100.0, Some(2));
        out.push_str(&pick(
            lang,
            &format!("，年均 {g}%"),
            &format!(", average {g} % a year"),
            &format!(", 연평균 {g}%"),
        ));
    }
    if !i.chained_annual_changes.is_empty() {
        let list: Vec<String> = i
            .chained_annual_changes
            .iter()
            .map(|c| {
                format!("{} {}%", c.year, format_fixed(c.value.saturating_mul(rust_decimal::Decimal::ONE_HUNDRED), 1))
            })
            .collect();
        let list = list.join(", ");
        out.push_str(&pick(
            lang,
            &format!("，逐年 {list} 连乘"),
            &format!(", chained from {list}"),
            &format!(", 연간 {list} 연쇄"),
        ));
    }
    out
}

/// The status cell: the label, 提前实现 / achieved early before the target year, and the
/// breaching years of a bound.
pub fn status_text(row: &Assessment, lang: Lang) -> String {
    let early = row.status == Status::Achieved && row.inputs.as_ref().is_some_and(|i| i.latest_year < i.target_year);
    let label = if early {
        pick(lang, "提前实现", "achieved early", "조기 달성")
    } else {
        row.status.label(lang).to_string()
    };
    let mut out = format!("{} {label}", row.status.symbol());
    if !row.breach_years.is_empty() {
        let years: Vec<String> = row.breach_years.iter().map(i32::to_string).collect();
        let _ = write!(out, " ({})", years.join(", "));
    }
    out
}

/// The binding / anticipatory line of the summary, as official evaluations give it
/// (约束性指标 N 项，M 项达到预期进度；预期性指标 …). Empty when no nature is marked.
pub fn nature_line(summary: &Summary, label: impl Fn(&str) -> String, lang: Lang) -> String {
    let parts: Vec<String> = summary
        .by_nature
        .iter()
        .map(|n| {
            let off: Vec<String> = n.off_pace.iter().map(|id| label(id)).collect();
            let (zh, en, ko) = match n.nature {
                Nature::Binding => ("约束性指标", "binding indicators", "구속성 지표"),
                Nature::Anticipatory => ("预期性指标", "anticipatory indicators", "예기성 지표"),
            };
            let off_zh = if off.is_empty() { String::new() } else { format!("，未达预期：{}", off.join("、")) };
            let off_en = if off.is_empty() { String::new() } else { format!("; not on pace: {}", off.join(", ")) };
            let off_ko = if off.is_empty() { String::new() } else { format!("; 미달: {}", off.join(", ")) };
            pick(
                lang,
                &format!("{zh}{}项，已评估{}项，{}项达到预期进度{off_zh}", n.total, n.assessed, n.on_pace),
                &format!("{} {en}, {} assessed, {} on pace{off_en}", n.total, n.assessed, n.on_pace),
                &format!("{ko} {}개, 평가 {}개, 순조 {}개{off_ko}", n.total, n.assessed, n.on_pace),
            )
        })
        .collect();
    parts.join(if lang == Lang::Zh { "；" } else { " · " })
}
