//! Which method the batch runs, with which thresholds, and which columns it writes.
//!
//! The defaults come from the method registry ([`crate::method::Method::defaults`]) and the
//! status codes from each method's [`crate::method::Method::statuses`] (code = position in
//! that list, best first; −1 `not_assessable`, and −2 `monitored` for `cn-plan-pace` rows
//! without a target), so the batch and the exact API share one source of truth. `destatis`
//! needs a run of annual values (a five-year mean change over at least four consecutive years)
//! and is not in the batch; see `docs/batch.md`.

use crate::error::{Error, Result};
use crate::method::{self, Status};

/// A method the batch implements (every one that needs no more than the baseline, the
/// target, one or two observations and the thresholds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchMethod {
    /// `cn-plan-pace`: completion against time share.
    CnPlanPace,
    /// `eurostat`: ratio of actual to required growth from the window start (without a target:
    /// the growth `d·ga` itself).
    Eurostat,
    /// `open-sdg`: ratio of actual to required CAGR from the baseline, with the −5…5 score.
    OpenSdg,
    /// `unsd`: share of the required change expected by the target year at the current CAGR.
    Unsd,
    /// `escap`: the Current Status Index and Anticipated Progress (endpoint-CAGR projection).
    Escap,
    /// `sdsn`: normalised score and the annual score change against the one required.
    Sdsn,
}

/// Every batch method, in the registry's order.
pub const BATCH_METHODS: [BatchMethod; 6] = [
    BatchMethod::CnPlanPace,
    BatchMethod::Eurostat,
    BatchMethod::OpenSdg,
    BatchMethod::Unsd,
    BatchMethod::Escap,
    BatchMethod::Sdsn,
];

/// An output column of the batch (names are the exact API's result fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// Completion share `P` (cn-plan-pace).
    Completion,
    /// Time share `τ` (cn-plan-pace).
    TimeShare,
    /// `P/τ` (cn-plan-pace).
    Pace,
    /// Actual CAGR since the baseline (cn-plan-pace).
    ActualCagr,
    /// Required CAGR from the baseline (cn-plan-pace).
    RequiredCagr,
    /// The method's ratio (cn-plan-pace: `d·ga/|gr|`; the others: the exact API's `ratio`).
    Ratio,
    /// The method's score (open-sdg −5…5, unsd level 3/2/1, sdsn 0…100).
    Score,
    /// ESCAP's Current Status Index.
    Index,
}

impl Column {
    /// The column's name, e.g. `actual_cagr`.
    pub fn name(self) -> &'static str {
        match self {
            Column::Completion => "completion",
            Column::TimeShare => "time_share",
            Column::Pace => "pace",
            Column::ActualCagr => "actual_cagr",
            Column::RequiredCagr => "required_cagr",
            Column::Ratio => "ratio",
            Column::Score => "score",
            Column::Index => "index",
        }
    }
}

/// The most value columns a method writes.
pub const MAX_COLUMNS: usize = 6;

/// The most thresholds a method takes (`open-sdg`: two with a target, two without, the natural
/// limit).
pub const MAX_THRESHOLDS: usize = 5;

impl BatchMethod {
    /// The method with this id; `unknown_method` (listing the batch's methods) otherwise,
    /// `destatis` included.
    pub fn from_id(id: &str) -> Result<Self> {
        BATCH_METHODS.iter().copied().find(|m| m.id() == id).ok_or_else(|| Error::UnknownMethod {
            id: id.into(),
            available: BATCH_METHODS.iter().map(|m| m.id()).collect::<Vec<_>>().join(", "),
        })
    }

    /// The method id.
    pub fn id(self) -> &'static str {
        match self {
            BatchMethod::CnPlanPace => method::cn_plan_pace::ID,
            BatchMethod::Eurostat => method::eurostat::ID,
            BatchMethod::OpenSdg => method::open_sdg::ID,
            BatchMethod::Unsd => method::unsd::ID,
            BatchMethod::Escap => method::escap::ID,
            BatchMethod::Sdsn => method::sdsn::ID,
        }
    }

    /// The registered method.
    fn registered(self) -> Result<&'static dyn method::Method> {
        method::method(self.id())
    }

    /// The value columns it writes, in order (a status column always follows).
    pub fn columns(self) -> &'static [Column] {
        use Column::*;
        match self {
            BatchMethod::CnPlanPace => &[Completion, TimeShare, Pace, ActualCagr, RequiredCagr, Ratio],
            BatchMethod::Eurostat => &[Ratio],
            BatchMethod::OpenSdg | BatchMethod::Unsd | BatchMethod::Sdsn => &[Ratio, Score],
            BatchMethod::Escap => &[Ratio, Index],
        }
    }

    /// The thresholds the batch takes, in the order [`BatchSpec::thresholds`] holds them: the
    /// registry's names, the no-target ones included (they apply to rows with a NaN target).
    /// The others of the exact method are refused: they need inputs the batch does not have (a
    /// binding nature, a window over whole series).
    pub fn threshold_names(self) -> &'static [&'static str] {
        match self {
            BatchMethod::CnPlanPace => &["ahead_margin", "lag_tolerance"],
            BatchMethod::Eurostat => &["significant", "moderate", "no_target_band"],
            BatchMethod::OpenSdg => &[
                "on_track",
                "acceleration_needed",
                "no_target_on_track",
                "no_target_acceleration_needed",
                "natural_limit",
            ],
            BatchMethod::Unsd => {
                &["on_track", "acceleration_needed", "no_target_on_track", "no_target_acceleration_needed"]
            }
            BatchMethod::Escap => &["maintain"],
            BatchMethod::Sdsn => &["lower_bound", "upper_bound", "improving_share"],
        }
    }

    /// Its statuses, best first: the int8 code of a status is its position here
    /// (`not_assessable` is −1, `monitored` −2).
    pub fn statuses(self) -> &'static [Status] {
        self.registered().map(|m| m.statuses()).unwrap_or(&[])
    }

    /// The int8 code → status code table: the verdicts (codes ≥ 0), then `not_assessable`
    /// (−1) and, for `cn-plan-pace`, `monitored` (−2: a row without a target, which the exact
    /// method reports without a verdict). Negative codes are never verdicts.
    pub fn status_table(self) -> Vec<(i8, &'static str)> {
        let mut t: Vec<(i8, &'static str)> = self
            .statuses()
            .iter()
            .enumerate()
            .filter_map(|(i, s)| i8::try_from(i).ok().map(|i| (i, s.code())))
            .collect();
        t.push((super::NOT_ASSESSABLE, Status::NotAssessable.code()));
        if self == BatchMethod::CnPlanPace {
            t.push((super::MONITORED, Status::Monitored.code()));
        }
        t
    }
}

/// A method with its thresholds, checked: what the batch kernel runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BatchSpec {
    /// The method.
    pub method: BatchMethod,
    /// Threshold values in [`BatchMethod::threshold_names`] order (NaN: optional and not given).
    pub thresholds: [f64; MAX_THRESHOLDS],
}

impl BatchSpec {
    /// The method's registry defaults, overridden by `given` (name, value). Unknown names, names
    /// the batch cannot honour, non-finite values and negative values (other than `*_bound`)
    /// are `invalid_argument` errors, as in the exact API.
    pub fn new(method_id: &str, given: &[(&str, f64)]) -> Result<Self> {
        let m = BatchMethod::from_id(method_id)?;
        let names = m.threshold_names();
        let defaults = m.registered()?.defaults();
        let mut thresholds = [f64::NAN; MAX_THRESHOLDS];
        for (slot, name) in thresholds.iter_mut().zip(names) {
            if let Some((_, Some(v))) = defaults.iter().find(|(k, _)| k == name) {
                *slot = crate::num::to_f64(*v);
            }
        }
        for (name, value) in given {
            let Some(k) = names.iter().position(|n| n == name) else {
                let why = if defaults.iter().any(|(k, _)| k == name) {
                    format!(
                        "the batch's `{}` does not take `{name}` (it needs inputs the batch has not: see docs/batch.md); \
                         it takes: {}",
                        m.id(),
                        names.join(", ")
                    )
                } else {
                    format!("`{}` has no threshold `{name}`; the batch takes: {}", m.id(), names.join(", "))
                };
                return Err(Error::invalid_argument(format!("thresholds.{name}"), why));
            };
            if !value.is_finite() || (*value < 0.0 && !name.ends_with("_bound")) {
                return Err(Error::invalid_argument(
                    format!("thresholds.{name}"),
                    format!("thresholds must be finite and ≥ 0, got {}", crate::num::f64_text(*value, None)),
                ));
            }
            if let Some(slot) = thresholds.get_mut(k) {
                *slot = *value;
            }
        }
        Ok(BatchSpec { method: m, thresholds })
    }

    /// Threshold `k` (in [`BatchMethod::threshold_names`] order).
    pub(crate) fn th(&self, k: usize) -> f64 {
        self.thresholds.get(k).copied().unwrap_or(f64::NAN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_come_from_the_registry() {
        let s = BatchSpec::new("eurostat", &[]).unwrap();
        assert_eq!(&s.thresholds[..3], &[0.95, 0.60, 0.01]);
        let s = BatchSpec::new("open-sdg", &[("natural_limit", 100.0)]).unwrap();
        assert_eq!(&s.thresholds, &[0.95, 0.6, 0.015, 0.005, 100.0]);
        let s = BatchSpec::new("unsd", &[("no_target_on_track", 0.03)]).unwrap();
        assert_eq!(&s.thresholds[..4], &[0.95, 0.10, 0.03, 0.005]);
        assert!(BatchSpec::new("open-sdg", &[]).unwrap().thresholds[4].is_nan(), "no natural limit by default");
        let s = BatchSpec::new("sdsn", &[("upper_bound", -3.0)]).unwrap();
        assert!(s.thresholds[0].is_nan() && s.thresholds[1] == -3.0 && s.thresholds[2] == 0.5);
        assert_eq!(BatchSpec::new("cn-plan-pace", &[]).unwrap().thresholds[..2], [0.10, 0.05]);
    }

    #[test]
    fn refused_thresholds_and_methods() {
        for (m, name, v) in [
            ("eurostat", "window_years", 5.0),
            ("cn-plan-pace", "binding_lag_tolerance", 0.0),
            ("open-sdg", "natural_limit", -1.0),
            ("unsd", "natural_limit", 1.0),
            ("eurostat", "no_target_band", f64::INFINITY),
            ("open-sdg", "nope", 1.0),
            ("unsd", "on_track", f64::NAN),
            ("escap", "maintain", -1.0),
        ] {
            assert_eq!(BatchSpec::new(m, &[(name, v)]).unwrap_err().code(), "invalid_argument", "{m} {name}");
        }
        let e = BatchSpec::new("destatis", &[]).unwrap_err();
        assert_eq!(e.code(), "unknown_method");
        assert!(!e.to_string().contains("destatis,"), "{e}");
    }

    #[test]
    fn status_codes_are_positions_in_the_registry() {
        // cn-plan-pace keeps the codes onpace.batch.progress has always had.
        let t = BatchMethod::CnPlanPace.status_table();
        assert_eq!(
            t,
            vec![
                (0, "achieved"),
                (1, "ahead"),
                (2, "on_track"),
                (3, "lagging"),
                (4, "regressing"),
                (-1, "not_assessable"),
                (-2, "monitored")
            ]
        );
        // eurostat's seven verdicts, the no-target movement-away statuses included.
        let t = BatchMethod::Eurostat.status_table();
        assert_eq!(&t[5..], &[(5, "moderate_movement_away"), (6, "significant_movement_away"), (-1, "not_assessable")]);
        for m in BATCH_METHODS {
            assert_eq!(BatchMethod::from_id(m.id()).unwrap(), m);
            assert!(m.columns().len() <= MAX_COLUMNS && m.threshold_names().len() <= MAX_THRESHOLDS);
            // Every threshold the batch takes is one of the registry's.
            let defaults = m.registered().unwrap().defaults();
            assert!(m.threshold_names().iter().all(|n| defaults.iter().any(|(k, _)| k == n)), "{m:?}");
        }
    }
}
