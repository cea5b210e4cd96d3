//! The plan CSV template reader on arbitrary text: never panics, and a plan it accepts
//! survives write → read unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onpace::io::plan_csv::{read_plan_csv, write_plan_csv};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(plan) = read_plan_csv(&text, "fuzz", "fuzz") {
        let written = write_plan_csv(&plan).expect("a plan writes as CSV");
        let again = read_plan_csv(&written, "fuzz", "fuzz").expect("the written template reads back");
        assert_eq!(again, plan, "CSV round trip changed the plan");
    }
});
