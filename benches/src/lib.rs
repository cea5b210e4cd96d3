//! Helpers shared by the bench targets in `benches/`: the synthetic batch series.
#![allow(clippy::cast_precision_loss)]

use onpace::math::batch::BatchInput;

/// `n` deterministic synthetic series (an LCG, no rand dependency): baselines 1–10, targets
/// above them, one observation in 2021–2024. The same seed in every bench, so their timings
/// are of the same rows.
pub fn batch_inputs(n: usize) -> Vec<BatchInput> {
    let mut s: u64 = 20_261_127;
    let mut next = || {
        s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n)
        .map(|_| {
            let baseline = 1.0 + 9.0 * next();
            BatchInput {
                baseline,
                target: baseline + 0.5 + 4.5 * next(),
                base_year: 2020.0,
                target_year: 2025.0,
                year: 2021.0 + (next() * 4.0).floor(),
                value: baseline + 6.0 * next() - 1.0,
                direction: 1.0,
            }
        })
        .collect()
}

/// A synthetic plan of `n` indicators and its observations, as JSON text (plan, observations):
/// the same plan as `benches/python/evaluate_scale.py` writes, labelled as not real data.
/// Indicator i has baseline 1 + (i mod 97)/10 in 2020, a level target (i mod 13)/10 + 1 above
/// it in 2025 (higher is better), and observations in 2021 and 2023 spread around the
/// baseline, so every status occurs.
pub fn synthetic_plan_json(n: usize) -> (String, String) {
    // Tenths as exact decimal text, with no float in between.
    let tenths = |t: i64| format!("{}{}.{}", if t < 0 { "-" } else { "" }, t.abs() / 10, t.abs() % 10);
    let mut indicators = Vec::with_capacity(n);
    let mut observations = Vec::with_capacity(n);
    for i in 0..n as i64 {
        let base = 10 + i % 97;
        let target = base + 10 + i % 13;
        indicators.push(format!(
            r#"{{"id": "i{i}", "label": {{"zh": "合成指标 {i}"}}, "unit": {{"kind": "ratio"}}, "direction": "increase", "baseline": {{"year": 2020, "value": "{}"}}, "target": {{"kind": "level", "year": 2025, "value": "{}"}}}}"#,
            tenths(base),
            tenths(target)
        ));
        observations.push(format!(
            r#""i{i}": [{{"year": 2021, "value": "{}"}}, {{"year": 2023, "value": "{}"}}]"#,
            tenths(base + i % 7 - 2),
            tenths(base + i % 23 - 4)
        ));
    }
    let plan = format!(
        r#"{{"id": "synthetic-{n}", "title": {{"zh": "合成基准规划（非真实数据）", "en": "Synthetic benchmark plan (not real data)"}}, "issuer": {{"zh": "无"}}, "region": {{"zh": "无"}}, "period": {{"start": 2021, "end": 2025}}, "base_year": 2020, "indicators": [{}]}}"#,
        indicators.join(", ")
    );
    (plan, format!("{{{}}}", observations.join(", ")))
}
