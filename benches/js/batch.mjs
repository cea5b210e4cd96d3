// The batch in JS (issue 18): `batchAssess` over 10⁶ cn-plan-pace rows against what a
// front-end developer would write in plain JS (one loop with Math.pow and Math.log), and
// `batchEvaluate` over a panel against a per-series `Indicator.assess` loop. Results are
// checked equal first; each time is the best of 3 runs; the ratios are printed as JSON.
// Run: scripts/build-wasm && node benches/js/batch.mjs [rows] [series]
// (a smoke run, untimed, is bindings-wasm/tests/node/batch_bench.test.mjs).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const onpace = await import(path.join(ROOT, 'bindings-wasm/pkg/node/index.mjs'));
// The tests' seeded generator: the same rows every run.
const { rng } = await import(path.join(ROOT, 'bindings-wasm/tests/node/helpers.mjs'));

const ROWS = Number(process.argv[2] ?? 1_000_000);
const SERIES = Number(process.argv[3] ?? 2_000);


/**
 * What a front-end developer writes for the same seven outputs: the textbook CAGR
 * ((v / b)^(1/n) − 1 with Math.pow; the required one from Math.log, as often seen), the
 * completion, time share and pace, and the cn-plan-pace bands (docs/methods.md), with the
 * batch's rule for a value on a band edge (within 1e-12, docs/batch.md) so that the statuses
 * can be compared.
 */
function plainJs(c, n) {
  const out = {
    completion: new Float64Array(n), timeShare: new Float64Array(n), pace: new Float64Array(n), actualCagr: new Float64Array(n),
    requiredCagr: new Float64Array(n), ratio: new Float64Array(n), status: new Int8Array(n),
  };
  const atLeast = (x, e) => x >= e - 1e-12 * Math.max(Math.abs(e), 1);
  for (let i = 0; i < n; i += 1) {
    const b = c.baseline[i]; const t = c.target[i]; const y = c.year[i]; const v = c.value[i];
    const years = y - c.baseYear; const span = c.targetYear - c.baseYear;
    const tau = years / span;
    const p = (v - b) / (t - b);
    const ga = Math.pow(v / b, 1 / years) - 1;
    const gr = Math.exp(Math.log(t / b) / span) - 1;
    out.completion[i] = p; out.timeShare[i] = tau; out.pace[i] = p / tau;
    out.actualCagr[i] = ga; out.requiredCagr[i] = gr; out.ratio[i] = ga / Math.abs(gr);
    out.status[i] = v >= t ? 0 : b >= t || p < 0 ? 4 : !atLeast(p, tau - 0.05) ? 3 : atLeast(p, tau + 0.1) ? 1 : 2;
  }
  return out;
}

function best(fn, runs = 3) {
  let ms = Infinity;
  let out;
  for (let k = 0; k < runs; k += 1) {
    const t = performance.now();
    out = fn();
    ms = Math.min(ms, performance.now() - t);
  }
  return [ms, out];
}

// Rows: positive levels, targets above the baseline (higher is better), 2020 → 2025 plans.
const r = rng(18);
const cols = {
  baseline: Float64Array.from({ length: ROWS }, () => 1 + 99 * r()),
  target: null, year: Int32Array.from({ length: ROWS }, () => 2021 + Math.floor(5 * r())), value: null, baseYear: 2020, targetYear: 2025,
};
cols.target = cols.baseline.map((b) => b * (1.05 + r()));
cols.value = cols.baseline.map((b) => b * (0.8 + 0.8 * r()));

const [batchMs, batch] = best(() => onpace.batchAssess(cols));
const [plainMs, plain] = best(() => plainJs(cols, ROWS));
// Checked equal first: the same statuses; the numbers within 1e-9 relative (the two compute
// the powers differently).
let differ = 0;
for (let i = 0; i < ROWS; i += 1) {
  if (batch.status[i] !== plain.status[i]) differ += 1;
  for (const k of ['completion', 'actualCagr', 'requiredCagr', 'ratio']) {
    const a = batch[k][i]; const b = plain[k][i];
    if (Math.abs(a - b) > 1e-9 * Math.max(Math.abs(b), 1e-300)) throw new Error(`row ${i} ${k}: batch ${a}, plain JS ${b}`);
  }
}
if (differ) throw new Error(`${differ} of ${ROWS} statuses differ`);

// The panel: SERIES series of five annual values each, against one Indicator.assess per series.
const panel = [];
for (let s = 0; s < SERIES; s += 1) {
  const b = Math.round((1 + 99 * r()) * 100) / 100;
  const t = Math.round(b * (1.05 + r()) * 100) / 100;
  for (let y = 2021; y <= 2025; y += 1) {
    if (r() < 0.8) panel.push({ indicator: `i${s % 10}`, region: `r${s}`, year: y, value: Math.round(b * (0.8 + 0.1 * (y - 2020) * r()) * 100) / 100, baseline: b, baseYear: 2020, target: t, targetYear: 2030 });
  }
}
function loop(method) {
  const series = new Map();
  for (const row of panel) {
    const key = `${row.indicator}|${row.region}`;
    if (!series.has(key)) series.set(key, []);
    series.get(key).push(row);
  }
  const out = [];
  for (const [key, rows] of [...series].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const f = rows[0];
    const ind = new onpace.Indicator('x', { unit: 'ratio', direction: 'increase', baseline: [f.baseYear, f.baseline], target: [f.targetYear, f.target] });
    try {
      out.push([key, ind.assess(rows.map((x) => [x.year, x.value]), { method }).status]);
    } catch {
      out.push([key, 'not_assessable']);
    } finally {
      ind.dispose();
    }
  }
  return out;
}
const panelRatios = {};
for (const method of ['cn-plan-pace', 'open-sdg', 'destatis']) {
  const [panelMs, got] = best(() => onpace.batchEvaluate(panel, { method }));
  const [loopMs, want] = best(() => loop(method));
  const byKey = new Map(want);
  for (const row of got) {
    const w = byKey.get(`${row.indicator}|${row.region}`);
    if (w !== row.status) throw new Error(`${method} ${row.indicator} ${row.region}: panel ${row.status}, loop ${w}`);
  }
  panelRatios[method] = { series: got.length, panelMs: +panelMs.toFixed(1), loopMs: +loopMs.toFixed(1), loopOverPanel: +(loopMs / panelMs).toFixed(2) };
}

console.log(JSON.stringify({
  rows: ROWS,
  batchAssessMs: +batchMs.toFixed(1),
  plainJsMs: +plainMs.toFixed(1),
  plainJsOverBatch: +(plainMs / batchMs).toFixed(2),
  panel: panelRatios,
}, null, 2));
