// Errors for TypeScript and for people: one class per code, checked against the core's own
// list; instanceof for every form; field paths by year; no positions in JSON the caller never
// wrote; messages in zh, en and ko.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as onpace from 'onpace';
import { builtinPlan, builtinObservations } from 'onpace/builtin';
import { ROOT } from './helpers.mjs';

const caught = (fn) => { try { fn(); } catch (e) { return e; } assert.fail(`no error from ${fn}`); };

test('a class per code: the core\'s codes (from the module) plus the two JS-only ones, typed in index.d.ts', () => {
  const core = onpace.errorCodes();
  assert.ok(core.length >= 12);
  assert.deepEqual(Object.keys(onpace.ERROR_NAMES).sort(), [...core, 'not_initialized', 'disposed'].sort());
  const dts = readFileSync(path.join(ROOT, 'bindings-wasm', 'pkg', 'index.d.ts'), 'utf8');
  for (const [code, name] of Object.entries(onpace.ERROR_NAMES)) {
    const cls = onpace[name];
    assert.equal(typeof cls, 'function', `${name} is not exported`);
    assert.equal(cls.code, code);
    assert.equal(cls.name, name);
    const e = new cls('m', { code });
    assert.ok(e instanceof cls && e instanceof onpace.OnpaceError && e instanceof Error);
    assert.ok(dts.includes(`export declare class ${name} extends OnpaceError { code: '${code}' }`), `${name} missing from index.d.ts`);
    assert.ok(dts.includes(`'${code}'`), `${code} missing from ErrorCode`);
  }
});

test('the JS classes are the core\'s error table (core/schema/errors.json, onpace::Error::TABLE): name and kind', () => {
  const table = JSON.parse(readFileSync(path.join(ROOT, 'core', 'schema', 'errors.json'), 'utf8'));
  // The module's codes are the table's, in order; then the two JS-only ones.
  assert.deepEqual(table.map((r) => r.code), onpace.errorCodes());
  assert.deepEqual(Object.keys(onpace.ERROR_NAMES), [...table.map((r) => r.code), 'not_initialized', 'disposed']);
  for (const { code, js } of table) {
    assert.equal(onpace.ERROR_NAMES[code], js, `${code}: JS calls it ${onpace.ERROR_NAMES[code]}, the core ${js}`);
    assert.equal(typeof onpace[js], 'function', `${js} is not exported`);
    assert.equal(onpace[js].code, code);
  }
  // The kind: the core's RangeError codes come out of the module as RangeErrors.
  const range = table.filter((r) => r.js_range).map((r) => r.code);
  assert.ok(range.includes('year_out_of_range'));
  const e = caught(() => new onpace.Indicator('x', { unit: 'percent', direction: 'increase', baseline: [2020, 1], target: [2019, 2] }));
  assert.ok(e instanceof RangeError && range.includes(e.code));
  const parse = caught(() => onpace.Plan.fromJson('{'));
  assert.ok(!(parse instanceof RangeError) && !range.includes(parse.code));
});

test('instanceof and isOnpaceError for the Error, TypeError and RangeError forms', () => {
  const parse = caught(() => onpace.Plan.fromJson('{'));
  assert.ok(parse instanceof onpace.ParseError && parse instanceof onpace.OnpaceError);
  assert.ok(!(parse instanceof onpace.InvalidPlanError) && !(parse instanceof TypeError));
  assert.equal(parse.constructor, onpace.ParseError);
  const type = caught(() => onpace.Plan.fromJson(12));
  assert.ok(type instanceof TypeError && type instanceof onpace.InvalidArgumentError && type instanceof onpace.OnpaceError);
  const range = caught(() => new onpace.Indicator('x', { unit: 'percent', direction: 'increase', baseline: [2020, 1], target: [2019, 2] }));
  assert.ok(range instanceof RangeError && range instanceof onpace.YearOutOfRangeError && onpace.isOnpaceError(range));
  for (const x of [new Error('x'), new TypeError('x'), { code: 'parse', name: 'ParseError' }, null, undefined, 'parse']) {
    assert.equal(onpace.isOnpaceError(x), false);
    assert.equal(x instanceof onpace.OnpaceError, false);
  }
});

test('observations are named by year, in the core\'s errors and the wrapper\'s alike', () => {
  const basic = builtinPlan('cn-14th-fyp-st').indicator('basic-research-share');
  // The core parses the value (the wrapper does not): the path it reports is by year.
  const core = caught(() => basic.assess({ 2021: '6.09', 2022: '1x0' }));
  assert.equal(core.code, 'parse');
  assert.equal(core.field, 'observations[2022].value');
  assert.ok(core.message.startsWith('observations[2022].value: '), core.message);
  // The wrapper's own check of a non-finite number: the same path.
  const wrapper = caught(() => basic.assess({ 2021: '6.09', 2022: Number.NaN }));
  assert.equal(wrapper.field, 'observations[2022].value');
  // In a plan's observations: by indicator and year.
  const plan = caught(() => builtinPlan('cn-14th-fyp-st').evaluate({ 'rd-expenditure': [[2021, '1'], [2023, 'x']] }));
  assert.equal(plan.field, 'observations.rd-expenditure[2023].value');
  // Duplicates: the core names the year.
  assert.match(caught(() => basic.assess([[2021, 1], [2021, 2]])).field, /\[2021\]/);
});

test('no position in JSON the caller never wrote; the line of JSON they did', () => {
  const basic = builtinPlan('cn-14th-fyp-st').indicator('basic-research-share');
  const cases = [
    () => basic.assess({ 2022: '1x0' }),
    () => basic.assess({}, { method: 12 }),
    () => new onpace.Indicator('x', { unit: 'percent', direction: 'sideways', baseline: [2020, 1], target: [2025, 2] }),
    () => new onpace.Indicator('x', { unit: 'percent', direction: 'increase', baseline: [2020, '1e'], target: [2025, 2] }),
    () => onpace.progress([2020, 'x'], [2022, 2], [2025, 3]),
  ];
  for (const f of cases) {
    const e = caught(f);
    assert.ok(onpace.isOnpaceError(e), String(e));
    assert.doesNotMatch(e.message, /line \d|column \d/, e.message);
    assert.equal(e.line, null);
  }
  const own = caught(() => onpace.Plan.fromJson('{\n  "id": x\n}'));
  assert.equal(own.line, 2);
});

test('formatError: the message in zh, en and ko', () => {
  const basic = builtinPlan('cn-14th-fyp-st').indicator('basic-research-share');
  const e = caught(() => basic.assess({ 2022: '1x0' }));
  assert.equal(onpace.formatError(e, 'zh'), '2022 年观测值：不是有效的数值');
  assert.equal(onpace.formatError(e, 'ko'), '2022년 관측값: 올바른 숫자가 아닙니다');
  assert.equal(onpace.formatError(e, 'en'), 'Observation 2022: not a valid number');
  assert.ok(e.message.includes('1x0')); // the message keeps the core's detail
  const y = caught(() => new onpace.Indicator('x', { unit: 'percent', direction: 'increase', baseline: [2020, 1], target: [2019, 2] }));
  assert.equal(onpace.formatError(y, 'zh'), '目标年份：目标年份须晚于基期年份');
  assert.equal(onpace.formatError(y, 'ko'), '목표 연도: 목표 연도는 기준 연도보다 뒤여야 합니다');
  const empty = caught(() => new onpace.Indicator('x', { unit: 'percent', direction: 'increase', baseline: [2020, ''], target: [2025, 2] }));
  assert.equal(onpace.formatError(empty, 'zh'), '基期值：请输入数值');
  assert.equal(onpace.formatError(new Error('plain'), 'zh'), 'plain');
  void builtinObservations;
});
