//! Property tests of the model's invariants (proptest).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use onpace::io::csv::{read_observations_csv, write_observations_csv};
use onpace::{
    progress, required_path, AssessOptions, Baseline, Decimal, Direction, Indicator, Observation, PathKind, Plan,
    PlanObservations, Status, Target, Unit, YearValue,
};
use proptest::prelude::*;

/// Any decimal a 96-bit mantissa holds, both signs, 0–28 decimal places.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    (any::<u64>(), any::<u32>(), any::<bool>(), 0u32..=28).prop_map(|(lo, hi, neg, scale)| {
        let m = (i128::from(hi) << 64) | i128::from(lo);
        let d = Decimal::from_i128_with_scale(m, scale);
        if neg {
            -d
        } else {
            d
        }
    })
}

/// Plan-sized values: up to 12 integer digits and 6 decimals.
fn value() -> impl Strategy<Value = Decimal> {
    (-999_999_999_999_999_999i64..=999_999_999_999_999_999i64).prop_map(|m| Decimal::new(m, 6))
}

fn positive() -> impl Strategy<Value = Decimal> {
    (1i64..=999_999_999_999i64).prop_map(|m| Decimal::new(m, 4))
}

fn rank(s: Status) -> u8 {
    match s {
        Status::Achieved => 0,
        Status::Ahead => 1,
        Status::OnTrack => 2,
        Status::Lagging => 3,
        Status::Regressing => 4,
        _ => 5,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn linear_path_starts_at_baseline_and_ends_exactly_at_target(t0 in 1900i32..2100, n in 1i32..60, y0 in value(), y1 in value()) {
        let p = required_path((t0, y0), (t0 + n, y1), PathKind::Linear).unwrap();
        prop_assert_eq!(p.len(), n as usize + 1);
        prop_assert_eq!(p[0].value, y0);
        prop_assert_eq!(p[n as usize].value, y1);
        prop_assert_eq!(p[n as usize].year, t0 + n);
    }

    #[test]
    fn geometric_path_ends_exactly_and_is_monotone(n in 1i32..30, y0 in positive(), y1 in positive()) {
        let p = required_path((2020, y0), (2020 + n, y1), PathKind::Geometric).unwrap();
        prop_assert_eq!(p[0].value, y0);
        prop_assert_eq!(p[n as usize].value, y1);
        for w in p.windows(2) {
            if y1 >= y0 { prop_assert!(w[1].value >= w[0].value) } else { prop_assert!(w[1].value <= w[0].value) }
        }
    }

    #[test]
    fn completion_at_the_target_is_exactly_one(y0 in value(), y1 in value(), n in 1i32..20, k in 1i32..20) {
        prop_assume!(y0 != y1);
        let latest_year = 2020 + k.min(n);
        let p = progress(YearValue::new(2020, y0), YearValue::new(latest_year, y1), YearValue::new(2020 + n, y1), Direction::Increase).unwrap();
        prop_assert_eq!(p.completion, Some(Decimal::ONE));
    }

    #[test]
    fn completion_is_monotone_in_the_observed_value(y0 in value(), y1 in value(), a in value(), b in value()) {
        prop_assume!(y0 != y1);
        let at = |v| progress(YearValue::new(2020, y0), YearValue::new(2023, v), YearValue::new(2025, y1), Direction::Increase).unwrap().completion.unwrap();
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        if y1 > y0 { prop_assert!(at(lo) <= at(hi)) } else { prop_assert!(at(lo) >= at(hi)) }
    }

    #[test]
    fn status_never_improves_when_moving_away(y0 in positive(), y1 in positive(), a in positive(), b in positive(), dec in any::<bool>()) {
        prop_assume!(y0 != y1);
        let direction = if dec { Direction::Decrease } else { Direction::Increase };
        let ind = Indicator::new("x", "x", Unit::Ratio, direction, Baseline { year: 2020, value: y0 }, Target::Level { year: 2025, value: y1, comparator: None }).unwrap();
        // `far` is further from the target than `near` in the direction that counts.
        let better = |x: Decimal, y: Decimal| if dec { x <= y } else { x >= y };
        let (near, far) = if better(a, b) { (a, b) } else { (b, a) };
        let status = |v| ind.assess(&[Observation::new(2023, v)], &AssessOptions::default()).unwrap().status;
        prop_assert!(rank(status(far)) >= rank(status(near)), "{:?} at {} vs {:?} at {}", status(far), far, status(near), near);
        // Every other method too (destatis needs four consecutive values, so one point is not assessable).
        for m in ["eurostat", "open-sdg", "unsd", "escap", "sdsn"] {
            let order = onpace::method(m).unwrap().statuses();
            let r = |v| {
                let s = ind.assess(&[Observation::new(2023, v)], &AssessOptions::method(m.parse().unwrap())).unwrap().status;
                order.iter().position(|x| *x == s).unwrap_or(order.len())
            };
            prop_assert!(r(far) >= r(near), "{m}: {} at {} vs {} at {}", r(far), far, r(near), near);
        }
    }

    #[test]
    fn plan_json_round_trip_keeps_every_decimal(base in any_decimal(), target in any_decimal(), rate in (0i64..1_000_000).prop_map(|m| Decimal::new(m, 6))) {
        let text = onpace::builtin::plan_json("yanbian-st-14").unwrap();
        let mut plan = Plan::from_json(text).unwrap();
        plan.indicators[0].baseline.value = base;
        plan.indicators[0].target = Target::Level { year: 2025, value: target, comparator: None };
        plan.indicators[1].target = Target::AnnualGrowth { year: 2025, rate, comparator: None };
        let back = Plan::from_json(&plan.to_json().unwrap()).unwrap();
        prop_assert_eq!(&back, &plan);
        // Exactly the same digits, scale included (0.360 stays 0.360).
        prop_assert_eq!(back.indicators[0].baseline.value.to_string(), base.to_string());
    }

    #[test]
    fn csv_round_trip_is_lossless(values in proptest::collection::vec((1900i32..2200, any_decimal(), proptest::option::of("[0-9]{4}-[0-9]{2}-[0-9]{2}")), 1..30)) {
        let mut obs = PlanObservations::new();
        for (i, (year, v, vintage)) in values.into_iter().enumerate() {
            let id = if i % 2 == 0 { "a" } else { "b" };
            obs.entry(id.to_string()).or_default().push(match vintage { Some(v2) => Observation::new(year, v).with_vintage(v2), None => Observation::new(year, v) });
        }
        let back = read_observations_csv(&write_observations_csv(&obs).unwrap()).unwrap();
        prop_assert_eq!(back, obs);
    }
}
