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
//! ## Cargo features
//!
//! None is on by default: a backend that defines its own plans (JSON or struct literals),
//! assesses, evaluates, projects and serializes them needs none. The core always has the model,
//! the maths, the seven methods, plan and observation JSON with exact decimals, and the plan
//! JSON Schema (the committed text).
//!
//! | feature | adds | extra dependencies |
//! |---|---|---|
//! | `csv` | [`io::csv`] and [`io::plan_csv`]: observations and plans as CSV, read and written | `csv`, `csv-core` |
//! | `builtin` | [`builtin`]: the plans shipped inside the library and their published observations | — |
//! | `reports` | [`report::html`] and [`report::svg`]: self-contained HTML reports and SVG charts (Markdown tables are always there) | — |
//! | `schema` | the plan JSON Schema generated from the types by `schemars` instead of the committed copy (the same text, checked by a test) | `schemars` |
//! | `simd` | [`math::batch`] runs its kernel in AVX-512 or AVX2 + FMA lanes where the CPU has them, chosen at run time (otherwise vectorised for the build's own target) | `pulp` |
//!
//! Items that need a feature carry a badge in these docs. The minimum supported Rust version is
//! the `rust-version` in Cargo.toml, what the dependencies require; CI builds the core with
//! exactly that toolchain (`docs/rust-crate.md`).
//!
//! Depending on onpace leaves the rest of your build's serde_json as it is: JSON numbers reach
//! onpace's decimal parser as their text through serde_json's `raw_value` hook, not through its
//! `arbitrary_precision` feature (which Cargo would turn on for every crate in the build).
//!
//! ## Supported API and semver
//!
//! What these docs show is the supported API. Growable enums and the options and result
//! structs are `#[non_exhaustive]`; [`Plan`], [`Indicator`], [`Observation`], [`AssessOptions`]
//! and [`ProjectOptions`] are made with constructors, builders and `with_*` methods, so a
//! variant or field added in a later release breaks no caller. Method ids ([`MethodId`]) and
//! warning codes ([`WarningCode`]) are typed, with the same strings on the wire. A rename keeps
//! the old name one release as a deprecated alias. The binding crates' JSON façade and internal
//! helpers are public but hidden and unsupported (`docs/rust-crate.md`, "Supported API").
//!
//! ## Methods
//!
//! Seven named, versioned methods (`docs/methods.md`), each with configurable thresholds:
//! `cn-plan-pace` (completion against time, NDRC practice), `eurostat` (ratio of actual to
//! required growth over a 5- or 15-year window), `open-sdg` (ratio of CAGRs and a −5…+5
//! score), `unsd` (UN Progress Chart), `escap` (Current Status Index and Anticipated Progress,
//! any projection model), `destatis` (weather symbols), `sdsn` (normalised scores). Four
//! projection models ([`Model`]) give a value at the target year, a Student-t prediction
//! interval, the probability of meeting the target and the year it is reached.
//!
//! ## Decisions on edge cases
//!
//! | case | decision |
//! |---|---|
//! | target met at the latest observation | `achieved` in every method, before any ratio |
//! | baseline already meets an at-least / at-most target | `achieved` while the latest value still meets it; the method's worst status with a `target_slipped` warning when it no longer does; never a ratio of opposite-signed rates |
//! | target equal to the baseline (maintain) and not met | the method's worst status with `maintain_target`; completion and pace undefined |
//! | zero or sign-changing values | CAGRs and the geometric path undefined (`undefined_growth`); `eurostat`, `open-sdg`, `unsd`, acceleration and years to target fall back to slopes with `linear_fallback`; the log-linear model refuses (`undefined_growth`) |
//! | every value negative | rates are the magnitude's growth; `open-sdg` flips the direction (Open SDG's published rule), `eurostat` uses slopes with a target (`linear_fallback`), the no-target variants flip (`negative_values`); level-based methods are unaffected (docs/methods.md, "Negative values") |
//! | steep declines | rates from `ln` of the ratio, accurate to 1e-13 for ratios 1e-30…1e30; a fall beyond 99.89 % a year warns `rate_not_representable` |
//! | years outside 1800–2200 anywhere | `year_out_of_range`, so no path is unbounded |
//! | one data point, or none after the baseline | `not_assessable` with `insufficient_data`; projections need 2 points (endpoint, weighted) or 3 (OLS) and otherwise return `insufficient_data` |
//! | window start without data (`eurostat`) | the nearest later year, with a `base_year_substituted` warning naming both years |
//! | irregular spacing | every rate uses the actual year gaps; `destatis` needs four consecutive annual values in its window |
//! | latest observation at or past the target year | rates from now undefined (`target_year_passed`); `unsd` uses the latest value as `ŷ(T)`; `sdsn` cannot be on track |
//! | several vintages of one year | the latest vintage admitted by the as-of point; the same vintage twice is an error |
//! | reported value and components disagree beyond half a unit in the last published decimal | the reported value is used, with a `component_mismatch` warning |
//! | no numeric target | `eurostat`, `open-sdg`, `unsd` use their no-target variants (growth rate alone); the others return `not_assessable` with `no_target` |
//! | target relative to another indicator | resolved with the reference's actual CAGR (plan evaluation) or a given reference rate; otherwise `no_target` |
//! | ratios within 1e-12 of a band edge | counted as on the edge, so native and WASM maths libraries agree; the f64 batch uses the same rule, so it gives the exact API's status |
//! | inputs with more than 28 significant digits | refused (`parse` / `invalid_plan`), never rounded |

#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// The bindings' JSON façade: not part of the supported API (docs/rust-crate.md, "Supported API").
#[doc(hidden)]
pub mod api;
#[cfg(feature = "builtin")]
#[cfg_attr(docsrs, doc(cfg(feature = "builtin")))]
pub mod builtin;
pub mod defaults;
pub mod error;
pub mod io;
pub mod math;
pub mod method;
pub mod model;
mod num;
pub mod report;

pub use defaults::{Defaults, DEFAULTS};
pub use error::{Error, ErrorInfo, Result};
pub use math::path::{required_path, Milestone, PathKind};
pub use math::progress::{progress, Progress, YearValue};
pub use math::scenario::{what_if_path, Decomposition, DecompositionRow, Growth, WhatIf};
#[allow(deprecated)]
pub use math::trend::{project, project_trend, Band, Model, Projection, ALL_MODELS};
pub use method::evaluate::{evaluate, Evaluation, NatureSummary, StatusCount, Summary};
pub use method::project::ProjectOptions;
pub use method::{
    assess, method, method_ids, AssessOptions, Assessment, Method, MethodId, MissingPolicy, Status, Thresholds, Tone,
    UsedInputs, ALL_STATUSES,
};
pub use model::achievement::{Achievement, Part};
pub use model::build::{IndicatorBuilder, PlanBuilder};
pub use model::date::Date;
pub use model::indicator::{
    Baseline, BaselineChoice, BaselineRevision, Component, Components, Direction, Indicator, Nature,
};
pub use model::label::{Label, Lang};
pub use model::plan::{Plan, PlanPeriod, ReferenceValue, Source};
pub use model::project::{Investment, KeyField, Period, Project, YearMonth};
pub use model::rate::parse_rate;
pub use model::series::{AsOf, Flag, Observation, PlanObservations, Point, Warning};
pub use model::target::{ChangeMode, Comparator, ImpliedLevel, Relation, Target};
pub use model::unit::{Magnitude, Unit};
pub use model::warning::WarningCode;
pub use num::{f64_text, format_fixed, round_half_away};
pub use rust_decimal::Decimal;

/// The crate README's Rust example (the page crates.io shows), run as a doctest. It lives
/// inside the crate so that the packaged crate tests the same way.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
