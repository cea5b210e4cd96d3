// Reports and charts from JS: the same bytes as Rust and Python (tests/golden/, which the Rust
// test parses as XML), hostile labels escaped, the CSV reader and the schema text. The browser
// test parses what JS renders with Chromium's own XML parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as onpace from 'onpace';
import { builtinPlans, builtinPlan, builtinObservations } from 'onpace/builtin';
import { planSchema } from 'onpace/schema';
import { ROOT } from './helpers.mjs';

const golden = (name) => readFileSync(path.join(ROOT, 'tests', 'golden', name), 'utf8');

test('the same report bytes as Rust and Python', () => {
  const cn = builtinPlan('cn-14th-fyp-st');
  const e = cn.evaluate(builtinObservations('cn-14th-fyp-st'));
  assert.ok(e.toHtml('en') === golden('national-evaluation.en.html'), 'national-evaluation.en.html differs');
  assert.ok(e.toHtml('zh') === golden('national-evaluation.zh.html'), 'national-evaluation.zh.html differs');
  assert.ok(e.chartSvg('basic-research-share', 'zh') === golden('basic-research-share.zh.svg'), 'basic-research-share.zh.svg differs');
  assert.ok(e.paceSvg('en') === golden('pace.en.svg'), 'pace.en.svg differs');
  assert.ok(builtinPlan().toHtml('zh') === golden('yanbian-report.zh.html'), 'yanbian-report.zh.html differs');
});

test('every renderer in every language, and its errors', () => {
  const plan = builtinPlan();
  for (const lang of ['zh', 'en', 'ko']) {
    assert.ok(plan.toHtml(lang).startsWith('<!DOCTYPE html>'));
    assert.ok(plan.projectsSvg(lang).startsWith('<svg'));
  }
  // Hangul from the label table, not a fallback to Chinese.
  assert.match(plan.projectsSvg('ko'), /[\uac00-\ud7a3]/);
  const cn = builtinPlan('cn-14th-fyp-st');
  const e = cn.evaluate(builtinObservations('cn-14th-fyp-st'), { method: 'open-sdg' });
  assert.ok(e.chartSvg('rd-expenditure', 'en').includes('</svg>'));
  // 4 indicators: a header line and one row each (plan Table 1 of the national outline has 4 S&T rows).
  assert.equal(e.toCsv().trimEnd().split('\n').length, 5);
  assert.ok(e.toCsv().startsWith('indicator,label,unit,nature,target_kind,comparator,target,'));
  assert.throws(() => e.chartSvg('nope'), (err) => err.code === 'unknown_indicator');
  assert.throws(() => e.toHtml('fr'), (err) => err.code === 'invalid_argument');
  assert.throws(() => plan.projectsSvg('fr'), (err) => err.code === 'invalid_argument');
});

test('hostile labels are escaped', () => {
  const spec = JSON.parse(builtinPlan('cn-14th-fyp-st').toJson());
  const evil = `<script>alert("x")</script> & 'q'`;
  spec.indicators[0].label.zh = evil;
  const plan = onpace.Plan.fromJson(JSON.stringify(spec));
  const e = plan.evaluate(builtinObservations('cn-14th-fyp-st'));
  for (const out of [e.toHtml('zh'), e.chartSvg(spec.indicators[0].id, 'zh'), e.paceSvg('zh')]) {
    assert.ok(!out.includes('<script>'), 'an unescaped <script>');
    assert.ok(out.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;'));
  }
});

test('observations CSV: read by the core, evaluated like JSON', () => {
  const text = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'yanbian-illustrative.csv'), 'utf8');
  const obs = onpace.readObservationsCsv(text);
  // The fixture's first rows (read by eye): two vintages of 2021, then 2022.
  assert.deepEqual(obs['rd-intensity'].slice(0, 3), [
    { year: 2021, value: '0.41', vintage: '2022-06-30', flag: 'preliminary', source: 'illustrative' },
    { year: 2021, value: '0.42', vintage: '2022-12-31', flag: 'revised', source: 'illustrative' },
    { year: 2022, value: '0.55', vintage: '2023-06-30', source: 'illustrative' },
  ]);
  assert.deepEqual(obs['hightech-firms-per-10k'][0], { year: 2022, numerator: '150', denominator: '60000', vintage: '2023-06-30', source: 'illustrative' });
  const e = builtinPlan().evaluate(obs);
  assert.equal(e.rows.length, 7);
  // BOM, CRLF, quotes and surrounding spaces.
  const odd = onpace.readObservationsCsv('\ufeffindicator,year,value,source\r\n"a", 2021 ,"1.5","x, ""y"""\r\n\r\na,2022,2.50,\r\n');
  assert.deepEqual(odd, { a: [{ year: 2021, value: '1.5', source: 'x, "y"' }, { year: 2022, value: '2.50' }] });
  assert.throws(() => onpace.readObservationsCsv('indicator,year,value\na,2021,1\na,20x1,2\n'), (err) => err.code === 'parse' && err.line === 3);
});

test('planSchema() is the committed schema', () => {
  assert.equal(planSchema(), readFileSync(path.join(ROOT, 'core', 'schema', 'plan.schema.json'), 'utf8'));
  assert.equal(JSON.parse(planSchema()).title, 'Plan');
});
