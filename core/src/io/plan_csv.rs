//! The plan template as CSV: a header of column names (io/plan_table.rs, docs/plan-format.md)
//! and one row per indicator. Read with the observations reader's record splitter (BOM, CRLF,
//! quoting), so every error carries its line.

use crate::error::{Error, Result};
use crate::io::csv::Records;
use crate::io::plan_table::{indicator_from_row, indicators_table, plan_from_indicators, RowPlace};
use crate::model::plan::Plan;

/// Read a plan from its CSV template: `id` and `name` name the plan (the table holds only
/// its indicators).
pub fn read_plan_csv(text: &str, id: &str, name: &str) -> Result<Plan> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Records::new(text);
    let Some((_, headers)) = records.next_record()? else {
        return Err(Error::Parse {
            path: "id".into(),
            line: Some(1),
            message: "the table is empty".into(),
            cause: None,
        });
    };
    for (i, h) in headers.iter().enumerate() {
        if headers.iter().take(i).any(|earlier| earlier == h) {
            return Err(Error::Parse {
                path: h.clone(),
                line: Some(1),
                message: format!("column `{h}` appears twice"),
                cause: None,
            });
        }
    }
    if !headers.iter().any(|h| h == "id") {
        return Err(Error::Parse {
            path: "id".into(),
            line: Some(1),
            message: "missing column `id`".into(),
            cause: None,
        });
    }
    let mut indicators = Vec::new();
    let mut lines: Vec<u64> = Vec::new();
    while let Some((line, record)) = records.next_row(headers.len())? {
        let ind = indicator_from_row(
            headers.iter().map(String::as_str).zip(record.iter().map(String::as_str)),
            RowPlace::Line(line),
        )?;
        lines.push(line);
        indicators.push(ind);
    }
    // The plan's own checks (a repeated id, a relative target naming no indicator) name
    // `indicators[i].…`: said again with the row's line and the column.
    plan_from_indicators(id, name, indicators).map_err(|e| {
        let field = e.field().to_string();
        let Some((index, rest)) = field.strip_prefix("indicators[").and_then(|r| r.split_once("].")) else { return e };
        let line = index.parse::<usize>().ok().and_then(|i| lines.get(i)).copied();
        let full = e.to_string();
        let message = full.strip_prefix(&format!("{field}: ")).unwrap_or(&full).to_string();
        Error::Parse { path: rest.to_string(), line, message, cause: None }
    })
}

/// Write a plan's indicators as the CSV template (a file [`read_plan_csv`] reads back).
pub fn write_plan_csv(plan: &Plan) -> Result<String> {
    let table = indicators_table(&plan.indicators)?;
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let io = |e: ::csv::Error| Error::Parse { path: String::new(), line: None, message: e.to_string(), cause: None };
    w.write_record(&table.columns).map_err(io)?;
    for row in &table.rows {
        w.write_record(row.iter().map(|c| c.as_deref().unwrap_or_default())).map_err(io)?;
    }
    let bytes = w.into_inner().map_err(|e| Error::Parse {
        path: String::new(),
        line: None,
        message: e.to_string(),
        cause: None,
    })?;
    String::from_utf8(bytes).map_err(|e| Error::Parse {
        path: String::new(),
        line: None,
        message: e.to_string(),
        cause: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "\u{feff}id,label,label.en,unit,direction,nature,baseline.year,baseline.value,target.kind,target.year,target.value,target.rate,target.comparator\r\n\
        rd-intensity,研发经费投入强度,R&D intensity,percent,increase,anticipatory,2020,0.36,level,2025,1.10,,\r\n\
        \"gdp\",地区生产总值,\"GDP, current prices\",index,increase,,2020,100,annual_growth,2025,,0.07,above\r\n";

    #[test]
    fn reads_the_template_and_writes_it_back() {
        let plan = read_plan_csv(TEMPLATE, "demo", "示例规划").unwrap();
        assert_eq!((plan.base_year, plan.period.start, plan.period.end), (2020, 2021, 2025));
        assert_eq!(plan.indicators.len(), 2);
        assert_eq!(plan.indicators[1].label.en.as_deref(), Some("GDP, current prices"));
        assert_eq!(plan.indicators[0].baseline.value.to_string(), "0.36");
        let back = read_plan_csv(&write_plan_csv(&plan).unwrap(), "demo", "示例规划").unwrap();
        assert_eq!(back, plan);
    }

    #[test]
    #[cfg(feature = "builtin")]
    fn builtin_plans_round_trip_through_csv() {
        for id in crate::builtin::plan_ids() {
            let plan = crate::builtin::plan(id).unwrap();
            let back = read_plan_csv(&write_plan_csv(&plan).unwrap(), id, "x").unwrap();
            assert_eq!(back.indicators, plan.indicators, "{id}");
        }
    }

    #[test]
    fn errors_name_line_and_field() {
        let bad_year = TEMPLATE.replace("2020,100", "2020,10O");
        let e = read_plan_csv(&bad_year, "demo", "x").unwrap_err();
        assert_eq!((e.code(), e.field(), e.line()), ("parse", "baseline.value", Some(3)), "{e}");
        let e = read_plan_csv(&TEMPLATE.replace("2025,1.10", "2019,1.10"), "demo", "x").unwrap_err();
        assert_eq!((e.field(), e.line()), ("target.year", Some(2)), "{e}");
        let e = read_plan_csv(&TEMPLATE.replace("\"gdp\"", "rd-intensity"), "demo", "x").unwrap_err();
        assert_eq!((e.field(), e.line()), ("id", Some(3)), "{e}");
        let e = read_plan_csv("id,label,label.zh\nx,a,b\n", "demo", "x").unwrap_err();
        assert_eq!((e.field(), e.line()), ("label.zh", Some(2)), "{e}");
        let e = read_plan_csv("id,label\nx,a,b\n", "demo", "x").unwrap_err();
        assert_eq!(e.line(), Some(2));
        let e = read_plan_csv("label\n", "demo", "x").unwrap_err();
        assert_eq!((e.field(), e.line()), ("id", Some(1)));
        assert_eq!(read_plan_csv("", "demo", "x").unwrap_err().code(), "parse");
        assert_eq!(read_plan_csv("id\n", "demo", "x").unwrap_err().code(), "invalid_plan");
    }
}
