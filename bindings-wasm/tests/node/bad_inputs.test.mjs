// The bad-input catalogue (tests/vectors/bad_inputs.json) through the JS API, on one instance:
// the same error codes as Rust and Python; inputs are not modified; the instance still
// computes a known case afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as onpace from 'onpace';
import { builtinPlans, builtinPlan, builtinObservations } from 'onpace/builtin';
import { loadVectors } from './helpers.mjs';

function text(i) {
  if (i.text !== undefined) return i.text;
  if (i.generate) return i.generate.prefix + i.generate.repeat.repeat(i.generate.times) + i.generate.suffix;
  const doc = JSON.parse(builtinPlan(i.builtin_with.plan).toJson());
  for (const [pointer, value] of i.builtin_with.set) {
    const parts = pointer.split('/').slice(1);
    const last = parts.pop();
    const node = parts.reduce((n, p) => n[Array.isArray(n) ? Number(p) : p], doc);
    node[Array.isArray(node) ? Number(last) : last] = value;
  }
  return JSON.stringify(doc);
}

function run(op, i) {
  switch (op) {
    case 'indicator_json': return onpace.Indicator.fromJson(text(i));
    case 'plan_json': return onpace.Plan.fromJson(text(i));
    case 'assess': {
      const ind = onpace.Indicator.fromJson(JSON.stringify(i.indicator));
      const before = structuredClone(i.observations);
      try {
        return ind.assess(i.observations, { method: i.method, asOf: i.as_of, thresholds: i.thresholds });
      } finally {
        assert.deepEqual(i.observations, before, 'the input was modified');
      }
    }
    case 'float_value': {
      const f = { nan: Number.NaN, inf: Infinity, '-inf': -Infinity }[i.float];
      return new onpace.Indicator('x', { unit: 'percent', direction: 1, baseline: [2020, f], target: [2025, 2] });
    }
    case 'required_path': return onpace.requiredPath([i.from_year, i.from_value], [i.to_year, i.to_value], i.kind);
    case 'path': return builtinPlan(i.plan).indicator(i.indicator).path(i.kind, { fromYear: i.from_year, fromValue: i.from_value });
    case 'what_if': return builtinPlan(i.plan).indicator(i.indicator).whatIf(i.from_year, i.value, { rate: i.rate, increment: i.increment });
    case 'progress': return onpace.progress([i.base_year, i.base_value], [i.latest_year, i.latest_value], [i.target_year, i.target_value]);
    case 'project_points': return onpace.projectTrend(i.points, i.year, { model: i.model, level: i.level });
    case 'evaluate': return builtinPlan(i.plan).evaluate(i.observations, { weights: i.weights });
    case 'csv': return onpace.readObservationsCsv(i.text);
    default: throw new Error(`unknown op ${op}`);
  }
}

test('every bad input gives its code, and the instance still works', () => {
  const data = loadVectors('bad_inputs.json');
  assert.ok(data.cases.length >= 60);
  let ran = 0;
  for (const c of data.cases) {
    if (c.languages && !c.languages.includes('js')) continue;
    assert.throws(() => run(c.op, c.input), (e) => {
      assert.equal(e.code, c.expected.code, `${c.name}: ${e.code} ${e.message}`);
      assert.ok(e instanceof Error);
      return true;
    });
    ran += 1;
  }
  assert.equal(ran, data.cases.filter((c) => !c.languages || c.languages.includes('js')).length);
  assert.equal(builtinPlan().indicator('rd-intensity').path()[1].value, '0.508');
});
