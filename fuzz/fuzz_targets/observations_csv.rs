//! The observations CSV reader on arbitrary text: never panics, and what it accepts survives
//! write → read unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onpace::io::csv::{read_observations_csv, write_observations_csv};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(obs) = read_observations_csv(&text) {
        let written = write_observations_csv(&obs).expect("observations serialize");
        let again = read_observations_csv(&written).expect("written CSV reads back");
        assert_eq!(again, obs, "CSV round trip changed the observations");
    }
});
