//! The one error type of the crate, with stable machine-readable codes.
//!
//! Front ends (Python, JS) map [`Error::code`] to their own exception classes, so the codes
//! are part of the public API: they are never renamed, only added.

use std::fmt;
use std::sync::Arc;

/// The error underneath an onpace error raised while reading JSON: serde_json's, which
/// [`std::error::Error::source`] returns for [`Error::Parse`], [`Error::InvalidPlan`] and
/// [`Error::InvalidObservations`].
///
/// Two errors compare equal whatever their causes: the code, path and message are what counts.
/// (A concrete type, not a boxed `dyn Error`: an error vtable made at every parse would stay in
/// the WebAssembly module, which never asks for the chain.)
#[derive(Debug, Clone)]
pub struct Cause(Arc<serde_json::Error>);

impl Cause {
    /// The underlying error, to downcast (`serde_json::Error`).
    pub fn get_ref(&self) -> &(dyn std::error::Error + Send + Sync + 'static) {
        &*self.0
    }
}

impl PartialEq for Cause {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Cause {}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Cause {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&*self.0)
    }
}

/// `line 3: path: `, `line 3: `, `path: ` or nothing: no empty segment (`line 1: : EOF`).
fn at(line: &Option<u64>, path: &str) -> String {
    match (line, path.is_empty()) {
        (Some(l), false) => format!("line {l}: {path}: "),
        (Some(l), true) => format!("line {l}: "),
        (None, false) => format!("{path}: "),
        (None, true) => String::new(),
    }
}

/// One row of the error table ([`Error::TABLE`]): a code and what each front end calls it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ErrorInfo {
    /// The stable machine code ([`Error::code`]).
    pub code: &'static str,
    /// The Python exception class (`onpace.<python>`, a subclass of `OnpaceError`).
    pub python: &'static str,
    /// The JS error class and `name`.
    pub js: &'static str,
    /// Whether JS throws it as a `RangeError` (a number out of its domain) rather than an `Error`.
    pub js_range: bool,
    /// The fields of the variant its message is made from, in order.
    pub params: &'static [&'static str],
}

/// Everything that can go wrong in onpace, each variant carrying the field or path at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A plan (or an indicator built by hand) breaks a rule of the data model.
    #[error("{}{message}", at(&None, path))]
    InvalidPlan {
        /// Path of the offending field, e.g. `indicators[3].target.year`.
        path: String,
        /// What is wrong.
        message: String,
        /// The reader's own error, when the plan's JSON had the wrong shape.
        #[source]
        cause: Option<Cause>,
    },
    /// Text that is not valid JSON or CSV, or a value of the wrong type.
    #[error("{}{message}", at(line, path))]
    Parse {
        /// Path or column of the offending value (empty when the whole input is at fault).
        path: String,
        /// 1-based line of the input, when known.
        line: Option<u64>,
        /// What is wrong.
        message: String,
        /// serde_json's error, when the text was JSON.
        #[source]
        cause: Option<Cause>,
    },
    /// Observations that contradict themselves (duplicate year and vintage, no value, ...).
    #[error("{}{message}", at(line, path))]
    InvalidObservations {
        /// Indicator id and year, or CSV column.
        path: String,
        /// 1-based line of the input, when the observations came from text.
        line: Option<u64>,
        /// What is wrong.
        message: String,
        /// The reader's own error, when the observations' JSON had the wrong shape.
        #[source]
        cause: Option<Cause>,
    },
    /// An indicator id that the plan does not have.
    #[error("unknown indicator `{id}`")]
    UnknownIndicator {
        /// The id asked for.
        id: String,
    },
    /// A built-in plan id that does not exist.
    #[error("unknown plan `{id}`; built-in plans: {available}")]
    UnknownPlan {
        /// The id asked for.
        id: String,
        /// The ids that exist, comma separated.
        available: String,
    },
    /// An assessment method id that is not in the registry.
    #[error("unknown method `{id}`; methods: {available}")]
    UnknownMethod {
        /// The id asked for.
        id: String,
        /// The ids that exist, comma separated.
        available: String,
    },
    /// An argument outside its domain (a negative tolerance, an unknown threshold name, ...).
    #[error("{field}: {message}")]
    InvalidArgument {
        /// The argument at fault.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// A growth rate (CAGR, geometric path) that does not exist for these values.
    #[error("{field}: growth rate undefined: {message}")]
    UndefinedGrowth {
        /// The quantity asked for.
        field: String,
        /// Why it is undefined (zero or sign-changing values).
        message: String,
    },
    /// Fewer data points than the calculation needs.
    #[error("{field}: insufficient data: {message}")]
    InsufficientData {
        /// The quantity asked for.
        field: String,
        /// How many points were needed and given.
        message: String,
    },
    /// A target that cannot be resolved to a level (no numeric target, relative target).
    #[error("{field}: no resolvable target: {message}")]
    NoTarget {
        /// The indicator or field at fault.
        field: String,
        /// Why.
        message: String,
    },
    /// A year outside the supported range, or years in the wrong order.
    #[error("{field}: year {year} out of range: {message}")]
    YearOutOfRange {
        /// The field at fault.
        field: String,
        /// The year given.
        year: i64,
        /// The rule it breaks.
        message: String,
    },
    /// A result that does not fit in a 96-bit decimal (28 significant digits).
    #[error("{field}: arithmetic overflow")]
    Overflow {
        /// The quantity being computed.
        field: String,
    },
}

impl Error {
    /// The stable machine code of this error, e.g. `invalid_plan`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidPlan { .. } => "invalid_plan",
            Error::Parse { .. } => "parse",
            Error::InvalidObservations { .. } => "invalid_observations",
            Error::UnknownIndicator { .. } => "unknown_indicator",
            Error::UnknownPlan { .. } => "unknown_plan",
            Error::UnknownMethod { .. } => "unknown_method",
            Error::InvalidArgument { .. } => "invalid_argument",
            Error::UndefinedGrowth { .. } => "undefined_growth",
            Error::InsufficientData { .. } => "insufficient_data",
            Error::NoTarget { .. } => "no_target",
            Error::YearOutOfRange { .. } => "year_out_of_range",
            Error::Overflow { .. } => "overflow",
        }
    }

    /// Every code [`Error::code`] can return, for front ends that map them exhaustively.
    pub const CODES: &'static [&'static str] = &[
        "invalid_plan",
        "parse",
        "invalid_observations",
        "unknown_indicator",
        "unknown_plan",
        "unknown_method",
        "invalid_argument",
        "undefined_growth",
        "insufficient_data",
        "no_target",
        "year_out_of_range",
        "overflow",
    ];

    /// What every front end calls each code, in the order of [`Error::CODES`]: the one error
    /// table of the project. The Python extension makes its exception classes from it and the
    /// JS package checks its classes against it (docs/codes.md).
    pub const TABLE: &'static [ErrorInfo] = &[
        ErrorInfo {
            code: "invalid_plan",
            python: "InvalidPlanError",
            js: "InvalidPlanError",
            js_range: false,
            params: &["path", "message"],
        },
        ErrorInfo {
            code: "parse",
            python: "ParseError",
            js: "ParseError",
            js_range: false,
            params: &["path", "line", "message"],
        },
        ErrorInfo {
            code: "invalid_observations",
            python: "InvalidObservationsError",
            js: "InvalidObservationsError",
            js_range: false,
            params: &["path", "line", "message"],
        },
        ErrorInfo {
            code: "unknown_indicator",
            python: "UnknownIndicatorError",
            js: "UnknownIndicatorError",
            js_range: false,
            params: &["id"],
        },
        ErrorInfo {
            code: "unknown_plan",
            python: "UnknownPlanError",
            js: "UnknownPlanError",
            js_range: false,
            params: &["id", "available"],
        },
        ErrorInfo {
            code: "unknown_method",
            python: "UnknownMethodError",
            js: "UnknownMethodError",
            js_range: false,
            params: &["id", "available"],
        },
        ErrorInfo {
            code: "invalid_argument",
            python: "InvalidArgumentError",
            js: "InvalidArgumentError",
            js_range: false,
            params: &["field", "message"],
        },
        ErrorInfo {
            code: "undefined_growth",
            python: "UndefinedGrowthError",
            js: "UndefinedGrowthError",
            js_range: false,
            params: &["field", "message"],
        },
        ErrorInfo {
            code: "insufficient_data",
            python: "InsufficientDataError",
            js: "InsufficientDataError",
            js_range: false,
            params: &["field", "message"],
        },
        ErrorInfo {
            code: "no_target",
            python: "NoTargetError",
            js: "NoTargetError",
            js_range: false,
            params: &["field", "message"],
        },
        ErrorInfo {
            code: "year_out_of_range",
            python: "YearOutOfRangeError",
            js: "YearOutOfRangeError",
            js_range: true,
            params: &["field", "year", "message"],
        },
        // Python's name avoids the builtin `OverflowError`, which `from onpace import *` shadowed.
        ErrorInfo {
            code: "overflow",
            python: "DecimalOverflowError",
            js: "OverflowError",
            js_range: true,
            params: &["field"],
        },
    ];

    /// This error's row of [`Error::TABLE`].
    pub fn info(&self) -> &'static ErrorInfo {
        let code = self.code();
        // Every code has its row (tests::every_variant_has_a_row); the base classes are never reached.
        const BASE: ErrorInfo =
            ErrorInfo { code: "", python: "OnpaceError", js: "OnpaceError", js_range: false, params: &[] };
        Error::TABLE.iter().find(|i| i.code == code).unwrap_or(&BASE)
    }

    /// The field, path or id at fault.
    pub fn field(&self) -> &str {
        match self {
            Error::InvalidPlan { path, .. } | Error::Parse { path, .. } | Error::InvalidObservations { path, .. } => {
                path
            }
            Error::UnknownIndicator { id } | Error::UnknownPlan { id, .. } | Error::UnknownMethod { id, .. } => id,
            Error::InvalidArgument { field, .. }
            | Error::UndefinedGrowth { field, .. }
            | Error::InsufficientData { field, .. }
            | Error::NoTarget { field, .. }
            | Error::YearOutOfRange { field, .. }
            | Error::Overflow { field } => field,
        }
    }

    /// The 1-based input line, for errors raised while reading text.
    pub fn line(&self) -> Option<u64> {
        match self {
            Error::Parse { line, .. } | Error::InvalidObservations { line, .. } => *line,
            _ => None,
        }
    }

    pub(crate) fn invalid_plan(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidPlan { path: path.into(), message: message.into(), cause: None }
    }

    pub(crate) fn parse(path: impl Into<String>, line: Option<u64>, message: impl Into<String>) -> Self {
        Error::Parse { path: path.into(), line, message: message.into(), cause: None }
    }

    pub(crate) fn invalid_observations(path: impl Into<String>, line: Option<u64>, message: impl Into<String>) -> Self {
        Error::InvalidObservations { path: path.into(), line, message: message.into(), cause: None }
    }

    /// The same error with serde_json's error as its [`std::error::Error::source`].
    pub(crate) fn caused_by(mut self, error: serde_json::Error) -> Self {
        if let Error::InvalidPlan { cause, .. }
        | Error::Parse { cause, .. }
        | Error::InvalidObservations { cause, .. } = &mut self
        {
            *cause = Some(Cause(Arc::new(error)));
        }
        self
    }

    pub(crate) fn invalid_argument(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidArgument { field: field.into(), message: message.into() }
    }

    pub(crate) fn overflow(field: impl Into<String>) -> Self {
        Error::Overflow { field: field.into() }
    }
}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    fn samples() -> Vec<Error> {
        vec![
            Error::invalid_plan("a", "b"),
            Error::parse("", Some(3), "x"),
            Error::invalid_observations("p", None, "m"),
            Error::UnknownIndicator { id: "x".into() },
            Error::UnknownPlan { id: "x".into(), available: String::new() },
            Error::UnknownMethod { id: "x".into(), available: String::new() },
            Error::invalid_argument("f", "m"),
            Error::UndefinedGrowth { field: "f".into(), message: "m".into() },
            Error::InsufficientData { field: "f".into(), message: "m".into() },
            Error::NoTarget { field: "f".into(), message: "m".into() },
            Error::YearOutOfRange { field: "f".into(), year: 0, message: "m".into() },
            Error::overflow("f"),
        ]
    }

    #[test]
    fn codes_list_is_complete_and_unique() {
        let codes: Vec<_> = samples().iter().map(Error::code).collect();
        assert_eq!(codes, Error::CODES);
    }

    #[test]
    fn table_matches_codes() {
        let codes: Vec<_> = Error::TABLE.iter().map(|i| i.code).collect();
        assert_eq!(codes, Error::CODES);
        for info in Error::TABLE {
            assert!(info.python.ends_with("Error") && info.js.ends_with("Error"), "{info:?}");
            assert_ne!(info.python, "OverflowError", "shadows a Python builtin");
        }
    }

    /// Every arm of `code()` in this file has a row in the table, so a new variant cannot be
    /// added without one (the samples below are written by hand and could miss it).
    #[test]
    fn every_variant_has_a_row() {
        let source = include_str!("error.rs");
        let arms: Vec<&str> = source
            .lines()
            .filter_map(|l| l.trim().strip_prefix("Error::"))
            .filter(|l| l.contains("{ .. } => \""))
            .filter_map(|l| l.split('"').nth(1))
            .collect();
        assert_eq!(arms, Error::CODES);
    }

    /// core/schema/errors.json is the table as data, for the JS package (tools/types/generate.py
    /// writes its error classes from it). Regenerate with `UPDATE_SCHEMA=1 cargo test -p onpace`.
    #[test]
    fn committed_table_matches_the_code() {
        let rows: Vec<serde_json::Value> = Error::TABLE
            .iter()
            .map(|i| {
                serde_json::json!({"code": i.code, "python": i.python, "js": i.js, "js_range": i.js_range, "params": i.params})
            })
            .collect();
        let mut generated = serde_json::to_string_pretty(&rows).unwrap();
        generated.push('\n');
        crate::io::schema::assert_committed("errors.json", &generated);
    }

    #[test]
    fn params_are_fields_of_the_variant() {
        for e in samples() {
            let debug = format!("{e:?}");
            let info = e.info();
            assert_eq!(info.code, e.code());
            for p in info.params {
                assert!(debug.contains(&format!(" {p}: ")), "{} has no field {p}: {debug}", info.code);
            }
            // ... and every field but the cause is a parameter.
            let fields = debug.matches(": ").count() - usize::from(debug.contains("cause: "));
            assert_eq!(fields, info.params.len(), "{debug}");
        }
    }

    #[test]
    fn parse_error_shows_line() {
        let e = Error::parse("value", Some(7), "bad");
        assert_eq!(e.to_string(), "line 7: value: bad");
    }

    #[test]
    fn no_empty_segments() {
        assert_eq!(Error::parse("", Some(1), "EOF").to_string(), "line 1: EOF");
        assert_eq!(Error::parse("", None, "EOF").to_string(), "EOF");
        assert_eq!(Error::invalid_observations("x", None, "m").to_string(), "x: m");
        assert_eq!(Error::invalid_observations("", Some(2), "m").to_string(), "line 2: m");
        assert_eq!(Error::invalid_plan("", "m").to_string(), "m");
        assert_eq!(Error::invalid_plan("id", "m").to_string(), "id: m");
    }
}
