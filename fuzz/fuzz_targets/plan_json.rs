//! The plan JSON parser on arbitrary text: never panics, and a plan it accepts survives
//! save → load unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onpace::Plan;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(plan) = Plan::from_json(&text) {
        let saved = plan.to_json().expect("a valid plan serializes");
        let again = Plan::from_json(&saved).expect("a saved plan loads");
        assert_eq!(again, plan, "round trip changed the plan");
    }
});
