// The JS API: every function, the input forms, exact decimals, typed errors, and an instance
// that keeps working after bad input. Expected values are hand calculations shown inline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as onpace from 'onpace';
import { builtinPlans, builtinPlan, builtinObservations } from 'onpace/builtin';

const codeOf = (fn) => { try { fn(); } catch (e) { return e; } return null; };

test('the wrapper\'s lookups are the core\'s: referenceValue, projectsActive (issue 17)', async () => {
  await onpace.init();
  const plan = builtinPlan();
  const e = codeOf(() => plan.referenceValue('no-such-figure'));
  assert.equal(e.code, 'invalid_argument');
  assert.equal(e.field, 'reference_value');
  assert.ok(e instanceof onpace.InvalidArgumentError);
  // No project runs in 1990 nor in 2100 (the tables run 2021–2025 and a few years beyond).
  assert.deepEqual(plan.projectsActive(1990), []);
  assert.deepEqual(plan.projectsActive(2100), []);
  assert.equal(codeOf(() => plan.projectsActive('soon')).code, 'invalid_argument');
  // The same projects as the registry query by year, camelCased like `projects`.
  assert.deepEqual(plan.projectsActive(2024), plan.projectsWhere({ year: 2024 }).projects);
});

test('options left out take the core\'s defaults (onpace::DEFAULTS), not values written in JS', async () => {
  await onpace.init();
  const rd = builtinPlan().indicator('rd-intensity');
  // The documented defaults (docs/methods.md, README): cn-plan-pace, ols_linear at 0.9, linear paths.
  assert.equal(rd.assess({ 2022: '0.60' }).method, 'cn-plan-pace');
  const p = rd.project({ 2021: '0.45', 2022: '0.60', 2023: '0.70' });
  assert.equal(p.model, 'ols_linear');
  assert.equal(p.level, 0.9);
  assert.deepEqual(rd.path(), rd.path('linear'));
  assert.deepEqual(onpace.requiredPath([2020, 1], [2022, 2]), onpace.requiredPath([2020, 1], [2022, 2], 'linear'));
  assert.deepEqual(onpace.projectTrend([[2020, 1], [2021, 2], [2022, 3]], 2025), onpace.projectTrend([[2020, 1], [2021, 2], [2022, 3]], 2025, { model: 'ols_linear', level: 0.9 }));
});

test('project() is a deprecated alias of projectTrend(): one warning, the same result', async () => {
  await onpace.init();
  const warned = [];
  const warn = console.warn;
  console.warn = (m) => warned.push(m);
  const pts = [[2020, 1], [2021, 2], [2022, 3]];
  try {
    assert.deepEqual(onpace.project(pts, 2025), onpace.projectTrend(pts, 2025));
    onpace.project(pts, 2025);
  } finally {
    console.warn = warn;
  }
  assert.deepEqual(warned, ['onpace: project() is deprecated, use projectTrend()']);
  // 1, 2, 3 in 2020–2022: the OLS line y = x − 2019 gives 6 in 2025 (hand calculation).
  assert.equal(onpace.projectTrend(pts, 2025).value, 6);
});

test('Indicator.progress is a deprecated alias of assess: one warning, the same result', async () => {
  await onpace.init();
  const rd = builtinPlan().indicator('rd-intensity');
  const warned = [];
  const warn = console.warn;
  console.warn = (m) => warned.push(m);
  try {
    const a = rd.progress({ 2022: '0.60' });
    rd.progress({ 2022: '0.60' });
    assert.deepEqual(a, rd.assess({ 2022: '0.60' }));
  } finally {
    console.warn = warn;
  }
  // Once per process (node --test runs each file in its own), not once per call.
  assert.equal(warned.length, 1);
  assert.ok(warned.every((m) => /Indicator\.progress\(\) is deprecated, use Indicator\.assess\(\)/.test(m)));
});

test('built-in plans and observations', async () => {
  await onpace.init();
  // The same list, in the same order, as onpace::builtin::plan_ids() (Rust) and builtin_plans() (Python).
  assert.deepEqual(builtinPlans(), ['yanbian-st-14', 'cn-14th-fyp-st']);
  const plan = builtinPlan();
  assert.equal(plan.id, 'yanbian-st-14');
  assert.equal(plan.indicators.length, 7);
  const rd = plan.indicator('rd-intensity');
  assert.deepEqual(rd.baseline, [2020, '0.36']);
  assert.deepEqual(rd.impliedTarget(), { year: 2025, value: '1.10', comparator: 'at_least' });
  assert.equal(plan.projects.length, 26);
  assert.equal(plan.projectsActive(2024).length, 19); // hand count, see tests/tests/builtins.rs
  assert.deepEqual(plan.referenceValue('gdp'), [2020, '726.86']);
  // Registry: table 2 has 6 projects with 16 + 19 + 13 亿元 = 480000 万元 of investments (hand sum).
  const t2 = plan.projectsWhere({ table: 2 });
  assert.equal(t2.projects.length, 6);
  assert.equal(t2.investmentTotal, '480000');
  assert.equal(plan.projectsWhere({ location: '敦化市', table: 3 }).projects.length, 7);
  const obs = builtinObservations('cn-14th-fyp-st');
  assert.equal(obs['rd-expenditure'][2024], '36326.8');
  assert.deepEqual(builtinObservations('yanbian-st-14'), {});
  assert.equal(codeOf(() => builtinPlan('nope')).code, 'unknown_plan');
});

test('paths are exact decimal strings', () => {
  const rd = builtinPlan().indicator('rd-intensity');
  // 0.36 → 1.10 in five equal steps of 0.148.
  assert.deepEqual(rd.path().map((m) => m.value), ['0.36', '0.508', '0.656', '0.804', '0.952', '1.10']);
  const again = rd.path('linear', { fromYear: 2022, fromValue: '0.60' });
  assert.deepEqual(again[0], { year: 2022, value: '0.60' });
  assert.equal(rd.path('geometric').at(-1).value, '1.10');
});

test('observation forms and numbers on input', () => {
  const rd = builtinPlan().indicator('rd-intensity');
  const forms = [{ 2022: '0.60' }, { 2022: 0.6 }, new Map([[2022, '0.6']]), [[2022, 0.6]], [{ year: 2022, value: '0.6' }]];
  for (const f of forms) {
    const a = rd.assess(f);
    // (0.6 − 0.36)/(1.10 − 0.36) = 12/37 against τ = 2/5 → lagging.
    assert.equal(a.status, 'lagging');
    assert.equal(a.timeShare, '0.4');
    assert.ok(a.completion.startsWith('0.324324324324324324324324'), a.completion);
  }
  // 0.1 enters as exactly "0.1": (0.2 − 0.1)/(0.3 − 0.1) = 0.5 exactly.
  assert.equal(onpace.progress([2020, 0.1], [2022, 0.2], [2025, 0.3]).completion, '0.5');
});

test('indicators, targets, methods, projection, scenarios, evaluation', () => {
  const ind = new onpace.Indicator('rd', {
    unit: { kind: 'money', currency: 'CNY', magnitude: 'hundred_million' }, direction: 'increase',
    baseline: [2020, '24393.1'], target: onpace.Target.annualGrowth(2025, '0.07'), label: { zh: '研发', en: 'R&D' },
  });
  // 24393.1 × 1.07^5 = 34212.58462213817 (exact, Python decimal).
  assert.equal(ind.impliedTarget().value, '34212.58462213817');
  assert.equal(onpace.Indicator.fromJson(ind.toJson()).toJson(), ind.toJson());
  assert.deepEqual(onpace.methods().map((m) => m.id), ['cn-plan-pace', 'eurostat', 'open-sdg', 'unsd', 'escap', 'destatis', 'sdsn']);
  const cn = builtinPlan('cn-14th-fyp-st');
  const obs = builtinObservations('cn-14th-fyp-st');
  const e = cn.evaluate(obs);
  assert.deepEqual(e.rows.map((r) => r.status), ['achieved', 'achieved', 'lagging', 'not_assessable']);
  assert.equal(e.summary.assessed, 3);
  assert.ok(e.toMarkdown('en').includes('Basic research as a share of R&D expenditure'));
  assert.ok(e.toHtml('en').includes('lagging'));
  const rows = Object.entries(obs).flatMap(([k, s]) => Object.entries(s).map(([y, v]) => ({ indicator: k, year: Number(y), value: v })));
  assert.equal(cn.evaluate(rows).toJson(), e.toJson());
  const basic = cn.indicator('basic-research-share');
  const p = basic.project(obs['basic-research-share'], { model: 'ols_linear', level: 0.9 });
  assert.ok(Math.abs(p.value - 7.149) < 1e-9); // slope 2.01/10 = 0.201 (hand)
  const rd = builtinPlan().indicator('rd-intensity');
  const w = rd.whatIf(2020, '0.36', { rate: '0.25' });
  assert.equal(w.path.at(-1).value, '1.0986328125'); // 0.36 × 1.25^5
  assert.equal(w.meetsTarget, false);
  assert.equal(rd.numeratorPath(2020, '726.86', '0.05').rows[0].numerator, '26166.96'); // 0.36 % of 726.86 亿元 in 万元
});

test('errors are typed, with name, code and field; RangeError for out-of-domain numbers', () => {
  const e1 = codeOf(() => new onpace.Indicator('x', { unit: 'percent', direction: 'increase', baseline: [2020, 1], target: [2019, 2] }));
  assert.ok(e1 instanceof RangeError);
  assert.equal(e1.name, 'YearOutOfRangeError');
  assert.equal(e1.code, 'year_out_of_range');
  assert.equal(e1.field, 'indicator.target.year');
  const e2 = codeOf(() => onpace.Plan.fromJson('{'));
  assert.equal(e2.code, 'parse');
  assert.equal(e2.name, 'ParseError');
  const e3 = codeOf(() => builtinPlan().indicator('rd-intensity').assess({ 2022: Number.NaN }));
  assert.ok(e3 instanceof RangeError && e3.code === 'parse');
  const e4 = codeOf(() => builtinPlan().indicator('rd-intensity').assess({ 2022: 'abc' }));
  assert.equal(e4.code, 'parse');
  assert.equal(codeOf(() => builtinPlan().indicator('nope')).code, 'unknown_indicator');
  assert.equal(codeOf(() => builtinPlan().indicator('rd-intensity').assess({}, { method: 'x' })).code, 'unknown_method');
  assert.deepEqual(Object.keys(onpace.ERROR_NAMES).sort(), ['insufficient_data', 'invalid_argument', 'invalid_observations', 'invalid_plan', 'no_target', 'overflow', 'parse', 'undefined_growth', 'unknown_indicator', 'unknown_method', 'unknown_plan', 'year_out_of_range', 'not_initialized', 'disposed'].sort());
});

test('the same instance keeps working after every kind of bad input', () => {
  const bad = [
    () => onpace.Plan.fromJson(''),
    () => onpace.Plan.fromJson('{"id": '),
    () => onpace.Plan.fromJson('[]'),
    () => onpace.Plan.fromJson('x'.repeat(1_000_000)),
    () => onpace.Plan.fromJson(`{"indicators":[{"target":{"x":${'['.repeat(100000)}${']'.repeat(100000)},"kind":"none"}}]}`),
    () => onpace.requiredPath([2020, '79228162514264337593543950335'], [2022, '-79228162514264337593543950335']),
    () => onpace.requiredPath([2020, 0], [2025, 1], 'geometric'),
    () => onpace.progress([0, 1], [1000000000, 2], [2025, 3]),
    () => onpace.progress([2020, '1.23456789012345678901234567890123'], [2021, 1], [2025, 2]),
    () => onpace.projectTrend([[2020, 1]], 2025, { model: 'ols_linear' }),
    () => onpace.projectTrend([[2020, 1], [2021, 2], [2022, 3]], 2025, { level: 2 }),
    () => builtinPlan().indicator('rd-intensity').assess([[2021, 1], [2021, 2]]),
    () => builtinPlan().indicator('rd-intensity').assess({ 2021: Infinity }),
    () => builtinPlan().evaluate({ nope: { 2021: 1 } }),
  ];
  for (const f of bad) {
    const e = codeOf(f);
    assert.ok(e instanceof Error, `no error from ${f}`);
    assert.ok(typeof e.code === 'string' && e.code.length > 0, `${e}`);
  }
  // A known case still computes correctly: the first linear milestone of rd-intensity is 0.508.
  assert.equal(builtinPlan().indicator('rd-intensity').path()[1].value, '0.508');
});

test('10 000 random decimals survive JSON → JS → JSON unchanged', () => {
  const spec = JSON.parse(builtinPlan().indicator('rd-intensity').toJson());
  delete spec.components;
  let seed = 20261127;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (let k = 0; k < 10000; k += 1) {
    const digits = 1 + Math.floor(rand() * 28);
    let m = '';
    for (let d = 0; d < digits; d += 1) m += String(Math.floor(rand() * 10));
    m = m.replace(/^0+(?=\d)/, '');
    const scale = Math.floor(rand() * (m.length + 1));
    const text = (rand() < 0.5 ? '-' : '') + (scale ? `${m.slice(0, m.length - scale) || '0'}.${m.slice(m.length - scale)}` : m);
    spec.baseline.value = text;
    const ind = onpace.Indicator.fromJson(JSON.stringify(spec));
    const back = JSON.parse(ind.toJson()).baseline.value;
    // The canonical form: leading zeros trimmed; the core has no negative zero.
    const canon = text.replace(/^(-?)0+(?=\d)/, '$1').replace(/^-(0(\.0*)?)$/, '$1');
    assert.equal(back, canon, text);
    assert.equal(ind.baseline[1], canon);
  }
});
