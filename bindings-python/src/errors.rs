//! onpace errors as Python exceptions: `OnpaceError(ValueError)` and one subclass per code,
//! each instance carrying `.code`, `.field` and `.line`.

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

create_exception!(_core, OnpaceError, PyValueError, "Base class of every onpace error; `.code`, `.field`, `.line`.");
create_exception!(
    _core,
    InvalidPlanError,
    OnpaceError,
    "A plan or indicator breaks a rule of the model (`invalid_plan`)."
);
create_exception!(
    _core,
    ParseError,
    OnpaceError,
    "Text that is not valid JSON or CSV, or a value that is not a number (`parse`)."
);
create_exception!(
    _core,
    InvalidObservationsError,
    OnpaceError,
    "Observations that contradict themselves (`invalid_observations`)."
);
create_exception!(
    _core,
    UnknownIndicatorError,
    OnpaceError,
    "An indicator id the plan does not have (`unknown_indicator`)."
);
create_exception!(_core, UnknownPlanError, OnpaceError, "A built-in plan id that does not exist (`unknown_plan`).");
create_exception!(
    _core,
    UnknownMethodError,
    OnpaceError,
    "An assessment method id that is not registered (`unknown_method`)."
);
create_exception!(_core, InvalidArgumentError, OnpaceError, "An argument outside its domain (`invalid_argument`).");
create_exception!(
    _core,
    UndefinedGrowthError,
    OnpaceError,
    "A growth rate that does not exist for these values (`undefined_growth`)."
);
create_exception!(
    _core,
    InsufficientDataError,
    OnpaceError,
    "Fewer data points than the calculation needs (`insufficient_data`)."
);
create_exception!(_core, NoTargetError, OnpaceError, "A target that cannot be resolved to a level (`no_target`).");
create_exception!(
    _core,
    YearOutOfRangeError,
    OnpaceError,
    "A year outside the supported range or in the wrong order (`year_out_of_range`)."
);
create_exception!(_core, OverflowError, OnpaceError, "A result beyond 28 significant digits (`overflow`).");

/// The exception for an error, with its attributes set.
pub fn to_py(e: onpace::Error) -> PyErr {
    let message = e.to_string();
    // An exhaustive match: a new error variant cannot be forgotten here.
    let err = match &e {
        onpace::Error::InvalidPlan { .. } => InvalidPlanError::new_err(message),
        onpace::Error::Parse { .. } => ParseError::new_err(message),
        onpace::Error::InvalidObservations { .. } => InvalidObservationsError::new_err(message),
        onpace::Error::UnknownIndicator { .. } => UnknownIndicatorError::new_err(message),
        onpace::Error::UnknownPlan { .. } => UnknownPlanError::new_err(message),
        onpace::Error::UnknownMethod { .. } => UnknownMethodError::new_err(message),
        onpace::Error::InvalidArgument { .. } => InvalidArgumentError::new_err(message),
        onpace::Error::UndefinedGrowth { .. } => UndefinedGrowthError::new_err(message),
        onpace::Error::InsufficientData { .. } => InsufficientDataError::new_err(message),
        onpace::Error::NoTarget { .. } => NoTargetError::new_err(message),
        onpace::Error::YearOutOfRange { .. } => YearOutOfRangeError::new_err(message),
        onpace::Error::Overflow { .. } => OverflowError::new_err(message),
        _ => OnpaceError::new_err(message),
    };
    Python::attach(|py| {
        let value = err.value(py);
        // Setting attributes on a fresh exception instance cannot fail in practice; if it did,
        // the exception would still carry its class and message.
        let _ = value.setattr("code", e.code());
        let _ = value.setattr("field", e.field());
        let _ = value.setattr("line", e.line());
    });
    err
}

/// Register the exception classes on the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("OnpaceError", py.get_type::<OnpaceError>())?;
    m.add("InvalidPlanError", py.get_type::<InvalidPlanError>())?;
    m.add("ParseError", py.get_type::<ParseError>())?;
    m.add("InvalidObservationsError", py.get_type::<InvalidObservationsError>())?;
    m.add("UnknownIndicatorError", py.get_type::<UnknownIndicatorError>())?;
    m.add("UnknownPlanError", py.get_type::<UnknownPlanError>())?;
    m.add("UnknownMethodError", py.get_type::<UnknownMethodError>())?;
    m.add("InvalidArgumentError", py.get_type::<InvalidArgumentError>())?;
    m.add("UndefinedGrowthError", py.get_type::<UndefinedGrowthError>())?;
    m.add("InsufficientDataError", py.get_type::<InsufficientDataError>())?;
    m.add("NoTargetError", py.get_type::<NoTargetError>())?;
    m.add("YearOutOfRangeError", py.get_type::<YearOutOfRangeError>())?;
    m.add("OverflowError", py.get_type::<OverflowError>())?;
    Ok(())
}
