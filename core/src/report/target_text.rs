//! The target as the plan writes it (年均增长7%, 降低13.5%, 与经济增长同步), in zh/en/ko: the
//! report table's target cell and the forms' "as written → implied level" cell. Always compiled
//! (the Markdown forms table needs it without the `reports` feature).

use rust_decimal::Decimal;

use crate::model::indicator::Indicator;
use crate::model::label::Lang;
use crate::model::plan::Plan;
use crate::model::target::{ChangeMode, Comparator, Relation, Target};

/// A value with its unit symbol; trailing zeros are kept (a plan's `1.10` stays `1.10`).
fn with_unit(value: Decimal, unit: &str) -> String {
    if unit.is_empty() {
        value.to_string()
    } else {
        format!("{value} {unit}")
    }
}

/// A decimal share as per cent text: 0.07 → `7`, −0.135 → `−13.5`.
fn percent_text(share: Decimal) -> String {
    share.saturating_mul(Decimal::ONE_HUNDRED).normalize().to_string().replace('-', "−")
}

/// The target as the plan writes it, in a language; a relative target names its reference
/// indicator by id (see [`target_text_in`]).
pub fn target_text(ind: &Indicator, lang: Lang) -> String {
    target_text_with(ind, lang, &|id| id.to_string())
}

/// The target as the plan writes it, a relative target naming its reference by its label.
pub fn target_text_in(plan: &Plan, ind: &Indicator, lang: Lang) -> String {
    target_text_with(ind, lang, &|id| {
        plan.indicator(id).map(|r| r.label.get(lang).to_string()).unwrap_or_else(|_| id.to_string())
    })
}

fn target_text_with(ind: &Indicator, lang: Lang, name: &dyn Fn(&str) -> String) -> String {
    let unit = |v: Decimal| ind.unit.symbol_for(v, lang);
    let comparator = |c: Option<Comparator>| c.unwrap_or_else(|| Comparator::for_direction(ind.direction));
    let per_year = match lang {
        Lang::Zh => "%/年",
        Lang::En => " %/yr",
        Lang::Ko => "%/년",
    };
    match &ind.target {
        Target::Level { value, comparator: c, .. } => {
            let c = comparator(*c);
            let tolerance = match c {
                Comparator::Exactly { tolerance } if !tolerance.is_zero() => format!(" ± {tolerance}"),
                _ => String::new(),
            };
            format!("{} {}{tolerance}", c.symbol(), with_unit(*value, &unit(*value)))
        }
        Target::Range { low, high, .. } => format!("{low}–{}", with_unit(*high, &unit(*high))),
        Target::Change { amount, mode: ChangeMode::Relative, .. } => {
            let sign = if amount.is_sign_negative() { "" } else { "+" };
            format!("{sign}{} % ({})", percent_text(*amount), cumulative(lang))
        }
        Target::Change { amount, mode: ChangeMode::Absolute, .. } => {
            let sign = if amount.is_sign_negative() { "−" } else { "+" };
            let points = if matches!(ind.unit, crate::model::unit::Unit::Percent) {
                match lang {
                    Lang::Zh => "个百分点".to_string(),
                    Lang::En => " pp".to_string(),
                    Lang::Ko => "%p".to_string(),
                }
            } else {
                format!(" {}", unit(amount.abs()))
            };
            format!("{sign}{}{} ({})", amount.abs(), points.trim_end(), cumulative(lang))
        }
        Target::AnnualGrowth { rate, comparator: c, .. } => {
            format!("{} {}{per_year}", comparator(*c).symbol(), percent_text(*rate))
        }
        Target::Relative { to, relation, .. } => relation_text(*relation, &name(to), lang),
        Target::EveryYear { value, comparator: c, .. } => {
            let every = match lang {
                Lang::Zh => "每年",
                Lang::En => "every year",
                Lang::Ko => "매년",
            };
            format!("{} {} ({every})", comparator(*c).symbol(), with_unit(*value, &unit(*value)))
        }
        Target::AverageRate { value, comparator: c, .. } => {
            let average = match lang {
                Lang::Zh => "年均",
                Lang::En => "average",
                Lang::Ko => "연평균",
            };
            format!("{} {value}{per_year} ({average})", comparator(*c).symbol())
        }
        Target::None => "—".into(),
    }
}

fn cumulative(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "累计",
        Lang::En => "cumulative",
        Lang::Ko => "누적",
    }
}

fn relation_text(relation: Relation, to: &str, lang: Lang) -> String {
    match (relation, lang) {
        (Relation::InStepWith, Lang::Zh) => format!("与{to}增长同步"),
        (Relation::FasterThan, Lang::Zh) => format!("快于{to}增长"),
        (Relation::SlowerThan, Lang::Zh) => format!("慢于{to}增长"),
        (Relation::InStepWith, Lang::En) => format!("in step with {to} growth"),
        (Relation::FasterThan, Lang::En) => format!("faster than {to} growth"),
        (Relation::SlowerThan, Lang::En) => format!("slower than {to} growth"),
        (Relation::InStepWith, Lang::Ko) => format!("{to} 증가와 동조"),
        (Relation::FasterThan, Lang::Ko) => format!("{to} 증가보다 빠르게"),
        (Relation::SlowerThan, Lang::Ko) => format!("{to} 증가보다 느리게"),
    }
}
