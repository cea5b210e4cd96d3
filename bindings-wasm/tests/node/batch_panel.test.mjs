// batchEvaluate (the long-format panel, Python's onpace.batch.evaluate): series by series, what
// the exact API (Indicator.assess) gives — on every shared assess vector (each vector one series
// of one panel per method and thresholds; expected values from the independent reference,
// tests/reference/) and on random panels for every method and escap model (differential). Bad
// rows are typed errors or the series' own error, never a trap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as onpace from 'onpace';
import { builtinPlan, builtinObservations } from 'onpace/builtin';
import { loadVectors, rng, vectorNumber as num, near as close, throwsCoded as refuses } from './helpers.mjs';

const METHODS = ['cn-plan-pace', 'eurostat', 'open-sdg', 'unsd', 'escap', 'destatis', 'sdsn'];
const NUMBERS = [['completion', 'completion'], ['time_share', 'timeShare'], ['ratio', 'ratio'], ['score', 'score'], ['index', 'index']];

test('every shared assess vector gets its expected result as one series of a panel', () => {
  const groups = new Map();
  for (const file of ['cn_plan_pace.json', 'methods.json', 'regressions.json']) {
    loadVectors(file).cases.forEach((c, k) => {
      const i = c.input;
      if (c.op !== 'assess' || 'as_of' in i) return;
      const key = JSON.stringify([i.method, i.thresholds || {}]);
      if (!groups.has(key)) groups.set(key, []);
      // The series key is unique (names repeat across files); the name is for messages.
      groups.get(key).push({ name: `${file}#${k}: ${c.name}`, i, e: c.expected });
    });
  }
  let compared = 0;
  for (const cases of groups.values()) {
    const { method, thresholds } = cases[0].i;
    const rows = [];
    const plan = new Map();
    for (const { name, i } of cases) {
      for (const o of i.observations) rows.push({ indicator: name, region: '-', year: Number(o.year), value: num(o.value) });
      // A vector without observations is still a series: one row with no figure.
      if (!i.observations.length) rows.push({ indicator: name, region: '-', year: 2000, value: null });
      plan.set(name, onpace.Indicator.fromJson(JSON.stringify(i.indicator)));
    }
    const out = new Map(onpace.batchEvaluate(rows, { method, plan, thresholds: thresholds || {} }).map((r) => [r.indicator, r]));
    for (const { name, e } of cases) {
      const row = out.get(name);
      assert.equal(row.status, e.status, `${name}: ${row.error} ${row.message}`);
      for (const [key, js] of NUMBERS) {
        if (!(key in e)) continue;
        if (e[key] === null) assert.equal(row[js], null, `${name}: ${key}`);
        else assert.ok(close(row[js], num(e[key]), 1e-9, 1e-12), `${name}: ${key} = ${row[js]}, expected ${e[key]}`);
      }
      compared += 1;
    }
    for (const ind of plan.values()) ind.dispose();
  }
  assert.ok(compared >= 250, `${compared} vectors`);
  console.log(`vectors through the panel: ${compared}`);
});

/**
 * A random panel (as bindings-python/tests/test_batch_panel.py's): series of 0–9 annual values
 * (gaps, missing figures, negative and sign-changing values), level targets either side of the
 * baseline, both directions, baseline years 2010–2016, rows shuffled.
 */
function randomPanel(seed, series = 60) {
  const r = rng(seed);
  const round2 = (x) => Math.round(x * 100) / 100;
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const rows = [];
  for (let s = 0; s < series; s += 1) {
    const t0 = 2010 + Math.floor(7 * r());
    const y0 = round2(-5 + 25 * r());
    const target = round2(y0 + (r() < 0.5 ? -1 : 1) * (0.5 + 9.5 * r()));
    let d = target > y0 ? 1 : -1;
    if (s % 9 === 0) d = -d; // a target the baseline already meets
    const pool = [];
    for (let y = t0 - 2; y < 2025; y += 1) pool.push(y);
    const years = [];
    for (let n = Math.floor(10 * r()); n > 0 && pool.length; n -= 1) years.push(pool.splice(Math.floor(r() * pool.length), 1)[0]);
    const slope = -1 + 3 * r();
    for (const y of years) {
      const v = r() < 0.05 ? null : round2(y0 + 3 * normal() + (y - t0) * slope);
      rows.push({ indicator: `ind${s % 4}`, region: `r${s}`, year: y, value: v, baseline: y0, baseYear: t0, target, targetYear: 2030, direction: d === 1 ? 'increase' : -1 });
    }
    if (!years.length) rows.push({ indicator: `ind${s % 4}`, region: `r${s}`, year: 2020, value: null, baseline: y0, baseYear: t0, target, targetYear: 2030, direction: d });
  }
  return rows;
}

/** The per-series loop a front-end developer would otherwise write: one Indicator.assess per series. */
function exact(rows, method, model) {
  const series = new Map();
  for (const row of rows) {
    const key = `${row.indicator}|${row.region}`;
    if (!series.has(key)) series.set(key, []);
    series.get(key).push(row);
  }
  const out = new Map();
  for (const [key, group] of series) {
    const first = group.reduce((a, b) => (b.year < a.year ? b : a));
    const direction = first.direction === 'increase' || first.direction === 1 ? 1 : -1;
    const ind = new onpace.Indicator('x', { unit: 'ratio', direction, baseline: [first.baseYear, first.baseline], target: [first.targetYear, first.target] });
    const obs = group.filter((g) => g.value !== null).map((g) => [g.year, g.value]);
    try {
      const a = ind.assess(obs, model ? { method, model } : { method });
      out.set(key, { status: a.status, ratio: a.ratio, error: null });
    } catch (e) {
      out.set(key, { status: 'not_assessable', ratio: null, error: e.code });
    } finally {
      ind.dispose();
    }
  }
  return out;
}

const CASES = [...METHODS.map((m) => [m, undefined]), ...['ols_linear', 'ols_loglinear', 'weighted_geometric'].map((m) => ['escap', m])];
for (const [method, model] of CASES) {
  test(`${method}${model ? ` (${model})` : ''}: a random panel agrees with a per-series assess loop`, () => {
    const rows = randomPanel(method.length * 31 + (model ?? '').length);
    // Shuffled: the panel groups and sorts the rows itself.
    const r = rng(7);
    for (let k = rows.length - 1; k > 0; k -= 1) {
      const j = Math.floor(r() * (k + 1));
      [rows[k], rows[j]] = [rows[j], rows[k]];
    }
    const out = onpace.batchEvaluate(rows, model ? { method, model } : { method });
    const want = exact(rows, method, model);
    assert.equal(out.length, want.size);
    const statuses = new Set();
    for (const row of out) {
      const w = want.get(`${row.indicator}|${row.region}`);
      const label = `${row.indicator} ${row.region}: ${row.error} ${row.message}`;
      assert.equal(row.status, w.status, label);
      assert.equal(row.error, w.error, label);
      if (w.ratio === null) assert.equal(row.ratio, null, label);
      else assert.ok(close(row.ratio, w.ratio, 1e-12, 1e-15), `${label}: ${row.ratio} vs ${w.ratio}`);
      statuses.add(row.status);
    }
    assert.ok(statuses.size >= 3, [...statuses].join(', ')); // several bands, not one
    // Sorted by the keys, as Python's.
    const keys = out.map((o) => [o.indicator, o.region]);
    assert.deepEqual(keys, [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)));
  });
}

test('columns in, rows in: one answer; a plan\'s indicators by region', () => {
  const rows = randomPanel(5, 20);
  const cols = Object.fromEntries(Object.keys(rows[0]).map((k) => [k, rows.map((r) => r[k])]));
  cols.year = Int32Array.from(cols.year);
  assert.deepEqual(onpace.batchEvaluate(cols, { method: 'unsd' }), onpace.batchEvaluate(rows, { method: 'unsd' }));
  // The built-in plan, three regions with the plan's own observations shifted: each series is
  // its indicator's assess on those observations.
  const plan = builtinPlan('cn-14th-fyp-st');
  const obs = builtinObservations('cn-14th-fyp-st');
  const panel = [];
  for (const [id, byYear] of Object.entries(obs)) {
    for (const [k, region] of ['a', 'b', 'c'].entries()) {
      for (const [y, v] of Object.entries(byYear)) panel.push({ indicator: id, region, year: Number(y), value: Number(v) * (1 + k / 10) });
    }
  }
  const out = onpace.batchEvaluate(panel, { method: 'open-sdg', plan });
  assert.equal(out.length, 3 * Object.keys(obs).length);
  let assessed = 0;
  for (const row of out) {
    const k = ['a', 'b', 'c'].indexOf(row.region);
    const series = panel.filter((p) => p.indicator === row.indicator && p.region === row.region).map((p) => [p.year, p.value]);
    let status;
    try { status = plan.indicator(row.indicator).assess(series, { method: 'open-sdg' }).status; } catch { status = 'not_assessable'; }
    assert.equal(row.status, status, `${row.indicator} ${k}: ${row.message}`);
    if (!row.error) assessed += 1;
  }
  assert.ok(assessed >= 3, `${assessed} assessed`);
});

test('panels users get wrong: typed errors, or the series\' own error', () => {
  const rows = randomPanel(3, 5);
  refuses(() => onpace.batchEvaluate('rows'), 'invalid_argument', 'rows', TypeError);
  refuses(() => onpace.batchEvaluate([1, 2]), 'invalid_argument', 'rows[0]', TypeError);
  refuses(() => onpace.batchEvaluate(rows.map(({ baseline, ...r }) => r)), 'invalid_argument', 'rows');
  assert.throws(() => onpace.batchEvaluate(rows.map(({ target, ...r }) => r)), /missing columns: target/);
  refuses(() => onpace.batchEvaluate(rows.map((r) => ({ ...r, value: String(r.value) }))), 'invalid_argument', 'value', TypeError);
  refuses(() => onpace.batchEvaluate(rows.map((r) => ({ ...r, year: BigInt(r.year) }))), 'invalid_argument', 'year', TypeError);
  refuses(() => onpace.batchEvaluate(rows, { method: 'nope' }), 'unknown_method');
  refuses(() => onpace.batchEvaluate(rows, { method: 'eurostat', thresholds: { nope: 1 } }), 'invalid_argument', 'thresholds.nope');
  refuses(() => onpace.batchEvaluate(rows, { method: 'escap', model: 'nope' }), 'invalid_argument', 'model');
  refuses(() => onpace.batchEvaluate(rows, { plan: new Map() }), 'unknown_indicator', 'plan');
  refuses(() => onpace.batchEvaluate(rows, { plan: 'plan' }), 'invalid_argument', 'plan', TypeError);
  refuses(() => onpace.batchEvaluate(rows, { by: [] }), 'invalid_argument', 'by', TypeError);
  refuses(() => onpace.batchEvaluate({ indicator: ['a'], region: ['b', 'c'] }), 'invalid_argument', 'region');
  refuses(() => onpace.batchEvaluate({ indicator: 'a' }), 'invalid_argument', 'indicator', TypeError);
  // A NaN year, a fractional year, a direction that is neither: that series' error alone.
  const odd = [
    { indicator: 'x', region: 'nan-year', year: NaN, value: 1, baseline: 1, baseYear: 2020, target: 2, targetYear: 2025 },
    { indicator: 'x', region: 'half-year', year: 2022.5, value: 1, baseline: 1, baseYear: 2020, target: 2, targetYear: 2025 },
    { indicator: 'x', region: 'sideways', year: 2022, value: 1, baseline: 1, baseYear: 2020, target: 2, targetYear: 2025, direction: 'sideways' },
    { indicator: 'x', region: 'huge-year', year: 1e300, value: 1, baseline: 1, baseYear: 2020, target: 2, targetYear: 2025 },
    { indicator: 'x', region: 'fine', year: 2022, value: 1.5, baseline: 1, baseYear: 2020, target: 2, targetYear: 2025 },
  ];
  const out = onpace.batchEvaluate(odd);
  for (const row of out.filter((o) => o.region !== 'fine')) {
    assert.equal(row.status, 'not_assessable', row.region);
    assert.equal(row.error, 'invalid_argument', `${row.region}: ${row.message}`);
  }
  // fine: completion 0.5 at τ 0.4 (2 of 5 years): ahead (0.5 ≥ 0.4 + 0.1), by hand.
  const fine = out.find((o) => o.region === 'fine');
  assert.deepEqual([fine.status, fine.completion, fine.timeShare, fine.error], ['ahead', 0.5, 0.4, null]);
  assert.deepEqual(onpace.batchEvaluate([]), []);
  // A panel too large for the module's memory: a coded RangeError before anything is copied
  // (sparse columns: no memory is used to build it).
  const huge = 2 ** 27 + 1;
  refuses(() => onpace.batchEvaluate({ indicator: new Array(huge), region: new Array(huge), year: new Array(huge), value: new Array(huge) }, { plan: new Map() }), 'invalid_argument', 'rows', RangeError);
  // The instance is alive.
  assert.equal(onpace.batchEvaluate(odd).length, 5);
});
