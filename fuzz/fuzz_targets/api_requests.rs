//! Every JSON request of the front ends' façade on arbitrary text: typed errors only.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onpace::{api, builtin};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let plan = builtin::plan("cn-14th-fyp-st").expect("built-in plan");
    let ind = plan.indicator("basic-research-share").expect("indicator");
    let _ = match selector % 10 {
        0 => api::assess(ind, &text),
        1 => api::project(ind, &text),
        2 => api::path(ind, &text),
        3 => api::what_if(ind, &text),
        4 => api::numerator_path(ind, &text),
        5 => api::progress(&text),
        6 => api::required_path(&text),
        7 => api::project_points(&text),
        8 => api::projects(&plan, &text),
        _ => api::evaluate(&plan, &text).map(|e| e.json),
    };
});
