// Plan loading and lookup in JS at 10⁴ and 10⁵ indicators: Plan.fromJson (the wrapper indexes
// the indicators in a Map and builds each on first use) and plan.indicator(id) for every id,
// against JSON.parse of the same text. Run: node benches/js/plan_scale.mjs (after
// scripts/build-wasm). Timings live here, never in tests.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const onpace = await import(pathToFileURL(path.join(ROOT, 'bindings-wasm/pkg/node/index.mjs')).href).catch(
  () => import(pathToFileURL(path.join(ROOT, 'bindings-wasm/tests/node_modules/onpace/pkg/node/index.mjs')).href),
);

function planJson(n) {
  const indicators = Array.from({ length: n }, (_, k) => ({
    id: `i${k}`, label: { zh: `指标${k}` }, unit: { kind: 'index' }, direction: 'increase',
    baseline: { year: 2020, value: String(100 + (k % 7)) }, target: { kind: 'level', year: 2025, value: '130' },
  }));
  return JSON.stringify({ id: 'big', title: { zh: 'x' }, issuer: { zh: 'x' }, region: { zh: 'x' }, period: { start: 2021, end: 2025 }, base_year: 2020, indicators });
}

const seconds = (fn) => { const t = process.hrtime.bigint(); fn(); return Number(process.hrtime.bigint() - t) / 1e9; };
const sizes = [10_000, 100_000];
const rows = {};
for (const n of sizes) {
  const text = planJson(n);
  let plan;
  const add = (k, v) => (rows[k] ||= []).push(v);
  add('JSON.parse of the same text', seconds(() => JSON.parse(text)));
  add('Plan.fromJson', seconds(() => { plan = onpace.Plan.fromJson(text); }));
  add('plan.indicator(id) for every id', seconds(() => { for (let k = 0; k < n; k++) plan.indicator(`i${k}`); }));
}
for (const [k, [a, b]] of Object.entries(rows)) console.log(`${k.padEnd(34)} ${a.toFixed(3)}s ${b.toFixed(3)}s  ×${(b / a).toFixed(1)}`);
