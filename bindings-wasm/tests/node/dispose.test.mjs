// Memory on request: dispose() and Symbol.dispose free the Rust side now, twice is harmless,
// a disposed object refuses with a coded error, and 100 000 iterations of the calculator's
// work (plan, evaluation, chart, assessment) leave the wasm memory where it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as onpace from 'onpace';
import { builtinPlan, builtinObservations } from 'onpace/builtin';
import { initSync } from '../../pkg/web/onpace_wasm.js';
import { ROOT } from './helpers.mjs';

// The loaded module's exports (initSync returns the instance onpace's Node entry loaded).
const wasm = initSync({ module: readFileSync(path.join(ROOT, 'bindings-wasm', 'pkg', 'web', 'onpace_wasm_bg.wasm')) });

test('dispose() twice, Symbol.dispose, and a coded error afterwards', () => {
  const plan = builtinPlan('cn-14th-fyp-st');
  const ind = plan.indicator('basic-research-share');
  const ev = plan.evaluate(builtinObservations('cn-14th-fyp-st'));
  assert.equal(plan.disposed, false);
  ev[Symbol.dispose]();
  ev.dispose();
  assert.equal(ev.disposed, true);
  assert.equal(ev.rows.length, 4); // the plain data stays readable
  assert.throws(() => ev.toHtml('en'), (e) => e instanceof onpace.DisposedError && e.code === 'disposed' && /Evaluation was disposed/.test(e.message));
  plan.dispose();
  plan.dispose();
  // The plan's indicators go with it.
  assert.equal(ind.disposed, true);
  assert.throws(() => ind.path(), (e) => e.code === 'disposed');
  assert.throws(() => plan.indicator('rd-expenditure'), (e) => e.code === 'disposed');
  assert.throws(() => plan.id, (e) => e.code === 'disposed');
  // A standalone indicator.
  const own = new onpace.Indicator('x', { unit: 'percent', direction: 'increase', baseline: [2020, 1], target: [2025, 2] });
  own.dispose();
  assert.throws(() => own.assess({ 2022: 1.5 }), (e) => e instanceof onpace.OnpaceError && e.code === 'disposed');
  // Everything else still works.
  assert.equal(builtinPlan().indicator('rd-intensity').path()[1].value, '0.508');
});

// (Without dispose() the same loop grew the memory to 96 MiB in 20 000 iterations of the
// built-in plan: the collector does not see the Rust side's size, so it runs too seldom.)
test('100 000 iterations with dispose(): flat wasm memory', () => {
  // A one-indicator plan, as the calculator builds it (illustrative numbers).
  const spec = JSON.stringify({
    id: 'calc', title: { zh: '计算器' }, issuer: { zh: '计算器' }, region: { zh: '计算器' }, period: { start: 2021, end: 2025 }, base_year: 2020,
    indicators: [{ id: 'x', label: { zh: 'x' }, unit: { kind: 'percent' }, direction: 'increase', baseline: { year: 2020, value: '6.01' }, target: { kind: 'level', year: 2025, value: '8' } }],
  });
  const observations = { x: { 2021: '6.09', 2022: '6.57', 2023: '6.77' } };
  // Each round makes three Rust objects (plan, evaluation, the plan's indicator); every 100th
  // also renders the chart and assesses (string results: the glue frees those itself).
  const round = (i) => {
    const plan = onpace.Plan.fromJson(spec);
    try {
      const ev = plan.evaluate(observations);
      try {
        if (i % 100 === 0) ev.chartSvg('x', 'zh');
      } finally {
        ev.dispose();
      }
      const ind = plan.indicator('x');
      if (i % 100 === 0) ind.assess(observations.x);
    } finally {
      plan.dispose();
    }
  };
  for (let i = 0; i < 1000; i += 1) round(i); // warm-up: the allocator's first growth
  const before = wasm.memory.buffer.byteLength;
  for (let i = 0; i < 100_000; i += 1) round(i);
  const after = wasm.memory.buffer.byteLength;
  console.log(`wasm memory: ${before} bytes after warm-up, ${after} bytes after 100 000 more iterations`);
  assert.equal(after, before);
});
