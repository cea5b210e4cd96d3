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
        0 => api::assess_json(ind, &text),
        1 => api::project_json(ind, &text),
        2 => api::path_json(ind, &text),
        3 => api::what_if_json(ind, &text),
        4 => api::numerator_path_json(ind, &text),
        5 => api::progress_json(&text),
        6 => api::required_path_json(&text),
        7 => api::project_points_json(&text),
        8 => api::projects_json(&plan, &text),
        _ => api::evaluate_json(&plan, &text).and_then(|e| e.json()),
    };
});
