//! Evaluation tables as Markdown (also readable as plain text in a terminal).

use rust_decimal::Decimal;
use std::fmt::Write as _;

use crate::method::evaluate::Evaluation;
use crate::model::label::Lang;
use crate::model::plan::Plan;
use crate::num::format_fixed;
use crate::report::labels::{phrase, Phrase};

/// Text from a plan made safe for a Markdown table cell (and for the HTML a Markdown renderer
/// makes of it): `\` and `|` escaped; `<` and `>` written as `&lt;` and `&gt;`, and `&` as
/// `&amp;` where it would start a character reference (so "R&D" stays readable as text);
/// line breaks and tabs become spaces and other control characters are dropped.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
        match c {
            '\\' => out.push_str("\\\\"),
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' if starts_reference(rest) => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether the text after a `&` reads as a character reference (`amp;`, `#60;`, `#x3c;`).
fn starts_reference(after: &str) -> bool {
    let name: String = after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '#').collect();
    !name.is_empty() && after.get(name.len()..).is_some_and(|r| r.starts_with(';'))
}

/// A share as a percentage with one decimal (0.5 → "50.0%").
pub(crate) fn percent(share: Decimal) -> String {
    format!("{}%", format_fixed(share.saturating_mul(Decimal::ONE_HUNDRED), 1))
}

/// The evaluation as a Markdown table, one row per indicator, then the roll-up.
pub fn evaluation_markdown(plan: &Plan, evaluation: &Evaluation, lang: Lang) -> String {
    let p = |x| phrase(x, lang);
    let mut out = format!(
        "| {} | {} | {} | {} | {} | {} | {} | {} |\n|---|---:|---:|---:|---:|---:|---:|---|\n",
        p(Phrase::Indicator),
        p(Phrase::Baseline),
        p(Phrase::Target),
        p(Phrase::Latest),
        p(Phrase::Completion),
        p(Phrase::TimeShare),
        p(Phrase::Pace),
        p(Phrase::Status),
    );
    for row in &evaluation.rows {
        let Ok(ind) = plan.indicator(&row.indicator) else {
            continue;
        };
        let dp = ind.display_decimals();
        let target = match ind.implied_target() {
            Ok(l) => format!("{}{} ({})", l.comparator.symbol(), format_fixed(l.value, dp), l.year),
            Err(_) => "—".into(),
        };
        let latest = row
            .inputs
            .as_ref()
            .map(|i| format!("{} ({})", format_fixed(i.latest_value, dp), i.latest_year))
            .unwrap_or_else(|| "—".into());
        let opt = |v: Option<Decimal>, f: fn(Decimal) -> String| v.map(f).unwrap_or_else(|| "—".into());
        let _ = writeln!(
            out,
            "| {} | {} ({}) | {} | {} | {} | {} | {} | {} {} |",
            cell(ind.label.get(lang)),
            format_fixed(ind.baseline.value, dp),
            ind.baseline.year,
            target,
            latest,
            opt(row.completion, percent),
            opt(row.time_share, percent),
            opt(row.pace, |v| format_fixed(v, 2)),
            row.status.symbol(),
            row.status.label(lang),
        );
    }
    let s = &evaluation.summary;
    out.push('\n');
    let _ = write!(
        out,
        "{}: {} · {}: {} · {}: {} · {}: {}",
        p(Phrase::Method),
        evaluation.method,
        p(Phrase::Assessed),
        s.assessed,
        p(Phrase::NotAssessable),
        s.not_assessable,
        p(Phrase::OnPace),
        s.share_on_pace.map(percent).map(|x| format!("{} ({x})", s.on_pace)).unwrap_or_else(|| "—".into()),
    );
    out.push('\n');
    let counts: Vec<String> = s
        .counts
        .iter()
        .filter(|c| c.count > 0)
        .map(|c| format!("{} {} {}", c.status.symbol(), c.status.label(lang), c.count))
        .collect();
    out.push_str(&counts.join(" · "));
    out.push('\n');
    if lang != Lang::Zh {
        let _ = write!(out, "\n_{}_\n", p(Phrase::Unofficial));
    }
    out
}

/// Several evaluations of one plan side by side: one row per indicator, one status column per
/// method (with the number behind it).
pub fn methods_side_by_side(plan: &Plan, evaluations: &[Evaluation], lang: Lang) -> String {
    let mut out = format!("| {} |", phrase(Phrase::Indicator, lang));
    let mut rule = String::from("|---|");
    for e in evaluations {
        let _ = write!(out, " {} |", e.method);
        rule.push_str("---|");
    }
    out.push('\n');
    out.push_str(&rule);
    out.push('\n');
    for ind in &plan.indicators {
        let _ = write!(out, "| {} |", cell(ind.label.get(lang)));
        for e in evaluations {
            let Some(row) = e.rows.iter().find(|r| r.indicator == ind.id) else {
                out.push_str(" — |");
                continue;
            };
            let number =
                row.score.or(row.ratio).map(|x| format!(" ({})", crate::num::f64_text(x, Some(2)))).unwrap_or_default();
            let _ = write!(out, " {} {}{} |", row.status.symbol(), row.status.label(lang), number);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod cell_tests {
    use super::cell;

    #[test]
    fn cells_escape_html_and_drop_control_characters() {
        assert_eq!(cell("R&D | <b>x</b>"), "R&D \\| &lt;b&gt;x&lt;/b&gt;");
        assert_eq!(cell("&lt;script&gt; &#60; &x"), "&amp;lt;script&amp;gt; &amp;#60; &x");
        assert_eq!(cell("a\nb\u{7}c\u{1b}[31m\td"), "a bc[31m d");
    }
}
