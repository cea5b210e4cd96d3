// The one-indicator calculator every bundler builds (and benches/ measures), on whichever entry
// the caller imported (`onpace` or `onpace/calc`): no plans, no built-in plans, no schema.
// Illustrative numbers: 100 (2020) → 150 (2025), 140 in 2023. Hand: completion 40/50 = 0.8
// against a time share of 3/5 → ahead.
export function calculate({ Indicator, Target, formatError }) {
  const ind = new Indicator('x', { unit: 'index', direction: 'increase', baseline: [2020, '100'], target: Target.level(2025, '150') });
  try {
    const a = ind.assess({ 2023: '140' });
    let bad = '';
    try { ind.assess({ 2023: '14x' }); } catch (e) { bad = formatError(e, 'en'); }
    return `${a.status} ${a.completion} | ${bad}`;
  } finally {
    ind.dispose();
  }
}
