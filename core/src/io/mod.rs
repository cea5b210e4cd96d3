//! Reading and writing: plan JSON (exact decimals), observations CSV, the plan JSON Schema.

pub mod csv;
pub mod decimal;
pub mod json;
pub mod schema;
