// The packed package as a front-end developer gets it: `npm pack` of bindings-wasm, installed
// from the tarball into this project (bundlers from its package-lock.json, node_modules kept
// between runs), then the one-indicator calculator (app/) built by Vite, esbuild and webpack
// (on `onpace`, and on `onpace/calc` by esbuild and webpack, with its JS budget) and opened in
// headless Chromium, and run in Node.js as ES module, as CommonJS and as a server
// bundle (onpace external, and onpace bundled with init(bytes)); and the element used from
// React and Vue without wrappers. Each must show the hand-computed
// result: 100 (2020) → 150 (2025), 140 in 2023: completion 40/50 = 0.8 ahead of 3/5 → "ahead 0.8",
// and the bad cell named by year in English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import http from 'node:http';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PACKAGE = path.resolve(HERE, '..', '..');
const EXPECTED = 'ahead 0.8 | Observation 2023: not a valid number';
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: HERE, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
const bin = (name) => path.join(HERE, 'node_modules', '.bin', name);
let tarball;
let tmp;
let browser;
let server;
let base;

before(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'onpace-pack-'));
  // The bundlers, from the lock file; node_modules is reused while the lock file is unchanged.
  const lock = createHash('sha256').update(readFileSync(path.join(HERE, 'package-lock.json'))).digest('hex');
  const stamp = path.join(HERE, 'node_modules', '.onpace-lock-sha256');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lock) {
    run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
    writeFileSync(stamp, lock);
  }
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: PACKAGE }));
  tarball = path.join(tmp, packed[0].filename);
  // Installed as a user installs a tarball (no-save: the lock file stays the bundlers').
  rmSync(path.join(HERE, 'node_modules', 'onpace'), { recursive: true, force: true });
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', tarball]);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
  server = http.createServer(async (req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '');
    const file = path.join(HERE, 'dist', rel.endsWith('/') ? `${rel}index.html` : rel);
    if (!file.startsWith(path.join(HERE, 'dist'))) { res.writeHead(403).end(); return; }
    let body;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
});

after(async () => {
  await browser?.close();
  server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function openInChromium(dir) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${base}${dir}/`);
  await page.waitForSelector('body[data-result]', { state: 'attached', timeout: 20000 }).catch(() => {});
  const result = await page.getAttribute('body', 'data-result');
  await page.close();
  assert.deepEqual(errors, [], `${dir}: ${errors.join('\n')}`);
  return result;
}

test('the tarball: README, CHANGELOG, licences, every entry point and the .wasm', () => {
  const files = run('tar', ['-tzf', tarball]).split('\n');
  for (const f of ['README.md', 'CHANGELOG.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'package.json', 'pkg/index.d.ts', 'pkg/builtin.d.ts',
    'pkg/schema.d.ts', 'pkg/element.d.ts', 'pkg/web/index.js', 'pkg/web/builtin.js', 'pkg/web/element.js', 'pkg/web/onpace_wasm_bg.wasm',
    'pkg/node/index.mjs', 'pkg/node/index.cjs', 'pkg/node/builtin.mjs', 'pkg/node/builtin.cjs', 'pkg/schema.js', 'pkg/schema.cjs',
    'pkg/node/onpace_wasm_bg.wasm', 'pkg/calc.d.ts', 'pkg/calc/web/index.js', 'pkg/calc/web/onpace_calc_bg.wasm', 'pkg/calc/node/index.mjs',
    'pkg/calc/node/index.cjs', 'pkg/calc/node/onpace_calc_bg.wasm']) {
    assert.ok(files.includes(`package/${f}`), `the tarball lacks ${f}`);
  }
  const pkg = JSON.parse(readFileSync(path.join(HERE, 'node_modules', 'onpace', 'package.json'), 'utf8'));
  for (const entry of ['.', './calc', './builtin', './schema', './element', './onpace_wasm_bg.wasm', './onpace_calc_bg.wasm', './package.json']) assert.ok(entry in pkg.exports, entry);
});

test('Vite builds it; Chromium shows the result', async () => {
  run(bin('vite'), ['build']);
  assert.equal(await openInChromium('vite'), EXPECTED);
});

test('webpack builds it; Chromium shows the result', async () => {
  run(bin('webpack'), ['--config', 'webpack.config.cjs']);
  copyFileSync(path.join(HERE, 'app', 'index.html'), path.join(HERE, 'dist', 'webpack', 'index.html'));
  assert.equal(await openInChromium('webpack'), EXPECTED);
});

test('esbuild builds it (the .wasm imported with the file loader, its URL given to init); Chromium shows the result', async () => {
  run(bin('esbuild'), ['app/main-esbuild.js', '--bundle', '--format=esm', '--minify', '--loader:.wasm=file', '--outfile=dist/esbuild/main.js']);
  copyFileSync(path.join(HERE, 'app', 'index.html'), path.join(HERE, 'dist', 'esbuild', 'index.html'));
  assert.equal(await openInChromium('esbuild'), EXPECTED);
});

test('the minimal calculator on onpace/calc: esbuild and webpack build it; Chromium shows the result', async () => {
  rmSync(path.join(HERE, 'dist', 'esbuild-calc'), { recursive: true, force: true }); // webpack cleans its own
  run(bin('esbuild'), ['app/main-calc-esbuild.js', '--bundle', '--format=esm', '--minify', '--loader:.wasm=file', '--outfile=dist/esbuild-calc/main.js']);
  copyFileSync(path.join(HERE, 'app', 'index.html'), path.join(HERE, 'dist', 'esbuild-calc', 'index.html'));
  assert.equal(await openInChromium('esbuild-calc'), EXPECTED);
  run(bin('webpack'), ['--config', 'webpack.config.cjs', '--env', 'calc']);
  copyFileSync(path.join(HERE, 'app', 'index.html'), path.join(HERE, 'dist', 'webpack-calc', 'index.html'));
  assert.equal(await openInChromium('webpack-calc'), EXPECTED);
  // Each bundle emitted the calculator module (about 360 KB raw), not the full one (about 560 KB).
  for (const dir of ['esbuild-calc', 'webpack-calc']) {
    const wasm = readdirSync(path.join(HERE, 'dist', dir)).filter((f) => f.endsWith('.wasm'));
    const sizes = wasm.map((f) => statSync(path.join(HERE, 'dist', dir, f)).size);
    assert.equal(wasm.length, 1, `${dir}: ${wasm}`);
    assert.ok(sizes[0] < 450_000, `${dir}: ${wasm} is ${sizes[0]} bytes, the full module`);
  }
});

test('the budget of the minimal calculator\'s JS on onpace/calc: at most 8 KiB gzipped (the esbuild bundle above; benches/js/size.mjs reports it)', () => {
  const js = readFileSync(path.join(HERE, 'dist', 'esbuild-calc', 'main.js'));
  const size = gzipSync(js, { level: 9 }).length;
  console.log(`the minimal calculator's JS (onpace/calc, esbuild --minify): ${size} bytes gzipped`);
  assert.ok(size <= 8 * 1024, `the one-indicator calculator's JS is ${size} bytes gzipped, over 8 KiB (8 192 bytes)`);
  // Tree-shaken: no plans, no evaluation, no CSV, no built-in plans.
  for (const word of ['PlanHandle', 'yanbian-st-14', 'an Evaluation comes from']) assert.ok(!js.includes(word), word);
});

for (const [name, entry] of [['react', 'app/react.jsx'], ['vue', 'app/vue.js']]) {
  test(`${name === 'react' ? 'React 19' : 'Vue 3'} uses <onpace-calculator> without a wrapper (esbuild); Chromium shows the result`, async () => {
    run(bin('esbuild'), [entry, '--bundle', '--format=esm', '--minify', '--loader:.wasm=file', '--jsx=automatic', `--outfile=dist/${name}/main.js`,
      '--define:process.env.NODE_ENV="production"', '--define:__VUE_OPTIONS_API__=true', '--define:__VUE_PROD_DEVTOOLS__=false',
      '--define:__VUE_PROD_HYDRATION_MISMATCH_DETAILS__=false']);
    copyFileSync(path.join(HERE, 'app', 'root.html'), path.join(HERE, 'dist', name, 'index.html'));
    // The element's result event reached the framework's handler: 140 of 100 → 150 by 2023.
    assert.equal(await openInChromium(name), 'ahead 0.8');
  });
}

test('Node.js: ES module and CommonJS (onpace and onpace/calc), from the installed tarball', () => {
  assert.equal(run('node', ['app/node.mjs']).trim(), `${EXPECTED} | 0.508`);
  assert.equal(run('node', ['app/node.cjs']).trim(), 'ahead 0.8 | ahead 0.8 | 0.508');
  // onpace/calc: the same calculator; it has no Plan.
  assert.equal(run('node', ['app/node-calc.mjs']).trim(), `${EXPECTED} | false`);
});

test('Node.js server bundles: onpace marked external, or bundled in with init(bytes)', () => {
  run(bin('esbuild'), ['app/node.mjs', '--bundle', '--platform=node', '--format=esm', '--external:onpace', '--outfile=dist/server/external.mjs']);
  assert.equal(run('node', ['dist/server/external.mjs']).trim(), `${EXPECTED} | 0.508`);
  run(bin('esbuild'), ['app/server-bundled.mjs', '--bundle', '--platform=node', '--format=esm', '--outfile=dist/server/bundled.mjs']);
  const wasm = path.join(HERE, 'node_modules', 'onpace', 'pkg', 'web', 'onpace_wasm_bg.wasm');
  // Before init(bytes) the bundle says what is missing with a code, instead of failing at import.
  assert.equal(run('node', ['dist/server/bundled.mjs'], { env: { ...process.env, ONPACE_WASM: wasm } }).trim(), `not_initialized | ${EXPECTED}`);
});

test('a ceiling on the calculator bundle\'s JS on the full module (against regressions such as the built-in plans creeping back in)', () => {
  // 8 433 bytes gzipped when onpace/calc was added (issue 15): the same calculator on `onpace`
  // carries the full module's glue; the built-in plans or the schema in the main entry would
  // add 12 KB.
  const js = readFileSync(path.join(HERE, 'dist', 'esbuild', 'main.js'));
  const size = gzipSync(js, { level: 9 }).length;
  assert.ok(size < 10_000, `the one-indicator calculator's JS on onpace is ${size} bytes gzipped`);
  assert.ok(!js.includes('yanbian-st-14'), 'the built-in plans are in the main entry');
});
