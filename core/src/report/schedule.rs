//! The required schedule of a plan: what each indicator must reach each year.

use rust_decimal::Decimal;
use std::fmt::Write as _;

use crate::error::Result;
use crate::math::path::{required_path, Milestone, PathKind};
use crate::math::progress::cagr;
use crate::model::indicator::Indicator;
use crate::model::label::Lang;
use crate::model::plan::Plan;
use crate::num::{format_fixed, years_between, Checked};
use crate::report::labels::{phrase, Phrase};
use crate::report::markdown::cell;

/// One indicator's schedule: rates and both milestone paths.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct Schedule {
    /// Indicator id.
    pub indicator: String,
    /// Required CAGR from baseline to target, when defined.
    pub required_cagr: Option<f64>,
    /// Equal annual increment `(y* − y0)/N` (exact).
    pub annual_increment: Decimal,
    /// Linear milestones, baseline year to target year.
    pub linear: Vec<Milestone>,
    /// Geometric milestones, when a constant rate exists.
    pub geometric: Option<Vec<Milestone>>,
}

impl Indicator {
    /// Required milestones from the baseline to the implied target.
    pub fn path(&self, kind: PathKind) -> Result<Vec<Milestone>> {
        let t = self.implied_target()?;
        required_path(self.baseline, (t.year, t.value), kind)
    }

    /// Required milestones re-planned from an observation (`from_year`, `value`) to the target.
    pub fn path_from(&self, kind: PathKind, from_year: i32, value: Decimal) -> Result<Vec<Milestone>> {
        crate::model::indicator::check_year(from_year, "from_year")?;
        let t = self.implied_target()?;
        required_path((from_year, value), (t.year, t.value), kind)
    }

    /// Rates and both paths.
    pub fn schedule(&self) -> Result<Schedule> {
        let t = self.implied_target()?;
        let n = years_between(self.baseline.year, t.year);
        let annual_increment =
            t.value.sub_or(self.baseline.value, "annual_increment")?.div_or(Decimal::from(n), "annual_increment")?;
        let mut ignored = Vec::new();
        Ok(Schedule {
            indicator: self.id.clone(),
            required_cagr: cagr(self.baseline.value, t.value, n, "required_cagr", &mut ignored),
            annual_increment,
            linear: self.path(PathKind::Linear)?,
            geometric: self.path(PathKind::Geometric).ok(),
        })
    }
}

/// The schedule of every indicator with a resolvable target, as Markdown.
pub fn schedule_markdown(plan: &Plan, lang: Lang) -> Result<String> {
    let p = |x| phrase(x, lang);
    let mut out = String::new();
    for ind in &plan.indicators {
        let Ok(s) = ind.schedule() else { continue };
        let dp = ind.display_decimals();
        // Milestones carry two more decimals than published so that the path is visible.
        let mdp = dp.saturating_add(2);
        let _ = write!(out, "### {}\n\n", cell(ind.label.get(lang)));
        let _ = write!(
            out,
            "{}: {} ({}) → {}: {} ({}) · {}: {} · {}: {}\n\n",
            p(Phrase::Baseline),
            format_fixed(ind.baseline.value, dp),
            ind.baseline.year,
            p(Phrase::Target),
            s.linear.last().map(|m| format_fixed(m.value, dp)).unwrap_or_default(),
            s.linear.last().map(|m| m.year).unwrap_or_default(),
            p(Phrase::RequiredCagr),
            s.required_cagr
                .map(|g| format!("{}%", crate::num::f64_text(g * 100.0, Some(2))))
                .unwrap_or_else(|| "—".into()),
            p(Phrase::AnnualIncrement),
            format_fixed(s.annual_increment, mdp),
        );
        let years: Vec<String> = s.linear.iter().skip(1).map(|m| m.year.to_string()).collect();
        let _ = write!(out, "| | {} |\n|---|{}\n", years.join(" | "), "---:|".repeat(years.len()));
        let row = |name: &str, path: &[Milestone]| {
            let vals: Vec<String> = path.iter().skip(1).map(|m| format_fixed(m.value, mdp)).collect();
            format!("| {name} | {} |\n", vals.join(" | "))
        };
        out.push_str(&row(p(Phrase::Linear), &s.linear));
        if let Some(g) = &s.geometric {
            out.push_str(&row(p(Phrase::Geometric), g));
        }
        out.push('\n');
    }
    Ok(out)
}

/// A numerator decomposition as Markdown: denominator, required ratio and numerator per year.
pub fn decomposition_markdown(
    indicator: &Indicator,
    decomposition: &crate::math::scenario::Decomposition,
    lang: Lang,
) -> String {
    let (num, den) = match &indicator.components {
        Some(c) => (
            format!("{} ({})", c.numerator.label.get(lang), c.numerator.unit.symbol(lang)),
            format!("{} ({})", c.denominator.label.get(lang), c.denominator.unit.symbol(lang)),
        ),
        None => ("numerator".into(), "denominator".into()),
    };
    let dp = indicator.display_decimals();
    let mut out = format!(
        "| | {} | {} ({}) | {} |\n|---:|---:|---:|---:|\n",
        cell(&den),
        cell(indicator.label.get(lang)),
        indicator.unit.symbol(lang),
        cell(&num)
    );
    for r in &decomposition.rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            r.year,
            format_fixed(r.denominator, 2),
            format_fixed(r.ratio, dp.saturating_add(2)),
            format_fixed(r.numerator, 0)
        );
    }
    out
}
