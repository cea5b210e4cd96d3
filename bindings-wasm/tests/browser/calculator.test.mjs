// The calculator page and the <onpace-calculator> element in headless Chromium (Debian's,
// driven by playwright-core): serves bindings-wasm/www on 127.0.0.1 (plus the plain-page
// fixture), and checks the computed cases, validation beside each field (a bad observation
// cell included), results cleared while invalid, the language switch, phone and desktop widths
// without horizontal scrolling, axe-core with no violations, the keyboard alone, the one live
// region, the element in a plain page (attributes, events, ::part and custom properties,
// `using`), and saves screenshots under target/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from '../node/helpers.mjs';

const WWW = path.join(ROOT, 'bindings-wasm', 'www');
const FIXTURES = path.join(ROOT, 'bindings-wasm', 'tests', 'browser', 'fixtures');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' };
let server;
let browser;
let base;

before(async () => {
  server = http.createServer(async (req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = rel === 'plain.html' ? path.join(FIXTURES, rel) : path.join(WWW, rel);
    if (!file.startsWith(WWW) && !file.startsWith(FIXTURES)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  await mkdir(path.join(ROOT, 'target'), { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function open(width, url = base) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  if (url === base) await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 20000 });
  return { page, errors };
}

// Inside the element's shadow root (Playwright's CSS selectors pierce open shadow roots).
const cell = (y) => `onpace-calculator input[id$="-obs-${y}"]`;
const field = (k) => `onpace-calculator [id$="-${k}"]:is(input, select)`;
const errOf = (k) => `onpace-calculator small[id$="-err-${k}"]`;
const out = (k) => `onpace-calculator [id$="-${k}"]`;

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => (await globalThis.axe.run(document)).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) })));
}

async function noHorizontalScroll(page, width) {
  const w = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
  assert.ok(w <= width, `the page is ${w} px wide in a ${width} px viewport`);
}

test('1280 px: computes, validates beside each field, switches language, axe finds nothing', async () => {
  const { page, errors } = await open(1280);
  // The default case: the national basic-research share on its published figures (2024: 6.88).
  // Hand: completion (6.88 − 6.01)/(8 − 6.01) = 43.7 % against a time share of 4/5 = 80.0 %.
  assert.equal(await page.getAttribute(out('status'), 'data-code'), 'lagging');
  assert.equal(await page.textContent(out('completion')), '43.7%');
  assert.equal(await page.textContent(out('time-share')), '80.0%');
  assert.ok((await page.textContent(out('status'))).includes('滞后'));
  const svg = await page.innerHTML(out('chart'));
  assert.ok(svg.startsWith('<svg') && svg.includes('<title>基础研究经费占研发经费比重</title>'), svg.slice(0, 300));
  assert.deepEqual(await axe(page), []);
  await noHorizontalScroll(page, 1280);

  // A typed-in case: 100 (2020) → 150 (2025), 140 observed in 2023 (illustrative numbers).
  // Hand: completion 40/50 = 80 % against τ = 3/5 = 60 %: at least 10 points ahead → ahead.
  await page.selectOption('#preset', '');
  await page.fill(field('baseline-year'), '2020');
  await page.fill(field('baseline-value'), '100');
  await page.selectOption(field('target-kind'), 'level');
  await page.fill(field('target-year'), '2025');
  await page.fill(field('target-value'), '150');
  for (const y of [2021, 2022, 2024, 2025]) await page.fill(cell(y), '');
  await page.fill(cell(2023), '140');
  assert.equal(await page.getAttribute(out('status'), 'data-code'), 'ahead');
  assert.equal(await page.textContent(out('completion')), '80.0%');
  assert.equal(await page.textContent(out('time-share')), '60.0%');
  const milestones = await page.textContent('onpace-calculator tbody[id$="-milestones"]');
  assert.ok(milestones.includes('2021110') && milestones.includes('2022120'), milestones); // 100 + 10 a year

  // The growth-rate target in per cent: 100 growing 10 % a year → 161.051 in 2025 (1.1^5, hand).
  // cn-plan-pace judges a growth target on its geometric path (docs/methods-cn-plan-pace-forms.md):
  // completion ln(140/100)/ln(1.1^5) = 0.336472/0.476551 = 70.6 % against τ = 60 %, at least
  // 10 points ahead → ahead (hand, natural logs to six places).
  await page.selectOption(field('target-kind'), 'annual_growth');
  await page.fill(field('target-value'), '10');
  assert.equal(await page.textContent(out('completion')), '70.6%');
  assert.equal(await page.getAttribute(out('status'), 'data-code'), 'ahead');
  await page.selectOption(field('target-kind'), 'level');
  await page.fill(field('target-value'), '150');

  // Validation as you type: the field's message beside it; the results cleared meanwhile.
  await page.fill(field('baseline-value'), '1x0');
  assert.equal(await page.textContent(errOf('baseline-value')), '基期值：不是有效的数值');
  assert.equal(await page.getAttribute(field('baseline-value'), 'aria-invalid'), 'true');
  assert.equal(await page.textContent(out('completion')), '—');
  assert.equal(await page.getAttribute(out('status'), 'data-code'), '');
  assert.equal(await page.innerHTML(out('chart')), '');
  await page.fill(field('baseline-value'), '100');
  await page.fill(field('target-year'), '2019');
  assert.equal(await page.textContent(errOf('target-year')), '目标年份：目标年份须晚于基期年份');
  await page.fill(field('target-year'), '2025');
  for (const y of [2021, 2022, 2024, 2025]) await page.fill(cell(y), '');
  await page.fill(cell(2023), '140');
  assert.equal(await page.getAttribute(out('status'), 'data-code'), 'ahead');

  // Language: the page's title and description, the element's labels and method description.
  await page.selectOption('#lang', 'en');
  assert.ok((await page.textContent(out('status'))).includes('ahead'));
  assert.equal(await page.textContent('h1'), 'Plan indicator pace calculator');
  assert.equal(await page.title(), 'onpace · Plan indicator pace calculator');
  assert.ok((await page.getAttribute('meta[name="description"]', 'content')).startsWith('Enter a plan indicator'));
  assert.ok((await page.textContent(out('method-desc'))).startsWith('Completion share against time share'));
  assert.equal(await page.inputValue(cell(2023)), '140'); // typed values survive the switch
  await page.selectOption('#lang', 'ko');
  assert.ok((await page.textContent(out('status'))).includes('예상보다 빠름'));
  assert.equal(await page.title(), 'onpace · 계획 지표 진도 계산기');
  assert.ok((await page.textContent(out('method-desc'))).startsWith('달성률 대 시간 경과율'));
  assert.deepEqual(await axe(page), []);
  await page.selectOption('#lang', 'zh');
  await page.selectOption('#preset', 'cn-14th-fyp-st/basic-research-share');
  await page.screenshot({ path: path.join(ROOT, 'target', 'calculator.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('390 px (and 320 px): no horizontal scrolling, axe finds nothing, a bad observation cell', async () => {
  const { page, errors } = await open(390);
  await noHorizontalScroll(page, 390);
  assert.deepEqual(await axe(page), []);
  // Two bad cells: each its own message beside it; the results cleared, the status says why.
  await page.fill(cell(2022), '6.5x');
  await page.fill(cell(2023), 'abc');
  assert.equal(await page.textContent(errOf('obs-2022')), '2022 年观测值：不是有效的数值');
  assert.equal(await page.textContent(errOf('obs-2023')), '2023 年观测值：不是有效的数值');
  assert.equal(await page.getAttribute(cell(2022), 'aria-invalid'), 'true');
  assert.equal(await page.textContent(errOf('obs-2024')), '');
  assert.equal(await page.textContent(out('completion')), '—');
  assert.equal(await page.textContent(out('status')), '输入有误，结果已清除');
  assert.equal(await page.innerHTML(out('chart')), '');
  assert.equal(await page.textContent('onpace-calculator tbody[id$="-milestones"]'), '');
  await noHorizontalScroll(page, 390);
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: path.join(ROOT, 'target', 'calculator-390-invalid.png'), fullPage: true });
  await page.fill(cell(2022), '6.57');
  await page.fill(cell(2023), '6.77');
  assert.equal(await page.getAttribute(out('status'), 'data-code'), 'lagging');
  assert.equal(await page.textContent(out('completion')), '43.7%');
  await page.screenshot({ path: path.join(ROOT, 'target', 'calculator-390.png'), fullPage: true });
  await page.setViewportSize({ width: 320, height: 900 });
  await noHorizontalScroll(page, 320);
  await page.setViewportSize({ width: 1440, height: 900 });
  await noHorizontalScroll(page, 1440);
  assert.deepEqual(errors, []);
});

test('the keyboard alone: every control in order, typing and choosing', async () => {
  const { page, errors } = await open(1280);
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    const inner = a && a.shadowRoot ? a.shadowRoot.activeElement : null;
    return (inner || a).id.replace(/^onpace-\d+-/, '');
  });
  const order = [];
  for (let i = 0; i < 14; i += 1) {
    await page.keyboard.press('Tab');
    order.push(await focused());
  }
  assert.deepEqual(order, ['lang', 'preset', 'baseline-year', 'baseline-value', 'target-kind', 'target-year', 'target-value', 'direction',
    'obs-2021', 'obs-2022', 'obs-2023', 'obs-2024', 'obs-2025', 'method']);
  // Back to the 2025 cell, type 8: the target is reached (8 ≥ 8) → achieved.
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(), 'obs-2025');
  await page.keyboard.type('8');
  assert.equal(await page.getAttribute(out('status'), 'data-code'), 'achieved');
  // The method with the arrow keys: eurostat's statuses.
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.inputValue(field('method')), 'eurostat');
  assert.ok((await page.textContent(out('method-desc'))).includes('欧盟'));
  assert.deepEqual(errors, []);
});

test('one polite live region, for the status only, written only when the status changes', async () => {
  const { page } = await open(1280);
  const regions = await page.evaluate(() => {
    const all = [];
    const walk = (root) => root.querySelectorAll('*').forEach((el) => {
      if (el.hasAttribute('aria-live') || ['status', 'alert', 'log'].includes(el.getAttribute('role'))) all.push(`${el.getAttribute('role')}:${el.getAttribute('aria-live')}:${el.id.replace(/^onpace-\d+-/, '')}`);
      if (el.shadowRoot) walk(el.shadowRoot);
    });
    walk(document);
    return all;
  });
  assert.deepEqual(regions, ['status:polite:status']);
  await page.evaluate(() => {
    const calc = document.querySelector('onpace-calculator');
    globalThis.statusWrites = 0;
    new MutationObserver((m) => { globalThis.statusWrites += m.length; })
      .observe(calc.shadowRoot.querySelector('[role="status"]'), { childList: true, characterData: true, subtree: true });
  });
  // 6.88 → 6.8 → 6.81 in 2024: still lagging; nothing to announce.
  await page.fill(cell(2024), '6.8');
  await page.fill(cell(2024), '6.81');
  assert.equal(await page.evaluate(() => globalThis.statusWrites), 0);
  await page.fill(cell(2025), '8'); // achieved: one announcement
  assert.equal(await page.evaluate(() => globalThis.statusWrites), 1);
});

test('the element in a plain page: attributes, per-cent rates, events, styling from outside, using', async () => {
  const { page, errors } = await open(1280, `${base}plain.html`);
  await page.waitForFunction(() => document.getElementById('a').result && document.getElementById('b').shadowRoot.querySelector('[role="status"]'), null, { timeout: 20000 });
  // a: rd-intensity 0.36 (2020) → 1.10 (2025), 0.60 in 2022, method eurostat (attributes).
  const a = await page.evaluate(() => { const r = document.getElementById('a').result.assessment; return [r.method, r.indicator, r.inputs.latestYear, r.inputs.latestValue]; });
  assert.deepEqual(a, ['eurostat', 'rd-intensity', 2022, '0.60']);
  assert.equal(await page.inputValue('#a input[id$="-obs-2022"]'), '0.60');
  // b: an annual-growth target of 0.07 shows as 7 (per cent); its implied 2025 level is
  // 100 × 1.07^5 = 100 × 1.4025517307 = 140.25517307 exactly (hand: 1.1449, 1.225043, 1.31079601, 1.4025517307).
  assert.equal(await page.inputValue('#b input[id$="-target-value"]'), '7');
  assert.match(await page.textContent('#b tbody[id$="-milestones"] tr:last-child td:nth-child(2)'), /^140\.25517307(0*)$/);
  // Events: a result event when an attribute changes the result; an invalid event for bad input.
  const events = await page.evaluate(async () => {
    const el = document.getElementById('b');
    const seen = [];
    el.addEventListener('onpace-result', (e) => seen.push(`result:${e.detail.assessment.status}`));
    document.addEventListener('onpace-invalid', (e) => seen.push(`invalid:${e.detail.errors[0].field}`));
    el.setAttribute('observations', '{"2023": "130"}');
    el.observations = { 2023: 'x' };
    el.method = 'open-sdg';
    return seen;
  });
  // 130 in 2023 against 100 → 140.26 by 2025: (30/40.26) = 74.5 % against 60 % → ahead (hand).
  assert.deepEqual(events, ['result:ahead', 'invalid:observations[2023].value', 'invalid:observations[2023].value']);
  // Styling from outside: the custom property reaches the bars, the part rule the status.
  const style = await page.evaluate(() => {
    const root = document.getElementById('a').shadowRoot;
    return [getComputedStyle(root.querySelector('.bar i')).backgroundColor, getComputedStyle(root.querySelector('[role="status"]')).outlineColor];
  });
  assert.deepEqual(style, ['rgb(0, 128, 0)', 'rgb(255, 0, 0)']);
  // lang as an attribute re-renders in Korean.
  await page.evaluate(() => document.getElementById('a').setAttribute('lang', 'ko'));
  assert.equal(await page.textContent('#a label[for$="-baseline-year"]'), '기준 연도');
  assert.equal(await page.textContent('#a [id$="-name"]'), 'GDP 대비 연구개발비 투입 비중');
  assert.equal(await page.textContent('#b small[id$="-err-obs-2023"]'), 'Observation 2023: not a valid number');
  assert.deepEqual(await axe(page), []);
  // `using` (explicit resource management, in Chromium): the plan is disposed at the block's end.
  const disposed = await page.evaluate(`(async () => {
    const { builtinPlan } = await import('./onpace/web/builtin.js');
    let kept;
    { using plan = builtinPlan(); kept = plan; plan.indicator('rd-intensity').path(); }
    try { kept.toJson(); return 'not disposed'; } catch (e) { return [kept.disposed, e.code]; }
  })()`);
  assert.deepEqual(disposed, [true, 'disposed']);
  await page.screenshot({ path: path.join(ROOT, 'target', 'element-plain.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('the element with wrong-typed properties: coded errors or ignored, never a broken element', async () => {
  const { page, errors } = await open(1280);
  const outcome = await page.evaluate(async () => {
    const { isOnpaceError } = await import('./onpace/web/index.js');
    const el = document.getElementById('calc');
    const bad = [12, {}, [], null, undefined, Symbol('s'), 10n, true, () => 1];
    const seen = [];
    for (const prop of ['indicator', 'observations', 'method', 'lang']) {
      for (const v of bad) {
        try { el[prop] = v; } catch (e) { if (!isOnpaceError(e)) seen.push(`${prop}: ${e}`); }
      }
    }
    for (const attr of ['indicator', 'observations', 'method', 'lang', 'builtin']) el.setAttribute(attr, '12');
    for (const attr of ['indicator', 'observations', 'method', 'lang', 'builtin']) el.removeAttribute(attr);
    // Back to a known case: 6.01 (2020) → 8 (2025), 6.88 in 2024 → 43.7 % (hand, as above).
    el.lang = 'zh';
    el.method = 'cn-plan-pace';
    el.indicator = JSON.stringify({ id: 'b', label: { zh: 'b' }, unit: { kind: 'percent' }, direction: 'increase', baseline: { year: 2020, value: '6.01' }, target: { kind: 'level', year: 2025, value: '8' } });
    el.observations = { 2024: '6.88' };
    return { seen, completion: el.result && el.result.assessment.completion };
  });
  assert.deepEqual(outcome.seen, []);
  assert.ok(outcome.completion.startsWith('0.437185929648241'), outcome.completion); // 0.87/1.99
  assert.deepEqual(errors, []);
});

test('what the JS package renders is well-formed XML in Chromium, hostile labels included', async () => {
  const { page } = await open(1280);
  const result = await page.evaluate(async () => {
    const onpace = await import('./onpace/web/index.js');
    const { builtinPlan, builtinObservations } = await import('./onpace/web/builtin.js');
    const spec = JSON.parse(builtinPlan('cn-14th-fyp-st').toJson());
    spec.indicators[0].label.zh = `<script>alert("x")</script> & 'q'`;
    const plan = onpace.Plan.fromJson(JSON.stringify(spec));
    const e = plan.evaluate(builtinObservations('cn-14th-fyp-st'));
    const yanbian = builtinPlan();
    const docs = [
      ['application/xhtml+xml', e.toHtml('zh')], ['application/xhtml+xml', e.toHtml('ko')], ['application/xhtml+xml', yanbian.toHtml('en')],
      ['image/svg+xml', e.chartSvg(spec.indicators[0].id, 'zh')], ['image/svg+xml', e.paceSvg('en')], ['image/svg+xml', yanbian.projectsSvg('ko')],
    ];
    const parser = new DOMParser();
    return docs.map(([type, text]) => {
      const doc = parser.parseFromString(text.replace(/^<!DOCTYPE html>\n?/, ''), type);
      return { type, error: doc.getElementsByTagName('parsererror').length, scripts: doc.getElementsByTagName('script').length };
    });
  });
  assert.equal(result.length, 6);
  for (const r of result) assert.deepEqual([r.error, r.scripts], [0, 0], JSON.stringify(r));
});

test('the HTML report and a chart render in Chromium (PNG under target/)', async () => {
  // The golden files are the Rust/Python renderers' output (tests/golden/README.md).
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`file://${path.join(ROOT, 'tests', 'golden', 'national-evaluation.zh.html')}`);
  assert.equal(await page.locator('table tbody tr').count(), 4);
  assert.equal(await page.locator('svg').count(), 5);
  await page.screenshot({ path: path.join(ROOT, 'target', 'report.png'), fullPage: true });
  await page.goto(`file://${path.join(ROOT, 'tests', 'golden', 'basic-research-share.zh.svg')}`);
  await page.screenshot({ path: path.join(ROOT, 'target', 'chart.png') });
  assert.deepEqual(errors, []);
});
