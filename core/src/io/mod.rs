//! Reading and writing: plan JSON (exact decimals), observations CSV, the plan JSON Schema.

mod codes;
#[cfg(feature = "csv")]
#[cfg_attr(docsrs, doc(cfg(feature = "csv")))]
pub mod csv;
// The serde helpers for exact decimals the model's fields use: not part of the supported API.
#[doc(hidden)]
pub mod decimal;
pub mod json;
mod json_path;
pub(crate) mod names;
#[cfg(feature = "csv")]
#[cfg_attr(docsrs, doc(cfg(feature = "csv")))]
pub mod plan_csv;
pub mod plan_table;
pub mod schema;
