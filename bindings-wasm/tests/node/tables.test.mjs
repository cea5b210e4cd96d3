// The statistician's tables from JS: a plan from the CSV template (the core's reader, the one
// Python's read_plan_csv uses), wide observations, the report table, and the plan's index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as onpace from 'onpace';
import { builtinPlans, builtinPlan, builtinObservations } from 'onpace/builtin';

const TEMPLATE = 'id,label,label.en,unit,direction,nature,baseline.year,baseline.value,target.kind,target.year,target.value,target.rate,target.comparator\r\n'
  + 'rd,研发经费投入强度,R&D intensity,percent,increase,anticipatory,2020,2.40,level,2025,2.80,,\r\n'
  + 'gdp,地区生产总值,"GDP, index",index,increase,binding,2020,100,annual_growth,2025,,0.06,above\r\n';

test('readPlanCsv: the template read by the core, errors with their line', () => {
  const plan = onpace.readPlanCsv(TEMPLATE, { id: 'demo', name: '示例规划' });
  assert.equal(plan.id, 'demo');
  assert.deepEqual(plan.period, [2021, 2025]);
  assert.deepEqual(plan.indicator('rd').baseline, [2020, '2.40']);
  assert.equal(plan.indicator('gdp').name('en'), 'GDP, index');
  // 100 × 1.06⁵ = 133.8225577600 (hand calculation).
  assert.equal(plan.indicator('gdp').impliedTarget().value.replace(/0+$/, ''), '133.82255776');
  assert.throws(() => onpace.readPlanCsv(TEMPLATE.replace('2020,100', '2020,1OO')),
    (e) => e.code === 'parse' && e.line === 3 && e.field === 'baseline.value');
  assert.throws(() => onpace.readPlanCsv(TEMPLATE.replace('increase,anticipatory', 'sideways,anticipatory')),
    (e) => e.code === 'parse' && e.line === 2 && e.field === 'direction');
  assert.throws(() => onpace.readPlanCsv(TEMPLATE.replace('\r\ngdp,', '\r\nrd,')),
    (e) => e.line === 3 && e.field === 'id');
});

test('wide observations read as long ones', () => {
  const long = onpace.readObservationsCsv('indicator,year,value\nrd,2021,2.45\nrd,2023,2.60\n');
  assert.deepEqual(onpace.readObservationsCsv('indicator,2021,2022,2023\nrd,2.45,,2.60\n'), long);
  assert.deepEqual(onpace.readObservationsCsv('year,rd\n2021,2.45\n2022,\n2023,2.60\n'), long);
});

test('the report table carries label, nature, target as written and the observation used', () => {
  const cn = builtinPlan('cn-14th-fyp-st');
  const obs = builtinObservations('cn-14th-fyp-st');
  obs['rd-expenditure'] = [{ year: 2023, value: '33357.1' }, { year: 2024, value: '36326.8', vintage: '2025-09-30', source: 'yearbook', flag: 'revised' }];
  const rows = cn.evaluate(obs).table('en');
  const rd = rows.find((r) => r.indicator === 'rd-expenditure');
  assert.equal(rd.target, '> 7 %/yr');
  assert.equal(rd.nature, 'anticipatory');
  assert.equal(rd.comparator, 'above');
  assert.equal(rd.observation_value, '36326.8');
  assert.equal(rd.observation_source, 'yearbook');
  assert.equal(rd.observation_vintage, '2025-09-30');
  assert.equal(rd.observation_flag, 'revised');
  const digital = rows.find((r) => r.indicator === 'digital-economy-share');
  assert.equal(digital.observation_year, null);
  // The same columns as Python's Evaluation.to_csv, in the same order (core/src/report/table.rs).
  assert.equal(Object.keys(rd).join(','), cn.evaluate(obs).toCsv('en').split('\r\n')[0]);
});

test('a plan of 10⁴ indicators loads and looks up through its index', () => {
  const n = 10_000;
  const indicators = Array.from({ length: n }, (_, k) => ({
    id: `i${k}`, label: { zh: `指标${k}` }, unit: { kind: 'index' }, direction: 'increase',
    baseline: { year: 2020, value: String(100 + (k % 7)) }, target: { kind: 'level', year: 2025, value: '130' },
  }));
  const plan = onpace.Plan.fromJson(JSON.stringify({ id: 'big', title: { zh: 'x' }, issuer: { zh: 'x' }, region: { zh: 'x' }, period: { start: 2021, end: 2025 }, base_year: 2020, indicators }));
  assert.deepEqual(plan.indicator('i9999').baseline, [2020, String(100 + (9999 % 7))]);
  assert.equal(plan.indicator('i9999'), plan.indicator('i9999'), 'built once, then looked up');
  assert.equal(plan.indicators.length, n);
  assert.throws(() => plan.indicator('nope'), (e) => e.code === 'unknown_indicator');
});
