//! The plan forms of a national Five-Year Plan outline (tests/fixtures/forms-plan.json): GDP
//! growth monitored, productivity growth above GDP growth, income growth in step with it,
//! unemployment below 5.5 % every year, grain capacity at least 650 million t every year,
//! energy intensity −13.5 % over five years from annual changes, life expectancy +1 year with a
//! revised baseline, R&D growth above 7 % a year; evaluated at mid-2023 in zh, en and ko.
//!
//! ```text
//! cargo run --example plan_forms [-- --as-of 2023-06-30] [--baseline revised]
//! ```
//! The observations in the fixture are illustrative (see tests/fixtures/README.md).

use std::process::ExitCode;

use onpace::io::json::observations_from_json;
use onpace::report::markdown::evaluation_markdown;
use onpace::{AsOf, AssessOptions, BaselineChoice, Lang, Plan};

fn arg_error(field: &str, message: String) -> onpace::Error {
    onpace::Error::InvalidArgument { field: field.into(), message }
}

fn run() -> onpace::Result<()> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/");
    let read = |name: &str| {
        std::fs::read_to_string(format!("{root}{name}")).map_err(|e| arg_error(name, format!("cannot read: {e}")))
    };
    let plan = Plan::from_json(&read("forms-plan.json")?)?;
    let observations = observations_from_json(&read("forms-plan.observations.json")?)?;
    let mut as_of = AsOf::parse_date("2023-06-30")?;
    let mut baseline = BaselineChoice::Plan;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match (a.as_str(), args.next()) {
            ("--as-of", Some(d)) => as_of = AsOf::parse_date(&d)?,
            ("--baseline", Some(b)) if b == "revised" => baseline = BaselineChoice::Revised,
            (other, _) => return Err(arg_error("args", format!("unknown argument {other}"))),
        }
    }
    let options = AssessOptions::default().with_as_of(as_of).with_baseline(baseline);
    let evaluation = plan.evaluate(&observations, &options)?;
    for lang in [Lang::Zh, Lang::En, Lang::Ko] {
        println!("{}\n", evaluation_markdown(&plan, &evaluation, lang));
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error [{}]: {e}", e.code());
            ExitCode::FAILURE
        }
    }
}
