//! The maths of `docs/methods.md`, "Building blocks": required paths and progress at a year.

// The f64 panel kernel behind the bindings' batch entry points: not part of the supported API
// (docs/rust-crate.md, "Supported API").
#[doc(hidden)]
#[allow(rustdoc::private_intra_doc_links)]
pub mod batch;
pub mod path;
pub mod progress;
pub mod rate;
pub mod scenario;
pub mod trend;
