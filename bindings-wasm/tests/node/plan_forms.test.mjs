// Issue 12's plan forms from JS: rates typed three ways, the forms plan (tests/fixtures) at a
// mid-year date in zh/en/ko, revised baselines, date and mixing errors. Verdicts as in
// tests/vectors/plan_forms.json (tests/reference/forms_ref.py); numbers are hand calculations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as onpace from 'onpace';
import { ROOT, checkDec } from './helpers.mjs';

const fixture = (name) => readFileSync(path.join(ROOT, 'tests', 'fixtures', name), 'utf8');
const codeOf = (fn) => { try { fn(); } catch (e) { return e; } return null; };

test('a rate typed three ways: "7%", 0.07, 7 (refused)', async () => {
  await onpace.init();
  assert.equal(onpace.parseRate('7%'), '0.07');
  assert.equal(onpace.parseRate(0.07), '0.07');
  const e = codeOf(() => onpace.parseRate(7));
  assert.equal(e.code, 'invalid_argument');
  assert.match(e.message, /7 means \+700 % a year; write 0\.07 or '7%'/);
  assert.equal(onpace.parseRate(7, { allowLarge: true }), '7');
  assert.equal(onpace.Target.annualGrowth(2025, '7%').toJSON().rate, '0.07');
  const e5 = codeOf(() => onpace.Target.annualGrowth(2025, '5'));
  assert.equal(e5.field, 'target.rate');
  assert.match(e5.message, /5 means \+500 % a year; write 0\.05 or '5%'/);
  const ind = new onpace.Indicator('x', { unit: 'ratio', direction: 'increase', baseline: [2020, 100], target: [2025, 200] });
  checkDec('what-if', 'value', ind.whatIf(2020, 100, { rate: '5%' }).path[1].value, '105');
  assert.equal(codeOf(() => ind.whatIf(2020, 100, { rate: 5 })).code, 'invalid_argument');
});

test('the forms plan at a mid-year date, in zh, en and ko', async () => {
  await onpace.init();
  const plan = onpace.Plan.fromJson(fixture('forms-plan.json'));
  assert.equal(onpace.Plan.fromJson(plan.toJson()).toJson(), plan.toJson());
  const obs = JSON.parse(fixture('forms-plan.observations.json'));
  const ev = plan.evaluate(obs, { asOf: '2023-06-30' });
  assert.deepEqual(ev.rows.map((r) => r.status),
    ['monitored', 'on_track', 'on_track', 'breached', 'held', 'lagging', 'ahead', 'on_track']);
  const unemployment = ev.rows[3];
  assert.deepEqual(unemployment.breachYears, [2022]);
  assert.deepEqual([unemployment.completion, unemployment.pace], [null, null]);
  const energy = ev.rows[5];
  assert.equal(energy.path, 'geometric');
  checkDec('energy', 'time share', energy.timeShare, '0.5');
  checkDec('energy', 'latest', energy.inputs.latestValue, '97.2027'); // 100 × 0.973 × 0.999
  assert.equal(ev.summary.monitored, 1);
  for (const [lang, word] of [['zh', '未守住底线'], ['en', 'breached'], ['ko', '기준 이탈']]) {
    assert.ok(ev.toMarkdown(lang).includes(word), lang);
    assert.ok(ev.toHtml(lang).includes('<svg'), lang);
  }
  assert.ok(ev.chartSvg('urban-unemployment', 'en').includes('bound every year 5.5'));
  const revised = plan.evaluate(obs, { asOf: '2023-06-30', baseline: 'revised' }).rows[6];
  // (78.2 − 77.93)/1 = 0.27 < 0.5 − 0.05 → lagging; the plan's 77.3 gives 0.9 → ahead.
  assert.deepEqual([ev.rows[6].status, revised.status], ['ahead', 'lagging']);
  checkDec('revised', 'completion', revised.completion, '0.27');
  assert.equal(revised.inputs.baseline, 'revised');
  assert.equal(revised.inputs.revisionDate, '2021-05-11');
});

test('impossible dates and mixed level/rate targets are typed errors', async () => {
  await onpace.init();
  const plan = onpace.Plan.fromJson(fixture('forms-plan.json'));
  assert.equal(codeOf(() => plan.evaluate({}, { asOf: '2023-02-30' })).code, 'invalid_argument');
  const spec = JSON.parse(fixture('forms-plan.json'));
  spec.indicators[0].target = { kind: 'annual_growth', year: 2025, rate: '0.05' };
  const e = codeOf(() => onpace.Plan.fromJson(JSON.stringify(spec)));
  assert.equal(e.code, 'invalid_plan');
  assert.match(e.message, /compound a growth rate/);
});
