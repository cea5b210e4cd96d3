// Never a trap (`onpace`; calc.test.mjs sweeps `onpace/calc` the same way): every exported
// function and every method, called with each wrong-typed value in each argument position,
// either works (where the value is a legitimate default, e.g. undefined for an optional
// argument) or throws a coded onpace error; the module is never left trapped ("RuntimeError: memory access out of bounds" was what 12 instead of a string
// gave before). Afterwards the same instance still computes a known case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as onpace from 'onpace';
import * as builtin from 'onpace/builtin';
import * as schema from 'onpace/schema';
import { sweepAll, methodNames, indicatorTables } from './sweep-lib.mjs';

const plan = () => builtin.builtinPlan('cn-14th-fyp-st');
const obs = () => builtin.builtinObservations('cn-14th-fyp-st');
const ind = () => builtin.builtinPlan().indicator('rd-intensity'); // a ratio with components: numeratorPath works
const evaluation = () => plan().evaluate(obs());
const PLAN_CSV = 'id,label,label.en,unit,direction,nature,baseline.year,baseline.value,target.kind,target.year,target.value,target.rate,target.comparator\r\n'
  + 'gdp,地区生产总值,"GDP, index",index,increase,binding,2020,100,annual_growth,2025,,0.06,above\r\n';
// Every callable with arguments that work: the indicator API's (sweep-lib.mjs, shared with
// onpace/calc), then plans, evaluations, CSV, the built-in plans and the schema.
const base = indicatorTables(onpace, ind);
const MODULE = {
  ...base.MODULE,
  readObservationsCsv: [['indicator,year,value\nx,2022,1\n']],
  // The plan template of tests/node/tables.test.mjs, one indicator.
  readPlanCsv: [[PLAN_CSV, { id: 'demo', name: 'demo' }]],
  // The batch (js/batch.js): typed arrays into the module.
  batchAssess: [[{ baseline: [1, 2], target: 3, baseYear: 2020, targetYear: 2025, year: new Int32Array([2022, 2023]), value: [1.5, 2.5] }, { method: 'open-sdg', thresholds: { onTrack: 0.9 } }]],
  batchEvaluate: [[[{ indicator: 'x', region: 'r', year: 2022, value: 1.5, baseline: 1, baseYear: 2020, target: 2, targetYear: 2025 }], { method: 'unsd', thresholds: {}, by: ['indicator', 'region'] }]],
  batchMethods: [[]],
  batchStatusCodes: [['sdsn']],
};
const STATIC = {
  ...base.STATIC,
  'Plan.fromJson': [onpace.Plan.fromJson, [plan().toJson()]],
  'new Plan': [(...a) => new onpace.Plan(...a), null],
  'new Evaluation': [(...a) => new onpace.Evaluation(...a), null],
  builtinPlans: [builtin.builtinPlans, []],
  builtinPlan: [builtin.builtinPlan, ['cn-14th-fyp-st']],
  builtinObservations: [builtin.builtinObservations, ['cn-14th-fyp-st']],
  planSchema: [schema.planSchema, []],
};
const METHODS = {
  ...base.METHODS,
  Plan: [plan, {
    toJson: [], indicator: ['basic-research-share'], projectsActive: [2022], referenceValue: ['x'],
    evaluate: [obs(), { method: 'eurostat', weights: {}, missing: 'exclude' }], scheduleMarkdown: ['en'], toHtml: ['en'],
    projectsSvg: ['en'], projectsWhere: [{ year: 2022 }], dispose: [],
  }],
  Evaluation: [evaluation, {
    toJson: [], toMarkdown: ['en'], toHtml: ['en'], chartSvg: ['basic-research-share', 'en'], paceSvg: ['en'], toCsv: ['en'], table: ['en'], dispose: [],
  }],
};

test('the sweep covers every export and every method, and its good arguments work', async () => {
  for (const [name, goods] of Object.entries(MODULE)) for (const good of goods) await onpace[name](...good);
  for (const [, [fn, good]] of Object.entries(STATIC)) if (good) fn(...good);
  for (const [, [make, methods]] of Object.entries(METHODS)) {
    for (const [m, good] of Object.entries(methods)) {
      if (m !== 'referenceValue') make()[m](...good); // the plan has no reference value 'x': the one good call that fails
    }
  }
  const exported = [...Object.keys(onpace), ...Object.keys(builtin), ...Object.keys(schema)]
    .filter((k) => typeof (onpace[k] ?? builtin[k] ?? schema[k]) === 'function' && !/Error$/.test(k));
  const covered = new Set([...Object.keys(MODULE), ...Object.keys(STATIC).map((k) => k.replace(/^new /, '').split('.')[0])]);
  for (const k of exported) assert.ok(covered.has(k), `${k} is not in the sweep`);
  for (const [cls, [, methods]] of Object.entries(METHODS)) {
    const names = methodNames(onpace[cls]);
    for (const n of names) assert.ok(n in methods, `${cls}.${n} is not in the sweep`);
    for (const n of Object.getOwnPropertyNames(onpace[cls])) {
      if (typeof onpace[cls][n] === 'function') assert.ok(`${cls}.${n}` in STATIC, `${cls}.${n} is not in the sweep`);
    }
  }
});

test('wrong-typed arguments everywhere: coded errors, never a trap', async () => {
  const { calls, errors } = await sweepAll(onpace, { MODULE, STATIC, METHODS });
  console.log(`sweep: ${calls} calls, ${errors} coded errors`);
  assert.ok(calls > 800, `${calls} calls`);
  assert.ok(errors > 400, `${errors} errors`);
  // The instance is alive: 0.36 → 1.10 in five equal steps, the first milestone is 0.508.
  assert.equal(builtin.builtinPlan().indicator('rd-intensity').path()[1].value, '0.508');
});

test('the reported cases: a non-string where a string is expected is a coded TypeError naming the parameter', () => {
  const cases = [
    [() => onpace.Plan.fromJson(12), 'text'],
    [() => plan().indicator(12), 'id'],
    [() => evaluation().toHtml(12), 'lang'],
    [() => evaluation().toMarkdown({}), 'lang'],
    [() => evaluation().chartSvg(null), 'indicatorId'],
    [() => onpace.readObservationsCsv(Symbol('x')), 'text'],
    [() => ind().assess({ 2022: 10n ** 40n }), null],
  ];
  for (const [fn, field] of cases) {
    const e = (() => { try { fn(); } catch (err) { return err; } return null; })();
    assert.ok(e, `no error from ${fn}`);
    assert.ok(onpace.isOnpaceError(e), `${fn}: ${e}`);
    if (field) {
      assert.ok(e instanceof TypeError, `${fn}: ${e.name}`);
      assert.equal(e.code, 'invalid_argument');
      assert.equal(e.field, field);
      assert.ok(e.message.startsWith(`${field}: `), e.message);
    } else {
      // 10^40 is a bigint the 96-bit decimal cannot hold: the core's parse error, by year.
      assert.equal(e.code, 'parse');
      assert.equal(e.field, 'observations[2022].value');
    }
  }
});
