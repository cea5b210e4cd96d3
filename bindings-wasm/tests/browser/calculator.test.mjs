// The calculator page in headless Chromium (Debian's, driven by playwright-core): serves
// bindings-wasm/www on 127.0.0.1, checks the built-in case and a typed-in case, validation as
// you type, the language switch, and saves a screenshot under target/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from '../node/helpers.mjs';

const WWW = path.join(ROOT, 'bindings-wasm', 'www');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' };
let server;
let browser;
let base;

before(async () => {
  server = http.createServer(async (req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(WWW, rel);
    if (!file.startsWith(WWW)) { res.writeHead(403).end(); return; }
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
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('the calculator computes, validates and switches language', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });

  // The default case: the national basic-research share on its published figures (2024: 6.88).
  // Hand: completion (6.88 − 6.01)/(8 − 6.01) = 43.7 % against a time share of 4/5 = 80.0 %.
  assert.equal(await page.getAttribute('#status', 'data-code'), 'lagging');
  assert.equal(await page.textContent('#completion'), '43.7%');
  assert.equal(await page.textContent('#time-share'), '80.0%');
  assert.ok((await page.textContent('#status')).includes('滞后'));
  // The core's chart (the same renderer as the report): its font stack and the indicator's title.
  const svg = await page.innerHTML('#chart');
  assert.ok(svg.startsWith('<svg') && svg.includes('Noto Sans CJK SC') && svg.includes('<title>基础研究经费占研发经费比重</title>'), svg.slice(0, 400));

  // A typed-in case: 100 (2020) → 150 (2025), 140 observed in 2023 (illustrative numbers).
  // Hand: completion 40/50 = 80 % against τ = 3/5 = 60 %: at least 10 points ahead → ahead.
  await page.selectOption('#preset', '');
  await page.fill('#baseline-year', '2020');
  await page.fill('#baseline-value', '100');
  await page.selectOption('#target-kind', 'level');
  await page.fill('#target-year', '2025');
  await page.fill('#target-value', '150');
  for (const y of ['2021', '2022', '2024', '2025']) await page.fill(`input[data-year="${y}"]`, '');
  await page.fill('input[data-year="2023"]', '140');
  assert.equal(await page.getAttribute('#status', 'data-code'), 'ahead');
  assert.equal(await page.textContent('#completion'), '80.0%');
  assert.equal(await page.textContent('#time-share'), '60.0%');
  // Required milestones from the baseline: 100 + 10 a year.
  const milestones = await page.textContent('#milestones');
  assert.ok(milestones.includes('2021110') && milestones.includes('2022120'), milestones);

  // Validation as you type: the library's own message beside the field.
  await page.fill('#baseline-value', '1x0');
  const message = await page.textContent('.err[data-for="baseline.value"]');
  assert.ok(message.includes('1x0'), message);
  assert.equal(await page.getAttribute('#baseline-value', 'aria-invalid'), 'true');
  await page.fill('#target-year', '2019');
  await page.fill('#baseline-value', '100');
  assert.ok((await page.textContent('.err[data-for="target.year"]')).length > 0);
  await page.fill('#target-year', '2025');
  for (const y of ['2021', '2022', '2024', '2025']) await page.fill(`input[data-year="${y}"]`, '');
  await page.fill('input[data-year="2023"]', '140');
  assert.equal(await page.getAttribute('#status', 'data-code'), 'ahead');

  // Language switch.
  await page.selectOption('#lang', 'en');
  assert.ok((await page.textContent('#status')).includes('ahead'));
  assert.equal(await page.textContent('h1'), 'Plan indicator pace calculator');
  await page.selectOption('#lang', 'ko');
  assert.ok((await page.textContent('#status')).includes('예상보다 빠름'));
  await page.selectOption('#lang', 'zh');

  await page.selectOption('#preset', 'cn-14th-fyp-st/basic-research-share');
  await mkdir(path.join(ROOT, 'target'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'target', 'calculator.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('what the JS package renders is well-formed XML in Chromium, hostile labels included', async () => {
  const page = await browser.newPage();
  await page.goto(base);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  const result = await page.evaluate(async () => {
    const onpace = await import('./onpace/web/index.js');
    const spec = JSON.parse(onpace.builtinPlan('cn-14th-fyp-st').toJson());
    spec.indicators[0].label.zh = `<script>alert("x")</script> & 'q'`;
    const plan = onpace.Plan.fromJson(JSON.stringify(spec));
    const e = plan.evaluate(onpace.builtinObservations('cn-14th-fyp-st'));
    const yanbian = onpace.builtinPlan();
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
