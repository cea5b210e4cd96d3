// batchAssess (the array batch, Python's onpace.batch.assess): every shared vector it can take
// gives the vector's status and numbers (expected values from the independent reference,
// tests/reference/) and the exact JS `assess`'s; random rows agree with `Indicator.assess` row
// by row; chunks, broadcasts and plain arrays give the same rows; bad input is a typed error,
// never a trap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as onpace from 'onpace';
import { loadVectors, rng, vectorNumber as num, near as close, throwsCoded as refuses } from './helpers.mjs';

// The core's batch has the no-target variants (a NaN target is no target; cn-plan-pace's code
// −2 is `monitored`), so the vectors without a target run through the batch too, with a NaN
// target, as in Python's test. Asserted, not detected: losing them must fail this file.
assert.equal(onpace.batchStatusCodes('cn-plan-pace')[-2], 'monitored');

/**
 * The batch inputs of a vector case, or null when it needs more than the batch takes: the same
 * rules as bindings-python/tests/test_batch_methods.py and tests/tests/batch_vectors.rs.
 */
function fit(i) {
  const method = i.method;
  if (!onpace.batchMethods().includes(method)) return null;
  const ind = i.indicator;
  const tgt = ind.target;
  const kinds = ['level', 'none'];
  if ('as_of' in i || !kinds.includes(tgt.kind) || 'comparator' in tgt) return null;
  const t0 = ind.baseline.year;
  const y0 = num(ind.baseline.value);
  const d = ind.direction === 'increase' ? 1 : -1;
  const points = new Map(i.observations.map((o) => [Number(o.year), num(o.value)]));
  if (points.size === 0) return null;
  const t = Math.max(...points.keys());
  if (method === 'escap' && [...points.keys()].some((y) => y < t0)) return null;
  const th = {};
  let window = 5;
  for (const [k, v] of Object.entries(i.thresholds || {})) {
    if (method === 'eurostat' && k === 'window_years') window = num(v);
    else if (k === 'binding_lag_tolerance') return null;
    else th[k] = num(v);
  }
  if (method === 'cn-plan-pace' && ind.nature === 'binding') th.lag_tolerance = 0;
  let [sy, sv] = [t0, y0];
  if (method === 'eurostat' && t > t0) {
    const start = window === 0 ? t0 : t - window;
    const series = new Map(points);
    series.set(t0, y0);
    const found = [...series].sort((a, b) => a[0] - b[0]).filter(([y]) => start <= y && y < t);
    [sy, sv] = found.length ? found[0] : [t, NaN];
  }
  const [target, targetYear] = tgt.kind === 'level' ? [num(tgt.value), tgt.year] : [NaN, NaN];
  return { method, th, row: [y0, target, t0, targetYear, t, points.get(t), d, sy, sv] };
}

const COLS = ['baseline', 'target', 'baseYear', 'targetYear', 'year', 'value', 'direction', 'startYear', 'startValue'];
const columnsOf = (rows) => Object.fromEntries(COLS.map((k, j) => [k, Float64Array.from(rows, (r) => r[j])]));

test('every shared vector the batch can take gets the expected status and numbers, as the exact assess does', () => {
  const groups = new Map();
  for (const file of ['cn_plan_pace.json', 'methods.json', 'regressions.json']) {
    for (const c of loadVectors(file).cases) {
      if (c.op !== 'assess') continue;
      const f = fit(c.input);
      if (!f) continue;
      const key = JSON.stringify([f.method, Object.entries(f.th).sort()]);
      if (!groups.has(key)) groups.set(key, { method: f.method, th: f.th, cases: [] });
      groups.get(key).cases.push({ c, row: f.row });
    }
  }
  const counts = {};
  const noTarget = {};
  for (const { method, th, cases } of groups.values()) {
    // One call per method and thresholds: the vectors are the rows of one batch.
    const out = onpace.batchAssess(columnsOf(cases.map((x) => x.row)), { method, thresholds: th });
    const codes = onpace.batchStatusCodes(method);
    cases.forEach(({ c }, k) => {
      const e = c.expected;
      const status = codes[out.status[k]];
      assert.equal(status, e.status, c.name);
      // The exact JS API on the same vector.
      const ind = onpace.Indicator.fromJson(JSON.stringify(c.input.indicator));
      const exact = ind.assess(c.input.observations, { method, thresholds: c.input.thresholds || {} });
      ind.dispose();
      assert.equal(status, exact.status, `${c.name}: the exact assess says ${exact.status}`);
      for (const [key, js] of [['ratio', 'ratio'], ['score', 'score'], ['index', 'index'], ['completion', 'completion'], ['time_share', 'timeShare']]) {
        if (!(js in out) || !(key in e) || (key === 'ratio' && method === 'cn-plan-pace')) continue;
        const got = out[js][k];
        if (e[key] === null) assert.ok(Number.isNaN(got), `${c.name}: ${key} = ${got}, expected none`);
        else assert.ok(close(got, num(e[key]), 1e-9, 1e-9), `${c.name}: ${key} = ${got}, expected ${e[key]}`);
        const x = exact[js];
        if (x === null) assert.ok(Number.isNaN(got), `${c.name}: ${key} = ${got}, the exact assess has none`);
        else assert.ok(close(got, Number(x), 1e-9, 1e-9), `${c.name}: ${key} = ${got}, the exact assess ${x}`);
      }
      counts[method] = (counts[method] ?? 0) + 1;
      if (Number.isNaN(cases[k].row[1])) noTarget[method] = (noTarget[method] ?? 0) + 1;
    });
  }
  for (const m of onpace.batchMethods()) assert.ok((counts[m] ?? 0) >= 10, `${m}: ${counts[m] ?? 0} vectors`);
  console.log(`vectors through the array batch: ${JSON.stringify(counts)}`);
  // With the no-target variants, every no-target vector of those files fits (Python's count).
  assert.deepEqual(noTarget, { 'cn-plan-pace': 1, eurostat: 6, 'open-sdg': 13, unsd: 6, escap: 1, sdsn: 1 });
});

const round3 = (x) => Math.round(x * 1000) / 1000;

for (const method of ['cn-plan-pace', 'eurostat', 'open-sdg', 'unsd', 'escap', 'sdsn']) {
  test(`${method}: 300 random rows agree with Indicator.assess row by row`, () => {
    // Differential: positive, negative and sign-changing values, both directions, some targets
    // the baseline already meets (as bindings-python/tests/test_batch_methods.py).
    const r = rng(method.length * 7919);
    const n = 300;
    const base = []; const target = []; const d = []; const year = []; const value = [];
    for (let k = 0; k < n; k += 1) {
      const b = round3(-5 + 15 * r());
      const t = round3(b + (r() < 0.5 ? -1 : 1) * (0.5 + 4.5 * r()));
      let dir = t > b ? 1 : -1;
      if (k % 7 === 0) dir = -dir;
      base.push(b); target.push(t); d.push(dir);
      year.push(2021 + Math.floor(8 * r()));
      value.push(round3(b - 4 + 10 * r()));
    }
    // Plain arrays in, scalar years: the batch takes both.
    const out = onpace.batchAssess({ baseline: base, target, baseYear: 2020, targetYear: 2026, year, value, direction: d }, { method });
    const codes = onpace.batchStatusCodes(method);
    const statuses = new Set();
    for (let k = 0; k < n; k += 1) {
      const ind = new onpace.Indicator('x', { unit: 'ratio', direction: d[k], baseline: [2020, base[k]], target: [2026, target[k]] });
      // The batch's default window start is the baseline: eurostat's window_years = 0.
      const a = ind.assess({ [year[k]]: value[k] }, { method, thresholds: method === 'eurostat' ? { window_years: 0 } : {} });
      ind.dispose();
      const label = `${k}: ${base[k]} → ${target[k]} (d ${d[k]}), ${year[k]} at ${value[k]}`;
      assert.equal(codes[out.status[k]], a.status, label);
      statuses.add(a.status);
      // cn-plan-pace's batch ratio is d·ga/|gr|, not the exact method's: its rates and
      // completion are compared instead.
      const pairs = method === 'cn-plan-pace' ? [['actualCagr', a.actualCagr], ['completion', a.completion]] : [['ratio', a.ratio]];
      for (const [key, want] of pairs) {
        if (want === null) assert.ok(Number.isNaN(out[key][k]), `${label}: ${key}`);
        else assert.ok(close(out[key][k], Number(want), 1e-9, 1e-12), `${label}: ${key} ${out[key][k]} vs ${want}`);
      }
    }
    assert.ok(statuses.size >= 3, [...statuses].join(', '));
  });
}

test('chunks, broadcasts, plain and typed arrays give the same rows as one row at a time', () => {
  // 40 000 rows: three chunks of the wrapper (16 384 rows each), with rows either side of each
  // chunk edge checked against a call of their own.
  const n = 40000;
  const r = rng(18);
  const baseline = Float64Array.from({ length: n }, () => 1 + 9 * r());
  const target = Float64Array.from({ length: n }, () => 10 + 10 * r());
  const year = Int32Array.from({ length: n }, () => 2021 + Math.floor(5 * r()));
  const value = Float64Array.from({ length: n }, () => 25 * r());
  for (const method of onpace.batchMethods()) {
    const all = onpace.batchAssess({ baseline, target, baseYear: 2020, targetYear: 2025, year, value }, { method });
    for (const k of [0, 1, 16383, 16384, 16385, 32767, 32768, 32769, n - 1]) {
      const one = onpace.batchAssess({ baseline: [baseline[k]], target: target[k], baseYear: [2020], targetYear: 2025, year: [year[k]], value: value[k] }, { method });
      for (const [key, col] of Object.entries(all)) assert.ok(Object.is(col[k], one[key][0]), `${method} row ${k} ${key}: ${col[k]} vs ${one[key][0]}`);
    }
    assert.ok(all.status instanceof Int8Array && all.status.length === n);
  }
  // A broadcast column and the same value repeated: the same rows.
  const spread = onpace.batchAssess({ baseline, target, baseYear: new Float64Array(n).fill(2020), targetYear: 2025, year, value, direction: new Array(n).fill(1) });
  const once = onpace.batchAssess({ baseline, target, baseYear: 2020, targetYear: 2025, year, value });
  for (const key of Object.keys(once)) assert.deepEqual(spread[key], once[key], key);
});

test('NaN passes through: a row with a NaN is that row\'s business alone', () => {
  const nan = onpace.batchAssess({ baseline: [1, 1, 1], target: [2, NaN, 2], baseYear: 2020, targetYear: 2025, year: 2023, value: [1.5, 1.5, null] }, { method: 'open-sdg' });
  // No figure (null is NaN): not_assessable (-1), NaN numbers; the row beside it is assessed.
  assert.equal(nan.status[2], -1);
  assert.ok(Number.isNaN(nan.ratio[2]) && Number.isNaN(nan.score[2]));
  // Row 0 by hand: actual CAGR 1.5^(1/3) − 1 = 0.14471, required 2^(1/5) − 1 = 0.14870, ratio
  // 0.9732 ≥ 0.95: on_track (open-sdg's bands, docs/methods.md).
  assert.equal(onpace.batchStatusCodes('open-sdg')[nan.status[0]], 'on_track');
  assert.ok(close(nan.ratio[0], (1.5 ** (1 / 3) - 1) / (2 ** (1 / 5) - 1), 1e-12, 0));
  // A NaN target reaches the core unchanged (the core decides what it means: a no-target
  // series where the method has a variant for it); whatever it decides is a code of the table.
  assert.ok(String(nan.status[1]) in onpace.batchStatusCodes('open-sdg'));
});

test('the method table is the core\'s', () => {
  assert.deepEqual(onpace.batchMethods(), ['cn-plan-pace', 'eurostat', 'open-sdg', 'unsd', 'escap', 'sdsn']);
  // cn-plan-pace's codes (with the no-target variants, −2 `monitored` as well).
  const cn = onpace.batchStatusCodes();
  assert.deepEqual([0, 1, 2, 3, 4, -1].map((k) => cn[k]), ['achieved', 'ahead', 'on_track', 'lagging', 'regressing', 'not_assessable']);
  assert.ok(Object.keys(cn).every((k) => Number(k) >= -2 && Number(k) <= 4), Object.keys(cn).join(','));
  assert.deepEqual(Object.keys(onpace.batchAssess({ baseline: 1, target: 2, baseYear: 2020, targetYear: 2025, year: 2023, value: 1.5 })),
    ['completion', 'timeShare', 'pace', 'actualCagr', 'requiredCagr', 'ratio', 'status']);
  assert.deepEqual(Object.keys(onpace.batchAssess({ baseline: 1, target: 2, baseYear: 2020, targetYear: 2025, year: 2023, value: 1.5 }, { method: 'escap' })), ['ratio', 'index', 'status']);
  // No rows: empty columns out.
  const none = onpace.batchAssess({ baseline: [], target: 2, baseYear: 2020, targetYear: 2025, year: 2023, value: [] }, { method: 'sdsn' });
  assert.deepEqual([none.ratio.length, none.score.length, none.status.length], [0, 0, 0]);
});

test('bad input: typed errors as in Python, never a trap', () => {
  const ok = { baseline: 1, target: 2, baseYear: 2020, targetYear: 2025, year: 2023, value: 1.5 };
  // Lengths that differ: the core's check (field and message as Python's).
  refuses(() => onpace.batchAssess({ ...ok, baseline: [1, 2, 3], value: [1, 2] }), 'invalid_argument', 'columns');
  assert.throws(() => onpace.batchAssess({ ...ok, baseline: [1, 2, 3], value: [1, 2] }), /every column must have one value per series or a single value; got 3 and 2/);
  // Unknown methods, destatis included (not in the batch), with the core's list.
  refuses(() => onpace.batchAssess(ok, { method: 'destatis' }), 'unknown_method', undefined, onpace.UnknownMethodError);
  refuses(() => onpace.batchAssess(ok, { method: 'nope' }), 'unknown_method');
  refuses(() => onpace.batchStatusCodes('nope'), 'unknown_method');
  // Python's words and field (bindings-python/python/onpace/batch.py), the core's list.
  refuses(() => onpace.batchAssess(ok, { method: 'destatis' }), 'unknown_method', 'destatis');
  assert.throws(() => onpace.batchAssess(ok, { method: 'destatis' }), { message: 'destatis: the batch runs: cn-plan-pace, eurostat, open-sdg, unsd, escap, sdsn' });
  // Refused thresholds: those the batch cannot honour, NaN, negative, unknown (as Python's test).
  for (const [method, th, field] of [
    ['eurostat', { windowYears: 15 }, 'thresholds.window_years'], ['cn-plan-pace', { binding_lag_tolerance: 0 }, 'thresholds.binding_lag_tolerance'],
    ['unsd', { naturalLimit: 100 }, 'thresholds.natural_limit'], ['unsd', { onTrack: NaN }, 'thresholds.on_track'],
    ['escap', { maintain: -1 }, 'thresholds.maintain'], ['sdsn', { nope: 1 }, 'thresholds.nope'], ['cn-plan-pace', { aheadMargin: Infinity }, 'thresholds.ahead_margin'],
  ]) refuses(() => onpace.batchAssess(ok, { method, thresholds: th }), 'invalid_argument', field, onpace.InvalidArgumentError);
  refuses(() => onpace.batchAssess(ok, { thresholds: { aheadMargin: 'a tenth' } }), 'invalid_argument', 'thresholds.aheadMargin', TypeError);
  refuses(() => onpace.batchAssess(ok, { thresholds: { aheadMargin: {} } }), 'invalid_argument', 'thresholds.aheadMargin', TypeError);
  // As Python's float(): numeric text and whole numbers of any kind are numbers. With a lag
  // tolerance of 0.1, completion 0.5 at τ 0.6 is on_track (2) instead of lagging (3).
  assert.equal(onpace.batchAssess(ok, { thresholds: { lagTolerance: '0.1' } }).status[0], 2);
  assert.equal(onpace.batchAssess(ok, { thresholds: { lagTolerance: 0n } }).status[0], 3);
  refuses(() => onpace.batchAssess({ ...ok, startYear: 2021 }, { method: 'eurostat' }), 'invalid_argument', 'startYear');
  // Wrong types: strings, BigInt, objects, booleans; in a column and in a plain array's element.
  refuses(() => onpace.batchAssess({ ...ok, baseline: '1' }), 'invalid_argument', 'baseline', TypeError);
  refuses(() => onpace.batchAssess({ ...ok, year: 2023n }), 'invalid_argument', 'year', TypeError);
  refuses(() => onpace.batchAssess({ ...ok, year: new BigInt64Array([2023n]) }), 'invalid_argument', 'year', TypeError);
  refuses(() => onpace.batchAssess({ ...ok, value: [1, '2', 3] }), 'invalid_argument', 'value[1]', TypeError);
  refuses(() => onpace.batchAssess({ ...ok, value: [1, 2n] }), 'invalid_argument', 'value[1]', TypeError);
  refuses(() => onpace.batchAssess({ ...ok, value: [true] }), 'invalid_argument', 'value[0]', TypeError);
  refuses(() => onpace.batchAssess({ ...ok, target: undefined }), 'invalid_argument', 'target', TypeError);
  refuses(() => onpace.batchAssess({ ...ok, target: new DataView(new ArrayBuffer(8)) }), 'invalid_argument', 'target', TypeError);
  refuses(() => onpace.batchAssess({ ...ok, basYear: 2020 }), 'invalid_argument', 'basYear', TypeError);
  refuses(() => onpace.batchAssess('columns'), 'invalid_argument', 'columns', TypeError);
  refuses(() => onpace.batchAssess(ok, { method: 7 }), 'invalid_argument', 'method', TypeError);
  // Huge and negative lengths: an array-like object is not a column; an array too long to
  // copy is a coded RangeError, before the module sees it.
  refuses(() => onpace.batchAssess({ ...ok, value: { length: 1e12 } }), 'invalid_argument', 'value', TypeError);
  refuses(() => onpace.batchAssess({ ...ok, value: { length: -1 } }), 'invalid_argument', 'value', TypeError);
  refuses(() => onpace.batchAssess({ ...ok, value: new Array(2 ** 32 - 1) }), 'invalid_argument', 'value', RangeError);
  // NaN and infinite years are rows the core cannot assess, not errors.
  const odd = onpace.batchAssess({ ...ok, year: [NaN, Infinity, -Infinity, 2023], value: [1.5, 1.5, 1.5, 1.5] });
  assert.deepEqual([...odd.status].slice(0, 3), [-1, -1, -1]);
  // The instance is alive: completion 0.6 at τ 0.6 is on_track (2).
  assert.equal(onpace.batchAssess({ ...ok, value: 1.6 }).status[0], 2);
});
