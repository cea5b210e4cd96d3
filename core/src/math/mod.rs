//! The maths of `docs/methods.md`, "Building blocks": required paths and progress at a year.

pub mod batch;
pub mod path;
pub mod progress;
pub mod rate;
pub mod scenario;
pub mod trend;
