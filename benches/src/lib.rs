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
