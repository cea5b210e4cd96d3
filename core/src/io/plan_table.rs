//! A plan's indicators as a table: one row per indicator, one column per field of the
//! indicator's JSON, named by its dotted path (`target.year`, `label.en`, `unit.magnitude`).
//!
//! The columns are not a second schema: a row is turned into the indicator's JSON and read by
//! the same deserializer as a plan file, so every target kind, unit and field the format has
//! (docs/plan-format.md) has its column without a list to keep in step. Two conveniences:
//! `label` and `unit` stand for `label.zh` and `unit.kind`, and a comparator with a tolerance
//! is two cells (`target.comparator` = `exactly`, `target.tolerance`) rather than the JSON's
//! nested `{"exactly": {"tolerance": …}}`. The CSV template (io/plan_csv.rs), Python's
//! `Plan.from_dataframe`/`to_dataframe` and JS's `readPlanCsv` all go through this module.

use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::indicator::Indicator;
use crate::model::label::Label;
use crate::model::plan::{Plan, PlanPeriod};

/// The columns in the order a table is written, for the fields most plans use; other fields
/// (`components.…`, `definition.…`, new target fields) follow in the order first met.
pub const COLUMNS: &[&str] = &[
    "id",
    "label.zh",
    "label.en",
    "label.ko",
    "unit.kind",
    "unit.currency",
    "unit.magnitude",
    "direction",
    "nature",
    "decimals",
    "baseline.year",
    "baseline.value",
    "target.kind",
    "target.year",
    "target.value",
    "target.comparator",
    "target.tolerance",
    "target.low",
    "target.high",
    "target.amount",
    "target.mode",
    "target.rate",
    "target.to",
    "target.relation",
];

/// Short column names a hand-written table may use, and the column they stand for.
pub const ALIASES: &[(&str, &str)] = &[("label", "label.zh"), ("unit", "unit.kind")];

/// What a column holds, from the last part of its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// Text (ids, labels, codes).
    Text,
    /// A whole number (years, published decimals).
    Integer,
    /// An exact decimal (values, bounds, rates, tolerances, scales).
    Decimal,
    /// `true` or `false`.
    Bool,
}

impl ColumnType {
    /// The stable code: `text`, `integer`, `decimal` or `bool`.
    pub fn code(self) -> &'static str {
        match self {
            ColumnType::Text => "text",
            ColumnType::Integer => "integer",
            ColumnType::Decimal => "decimal",
            ColumnType::Bool => "bool",
        }
    }
}

/// The type of a column (by its last dotted part: `year` is a whole number, `value` a decimal).
pub fn column_type(column: &str) -> ColumnType {
    let leaf = column.rsplit('.').next().unwrap_or(column);
    match leaf {
        "year" | "decimals" => ColumnType::Integer,
        "value" | "low" | "high" | "amount" | "rate" | "tolerance" | "scale" => ColumnType::Decimal,
        "official_translations" => ColumnType::Bool,
        _ => ColumnType::Text,
    }
}

/// A table: column names, and rows of cells (`None` is an empty cell).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Table {
    /// Column names, dotted paths.
    pub columns: Vec<String>,
    /// One row per indicator, one cell per column.
    pub rows: Vec<Vec<Option<String>>>,
}

impl Table {
    /// The column types, in column order.
    pub fn types(&self) -> Vec<&'static str> {
        self.columns.iter().map(|c| column_type(c).code()).collect()
    }
}

/// Where a row came from, for its errors: a CSV line, or a position in a list of records.
#[derive(Debug, Clone, Copy)]
pub enum RowPlace {
    /// Line of a CSV text (errors are `parse` errors with this line).
    Line(u64),
    /// Index in a list of records (errors are `invalid_plan` at `rows[i].column`).
    Record(usize),
}

impl RowPlace {
    fn error(self, field: &str, message: String) -> Error {
        match self {
            RowPlace::Line(line) => Error::Parse { path: field.into(), line: Some(line), message, cause: None },
            RowPlace::Record(i) => Error::invalid_plan(format!("rows[{i}].{field}"), message),
        }
    }
}

/// A cell's value in the indicator's JSON.
#[derive(Debug)]
enum Leaf {
    Text(String),
    Int(i64),
    Bool(bool),
    /// `{"exactly": {"tolerance": "…"}}`.
    Exactly(String),
}

/// Nested fields while a row is being built; positions are kept so output follows input.
#[derive(Debug)]
enum Node {
    Leaf(Leaf),
    Branch(Vec<(String, Node)>),
}

fn insert(node: &mut Vec<(String, Node)>, parts: &[&str], value: Leaf, column: &str, place: RowPlace) -> Result<()> {
    let clash = || place.error(column, format!("column `{column}` clashes with another column of the same field"));
    let Some((first, rest)) = parts.split_first() else { return Err(clash()) };
    let existing = node.iter_mut().find(|(k, _)| k == first);
    match (existing, rest.is_empty()) {
        (None, true) => node.push(((*first).to_string(), Node::Leaf(value))),
        (None, false) => {
            let mut child = Vec::new();
            insert(&mut child, rest, value, column, place)?;
            node.push(((*first).to_string(), Node::Branch(child)));
        }
        (Some((_, Node::Branch(child))), false) => insert(child, rest, value, column, place)?,
        (Some(_), _) => return Err(clash()),
    }
    Ok(())
}

/// The JSON text of a branch, written directly: serde_json's `Value` would cost the
/// WebAssembly module more than this whole reader.
fn write_branch(node: &[(String, Node)], out: &mut String) {
    // A branch whose keys are 0, 1, 2, … is a list (`x.0.year`, `x.1.year`).
    let is_list = !node.is_empty() && node.iter().enumerate().all(|(i, (k, _))| k.parse::<usize>().ok() == Some(i));
    out.push(if is_list { '[' } else { '{' });
    for (i, (k, n)) in node.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if !is_list {
            write_string(k, out);
            out.push(':');
        }
        match n {
            Node::Branch(b) => write_branch(b, out),
            Node::Leaf(Leaf::Text(t)) => write_string(t, out),
            Node::Leaf(Leaf::Int(v)) => out.push_str(&v.to_string()),
            Node::Leaf(Leaf::Bool(b)) => out.push_str(if *b { "true" } else { "false" }),
            Node::Leaf(Leaf::Exactly(t)) => {
                out.push_str("{\"exactly\":{\"tolerance\":");
                write_string(t, out);
                out.push_str("}}");
            }
        }
    }
    out.push(if is_list { ']' } else { '}' });
}

/// A JSON string literal (RFC 8259 escapes).
fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => {
                let hex = b"0123456789abcdef";
                let v = usize::try_from(u32::from(c)).unwrap_or(0);
                out.push_str("\\u00");
                out.push(char::from(hex.get(v / 16).copied().unwrap_or(b'0')));
                out.push(char::from(hex.get(v % 16).copied().unwrap_or(b'0')));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn canonical(column: &str) -> &str {
    ALIASES.iter().find(|(alias, _)| *alias == column).map(|(_, full)| *full).unwrap_or(column)
}

/// One indicator from one row: `(column, cell)` pairs, empty cells ignored.
pub fn indicator_from_row<'a>(
    cells: impl IntoIterator<Item = (&'a str, &'a str)>,
    place: RowPlace,
) -> Result<Indicator> {
    let mut root: Vec<(String, Node)> = Vec::new();
    let mut tolerances: Vec<(String, String)> = Vec::new();
    for (column, text) in cells {
        let text = text.trim();
        let column = canonical(column.trim());
        if text.is_empty() {
            continue;
        }
        if column.is_empty() || column.split('.').any(str::is_empty) {
            return Err(place.error(column, format!("`{column}` is not a column name (dotted field path)")));
        }
        if let Some(prefix) = column.strip_suffix(".tolerance") {
            // `X.tolerance` goes inside `X.comparator` = exactly, below.
            tolerances.push((prefix.to_string(), text.to_string()));
            continue;
        }
        let value = match column_type(column) {
            // `2020.0` too: spreadsheets and pandas write whole numbers of a column with gaps so.
            ColumnType::Integer => text
                .parse::<i64>()
                .ok()
                .or_else(|| text.strip_suffix(".0").and_then(|t| t.parse::<i64>().ok()))
                .map(Leaf::Int)
                .ok_or_else(|| place.error(column, format!("`{text}` is not a whole number")))?,
            ColumnType::Bool => match text.to_ascii_lowercase().as_str() {
                "true" | "yes" | "1" => Leaf::Bool(true),
                "false" | "no" | "0" => Leaf::Bool(false),
                _ => return Err(place.error(column, format!("`{text}` is not true or false"))),
            },
            ColumnType::Decimal | ColumnType::Text => Leaf::Text(text.to_string()),
        };
        let parts: Vec<&str> = column.split('.').collect();
        insert(&mut root, &parts, value, column, place)?;
    }
    for (prefix, tolerance) in tolerances {
        let column = format!("{prefix}.comparator");
        let parts: Vec<&str> = column.split('.').collect();
        let exactly = Leaf::Exactly(tolerance);
        // Replace a `comparator` cell saying `exactly` (or fill an empty one).
        remove(&mut root, &parts, "exactly").map_err(|m| place.error(&column, m))?;
        insert(&mut root, &parts, exactly, &column, place)?;
    }
    let mut text = String::new();
    write_branch(&root, &mut text);
    // Read unchecked, then checked with typed errors (as Indicator::from_json does).
    let crate::model::indicator::UncheckedIndicator(ind) =
        crate::io::json::from_json_text(&text, |path, message| Error::InvalidPlan { path, message, cause: None })
            .map_err(|e| restate(e, place))?;
    ind.validate("indicator").map_err(|e| restate(e, place))?;
    Ok(ind)
}

/// Remove the leaf at `parts` if it holds `expected` (the comparator a tolerance belongs to).
fn remove(node: &mut Vec<(String, Node)>, parts: &[&str], expected: &str) -> std::result::Result<(), String> {
    let Some((first, rest)) = parts.split_first() else { return Ok(()) };
    let Some(pos) = node.iter().position(|(k, _)| k == first) else { return Ok(()) };
    if rest.is_empty() {
        if let Some((_, Node::Leaf(Leaf::Text(s)))) = node.get(pos) {
            if s != expected {
                return Err(format!("a tolerance goes with the comparator `exactly`, not `{s}`"));
            }
        }
        node.remove(pos);
        return Ok(());
    }
    match node.get_mut(pos) {
        Some((_, Node::Branch(child))) => remove(child, rest, expected),
        _ => Ok(()),
    }
}

/// An error about an indicator restated for its row: the field path without the `indicator.`
/// prefix, and the CSV line or the record index.
fn restate(e: Error, place: RowPlace) -> Error {
    let field = e.field().strip_prefix("indicator.").unwrap_or(e.field()).to_string();
    let full = e.to_string();
    let message = full.strip_prefix(&format!("{}: ", e.field())).unwrap_or(&full).to_string();
    place.error(&field, message)
}

/// The table of a plan's indicators: [`COLUMNS`] first (those any indicator uses), then the
/// other fields in the order first met. Reading it back gives the same indicators.
pub fn indicators_table(indicators: &[Indicator]) -> Result<Table> {
    let mut rows: Vec<Vec<(String, String)>> = Vec::with_capacity(indicators.len());
    for ind in indicators {
        let value = serde_json::to_value(ind).map_err(|e| Error::invalid_plan("indicator", e.to_string()))?;
        let mut cells = Vec::new();
        flatten("", &value, &mut cells);
        rows.push(cells);
    }
    let mut columns: Vec<String> = Vec::new();
    for c in COLUMNS {
        if rows.iter().any(|r| r.iter().any(|(k, _)| k == c)) {
            columns.push((*c).to_string());
        }
    }
    for r in &rows {
        for (k, _) in r {
            if !columns.contains(k) {
                columns.push(k.clone());
            }
        }
    }
    let rows = rows
        .into_iter()
        .map(|r| columns.iter().map(|c| r.iter().find(|(k, _)| k == c).map(|(_, v)| v.clone())).collect())
        .collect();
    Ok(Table { columns, rows })
}

fn flatten(prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
    let join = |k: &str| if prefix.is_empty() { k.to_string() } else { format!("{prefix}.{k}") };
    match value {
        Value::Null => {}
        Value::Bool(b) => out.push((prefix.to_string(), b.to_string())),
        Value::Number(n) => out.push((prefix.to_string(), n.to_string())),
        Value::String(s) => out.push((prefix.to_string(), s.clone())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                flatten(&join(&i.to_string()), item, out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                // `comparator: {exactly: {tolerance}}` → `comparator` = exactly, `tolerance`.
                if k == "comparator" {
                    if let Some(t) = v.get("exactly").and_then(|e| e.get("tolerance")) {
                        out.push((join("comparator"), "exactly".into()));
                        flatten(&join("tolerance"), t, out);
                        continue;
                    }
                }
                flatten(&join(k), v, out);
            }
        }
    }
}

/// A plan from indicators: `id` and `name` (its Chinese title) given, the base year the
/// earliest baseline year, the period from the year after it to the latest target year.
pub fn plan_from_indicators(id: &str, name: &str, indicators: Vec<Indicator>) -> Result<Plan> {
    let Some(base_year) = indicators.iter().map(|i| i.baseline.year).min() else {
        return Err(Error::invalid_plan("indicators", "a plan needs at least one indicator"));
    };
    let start = base_year.checked_add(1).ok_or_else(|| Error::overflow("period.start"))?;
    let end = indicators.iter().filter_map(|i| i.target.year()).max().unwrap_or(start).max(start);
    let plan = Plan {
        id: id.to_string(),
        title: Label::zh(if name.trim().is_empty() { id } else { name }),
        issuer: Label::zh(""),
        region: Label::zh(""),
        period: PlanPeriod { start, end },
        base_year,
        indicators,
        sources: Vec::new(),
        achievements: Vec::new(),
        projects: Vec::new(),
        key_fields: Vec::new(),
        reference_values: Vec::new(),
    };
    plan.validate()?;
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row<'a>(cells: &'a [(&'a str, &'a str)]) -> Result<Indicator> {
        indicator_from_row(cells.iter().copied(), RowPlace::Line(2))
    }

    #[test]
    #[cfg(feature = "builtin")]
    fn every_builtin_indicator_survives_the_table() {
        for plan_id in crate::builtin::plan_ids() {
            let plan = crate::builtin::plan(plan_id).unwrap();
            let table = indicators_table(&plan.indicators).unwrap();
            for (r, ind) in table.rows.iter().zip(&plan.indicators) {
                let cells: Vec<(&str, &str)> =
                    table.columns.iter().zip(r).filter_map(|(c, v)| v.as_deref().map(|v| (c.as_str(), v))).collect();
                assert_eq!(&row(&cells).unwrap(), ind, "{}", ind.id);
            }
        }
    }

    #[test]
    fn aliases_tolerance_and_errors() {
        let ind = row(&[
            ("id", "x"),
            ("label", "某指标"),
            ("unit", "percent"),
            ("direction", "increase"),
            ("baseline.year", "2020.0"),
            ("baseline.value", "1.10"),
            ("target.kind", "level"),
            ("target.year", "2025"),
            ("target.value", "2.5"),
            ("target.comparator", "exactly"),
            ("target.tolerance", "0.1"),
        ])
        .unwrap();
        assert_eq!(ind.label.zh, "某指标");
        assert_eq!(ind.baseline.value.to_string(), "1.10");
        let t = serde_json::to_string(&ind.target).unwrap();
        assert_eq!(t, r#"{"kind":"level","year":2025,"value":"2.5","comparator":{"exactly":{"tolerance":"0.1"}}}"#);

        let e = row(&[("id", "x"), ("baseline.year", "2020.5")]).unwrap_err();
        assert_eq!((e.code(), e.field(), e.line()), ("parse", "baseline.year", Some(2)));
        let e = row(&[("id", "x"), ("baseline.year", "20x0")]).unwrap_err();
        assert_eq!((e.code(), e.field(), e.line()), ("parse", "baseline.year", Some(2)));
        let e = row(&[
            ("id", "x"),
            ("label", "a"),
            ("unit", "percent"),
            ("direction", "up"),
            ("baseline.year", "2020"),
            ("baseline.value", "1"),
            ("target.kind", "none"),
        ])
        .unwrap_err();
        assert_eq!((e.code(), e.field(), e.line()), ("parse", "direction", Some(2)), "{e}");
        let e = indicator_from_row([("label", "a"), ("label.zh", "b")], RowPlace::Record(4)).unwrap_err();
        assert_eq!((e.code(), e.field()), ("invalid_plan", "rows[4].label.zh"));
    }

    #[test]
    fn column_types() {
        assert_eq!(column_type("target.year"), ColumnType::Integer);
        assert_eq!(column_type("baseline.value"), ColumnType::Decimal);
        assert_eq!(column_type("label.en"), ColumnType::Text);
        let mut out = String::new();
        write_string("a\"b\\c\n\u{1}é", &mut out);
        assert_eq!(out, r#""a\"b\\c\u000a\u0001é""#);
        assert_eq!(serde_json::from_str::<String>(&out).unwrap(), "a\"b\\c\n\u{1}é");
    }
}
