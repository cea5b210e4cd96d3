//! onpace errors as Python exceptions: `OnpaceError(ValueError)` and one subclass per code,
//! each instance carrying `.code`, `.field` and `.line`.
//!
//! The subclasses are made at import from the core's error table (`onpace::Error::TABLE`), so
//! a new code reaches Python with its class without an edit here; the package's `ERRORS`, its
//! `__all__` and the stubs are checked against the same table (tests/test_error_table.py,
//! stubtest), so a code the Python side has not declared fails a test.

use std::ffi::CString;

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

create_exception!(_core, OnpaceError, PyValueError, "Base class of every onpace error; `.code`, `.field`, `.line`.");

/// The subclasses, in the order of `onpace::Error::TABLE`.
static CLASSES: PyOnceLock<Vec<Py<PyType>>> = PyOnceLock::new();

/// The exception for an error, with its attributes set.
pub fn to_py(e: onpace::Error) -> PyErr {
    coded(e.code(), e.field(), e.line(), e.to_string())
}

/// The exception of `code` (the class the table gives it), with its attributes set.
fn coded(code: &'static str, field: &str, line: Option<u64>, message: String) -> PyErr {
    Python::attach(|py| {
        let class = CLASSES
            .get(py)
            .and_then(|classes| onpace::Error::TABLE.iter().position(|i| i.code == code).and_then(|i| classes.get(i)));
        let err = match class {
            Some(class) => PyErr::from_type(class.bind(py).clone(), message),
            None => OnpaceError::new_err(message),
        };
        let value = err.value(py);
        // Setting attributes on a fresh exception instance cannot fail in practice; if it did,
        // the exception would still carry its class and message.
        let _ = value.setattr("code", code);
        let _ = value.setattr("field", field);
        let _ = value.setattr("line", line);
        err
    })
}

/// `InvalidArgumentError::new_err(message)`: an `invalid_argument` error found by the binding
/// itself (array layouts in batch.rs), the same class and attributes as the core's.
pub struct InvalidArgumentError;

impl InvalidArgumentError {
    pub fn new_err(message: impl Into<String>) -> PyErr {
        coded("invalid_argument", "", None, message.into())
    }
}

/// Make the exception classes from the core's table and register them on the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let base = py.get_type::<OnpaceError>();
    m.add("OnpaceError", &base)?;
    let mut classes = Vec::with_capacity(onpace::Error::TABLE.len());
    for info in onpace::Error::TABLE {
        let name = cstring(&format!("onpace._core.{}", info.python))?;
        let doc = cstring(&format!(
            "The onpace error `{}` (docs/codes.md); its message is made of {}.",
            info.code,
            info.params.join(", ")
        ))?;
        let class = PyErr::new_type(py, &name, Some(&doc), Some(&base), None)?;
        m.add(info.python, class.bind(py))?;
        classes.push(class);
    }
    // A second import of the module (a subinterpreter) keeps the first classes.
    let _ = CLASSES.set(py, classes);
    Ok(())
}

fn cstring(text: &str) -> PyResult<CString> {
    CString::new(text).map_err(|e| PyValueError::new_err(e.to_string()))
}
