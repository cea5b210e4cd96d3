//! Observations in long CSV: `indicator,year,value` and optionally
//! `numerator,denominator,vintage,flag,source,annual_change,period` (an `annual_change` such as
//! `-0.027` or `-2.7%` may stand instead of the value, as in JSON; docs/plan-format.md); or wide, as a yearbook prints them: one row per
//! indicator and one column per year (`indicator,2021,2022,…`), or the transpose (`year,id1,
//! id2,…`). A UTF-8 BOM, CRLF line ends and quoted fields are handled; every error carries its
//! line number.

use crate::error::{Error, Result};
use crate::model::indicator::check_year;
use crate::model::series::PlanObservations;
use crate::model::series::{Flag, Observation};

const COLUMNS: [&str; 10] =
    ["indicator", "year", "value", "numerator", "denominator", "vintage", "flag", "source", "annual_change", "period"];

/// Read long-format observations.
pub fn read_observations_csv(text: &str) -> Result<PlanObservations> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Records::new(text);
    let Some((_, headers)) = records.next_record()? else {
        return Err(Error::Parse {
            path: "indicator".into(),
            line: Some(1),
            message: "missing column `indicator`".into(),
            cause: None,
        });
    };
    if let Some(layout) = wide_layout(&headers) {
        return read_wide(records, &headers, layout);
    }
    let mut index = [None; COLUMNS.len()];
    for (pos, name) in headers.iter().enumerate() {
        let Some(slot) = COLUMNS.iter().position(|c| c == name) else {
            return Err(Error::Parse {
                path: name.clone(),
                line: Some(1),
                message: format!("unknown column `{name}`; columns are {}", COLUMNS.join(", ")),
                cause: None,
            });
        };
        if let Some(existing) = index.get_mut(slot) {
            if existing.is_some() {
                return Err(Error::Parse {
                    path: name.clone(),
                    line: Some(1),
                    message: format!("column `{name}` appears twice"),
                    cause: None,
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
                cause: None,
            });
        }
    }
    let has_components = column(&index, "numerator").is_some() && column(&index, "denominator").is_some();
    if column(&index, "value").is_none() && !has_components && column(&index, "annual_change").is_none() {
        return Err(Error::Parse {
            path: "value".into(),
            line: Some(1),
            message: "missing column `value` (or both `numerator` and `denominator`, or `annual_change`)".into(),
            cause: None,
        });
    }

    let mut out = PlanObservations::new();
    while let Some((line_number, record)) = records.next_row(headers.len())? {
        let line = Some(line_number);
        let cell = |name: &str| -> Option<&str> {
            column(&index, name).and_then(|i| record.get(i)).map(String::as_str).filter(|s| !s.is_empty())
        };
        let parse_err = |path: &str, message: String| Error::Parse { path: path.into(), line, message, cause: None };
        let indicator = cell("indicator").ok_or_else(|| parse_err("indicator", "empty indicator id".into()))?;
        let year_text = cell("year").ok_or_else(|| parse_err("year", "empty year".into()))?;
        let year: i32 = year_text.parse().map_err(|_| parse_err("year", format!("`{year_text}` is not a year")))?;
        check_year(year, &format!("line {line_number}: year"))?;
        let dec = |name: &str| -> Result<Option<rust_decimal::Decimal>> {
            cell(name).map(|t| super::decimal::parse_exact(t).map_err(|m| parse_err(name, m))).transpose()
        };
        let flag = cell("flag").map(|f| Flag::parse(f).map_err(|e| parse_err("flag", e.to_string()))).transpose()?;
        // The same readings as JSON's: a rate as a fraction or with `%`, a period code checked.
        let message_of = |e: Error| match e {
            Error::Parse { message, .. } | Error::InvalidArgument { message, .. } => message,
            other => other.to_string(),
        };
        let annual_change = cell("annual_change")
            .map(|t| crate::model::rate::parse_rate(t, true, "annual_change"))
            .transpose()
            .map_err(|e| parse_err("annual_change", message_of(e)))?;
        let period = cell("period").map(str::to_string);
        if let Some(code) = &period {
            crate::model::series::period_end_month(code, "period").map_err(|e| parse_err("period", message_of(e)))?;
        }
        let obs = Observation {
            year,
            value: dec("value")?,
            numerator: dec("numerator")?,
            denominator: dec("denominator")?,
            vintage: cell("vintage").map(str::to_string),
            flag,
            source: cell("source").map(str::to_string),
            annual_change,
            period,
        };
        if obs.value.is_none() && (obs.numerator.is_none() || obs.denominator.is_none()) && obs.annual_change.is_none()
        {
            return Err(Error::InvalidObservations {
                path: format!("{indicator}[{year}]"),
                line,
                message: "a row needs a value, a numerator and a denominator, or an annual change".into(),
                cause: None,
            });
        }
        out.entry(indicator.to_string()).or_default().push(obs);
    }
    Ok(out)
}

/// How a wide table is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wide {
    /// `indicator,2021,2022,…`: a row per indicator.
    ByIndicator,
    /// `year,id1,id2,…`: a row per year.
    ByYear,
}

/// A header is wide when it is `indicator` and years only, or `year` and no long-format column.
fn wide_layout(headers: &[String]) -> Option<Wide> {
    let (first, rest) = headers.split_first()?;
    if rest.is_empty() {
        return None;
    }
    if first == "indicator" && rest.iter().all(|h| h.parse::<i32>().is_ok()) {
        return Some(Wide::ByIndicator);
    }
    if first == "year" && rest.iter().all(|h| !COLUMNS.contains(&h.as_str())) {
        return Some(Wide::ByYear);
    }
    None
}

fn read_wide(mut records: Records<'_>, headers: &[String], layout: Wide) -> Result<PlanObservations> {
    let header_years: Vec<i32> = match layout {
        Wide::ByIndicator => headers.iter().skip(1).filter_map(|h| h.parse().ok()).collect(),
        Wide::ByYear => Vec::new(),
    };
    for (i, h) in headers.iter().enumerate() {
        if headers.iter().take(i).any(|e| e == h) {
            return Err(Error::Parse {
                path: h.clone(),
                line: Some(1),
                message: format!("column `{h}` appears twice"),
                cause: None,
            });
        }
    }
    for y in &header_years {
        check_year(*y, &format!("line 1: {y}"))?;
    }
    let mut out = PlanObservations::new();
    while let Some((line_number, record)) = records.next_row(headers.len())? {
        let line = Some(line_number);
        let Some((key, cells)) = record.split_first() else { continue };
        let parse_err = |path: &str, message: String| Error::Parse { path: path.into(), line, message, cause: None };
        let row_year = match layout {
            Wide::ByYear => {
                let y: i32 = key.parse().map_err(|_| parse_err("year", format!("`{key}` is not a year")))?;
                check_year(y, &format!("line {line_number}: year"))?;
                Some(y)
            }
            Wide::ByIndicator if key.is_empty() => return Err(parse_err("indicator", "empty indicator id".into())),
            Wide::ByIndicator => None,
        };
        for (pos, text) in cells.iter().enumerate() {
            if text.is_empty() {
                continue; // a year without a figure
            }
            let header = headers.get(pos.saturating_add(1)).map(String::as_str).unwrap_or_default();
            let (indicator, year) = match row_year {
                Some(y) => (header, y),
                None => (key.as_str(), header_years.get(pos).copied().unwrap_or_default()),
            };
            let value = super::decimal::parse_exact(text).map_err(|m| parse_err(&format!("{indicator}[{year}]"), m))?;
            out.entry(indicator.to_string()).or_default().push(Observation::new(year, value));
        }
    }
    Ok(out)
}

/// Records of a CSV text, split by csv-core's reader (RFC 4180 quoting, any of CR, LF and
/// CRLF as line ends, blank lines skipped), each with the line it starts on and its fields
/// trimmed. csv-core rather than the csv crate's reader: the text is already in memory, and
/// the reader's buffered I/O and error types cost a third of the CSV code in the WebAssembly
/// module.
pub(crate) struct Records<'a> {
    reader: csv_core::Reader,
    text: &'a [u8],
    pos: usize,
    // Our own line count: csv-core's stops after a CR and counts the LF of a CRLF with the
    // next record, which put CRLF files' errors a line early.
    line: u64,
    done: bool,
    // Reused from record to record; they grow when csv-core says they are full.
    out: Vec<u8>,
    ends: Vec<usize>,
}

impl<'a> Records<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Records {
            reader: csv_core::Reader::new(),
            text: text.as_bytes(),
            pos: 0,
            line: 1,
            done: false,
            out: vec![0; 1024],
            ends: vec![0; 16],
        }
    }

    pub(crate) fn next_record(&mut self) -> Result<Option<(u64, Vec<String>)>> {
        use csv_core::ReadRecordResult as R;
        if self.done {
            return Ok(None);
        }
        // Blank lines and the rest of a line end are not part of the record.
        while let Some(&b) = self.text.get(self.pos) {
            if b != b'\r' && b != b'\n' {
                break;
            }
            self.count_break(self.pos);
            self.pos = self.pos.saturating_add(1);
        }
        let line = self.line;
        let (mut n_out, mut n_ends) = (0usize, 0usize);
        loop {
            let (Some(out_rest), Some(ends_rest)) = (self.out.get_mut(n_out..), self.ends.get_mut(n_ends..)) else {
                return Err(parse_error(line, "the CSV reader lost its place"));
            };
            let input = self.text.get(self.pos..).unwrap_or_default();
            let (result, n_in, o, e) = self.reader.read_record(input, out_rest, ends_rest);
            let end = self.pos.saturating_add(n_in);
            for at in self.pos..end {
                self.count_break(at);
            }
            self.pos = end;
            n_out = n_out.saturating_add(o);
            n_ends = n_ends.saturating_add(e);
            match result {
                // An empty input slice tells csv-core the text has ended.
                R::InputEmpty => {}
                R::OutputFull => self.out.resize(self.out.len().saturating_mul(2), 0),
                R::OutputEndsFull => self.ends.resize(self.ends.len().saturating_mul(2), 0),
                R::Record => {
                    return fields(&self.out, self.ends.get(..n_ends).unwrap_or_default(), line)
                        .map(|f| Some((line, f)))
                }
                R::End => {
                    self.done = true;
                    return Ok(None);
                }
            }
        }
    }
}

impl Records<'_> {
    /// The next record of a table whose header has `width` fields; a row of another width is
    /// a `parse` error at its line.
    pub(crate) fn next_row(&mut self, width: usize) -> Result<Option<(u64, Vec<String>)>> {
        let Some((line, record)) = self.next_record()? else { return Ok(None) };
        if record.len() != width {
            return Err(Error::Parse {
                path: "row".into(),
                line: Some(line),
                message: format!("found a row with {} fields, but the header has {width}", record.len()),
                cause: None,
            });
        }
        Ok(Some((line, record)))
    }

    /// Count the line break at byte `at`: an LF, or a CR not followed by an LF.
    fn count_break(&mut self, at: usize) {
        let is_break = match self.text.get(at) {
            Some(b'\n') => true,
            Some(b'\r') => self.text.get(at.saturating_add(1)) != Some(&b'\n'),
            _ => false,
        };
        if is_break {
            self.line = self.line.saturating_add(1);
        }
    }
}

fn fields(out: &[u8], ends: &[usize], line: u64) -> Result<Vec<String>> {
    let mut start = 0;
    let mut list = Vec::with_capacity(ends.len());
    for &end in ends {
        let bytes = out.get(start..end).ok_or_else(|| parse_error(line, "the CSV reader lost its place"))?;
        // Fields split a valid &str at ASCII bytes, so they are valid UTF-8 too.
        let text = std::str::from_utf8(bytes).map_err(|_| parse_error(line, "a field is not valid UTF-8"))?;
        list.push(text.trim().to_string());
        start = end;
    }
    Ok(list)
}

fn parse_error(line: u64, message: &str) -> Error {
    Error::Parse { path: "row".into(), line: Some(line), message: message.into(), cause: None }
}

/// Write observations as long CSV with every column (empty cells where absent).
///
/// Writing into memory cannot fail; should it, the error is a `parse` error without a
/// `source()` (keeping the writer's error types out of the WebAssembly module).
pub fn write_observations_csv(observations: &PlanObservations) -> Result<String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let io = |e: ::csv::Error| Error::parse("", None, e.to_string());
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
                opt(o.annual_change),
                o.period.clone().unwrap_or_default(),
            ])
            .map_err(io)?;
        }
    }
    let bytes = w.into_inner().map_err(|e| Error::parse("", None, e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::parse("", None, e.to_string()))
}

fn column(index: &[Option<usize>; COLUMNS.len()], name: &str) -> Option<usize> {
    COLUMNS.iter().position(|c| *c == name).and_then(|slot| index.get(slot).copied().flatten())
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
    fn wide_tables_either_way_round() {
        let by_indicator = "indicator,2021,2022,2023\nrd-intensity,0.40,,0.52\ngdp,100,105.0,\n";
        let by_year = "year,rd-intensity,gdp\n2021,0.40,100\n2022,,105.0\n2023,0.52,\n";
        let long =
            "indicator,year,value\nrd-intensity,2021,0.40\nrd-intensity,2023,0.52\ngdp,2021,100\ngdp,2022,105.0\n";
        let expected = read_observations_csv(long).unwrap();
        assert_eq!(read_observations_csv(by_indicator).unwrap(), expected);
        assert_eq!(read_observations_csv(by_year).unwrap(), expected);
        assert_eq!(expected["gdp"][1].value.unwrap().to_string(), "105.0");
        let e = read_observations_csv("indicator,2021\nx,1\ny,abc\n").unwrap_err();
        assert_eq!((e.field(), e.line()), ("y[2021]", Some(3)), "{e}");
        let e = read_observations_csv("year,x\n2021,1\n20x2,2\n").unwrap_err();
        assert_eq!((e.field(), e.line()), ("year", Some(3)), "{e}");
        let e = read_observations_csv("indicator,2021\nx,1,2\n").unwrap_err();
        assert_eq!(e.line(), Some(2));
    }

    #[test]
    fn errors_carry_lines() {
        let e = read_observations_csv("indicator,year,value\na,2021,1\na,20x1,2\n").unwrap_err();
        assert_eq!((e.code(), e.line()), ("parse", Some(3)));
        let e = read_observations_csv("indicator,year,value\na,2021,1\na,2022,1,9\n").unwrap_err();
        assert_eq!((e.code(), e.line()), ("parse", Some(3)));
        // CRLF and CR-only line ends, blank lines and a quoted line break count as lines.
        let e = read_observations_csv("indicator,year,value\r\na,2021,1\r\n\r\na,20x1,2\r\n").unwrap_err();
        assert_eq!(e.line(), Some(4), "{e}");
        let e = read_observations_csv("indicator,year,value\ra,2021,1\ra,20x1,2\r").unwrap_err();
        assert_eq!(e.line(), Some(3), "{e}");
        let e = read_observations_csv("indicator,year,value,source\na,2021,1,\"two\nlines\"\na,20x1,2,\n").unwrap_err();
        assert_eq!(e.line(), Some(4), "{e}");
        let e = read_observations_csv("indicator,value\na,1\n").unwrap_err();
        assert_eq!(e.field(), "year");
        let e = read_observations_csv("indicator,year,valeu\n").unwrap_err();
        assert_eq!(e.field(), "valeu");
        // A stray quote inside a field stays part of the text, so the year does not parse.
        let e = read_observations_csv("indicator,year,value\na,20\"21,1\n").unwrap_err();
        assert_eq!((e.code(), e.field(), e.line()), ("parse", "year", Some(2)));
    }
}
