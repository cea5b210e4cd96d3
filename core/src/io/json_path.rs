//! The JSON path of a position in JSON text, for error messages (`indicators[3].target.year`).
//!
//! serde_json reports the line and column of every error; walking the text to that position
//! gives the path of the value being read. This replaces a wrapper around every deserializer
//! (serde_path_to_error), which doubled the deserialization code: a quarter of the
//! WebAssembly module. The bad-plan catalogue checks the paths.

enum Frame {
    /// Inside an object: the last key read, and whether the next string is a key.
    Object { key: Option<String>, expecting_key: bool },
    /// Inside an array: the index of the current element and the byte offset where it starts.
    Array { index: usize, start: usize },
}

/// Byte offset of 1-based `line` and `column` (serde_json counts columns in bytes).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text.get(start..).and_then(|rest| rest.find('\n')) {
            Some(i) => start = start.saturating_add(i).saturating_add(1),
            None => break,
        }
    }
    start.saturating_add(column).min(text.len())
}

/// How the elements of an observation list (a list under a key `observations`) are named.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Naming {
    /// By place, `observations[1]`: the caller's own file, where the place is what they see.
    Place,
    /// By the element's `year` where it has a whole one, `observations[2022]`: JSON a front end
    /// built from the caller's values, where the year is what the caller wrote.
    Year,
}

/// The index of the closing quote of the JSON string opening at `start` (or the text's end),
/// honouring escapes.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut j = start.saturating_add(1);
    while let Some(&c) = bytes.get(j) {
        match c {
            b'\\' => j = j.saturating_add(2),
            b'"' => break,
            _ => j = j.saturating_add(1),
        }
    }
    j
}

/// The path of the value at 1-based `line`/`column` of `text` (empty at the top level).
pub(crate) fn path_at(text: &str, line: usize, column: usize, naming: Naming) -> String {
    let end = offset(text, line, column);
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'"' => {
                let j = string_end(bytes, i);
                if let Some(Frame::Object { key, expecting_key }) = stack.last_mut() {
                    if *expecting_key {
                        *key = text.get(i.saturating_add(1)..j.min(text.len())).map(str::to_string);
                        *expecting_key = false;
                    }
                }
                i = j.saturating_add(1);
                continue;
            }
            b'{' => stack.push(Frame::Object { key: None, expecting_key: true }),
            b'[' => stack.push(Frame::Array { index: 0, start: i.saturating_add(1) }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                Some(Frame::Array { index, start }) => {
                    *index = index.saturating_add(1);
                    *start = i.saturating_add(1);
                }
                None => {}
            },
            _ => {}
        }
        i = i.saturating_add(1);
    }
    let mut path = String::new();
    let mut under_observations = false;
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                under_observations |= k == "observations";
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index, start } => {
                let year = match naming {
                    Naming::Year if under_observations => year_of_element(text, *start),
                    _ => None,
                };
                path.push('[');
                path.push_str(&year.unwrap_or(*index as i64).to_string());
                path.push(']');
            }
        }
    }
    path
}

/// The whole `year` of the object starting at byte `start` (after blanks), if it has one: read
/// from the text, since the year may come after the value at fault.
fn year_of_element(text: &str, start: usize) -> Option<i64> {
    let bytes = text.as_bytes();
    let mut i = start;
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i = i.saturating_add(1);
    }
    if bytes.get(i) != Some(&b'{') {
        return None;
    }
    // Walk the object's members at its own depth, looking for the key "year".
    let mut depth = 0usize;
    let mut expecting_key = true;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => {
                let j = string_end(bytes, i);
                if depth == 1 && expecting_key && text.get(i.saturating_add(1)..j) == Some("year") {
                    let rest = text.get(j.saturating_add(1)..)?.trim_start().strip_prefix(':')?.trim_start();
                    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '-')).unwrap_or(rest.len());
                    // Only a whole number: `2022.5` or `"2022"` is the value at fault, not a name.
                    let after = rest.get(end..)?.trim_start();
                    let ends_member = after.is_empty() || after.starts_with(',') || after.starts_with('}');
                    return if ends_member { rest.get(..end)?.parse().ok() } else { None };
                }
                if depth == 1 {
                    expecting_key = false;
                }
                i = j.saturating_add(1);
                continue;
            }
            b'{' | b'[' => depth = depth.saturating_add(1),
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return None;
                }
            }
            b',' if depth == 1 => expecting_key = true,
            _ => {}
        }
        i = i.saturating_add(1);
    }
    None
}

/// The path of a value refused after serde_json has read past it: serde_json places an error
/// raised from a raw value (exact decimals, `io::decimal`) after the enclosing object's `}` when
/// the value was the object's last member, so a closing bracket at the error position belongs
/// to the container, not to the value at fault.
pub(crate) fn path_of_value_before(text: &str, line: usize, column: usize, naming: Naming) -> String {
    let at = offset(text, line, column).checked_sub(1).and_then(|i| text.as_bytes().get(i));
    match at {
        Some(b'}' | b']') => path_at(text, line, column.saturating_sub(1), naming),
        _ => path_at(text, line, column, naming),
    }
}

#[cfg(test)]
mod tests {
    use super::{path_at, path_of_value_before, Naming};

    /// The path of the first `needle` in `text`, its end taken as the error position.
    fn at_year(text: &str, needle: &str) -> String {
        let col = text.find(needle).unwrap().saturating_add(needle.len());
        path_at(text, 1, col, Naming::Year)
    }

    #[test]
    fn observations_are_named_by_year() {
        let text = r#"{"observations": [{"year": 2021, "value": "1"}, {"value": "x", "year": 2022}]}"#;
        assert_eq!(at_year(text, r#""x""#), "observations[2022].value");
        assert_eq!(
            path_at(text, 1, text.find(r#""x""#).unwrap().saturating_add(3), Naming::Place),
            "observations[1].value"
        );
        let plan = r#"{"as_of": null, "observations": {"rd-intensity": [{"year": 2021, "value": 1e400}, { "year" : 2023 , "value": "1x", "n": {"year": 7}}]}}"#;
        assert_eq!(at_year(plan, r#""1x""#), "observations.rd-intensity[2023].value");
        // Not observations, or a year that is itself at fault, or a nested year: the place stays.
        assert_eq!(at_year(r#"{"bounds": [{"year": 2021, "value": "x"}]}"#, r#""x""#), "bounds[0].value");
        assert_eq!(at_year(r#"{"observations": [{"year": 2022.5, "value": 1}]}"#, "2022.5"), "observations[0].year");
        assert_eq!(at_year(r#"{"observations": [{"year": "2022", "value": 1}]}"#, r#""2022""#), "observations[0].year");
        assert_eq!(
            at_year(r#"{"observations": [{"n": {"year": 7}, "value": "x"}]}"#, r#""x""#),
            "observations[0].value"
        );
        assert_eq!(at_year(r#"{"observations": [[2022, "x"]]}"#, r#""x""#), "observations[0][1]");
    }

    #[test]
    fn a_refused_last_member_is_named_not_its_object() {
        let text = "{\"a\": {\"b\": 1, \"c\": 1e400 }, \"d\": 2}";
        let col = text.find('}').unwrap() + 1;
        assert_eq!(path_at(text, 1, col, Naming::Place), "a");
        assert_eq!(path_of_value_before(text, 1, col, Naming::Place), "a.c");
        // Inside the value (it was not the last member): the position is the value's end.
        let col = text.find("1e400").unwrap() + 5;
        assert_eq!(path_of_value_before(text, 1, col, Naming::Place), "a.c");
    }

    #[test]
    fn paths() {
        let text = "{\"indicators\": [{\"id\": \"a\"}, {\"id\": \"b\", \"target\": {\"year\": \"x\"}}]}";
        let col = text.find("\"x\"").unwrap() + 3;
        assert_eq!(path_at(text, 1, col, Naming::Place), "indicators[1].target.year");
        assert_eq!(path_at(text, 1, text.len(), Naming::Place), "");
        let lines = "{\n  \"a\": [\n    1,\n    {\"b\": \"c\\\"d\"}\n  ]\n}";
        assert_eq!(path_at(lines, 4, 14, Naming::Place), "a[1].b");
    }
}
