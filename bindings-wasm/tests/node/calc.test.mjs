// `onpace/calc`: the indicator API on the calculator module (the same crate without plans,
// reports or CSV). What it exports; the wrong-type sweep as for `onpace` (never a trap, always a
// code); hand-worked results; the same answers as the full module for every method; init()
// before loading; CommonJS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as calc from 'onpace/calc';
import * as onpace from 'onpace';
import { builtinPlan, builtinObservations } from 'onpace/builtin';
import { sweepAll, methodNames, indicatorTables } from './sweep-lib.mjs';
import { ROOT } from './helpers.mjs';

const PKG = path.join(ROOT, 'bindings-wasm', 'pkg');
// rd-intensity is a ratio with components (numeratorPath works), loaded into the calculator
// module from the full module's JSON.
const RD_JSON = builtinPlan().indicator('rd-intensity').toJson();
const ind = () => calc.Indicator.fromJson(RD_JSON);
const { MODULE, STATIC, METHODS } = indicatorTables(calc, ind);

test('onpace/calc exports the indicator API and no plans, reports, CSV or batch', () => {
  const fullOnly = ['Plan', 'Evaluation', 'readPlanCsv', 'readObservationsCsv', 'batchAssess', 'batchEvaluate', 'batchMethods', 'batchStatusCodes'];
  for (const name of fullOnly) assert.ok(!(name in calc), name);
  // Everything else of the main entry is there.
  const missing = Object.keys(onpace).filter((k) => !(k in calc) && !fullOnly.includes(k));
  assert.deepEqual(missing, []);
  // The errors are the same classes (one shared errors module): instanceof works across entries.
  assert.equal(calc.OnpaceError, onpace.OnpaceError);
  assert.deepEqual(calc.errorCodes(), onpace.errorCodes());
});

test('onpace/calc: the sweep covers every export and method, and its good arguments work', async () => {
  for (const [name, goods] of Object.entries(MODULE)) for (const good of goods) await calc[name](...good);
  for (const [, [fn, good]] of Object.entries(STATIC)) fn(...good);
  for (const [, [make, methods]] of Object.entries(METHODS)) for (const [m, good] of Object.entries(methods)) make()[m](...good);
  const covered = new Set([...Object.keys(MODULE), ...Object.keys(STATIC).map((k) => k.replace(/^new /, '').split('.')[0])]);
  for (const k of Object.keys(calc)) {
    if (typeof calc[k] === 'function' && !/Error$/.test(k)) assert.ok(covered.has(k), `${k} is not in the sweep`);
  }
  for (const [cls, [, methods]] of Object.entries(METHODS)) {
    for (const n of methodNames(calc[cls])) assert.ok(n in methods, `${cls}.${n} is not in the sweep`);
    for (const n of Object.getOwnPropertyNames(calc[cls])) {
      if (typeof calc[cls][n] === 'function') assert.ok(`${cls}.${n}` in STATIC, `${cls}.${n} is not in the sweep`);
    }
  }
});

test('onpace/calc: wrong-typed arguments everywhere give coded errors, never a trap', async () => {
  const { calls, errors } = await sweepAll(calc, { MODULE, STATIC, METHODS });
  console.log(`calc sweep: ${calls} calls, ${errors} coded errors`);
  assert.ok(calls > 500, `${calls} calls`);
  assert.ok(errors > 250, `${errors} errors`);
  // The reported cases, on this module: a coded TypeError naming the parameter.
  assert.throws(() => calc.Indicator.fromJson(12), (e) => e instanceof TypeError && e.code === 'invalid_argument' && e.field === 'text');
  assert.throws(() => ind().name(12), (e) => e instanceof TypeError && e.field === 'lang');
  // A bigint the 96-bit decimal cannot hold: the core's parse error, named by year.
  assert.throws(() => ind().assess({ 2022: 10n ** 40n }), (e) => e.code === 'parse' && e.field === 'observations[2022].value');
  // The instance is alive: 0.36 → 1.10 in five equal steps, the first milestone is 0.508.
  assert.equal(calc.requiredPath([2020, '0.36'], [2025, '1.10'])[1].value, '0.508');
});

test('onpace/calc: hand-worked results', () => {
  // 100 (2020) → 150 (2025), 140 in 2023: completion (140 − 100)/(150 − 100) = 0.8 against a
  // time share of 3/5 = 0.6 → ahead (cn-plan-pace).
  const x = new calc.Indicator('x', { unit: 'index', direction: 'increase', baseline: [2020, '100'], target: calc.Target.level(2025, '150') });
  const a = x.assess({ 2023: '140' });
  assert.equal(a.status, 'ahead');
  assert.equal(a.completion, '0.8');
  assert.equal(a.timeShare, '0.6');
  // Linear milestones 100 → 150: +10 a year.
  assert.deepEqual(x.path('linear').map((m) => Number(m.value)), [100, 110, 120, 130, 140, 150]);
  // A bad cell is named by its year and worded in the UI's language.
  assert.throws(() => x.assess({ 2023: '14x' }), (e) => calc.formatError(e, 'en') === 'Observation 2023: not a valid number');
  x.dispose();
  // 100 → 121 in two years on the geometric path: ×1.1 a year, so 110 in the middle year.
  assert.equal(Number(calc.requiredPath([2020, '100'], [2022, '121'], 'geometric')[1].value), 110);
  // '7%' is 0.07 by the core's one rate parser.
  assert.equal(calc.parseRate('7%'), '0.07');
});

test('onpace/calc gives the full module\'s answers: every method, projections, what-if, numerator paths', () => {
  // The plan with published observations (cn-14th-fyp-st: four indicators, 2020–2024).
  const full = builtinPlan('cn-14th-fyp-st');
  const obs = builtinObservations('cn-14th-fyp-st');
  let compared = 0;
  let results = 0;
  const outcome = (f) => { try { return f(); } catch (e) { return `${e.code} ${e.message}`; } };
  for (const big of full.indicators) {
    const small = calc.Indicator.fromJson(big.toJson());
    const series = obs[big.id] || {};
    const calls = [
      ...onpace.methods().map((m) => (i) => i.assess(series, { method: m.id, asOf: 2024 })),
      (i) => i.project(series, { model: 'ols_linear', level: 0.9 }),
      (i) => i.path('geometric'),
      (i) => i.impliedTarget(),
    ];
    for (const call of calls) {
      const [a, b] = [big, small].map((i) => outcome(() => call(i)));
      assert.deepEqual(b, a, `${big.id}: ${call}`);
      compared += 1;
      if (typeof a !== 'string') results += 1;
    }
    small.dispose();
  }
  assert.equal(compared, 4 * (7 + 3));
  assert.ok(results >= 30, `only ${results} of the comparisons were results, not errors`);
  assert.deepEqual(calc.methods(), onpace.methods());
  assert.deepEqual(calc.statuses(), onpace.statuses());
  const rd = builtinPlan().indicator('rd-intensity');
  assert.deepEqual(ind().numeratorPath(2020, '726.86', '0.05'), rd.numeratorPath(2020, '726.86', '0.05'));
  assert.deepEqual(ind().whatIf(2022, '0.6', { rate: '0.05' }), rd.whatIf(2022, '0.6', { rate: '0.05' }));
});

test('onpace/calc in the browser build: NotInitializedError before init(), then init(bytes)', async () => {
  const web = await import(pathToFileURL(path.join(PKG, 'calc', 'web', 'index.js')).href);
  assert.throws(() => web.methods(), (e) => e instanceof web.NotInitializedError && /await init\(\)/.test(e.message));
  assert.equal(web.Target.level(2025, 2).year, 2025);
  await assert.rejects(web.init(12), (e) => e instanceof TypeError && e.code === 'invalid_argument');
  await web.init(readFileSync(path.join(PKG, 'calc', 'web', 'onpace_calc_bg.wasm')));
  assert.equal(web.requiredPath([2020, '0.36'], [2025, '1.10'])[1].value, '0.508');
});

test('onpace/calc from CommonJS, beside onpace (each its own module instance)', () => {
  const require = createRequire(path.join(ROOT, 'bindings-wasm', 'tests', 'package.json'));
  const small = require('onpace/calc');
  const full = require('onpace');
  assert.ok(!('Plan' in small));
  assert.equal(small.requiredPath([2020, '0.36'], [2025, '1.10'])[1].value, '0.508');
  assert.equal(full.requiredPath([2020, '0.36'], [2025, '1.10'])[1].value, '0.508');
  assert.throws(() => small.Indicator.fromJson(12), (e) => e instanceof full.OnpaceError && e instanceof TypeError);
});
