//! Human-readable renderings: evaluation tables and the required schedule.

pub mod labels;
pub mod markdown;
pub mod schedule;
