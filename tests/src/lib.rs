//! Shared conformance vectors; the runners are in `tests/`.

/// The repository README's Rust examples, run as doctests (the crate's own README, which
/// crates.io shows, is tested inside `core`).
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct RepositoryReadmeDoctests;
