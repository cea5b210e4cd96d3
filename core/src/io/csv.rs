//! Observations in long CSV: `indicator,year,value` and optionally
//! `numerator,denominator,vintage,flag,source`. A UTF-8 BOM, CRLF line ends and quoted fields
//! are handled; every error carries its line number.

use crate::error::{Error, Result};
use crate::method::evaluate::PlanObservations;
use crate::model::indicator::check_year;
use crate::model::series::{Flag, Observation};

const COLUMNS: [&str; 8] = ["indicator", "year", "value", "numerator", "denominator", "vintage", "flag", "source"];

/// Read long-format observations.
pub fn read_observations_csv(text: &str) -> Result<PlanObservations> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = ::csv::ReaderBuilder::new().trim(::csv::Trim::All).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| csv_error(&e, "header"))?.iter().map(str::to_string).collect::<Vec<_>>();
    let mut index = [None; COLUMNS.len()];
    for (pos, name) in headers.iter().enumerate() {
        let Some(slot) = COLUMNS.iter().position(|c| c == name) else {
            return Err(Error::Parse {
                path: name.clone(),
                line: Some(1),
                message: format!("unknown column `{name}`; columns are {}", COLUMNS.join(", ")),
            });
        };
        if let Some(existing) = index.get_mut(slot) {
            if existing.is_some() {
                return Err(Error::Parse {
                    path: name.clone(),
                    line: Some(1),
                    message: format!("column `{name}` appears twice"),
                });
            }
            *existing = Some(pos);
        }
    }
    for required in ["indicator", "year"] {
        if column(&index, required).is_none() {
            return Err(Error::Parse {
                path: required.into(),
                line: Some(1),
                message: format!("missing column `{required}`"),
            });
        }
    }
    let has_components = column(&index, "numerator").is_some() && column(&index, "denominator").is_some();
    if column(&index, "value").is_none() && !has_components {
        return Err(Error::Parse {
            path: "value".into(),
            line: Some(1),
            message: "missing column `value` (or both `numerator` and `denominator`)".into(),
        });
    }

    let mut out = PlanObservations::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(&e, "row"))?;
        let line = record.position().map(|p| p.line());
        let cell =
            |name: &str| -> Option<&str> { column(&index, name).and_then(|i| record.get(i)).filter(|s| !s.is_empty()) };
        let parse_err = |path: &str, message: String| Error::Parse { path: path.into(), line, message };
        let indicator = cell("indicator").ok_or_else(|| parse_err("indicator", "empty indicator id".into()))?;
        let year_text = cell("year").ok_or_else(|| parse_err("year", "empty year".into()))?;
        let year: i32 = year_text.parse().map_err(|_| parse_err("year", format!("`{year_text}` is not a year")))?;
        check_year(year, &format!("line {}: year", line.unwrap_or_default()))?;
        let dec = |name: &str| -> Result<Option<rust_decimal::Decimal>> {
            cell(name).map(|t| super::decimal::parse_exact(t).map_err(|m| parse_err(name, m))).transpose()
        };
        let flag = cell("flag").map(|f| Flag::parse(f).map_err(|e| parse_err("flag", e.to_string()))).transpose()?;
        let obs = Observation {
            year,
            value: dec("value")?,
            numerator: dec("numerator")?,
            denominator: dec("denominator")?,
            vintage: cell("vintage").map(str::to_string),
            flag,
            source: cell("source").map(str::to_string),
        };
        if obs.value.is_none() && (obs.numerator.is_none() || obs.denominator.is_none()) {
            return Err(Error::InvalidObservations {
                path: format!("{indicator}[{year}]"),
                line,
                message: "a row needs a value, or a numerator and a denominator".into(),
            });
        }
        out.entry(indicator.to_string()).or_default().push(obs);
    }
    Ok(out)
}

/// Write observations as long CSV with every column (empty cells where absent).
pub fn write_observations_csv(observations: &PlanObservations) -> Result<String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let io = |e: ::csv::Error| Error::Parse { path: String::new(), line: None, message: e.to_string() };
    w.write_record(COLUMNS).map_err(io)?;
    let opt = |d: Option<rust_decimal::Decimal>| d.map(|v| v.to_string()).unwrap_or_default();
    for (id, list) in observations {
        for o in list {
            w.write_record([
                id.clone(),
                o.year.to_string(),
                opt(o.value),
                opt(o.numerator),
                opt(o.denominator),
                o.vintage.clone().unwrap_or_default(),
                o.flag.map(|f| f.code().to_string()).unwrap_or_default(),
                o.source.clone().unwrap_or_default(),
            ])
            .map_err(io)?;
        }
    }
    let bytes = w.into_inner().map_err(|e| Error::Parse { path: String::new(), line: None, message: e.to_string() })?;
    String::from_utf8(bytes).map_err(|e| Error::Parse { path: String::new(), line: None, message: e.to_string() })
}

fn column(index: &[Option<usize>; COLUMNS.len()], name: &str) -> Option<usize> {
    COLUMNS.iter().position(|c| *c == name).and_then(|slot| index.get(slot).copied().flatten())
}

fn csv_error(e: &::csv::Error, what: &str) -> Error {
    Error::Parse { path: what.into(), line: e.position().map(|p| p.line()), message: e.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_crlf_quotes() {
        let text = "\u{feff}indicator,year,value,vintage\r\n\"rd-intensity\",2021,\"0.40\",2022-09-01\r\nrd-intensity,2022,0.45,\r\n";
        let obs = read_observations_csv(text).unwrap();
        let list = &obs["rd-intensity"];
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].value.unwrap().to_string(), "0.40");
        assert_eq!(list[0].vintage.as_deref(), Some("2022-09-01"));
        assert_eq!(list[1].vintage, None);
        let back = read_observations_csv(&write_observations_csv(&obs).unwrap()).unwrap();
        assert_eq!(back, obs);
    }

    #[test]
    fn errors_carry_lines() {
        let e = read_observations_csv("indicator,year,value\na,2021,1\na,20x1,2\n").unwrap_err();
        assert_eq!((e.code(), e.line()), ("parse", Some(3)));
        let e = read_observations_csv("indicator,year,value\na,2021,1\na,2022,1,9\n").unwrap_err();
        assert_eq!((e.code(), e.line()), ("parse", Some(3)));
        let e = read_observations_csv("indicator,value\na,1\n").unwrap_err();
        assert_eq!(e.field(), "year");
        let e = read_observations_csv("indicator,year,valeu\n").unwrap_err();
        assert_eq!(e.field(), "valeu");
        // A stray quote inside a field stays part of the text, so the year does not parse.
        let e = read_observations_csv("indicator,year,value\na,20\"21,1\n").unwrap_err();
        assert_eq!((e.code(), e.field(), e.line()), ("parse", "year", Some(2)));
    }
}
