//! Nothing here: the checks are in `tests/`. This crate exists to be built the way a user's crate
//! that depends on onpace is built (see Cargo.toml).
