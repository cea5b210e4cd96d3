//! The JSON path of a position in JSON text, for error messages (`indicators[3].target.year`).
//!
//! serde_json reports the line and column of every error; walking the text to that position
//! gives the path of the value being read. This replaces a wrapper around every deserializer
//! (serde_path_to_error), which doubled the deserialization code: a quarter of the
//! WebAssembly module. The bad-plan catalogue checks the paths.

enum Frame {
    /// Inside an object: the last key read, and whether the next string is a key.
    Object { key: Option<String>, expecting_key: bool },
    /// Inside an array: the index of the current element.
    Array { index: usize },
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

/// The path of the value at 1-based `line`/`column` of `text` (empty at the top level).
pub(crate) fn path_at(text: &str, line: usize, column: usize) -> String {
    let end = offset(text, line, column);
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'"' => {
                // A string: find its end, honouring escapes.
                let mut j = i.saturating_add(1);
                while let Some(&c) = bytes.get(j) {
                    match c {
                        b'\\' => j = j.saturating_add(2),
                        b'"' => break,
                        _ => j = j.saturating_add(1),
                    }
                }
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
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                Some(Frame::Array { index }) => *index = index.saturating_add(1),
                None => {}
            },
            _ => {}
        }
        i = i.saturating_add(1);
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// The path of a value refused after serde_json has read past it: serde_json places an error
/// raised from a raw value (exact decimals, `io::decimal`) after the enclosing object's `}` when
/// the value was the object's last member, so a closing bracket at the error position belongs
/// to the container, not to the value at fault.
pub(crate) fn path_of_value_before(text: &str, line: usize, column: usize) -> String {
    let at = offset(text, line, column).checked_sub(1).and_then(|i| text.as_bytes().get(i));
    match at {
        Some(b'}' | b']') => path_at(text, line, column.saturating_sub(1)),
        _ => path_at(text, line, column),
    }
}

#[cfg(test)]
mod tests {
    use super::{path_at, path_of_value_before};

    #[test]
    fn a_refused_last_member_is_named_not_its_object() {
        let text = "{\"a\": {\"b\": 1, \"c\": 1e400 }, \"d\": 2}";
        let col = text.find('}').unwrap() + 1;
        assert_eq!(path_at(text, 1, col), "a");
        assert_eq!(path_of_value_before(text, 1, col), "a.c");
        // Inside the value (it was not the last member): the position is the value's end.
        let col = text.find("1e400").unwrap() + 5;
        assert_eq!(path_of_value_before(text, 1, col), "a.c");
    }

    #[test]
    fn paths() {
        let text = "{\"indicators\": [{\"id\": \"a\"}, {\"id\": \"b\", \"target\": {\"year\": \"x\"}}]}";
        let col = text.find("\"x\"").unwrap() + 3;
        assert_eq!(path_at(text, 1, col), "indicators[1].target.year");
        assert_eq!(path_at(text, 1, text.len()), "");
        let lines = "{\n  \"a\": [\n    1,\n    {\"b\": \"c\\\"d\"}\n  ]\n}";
        assert_eq!(path_at(lines, 4, 14), "a[1].b");
    }
}
