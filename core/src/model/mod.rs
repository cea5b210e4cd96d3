//! The indicator model: units, targets, indicators, observations, plans, projects.

pub mod achievement;
pub mod build;
pub mod date;
pub mod indicator;
pub mod label;
pub mod plan;
pub mod project;
pub mod rate;
pub mod series;
pub mod target;
pub mod unit;
pub mod warning;
pub mod year_value;
