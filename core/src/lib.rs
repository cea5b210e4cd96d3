//! # onpace
//!
//! Are we on pace to reach the target, and what does it take from here? onpace models the
//! quantified indicators of a development plan (baseline year and value, target year and
//! value, unit, direction) and does the target-projection maths on them: required paths,
//! completion against time, growth rates, and named assessment methods.
//!
//! Values are exact decimals ([`rust_decimal::Decimal`]); rates that need roots or logs are
//! `f64`. Nothing in the library panics: every failure is an [`Error`] with a stable
//! [`Error::code`], and a quantity that does not exist for the inputs is `None` with a
//! [`Warning`] saying why.
//!
//! ```
//! use onpace::{builtin, AssessOptions, Observation, PathKind};
//! use rust_decimal::Decimal;
//!
//! let plan = builtin::plan("yanbian-st-14")?;
//! let rd = plan.indicator("rd-intensity")?;
//! // 0.36 % in 2020 → 1.10 % in 2025: equal increments of 0.148 points a year.
//! let path = rd.path(PathKind::Linear)?;
//! assert_eq!(path[1].value, Decimal::new(508, 3));
//! assert_eq!(path[5].value, Decimal::new(110, 2));
//!
//! // Illustrative observation (not a published figure): 0.60 % in 2022.
//! let a = rd.assess(&[Observation::new(2022, Decimal::new(60, 2))], &AssessOptions::default())?;
//! // Completion (0.60 − 0.36)/(1.10 − 0.36) = 0.324… against a time share of 2/5 = 0.4:
//! // more than 5 points behind, so the plan-pace method says "lagging".
//! assert_eq!(a.status.code(), "lagging");
//! # Ok::<(), onpace::Error>(())
//! ```
//!
//! ## Decisions on edge cases
//!
//! | case | decision |
//! |---|---|
//! | target equal to the baseline | completion and pace undefined (`maintain_target` warning); met or not decides |
//! | zero or sign-changing values | CAGRs and the geometric path undefined (`undefined_growth`); acceleration and years to target fall back to slopes (`linear_fallback`) |
//! | no observation after the baseline year | `not_assessable` with `insufficient_data` |
//! | baseline already meets the target | `achieved` while the latest value still meets it; `regressing` with `target_slipped` when it no longer does |
//! | latest observation at or past the target year | required rates from now undefined (`target_year_passed`) |
//! | several vintages of one year | the latest vintage admitted by the as-of point; the same vintage twice is an error |
//! | reported value and components disagree beyond half a unit in the last published decimal | the reported value is used, with a `component_mismatch` warning |
//! | inputs with more than 28 significant digits | refused (`parse`), never rounded |
//! | relative or absent target | not resolvable alone (`no_target`) |

#![deny(missing_docs)]

pub mod builtin;
pub mod error;
pub mod io;
pub mod math;
pub mod method;
pub mod model;
mod num;
pub mod report;

pub use error::{Error, Result};
pub use math::path::{required_path, Milestone, PathKind};
pub use math::progress::{progress, Progress, YearValue};
pub use method::evaluate::{evaluate, Evaluation, PlanObservations, StatusCount, Summary};
pub use method::{assess, method_ids, AssessOptions, Assessment, Status, Thresholds, UsedInputs};
pub use model::achievement::{Achievement, Part};
pub use model::indicator::{Baseline, Component, Components, Direction, Indicator, Nature};
pub use model::label::{Label, Lang};
pub use model::plan::{Plan, PlanPeriod, Source};
pub use model::project::{Investment, KeyField, Period, Project, YearMonth};
pub use model::series::{AsOf, Flag, Observation, Point, Warning};
pub use model::target::{ChangeMode, Comparator, ImpliedLevel, Relation, Target};
pub use model::unit::{Magnitude, Unit};
pub use num::{format_fixed, round_half_away};
pub use rust_decimal::Decimal;

/// The README's Rust examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
