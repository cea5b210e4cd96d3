//! Bugs found by fuzzing (scripts/fuzz), each kept as a readable case. The raw inputs are in
//! fuzz/regressions/.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::str::FromStr;

use onpace::{AssessOptions, Baseline, Decimal, Direction, Indicator, Observation, Target, Unit};

/// maths target, 2026-11-27: 57 610 000 in 2000, 7.7e25 in 2001 and a target of 3.4e28 in 2096.
/// The actual growth (~1.3e18 a year) compounded over 95 years overflows f64, and unsd's ratio
/// came out as infinity. Now: no infinity in any result, an `overflow` warning instead.
#[test]
fn infinite_ratio_becomes_none_with_a_warning() {
    let d = |s: &str| Decimal::from_str(s).unwrap();
    let ind = Indicator::new(
        "x",
        "x",
        Unit::Ratio,
        Direction::Increase,
        Baseline { year: 2000, value: d("57610000") },
        Target::Level { year: 2096, value: d("34000000000000000000000000000"), comparator: None },
    )
    .unwrap();
    let obs = [Observation::new(2001, d("77000000000000000000000000"))];
    for m in onpace::method_ids() {
        let a = ind.assess(&obs, &AssessOptions::method(m.parse().unwrap())).unwrap();
        for (name, v) in [("ratio", a.ratio), ("score", a.score), ("index", a.index), ("acceleration", a.acceleration)]
        {
            assert!(v.is_none_or(f64::is_finite), "{m}: {name} = {v:?}");
        }
    }
    let unsd = ind.assess(&obs, &AssessOptions::method("unsd".parse().unwrap())).unwrap();
    assert_eq!(unsd.ratio, None);
    assert!(unsd.warnings.iter().any(|w| w.code == "overflow" && w.field == "ratio"), "{:?}", unsd.warnings);
    // E = +∞ ≥ 0.95: on track, as the mathematics says.
    assert_eq!(unsd.status.code(), "on_track");
}
