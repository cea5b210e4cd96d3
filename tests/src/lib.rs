//! Shared conformance vectors; the runners are in `tests/`.
