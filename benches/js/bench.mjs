// WASM size, instantiation time, and the latency of a whole Yanbian evaluation (with every
// chart: the HTML report holds one chart per indicator and the pace chart; and under every
// method), on the illustrative fixture, in Node and in headless Chromium, against a plain-JS
// cn-plan-pace for one indicator.  Run: node benches/js/bench.mjs  (after scripts/build-wasm)
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(ROOT, 'bindings-wasm/tests/package.json'));
const wasmPath = path.join(ROOT, 'bindings-wasm/pkg/web/onpace_wasm_bg.wasm');
const bytes = readFileSync(wasmPath);

// Illustrative observations (tests/fixtures/yanbian-illustrative.csv), not published data.
const OBS = {
  'rd-intensity': [{ year: 2021, value: '0.42', vintage: '2022-12-31' }, { year: 2022, value: '0.55' }],
  'hightech-firms-per-10k': [{ year: 2022, numerator: '150', denominator: '60000' }],
  'st-budget-share': [{ year: 2022, value: '0.30' }],
};
const METHODS = ['cn-plan-pace', 'eurostat', 'open-sdg', 'unsd', 'escap', 'destatis', 'sdsn'];

// What a front-end developer would write by hand for one indicator (cn-plan-pace, floats).
function plainPace(y0, ys, t0, T, t, yt) {
  const tau = (t - t0) / (T - t0);
  const p = (yt - y0) / (ys - y0);
  if (yt >= ys) return 'achieved';
  if (p < 0) return 'regressing';
  if (p < tau - 0.05) return 'lagging';
  if (p >= tau + 0.1) return 'ahead';
  return 'on_track';
}

function timeIt(fn, minMs = 300) {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) { fn(); n += 1; }
  return (performance.now() - start) / n;
}

async function node() {
  // The first compile is the one a page pays; later ones can hit V8's code cache.
  const c0 = performance.now();
  await WebAssembly.compile(bytes);
  const coldCompileMs = performance.now() - c0;
  const { builtinPlan } = await import(path.join(ROOT, 'bindings-wasm/pkg/node/builtin.mjs'));
  const plan = builtinPlan('yanbian-st-14');
  const evalAll = () => METHODS.map((m) => plan.evaluate(OBS, { method: m }).toMarkdown('zh'));
  const fullMs = timeIt(evalAll);
  const withChartsMs = timeIt(() => plan.evaluate(OBS).toHtml('zh'));
  const oneMethodMs = timeIt(() => plan.evaluate(OBS, { method: 'cn-plan-pace' }).toMarkdown('zh'));
  const oneMs = timeIt(() => plan.indicator('rd-intensity').assess(OBS['rd-intensity']));
  const plainMs = timeIt(() => plainPace(0.36, 1.10, 2020, 2025, 2022, 0.55));
  return { coldCompileMs, evaluateYanbianWithAllChartsMs: withChartsMs, evaluateYanbianOneMethodMs: oneMethodMs, evaluateYanbianEveryMethodMs: fullMs, oneAssessmentMs: oneMs, plainJsOneIndicatorMs: plainMs };
}

async function chromium() {
  const { chromium: browserType } = require('playwright-core');
  const www = path.join(ROOT, 'bindings-wasm/www');
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
  const server = http.createServer((req, res) => {
    const file = path.join(www, decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html');
    try { res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' }).end(readFileSync(file)); } catch { res.writeHead(404).end(); }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await browserType.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('body[data-ready="true"]');
  const result = await page.evaluate(async ([obs, methods]) => {
    const { builtinPlan } = await import('./onpace/web/builtin.js');
    const t0 = performance.now();
    const bytes = await (await fetch('./onpace/web/onpace_wasm_bg.wasm')).arrayBuffer();
    await WebAssembly.instantiate(bytes, { './onpace_wasm_bg.js': new Proxy({}, { get: () => () => 0 }), wbg: new Proxy({}, { get: () => () => 0 }) }).catch(() => null);
    const instantiateMs = performance.now() - t0;
    const plan = builtinPlan('yanbian-st-14');
    const run = () => methods.map((m) => plan.evaluate(obs, { method: m }).toMarkdown('zh'));
    let n = 0; const s = performance.now();
    while (performance.now() - s < 500) { run(); n += 1; }
    const fullMs = (performance.now() - s) / n;
    let j = 0; const s1 = performance.now();
    while (performance.now() - s1 < 500) { plan.evaluate(obs, { method: 'cn-plan-pace' }).toMarkdown('zh'); j += 1; }
    const oneMethodMs = (performance.now() - s1) / j;
    let c = 0; const sc = performance.now();
    while (performance.now() - sc < 500) { plan.evaluate(obs).toHtml('zh'); c += 1; }
    const withChartsMs = (performance.now() - sc) / c;
    let k = 0; const s2 = performance.now();
    while (performance.now() - s2 < 300) { plan.indicator('rd-intensity').assess(obs['rd-intensity']); k += 1; }
    return { fetchAndInstantiateMs: instantiateMs, evaluateYanbianWithAllChartsMs: withChartsMs, evaluateYanbianOneMethodMs: oneMethodMs, evaluateYanbianEveryMethodMs: fullMs, oneAssessmentMs: (performance.now() - s2) / k };
  }, [OBS, METHODS]);
  await browser.close();
  server.close();
  return result;
}

const size = { rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
console.log(JSON.stringify({ size, node: await node(), chromium: await chromium() }, null, 1));
