// The shared vectors in tests/vectors/, run through the public JS API: the same expected
// values as the Rust and Python suites. A case whose op no runner here knows fails the suite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as onpace from 'onpace';
import { builtinPlans, builtinPlan, builtinObservations } from 'onpace/builtin';
import { loadVectors, vectorFiles, checkDec, checkFloat } from './helpers.mjs';

function expectCode(fn, code, name) {
  assert.throws(fn, (e) => {
    assert.equal(e.code, code, `${name}: ${e.code} ${e.message}`);
    return true;
  });
}

const RUNNERS = {
  path(c) {
    const i = c.input; const e = c.expected;
    const start = [i.from_year, i.from_value]; const end = [i.to_year, i.to_value];
    if (e.error) { expectCode(() => onpace.requiredPath(start, end, i.kind), e.error, c.name); return; }
    const p = onpace.requiredPath(start, end, i.kind);
    if (e.values) { assert.equal(p.length, e.values.length); p.forEach((m, k) => checkDec(c.name, `milestone ${m.year}`, m.value, e.values[k])); }
    if (e.floats) { assert.equal(p.length, e.floats.length); p.forEach((m, k) => checkFloat(c.name, `milestone ${m.year}`, Number(m.value), e.floats[k], c.tolerance)); }
  },
  progress(c) {
    const i = c.input; const e = c.expected;
    const p = onpace.progress([i.base_year, i.base_value], [i.latest_year, i.latest_value], [i.target_year, i.target_value], i.direction);
    checkDec(c.name, 'time_share', p.timeShare, e.time_share);
    checkDec(c.name, 'milestone', p.milestone, e.milestone);
    checkDec(c.name, 'required_slope', p.requiredSlope, e.required_slope);
    checkDec(c.name, 'completion', p.completion, e.completion);
    checkDec(c.name, 'pace', p.pace, e.pace);
    checkDec(c.name, 'actual_slope', p.actualSlope, e.actual_slope);
    checkDec(c.name, 'required_slope_from_now', p.requiredSlopeFromNow, e.required_slope_from_now);
    for (const [f, js] of [['actual_cagr', 'actualCagr'], ['required_cagr', 'requiredCagr'], ['required_cagr_from_now', 'requiredCagrFromNow'], ['years_to_target', 'yearsToTarget'], ['acceleration', 'acceleration']]) {
      checkFloat(c.name, f, p[js], e[f], c.tolerance);
    }
  },
  assess(c) {
    const i = c.input; const e = c.expected;
    const ind = onpace.Indicator.fromJson(JSON.stringify(i.indicator));
    const asOf = i.as_of ? (i.as_of.year ?? i.as_of.date) : undefined;
    const a = ind.assess(i.observations, { asOf, method: i.method, thresholds: i.thresholds || {} });
    assert.equal(a.status, e.status, `${c.name}: ${a.status} != ${e.status}`);
    if ('time_share' in e) checkDec(c.name, 'time_share', a.timeShare, e.time_share);
    if ('completion' in e) checkDec(c.name, 'completion', a.completion, e.completion);
    for (const f of ['ratio', 'score', 'index']) if (f in e) checkFloat(c.name, f, a[f], e[f], c.tolerance ?? 0);
    for (const code of e.warnings || []) assert.ok(a.warnings.some((w) => w.code === code), `${c.name}: no ${code} warning`);
  },
  implied_target(c) {
    const ind = onpace.Indicator.fromJson(JSON.stringify(c.input.indicator));
    if (c.expected.error) { expectCode(() => ind.impliedTarget(), c.expected.error, c.name); return; }
    const t = ind.impliedTarget();
    checkDec(c.name, 'value', t.value, c.expected.value);
    assert.equal(t.comparator, c.expected.comparator);
  },
  project(c) {
    const i = c.input; const e = c.expected; const band = i.band || {};
    const opts = { low: band.low, high: band.high, model: i.model, level: i.level };
    if (e.error) { expectCode(() => onpace.projectTrend(i.points, i.year, opts), e.error, c.name); return; }
    const p = onpace.projectTrend(i.points, i.year, opts);
    for (const [f, js] of [['value', 'value'], ['low', 'low'], ['high', 'high'], ['p_meet', 'pMeet'], ['growth', 'growth']]) checkFloat(c.name, f, p[js], e[f], c.tolerance);
    if ('slope' in e) checkFloat(c.name, 'slope', p.slope, e.slope, c.tolerance);
    assert.equal(p.yearReached, e.year_reached);
  },
  numerator_path(c) {
    const i = c.input; const e = c.expected;
    const d = builtinPlan(i.plan).indicator(i.indicator).numeratorPath(i.denominator_year, i.denominator, i.growth, { kind: i.kind });
    assert.equal(d.rows.length, e.numerators.length);
    d.rows.forEach((r, k) => { checkDec(c.name, `numerator ${r.year}`, r.numerator, e.numerators[k]); checkDec(c.name, `denominator ${r.year}`, r.denominator, e.denominators[k]); });
    checkFloat(c.name, 'numerator_cagr', d.numeratorCagr, e.numerator_cagr, c.tolerance);
  },
  evaluate(c) {
    const i = c.input; const e = c.expected;
    const ev = builtinPlan(i.plan).evaluate(builtinObservations(i.plan), { method: i.method, asOf: i.as_of });
    assert.deepEqual(ev.rows.map((r) => r.status), e.statuses, c.name);
    assert.deepEqual([ev.summary.assessed, ev.summary.notAssessable, ev.summary.onPace], [e.assessed, e.not_assessable, e.on_pace], c.name);
    if (e.mean_score !== undefined) assert.ok(Math.abs(ev.summary.meanScore - e.mean_score) <= c.tolerance * Math.abs(e.mean_score), `${c.name}: mean_score ${ev.summary.meanScore}`);
    if (e.overall_status !== undefined) assert.equal(ev.summary.overallStatus, e.overall_status, c.name);
  },
  evaluate_plan(c) {
    const i = c.input; const rows = c.expected.rows;
    const ev = onpace.Plan.fromJson(JSON.stringify(i.plan)).evaluate(i.observations, { method: i.method, asOf: i.as_of, baseline: i.baseline });
    let seen = 0;
    for (const r of ev.rows) {
      const x = rows[r.indicator];
      if (!x) continue;
      seen += 1;
      const name = `${c.name} / ${r.indicator}`;
      assert.equal(r.status, x.status, name);
      if ('path' in x) assert.equal(r.path, x.path, name);
      if ('breach_years' in x) { assert.deepEqual(r.breachYears, x.breach_years, name); assert.deepEqual([r.completion, r.pace, r.milestone], [null, null, null], name); }
      if ('time_share' in x) checkDec(name, 'time_share', r.timeShare, x.time_share);
      if (typeof x.completion === 'string') checkDec(name, 'completion', r.completion, x.completion);
      else if ('completion' in x) checkFloat(name, 'completion', Number(r.completion), x.completion, c.tolerance);
      if ('latest_value' in x) checkDec(name, 'latest_value', r.inputs.latestValue, x.latest_value);
    }
    assert.equal(seen, Object.keys(rows).length, c.name);
  },
  what_if(c) {
    const i = c.input; const e = c.expected;
    const w = onpace.Indicator.fromJson(JSON.stringify(i.indicator)).whatIf(i.from_year, i.value, i.growth);
    assert.equal(w.path.length, e.values.length);
    w.path.forEach((m, k) => checkDec(c.name, `value ${m.year}`, m.value, e.values[k]));
    assert.equal(w.meetsTarget, e.meets_target);
    assert.equal(w.yearReached, e.year_reached);
  },
};

const FILES = ['paths.json', 'progress.json', 'cn_plan_pace.json', 'implied_targets.json', 'methods.json', 'projections.json', 'scenarios.json', 'evaluations.json', 'regressions.json', 'plan_forms.json'];

for (const file of FILES) {
  test(`vectors: ${file}`, () => {
    const data = loadVectors(file);
    assert.ok(data.cases.length > 0);
    for (const c of data.cases) {
      assert.ok(c.source.trim(), c.name);
      const run = RUNNERS[c.op];
      assert.ok(run, `${c.name}: no JS runner for op ${c.op}`);
      run(c);
    }
  });
}

test('every vector file is run', () => {
  assert.deepEqual(vectorFiles(), [...FILES, 'bad_plans.json', 'bad_inputs.json'].sort());
});

test('vectors: bad_plans.json', () => {
  const data = loadVectors('bad_plans.json');
  for (const c of data.cases) {
    const i = c.input;
    let text;
    if (i.nest !== undefined) text = `{"indicators":[{"target":{"x":${'['.repeat(i.nest)}${']'.repeat(i.nest)},"kind":"none"}}]}`;
    else if (i.text !== undefined) text = i.text;
    else {
      const doc = structuredClone(data.base);
      for (const [pointer, value] of i.set || []) {
        const parts = pointer.split('/').slice(1);
        const key = parts.pop();
        const node = parts.reduce((n, p) => n[Array.isArray(n) ? Number(p) : p], doc);
        node[Array.isArray(node) ? Number(key) : key] = value;
      }
      for (const pointer of i.remove || []) {
        const parts = pointer.split('/').slice(1);
        const key = parts.pop();
        delete parts.reduce((n, p) => n[p], doc)[key];
      }
      text = JSON.stringify(doc) + (i.append || '');
    }
    assert.throws(() => onpace.Plan.fromJson(text), (e) => {
      assert.equal(e.code, c.expected.code, `${c.name}: ${e.code} ${e.message}`);
      if ('path' in c.expected) assert.equal(e.field, c.expected.path, `${c.name}: ${e.field}`);
      assert.ok(e instanceof Error);
      return true;
    });
  }
});
