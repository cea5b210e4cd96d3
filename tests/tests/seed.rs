//! The embedded Yanbian plan checked against the plan's own text, which the repository keeps in
//! `tests/fixtures/yanbian-st-14th-fyp.txt` (`ONPACE_SEED_DIR` points elsewhere).
//!
//! A missing seed fails the test in CI; elsewhere the check prints a visible NOT RUN line
//! instead of passing silently.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::PathBuf;

use onpace::{builtin, format_fixed, Magnitude, Plan};

fn seed_text() -> Option<String> {
    let dir = std::env::var_os("ONPACE_SEED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures"));
    let path = dir.join("yanbian-st-14th-fyp.txt");
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(e) => {
            assert!(std::env::var_os("CI").is_none(), "CI must have the seed at {}: {e}", path.display());
            eprintln!("NOT RUN: seed check skipped, {} not found ({e}); set ONPACE_SEED_DIR", path.display());
            None
        }
    }
}

/// The seed with all white space removed, for names the text breaks over lines.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn plan() -> Plan {
    builtin::plan("yanbian-st-14").unwrap()
}

/// The rows of 表1 parsed from the seed: (number, name with unit, 2020, 2025).
fn table1(seed: &str) -> Vec<(String, String, String, String)> {
    let start = seed.find("表1").unwrap();
    let end = seed[start..].find("数据来源").unwrap() + start;
    let cells: Vec<&str> = seed[start..end].lines().map(str::trim).filter(|l| !l.is_empty()).skip(5).collect();
    cells.chunks(4).map(|c| (c[0].into(), c[1].into(), c[2].into(), c[3].into())).collect()
}

#[test]
fn table_1_matches_the_seed() {
    let Some(seed) = seed_text() else { return };
    let rows = table1(&seed);
    let plan = plan();
    assert_eq!(rows.len(), 7, "表1 has seven indicators");
    assert_eq!(plan.indicators.len(), rows.len());
    for (i, (ind, (num, name, v2020, v2025))) in plan.indicators.iter().zip(&rows).enumerate() {
        assert_eq!(num, &(i + 1).to_string());
        assert!(name.starts_with(&ind.label.zh), "{}: label `{}` is not verbatim `{name}`", ind.id, ind.label.zh);
        let unit =
            if ind.unit.is_ratio() && ind.unit.scale() == onpace::Decimal::ONE_HUNDRED { "（%）" } else { "（" };
        assert!(name[ind.label.zh.len()..].starts_with(unit), "{}: unit of `{name}`", ind.id);
        assert_eq!(ind.baseline.year, 2020);
        assert_eq!(&format_fixed(ind.baseline.value, 2), v2020, "{} baseline", ind.id);
        let t = ind.implied_target().unwrap();
        assert_eq!(t.year, 2025);
        assert_eq!(&format_fixed(t.value, 2), v2025, "{} target", ind.id);
        assert_eq!(ind.decimals, Some(2));
    }
    let ids: Vec<&str> = plan.indicators.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "rd-intensity",
            "industrial-rd-personnel-share",
            "tech-contract-gdp-ratio",
            "hightech-firms-per-10k",
            "invention-patents-per-10k-workers",
            "industrial-rd-revenue-share",
            "st-budget-share"
        ]
    );
}

#[test]
fn sources_match_the_seed() {
    let Some(seed) = seed_text() else { return };
    let line = seed.lines().find(|l| l.starts_with("数据来源")).unwrap();
    let plan = plan();
    assert_eq!(plan.sources.len(), 3);
    for s in &plan.sources {
        assert!(line.contains(&format!("《{}》", s.title.zh)), "{} not in `{line}`", s.title.zh);
    }
}

#[test]
fn projects_match_the_seed() {
    let Some(seed) = seed_text() else { return };
    let flat = squash(&seed);
    let plan = plan();
    for (table, count) in [(2u8, 6usize), (3, 16), (5, 4)] {
        // Count numbered rows in the table's section of the seed.
        let head = format!("表{table}：");
        let start = seed.find(&head).unwrap();
        let rest = &seed[start + head.len()..];
        let end = rest.find("\n（").unwrap_or(rest.len());
        let rows = rest[..end].lines().filter(|l| l.starts_with('\t') && l.trim().parse::<u32>().is_ok()).count();
        assert_eq!(rows, count, "rows in {head}");
        assert_eq!(plan.projects.iter().filter(|p| p.table == table).count(), count, "projects of {head}");
    }
    for p in &plan.projects {
        let name = squash(&p.name.zh);
        assert!(flat.contains(&name), "project name `{}` not in the seed", p.name.zh);
        for u in &p.undertakers {
            assert!(flat.contains(&squash(u)), "undertaker `{u}` not in the seed");
        }
        let undertakers = p.undertakers.join("、");
        let ym = |y: onpace::YearMonth| match y.month {
            Some(m) => format!("{}.{m}", y.year),
            None => y.year.to_string(),
        };
        let period =
            format!("{}{}-{}", p.period.phase.clone().unwrap_or_default(), ym(p.period.start), ym(p.period.end));
        // Name, undertakers, period and location stand in this order in the row.
        let row = squash(&format!("{}{}{}{}", p.name.zh, undertakers, period, p.location));
        assert!(flat.contains(&row), "row of project {}-{} does not match the seed: {row}", p.table, p.number);
        for inv in &p.investments {
            let unit = match inv.magnitude {
                Magnitude::TenThousand => "万元",
                Magnitude::HundredMillion => "亿元",
                Magnitude::One => "元",
                other => panic!("the seed has no amounts in {other:?}"),
            };
            let amount = format!("投资{}{unit}", inv.amount);
            assert!(flat.contains(&amount), "{amount} not in the seed");
        }
    }
}

#[test]
fn achievements_and_key_fields_match_the_seed() {
    let Some(seed) = seed_text() else { return };
    let flat = squash(&seed);
    let plan = plan();
    for a in &plan.achievements {
        assert!(flat.contains(&a.value.to_string()), "{}: {} not in the seed", a.id, a.value);
        for part in &a.breakdown {
            assert!(flat.contains(&part.value.to_string()), "{}.{}: {} not in the seed", a.id, part.id, part.value);
        }
    }
    // The printed breakdowns (patents 127 + 502 + 371 = 1000, …) stand in the text as written.
    for phrase in [
        "专利授权量达到1000件，其中，发明专利127件，实用新型专利502件，外观设计专利371件",
        "获省级科技奖项60项，其中一等奖4项，二等奖15项，三等奖41项",
    ] {
        assert!(flat.contains(phrase), "{phrase}");
    }
    let start = seed.find("表4").unwrap();
    let end = seed[start..].find("三、加速科技成果转化应用").unwrap() + start;
    let table4 = squash(&seed[start..end]);
    assert_eq!(plan.key_fields.len(), 5);
    for f in &plan.key_fields {
        assert!(table4.contains(&f.field.zh), "{}", f.field.zh);
        for item in &f.focus {
            assert!(table4.contains(item.as_str()), "{item} not in 表4");
        }
    }
}
