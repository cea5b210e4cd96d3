//! The evaluation as the table an evaluation report needs: per indicator its label, unit,
//! nature, target as written, the observation each verdict used (year, value, vintage,
//! source, flag) and the method's numbers. One builder for pandas (Python), JS and CSV, so the
//! three carry the same fields (docs/guide/python.md lists them).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Result;
use crate::method::evaluate::Evaluation;
use crate::model::indicator::{Indicator, Nature};
use crate::model::label::Lang;
use crate::model::plan::Plan;
use crate::model::series::PlanObservations;
use crate::model::target::{Comparator, Target};
use crate::num::f64_text;
pub use crate::report::target_text::{target_text, target_text_in};

/// One row of the table. Exact values are decimal text; rates and scores are `f64`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct TableRow {
    /// Indicator id.
    pub indicator: String,
    /// Its label in the table's language.
    pub label: String,
    /// Its unit symbol in that language (`%`, `亿元`, empty for a plain ratio).
    pub unit: String,
    /// `binding`, `anticipatory`, or `None` when the plan does not say.
    pub nature: Option<&'static str>,
    /// `level`, `range`, `change`, `annual_growth`, `relative` or `none`.
    pub target_kind: &'static str,
    /// The comparator's code (`at_least`, `above`, …) where the target has one.
    pub comparator: Option<&'static str>,
    /// The target as the plan writes it: `≥ 1.10 %`, `> 7 %/yr`, `in step with GDP growth`.
    pub target: String,
    /// The target year.
    pub target_year: Option<i32>,
    /// The method.
    pub method: String,
    /// Status code.
    pub status: &'static str,
    /// Status in words, in the table's language.
    pub status_label: &'static str,
    /// Completion share.
    pub completion: Option<Decimal>,
    /// Elapsed share of the period.
    pub time_share: Option<Decimal>,
    /// Completion over time share.
    pub pace: Option<Decimal>,
    /// Actual average annual growth.
    pub actual_cagr: Option<f64>,
    /// Required average annual growth from the baseline.
    pub required_cagr: Option<f64>,
    /// Required average annual growth from the latest observation.
    pub required_cagr_from_now: Option<f64>,
    /// The method's ratio.
    pub ratio: Option<f64>,
    /// The method's score.
    pub score: Option<f64>,
    /// The method's index.
    pub index: Option<f64>,
    /// Years to reach the target at the current pace.
    pub years_to_target: Option<f64>,
    /// Baseline year.
    pub baseline_year: i32,
    /// Baseline value.
    pub baseline_value: Decimal,
    /// Year of the observation the verdict used.
    pub observation_year: Option<i32>,
    /// Its value.
    pub observation_value: Option<Decimal>,
    /// Its vintage.
    pub observation_vintage: Option<String>,
    /// Its source.
    pub observation_source: Option<String>,
    /// Its flag code.
    pub observation_flag: Option<&'static str>,
    /// The level the target implies, where it resolves to one.
    pub target_value: Option<Decimal>,
    /// Warning codes, `;`-separated.
    pub warnings: String,
}

fn nature_code(n: Nature) -> &'static str {
    match n {
        Nature::Binding => "binding",
        Nature::Anticipatory => "anticipatory",
    }
}

/// The nature of an indicator as a group key: `binding`, `anticipatory` or `unspecified`.
pub fn nature_group(ind: &Indicator) -> &'static str {
    ind.nature.map(nature_code).unwrap_or("unspecified")
}

/// The stable code of a target's kind ([`Target::kind`], which this was a copy of).
#[deprecated(since = "0.2.0", note = "use `Target::kind`")]
pub fn kind_code(t: &Target) -> &'static str {
    t.kind()
}

fn comparator_code(ind: &Indicator) -> Option<&'static str> {
    match &ind.target {
        Target::Level { comparator, .. } | Target::AnnualGrowth { comparator, .. } => {
            Some(comparator.unwrap_or_else(|| Comparator::for_direction(ind.direction)).code())
        }
        Target::Change { .. } => Some(Comparator::for_direction(ind.direction).code()),
        Target::EveryYear { .. } | Target::AverageRate { .. } => {
            ind.target.bound_comparator(ind.direction).map(|(_, c)| c.code())
        }
        _ => None,
    }
}

/// The table of an evaluation in a language.
pub fn evaluation_table(
    plan: &Plan,
    observations: &PlanObservations,
    evaluation: &Evaluation,
    lang: Lang,
) -> Result<Vec<TableRow>> {
    let mut rows = Vec::with_capacity(evaluation.rows.len());
    for r in &evaluation.rows {
        let ind = plan.indicator(&r.indicator)?;
        let used = r.inputs.as_ref();
        // The observation the verdict used: the latest one of that year the as-of point
        // admits (the one resolve_points picked), found again for its vintage and source.
        let points = crate::model::series::resolve_points(
            ind,
            observations.get(&ind.id).map(Vec::as_slice).unwrap_or_default(),
            &evaluation.as_of,
            &mut Vec::new(),
        )?;
        let point = used.and_then(|u| points.iter().find(|p| p.year == u.latest_year));
        let source = point.and_then(|p| {
            observations
                .get(&ind.id)
                .and_then(|list| list.iter().find(|o| o.year == p.year && o.vintage == p.vintage))
                .and_then(|o| o.source.clone())
        });
        rows.push(TableRow {
            indicator: r.indicator.clone(),
            label: ind.label.get(lang).to_string(),
            unit: ind.unit.symbol(lang),
            nature: ind.nature.map(nature_code),
            target_kind: ind.target.kind(),
            comparator: comparator_code(ind),
            target: target_text_in(plan, ind, lang),
            target_year: ind.target.year(),
            method: r.method.clone(),
            status: r.status.code(),
            status_label: r.status.label(lang),
            completion: r.completion,
            time_share: r.time_share,
            pace: r.pace,
            actual_cagr: r.actual_cagr,
            required_cagr: r.required_cagr,
            required_cagr_from_now: r.required_cagr_from_now,
            ratio: r.ratio,
            score: r.score,
            index: r.index,
            years_to_target: r.years_to_target,
            baseline_year: ind.baseline.year,
            baseline_value: ind.baseline.value,
            observation_year: used.map(|u| u.latest_year),
            observation_value: used.map(|u| u.latest_value),
            observation_vintage: point.and_then(|p| p.vintage.clone()),
            observation_source: source,
            observation_flag: point.and_then(|p| p.flag).map(|f| f.code()),
            target_value: ind.implied_target().ok().map(|l| l.value),
            warnings: r.warnings.iter().map(|w| w.code.code()).collect::<Vec<_>>().join(";"),
        });
    }
    Ok(rows)
}

/// The CSV columns of [`table_csv`], in order.
pub const CSV_COLUMNS: &[&str] = &[
    "indicator",
    "label",
    "unit",
    "nature",
    "target_kind",
    "comparator",
    "target",
    "target_year",
    "target_value",
    "method",
    "status",
    "status_label",
    "completion",
    "time_share",
    "pace",
    "actual_cagr",
    "required_cagr",
    "required_cagr_from_now",
    "ratio",
    "score",
    "index",
    "years_to_target",
    "baseline_year",
    "baseline_value",
    "observation_year",
    "observation_value",
    "observation_vintage",
    "observation_source",
    "observation_flag",
    "warnings",
];

/// The table as CSV (RFC 4180, CRLF), exact values as decimal text, empty cells for none.
pub fn table_csv(rows: &[TableRow]) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push_str("\r\n");
    let d = |v: Option<Decimal>| v.map(|x| x.to_string()).unwrap_or_default();
    let f = |v: Option<f64>| v.map(|x| f64_text(x, None)).unwrap_or_default();
    let i = |v: Option<i32>| v.map(|x| x.to_string()).unwrap_or_default();
    let s = |v: Option<&str>| v.unwrap_or_default().to_string();
    for r in rows {
        let cells = [
            r.indicator.clone(),
            r.label.clone(),
            r.unit.clone(),
            s(r.nature),
            r.target_kind.to_string(),
            s(r.comparator),
            r.target.clone(),
            i(r.target_year),
            d(r.target_value),
            r.method.clone(),
            r.status.to_string(),
            r.status_label.to_string(),
            d(r.completion),
            d(r.time_share),
            d(r.pace),
            f(r.actual_cagr),
            f(r.required_cagr),
            f(r.required_cagr_from_now),
            f(r.ratio),
            f(r.score),
            f(r.index),
            f(r.years_to_target),
            r.baseline_year.to_string(),
            r.baseline_value.to_string(),
            i(r.observation_year),
            d(r.observation_value),
            s(r.observation_vintage.as_deref()),
            s(r.observation_source.as_deref()),
            s(r.observation_flag),
            r.warnings.clone(),
        ];
        out.push_str(&cells.iter().map(|c| crate::report::html::csv_field(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::method::AssessOptions;
    use crate::model::target::{ChangeMode, Relation};

    #[test]
    #[cfg(feature = "builtin")]
    fn national_table_carries_the_report() {
        let plan = crate::builtin::plan("cn-14th-fyp-st").unwrap();
        let obs = crate::builtin::observations("cn-14th-fyp-st").unwrap();
        let e = plan.evaluate(&obs, &AssessOptions::default()).unwrap();
        let rows = evaluation_table(&plan, &obs, &e, Lang::En).unwrap();
        let rd = rows.iter().find(|r| r.indicator == "rd-expenditure").unwrap();
        // The outline's table: R&D spending to grow above 7 % a year (年均增长 >7).
        assert_eq!(rd.target, "> 7 %/yr");
        assert_eq!((rd.target_kind, rd.comparator, rd.nature), ("annual_growth", Some("above"), Some("anticipatory")));
        let zh = evaluation_table(&plan, &obs, &e, Lang::Zh).unwrap();
        assert_eq!(zh.iter().find(|r| r.indicator == "rd-expenditure").unwrap().target, "> 7%/年");
        for r in &rows {
            if r.observation_year.is_some() {
                assert!(r.observation_source.is_some(), "{}: every shipped figure has a source", r.indicator);
            }
        }
        let csv = table_csv(&rows);
        assert_eq!(csv.lines().count(), rows.len() + 1);
        assert!(csv.starts_with("indicator,label,unit,nature,target_kind"));
    }

    #[test]
    fn targets_as_written() {
        let mut ind = crate::model::indicator::Indicator::new(
            "x",
            "x",
            crate::model::unit::Unit::Percent,
            crate::model::indicator::Direction::Decrease,
            crate::model::indicator::Baseline { year: 2020, value: Decimal::ONE },
            Target::Change { year: 2025, amount: Decimal::new(-135, 3), mode: ChangeMode::Relative },
        )
        .unwrap();
        assert_eq!(target_text(&ind, Lang::En), "−13.5 % (cumulative)");
        ind.target = Target::Level { year: 2025, value: Decimal::new(110, 2), comparator: None };
        assert_eq!(target_text(&ind, Lang::En), "≤ 1.10 %");
        ind.target = Target::Relative { year: 2025, to: "gdp".into(), relation: Relation::InStepWith, tolerance: None };
        assert_eq!(target_text(&ind, Lang::En), "in step with gdp growth");
        ind.target = Target::Change { year: 2025, amount: Decimal::ONE, mode: ChangeMode::Absolute };
        assert_eq!(target_text(&ind, Lang::En), "+1 pp (cumulative)");
        // A years indicator (e.g. average schooling): English says "1 year", "2 years" (by hand).
        ind.unit = crate::model::unit::Unit::Years;
        ind.direction = crate::model::indicator::Direction::Increase;
        assert_eq!(target_text(&ind, Lang::En), "+1 year (cumulative)");
        assert_eq!(target_text(&ind, Lang::Zh), "+1 年 (累计)");
        ind.target = Target::Change { year: 2025, amount: Decimal::new(-1, 0), mode: ChangeMode::Absolute };
        assert_eq!(target_text(&ind, Lang::En), "−1 year (cumulative)");
        ind.target = Target::Level { year: 2025, value: Decimal::ONE, comparator: None };
        assert_eq!(target_text(&ind, Lang::En), "≥ 1 year");
        ind.target = Target::Level { year: 2025, value: Decimal::new(105, 2), comparator: None };
        assert_eq!(target_text(&ind, Lang::En), "≥ 1.05 years");
        ind.target = Target::Range { year: 2025, low: Decimal::ONE, high: Decimal::TWO };
        assert_eq!(target_text(&ind, Lang::En), "1–2 years");
    }
}
