//! The main job: the embedded Yanbian plan's required schedule, then the national plan's
//! S&T indicators evaluated on their published figures.
//!
//! ```text
//! cargo run --release --example yanbian                      # schedule + national evaluation
//! cargo run --release --example yanbian -- --observations FILE.csv [--lang en] [--as-of 2023]
//! ```
//! With `--observations`, the Yanbian plan is evaluated on the user's observations (long CSV:
//! `indicator,year,value` and optional `numerator,denominator,vintage,flag,source`).

use std::process::ExitCode;

use onpace::io::csv::read_observations_csv;
use onpace::report::markdown::{evaluation_markdown, methods_side_by_side};
use onpace::report::schedule::{decomposition_markdown, schedule_markdown};
use onpace::{builtin, AsOf, AssessOptions, Decimal, Lang, PathKind};

struct Args {
    observations: Option<String>,
    lang: Lang,
    as_of: AsOf,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { observations: None, lang: Lang::Zh, as_of: AsOf::Latest };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--observations" => args.observations = Some(value()?),
            "--lang" => args.lang = Lang::parse(&value()?).map_err(|e| e.to_string())?,
            "--as-of" => {
                let v = value()?;
                args.as_of = match v.parse::<i32>() {
                    Ok(y) => AsOf::Year(y),
                    Err(_) => AsOf::parse_date(&v).map_err(|e| e.to_string())?,
                };
            }
            "-h" | "--help" => {
                return Err(
                    "usage: yanbian [--observations FILE.csv] [--lang zh|en|ko] [--as-of YEAR|YYYY-MM-DD]".into()
                )
            }
            other => return Err(format!("unknown argument `{other}` (try --help)")),
        }
    }
    Ok(args)
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let lang = args.lang;
    let err = |e: onpace::Error| format!("error [{}]: {e}", e.code());
    let yanbian = builtin::plan(builtin::DEFAULT_PLAN).map_err(err)?;
    println!("# {}\n", yanbian.title.get(lang));
    println!("{} {}–{}\n", yanbian.region.get(lang), yanbian.period.start, yanbian.period.end);
    println!("## Required schedule (baseline → target)\n");
    print!("{}", schedule_markdown(&yanbian, lang).map_err(err)?);

    // What the R&D intensity target means in money: the R&D spending needed each year if GDP
    // grows at g a year from its published 2020 level.
    let rd = yanbian.indicator("rd-intensity").map_err(err)?;
    let gdp = yanbian.reference_value("gdp").map_err(err)?;
    println!(
        "## {} — R&D spending required\n\nGDP {} {} in {} ({})\n",
        rd.label.get(lang),
        gdp.value,
        gdp.unit.symbol(lang),
        gdp.year,
        gdp.source
    );
    for g in [4, 5, 6] {
        let d = rd.numerator_path((gdp.year, gdp.value), Decimal::new(g, 2), PathKind::Linear).map_err(err)?;
        let cagr = d.numerator_cagr.map(|c| format!("{:.2}%", c * 100.0)).unwrap_or_else(|| "—".into());
        println!("GDP +{g}%/yr, linear path to the target: R&D spending must grow {cagr} a year\n");
        print!("{}", decomposition_markdown(rd, &d, lang));
        println!();
    }

    let options = AssessOptions::default().with_as_of(args.as_of.clone());
    if let Some(path) = &args.observations {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        let obs = read_observations_csv(&text).map_err(err)?;
        let eval = yanbian.evaluate(&obs, &options).map_err(err)?;
        println!("## Evaluation on {path}\n");
        print!("{}", evaluation_markdown(&yanbian, &eval, lang));
        println!();
    } else {
        println!(
            "No published 2021–2025 observations of the Yanbian indicators are shipped; \
             pass --observations FILE.csv to evaluate yours.\n"
        );
    }

    let cn = builtin::plan("cn-14th-fyp-st").map_err(err)?;
    let cn_obs = builtin::observations("cn-14th-fyp-st").map_err(err)?;
    let eval = cn.evaluate(&cn_obs, &options).map_err(err)?;
    println!("## {} — published figures\n", cn.title.get(lang));
    print!("{}", evaluation_markdown(&cn, &eval, lang));
    let mut side = Vec::new();
    for m in onpace::MethodId::ALL {
        let opts = options.clone().with_method(*m);
        side.push(cn.evaluate(&cn_obs, &opts).map_err(err)?);
    }
    println!("\n### Every method side by side\n");
    print!("{}", methods_side_by_side(&cn, &side, lang));
    let sources: Vec<&str> = cn.sources.iter().map(|s| s.title.zh.as_str()).collect();
    println!("\nSources: {}", sources.join("; "));

    // The HTML reports (self-contained: inline CSS and SVG).
    let dir = std::path::Path::new("target/onpace");
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let write = |name: &str, text: String| {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("wrote {}", path.display());
        Ok::<(), String>(())
    };
    write("yanbian-report.html", onpace::report::html::plan_html(&yanbian, lang).map_err(err)?)?;
    write("national-evaluation.html", onpace::report::html::evaluation_html(&cn, &cn_obs, &eval, lang).map_err(err)?)?;
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
