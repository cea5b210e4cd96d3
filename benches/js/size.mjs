// What an embedder ships, gzipped (level 9): the one-indicator calculator of
// bindings-wasm/tests/bundlers/app/ (main entry only: Indicator, Target, init, formatError)
// and the <onpace-calculator> element, each bundled and minified by esbuild from the packed
// package as installed by the bundler test, plus the .wasm they load.
// Run: scripts/build-wasm && (cd bindings-wasm/tests && node --test bundlers/) && node benches/js/size.mjs
// Budgets (issue 15): the .wasm ≤ 170 000 bytes and the calculator's JS ≤ 8 000 bytes gzipped.
// Exit status 1 when the JS is over its budget; the .wasm's is reported (see benches/README.md).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PROJECT = path.join(ROOT, 'bindings-wasm/tests/bundlers');
const ESBUILD = path.join(PROJECT, 'node_modules/.bin/esbuild');
const BUDGET = { wasm: 170_000, calculatorJs: 8_000 };
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const out = mkdtempSync(path.join(os.tmpdir(), 'onpace-size-'));

function bundle(entry, dir, extra = []) {
  execFileSync(ESBUILD, [entry, '--bundle', '--format=esm', '--minify', '--loader:.wasm=file', `--outdir=${path.join(out, dir)}`, ...extra], { cwd: PROJECT, stdio: ['ignore', 'ignore', 'inherit'] });
  const files = readdirSync(path.join(out, dir));
  return Object.fromEntries(files.map((f) => [f, gz(path.join(out, dir, f))]));
}

try {
  const calc = bundle('app/main-esbuild.js', 'calculator');
  // The element loads the built-in plans only for its `builtin` attribute: with code splitting
  // they are a chunk of their own that a page without that attribute never fetches.
  const element = bundle('app/element.js', 'element', ['--splitting']);
  const wasmGz = gz(path.join(PROJECT, 'node_modules/onpace/pkg/web/onpace_wasm_bg.wasm'));
  const js = (files) => Object.entries(files).filter(([f]) => f.endsWith('.js'));
  const calcJs = js(calc).reduce((s, [, n]) => s + n, 0);
  const elementJs = js(element);
  const builtinChunk = elementJs.filter(([f]) => f.startsWith('builtin'));
  const elementOwn = elementJs.filter(([f]) => !f.startsWith('builtin')).reduce((s, [, n]) => s + n, 0);
  const report = {
    wasmGzip: wasmGz,
    calculatorJsGzip: calcJs,
    elementJsGzip: elementOwn,
    elementBuiltinPlansChunkGzip: builtinChunk.reduce((s, [, n]) => s + n, 0),
    calculatorTotalGzip: calcJs + wasmGz,
    elementTotalGzip: elementOwn + wasmGz,
    budget: BUDGET,
  };
  console.log(JSON.stringify(report, null, 1));
  if (wasmGz > BUDGET.wasm) console.log(`the .wasm is ${wasmGz - BUDGET.wasm} bytes over its ${BUDGET.wasm}-byte budget (benches/README.md says why)`);
  if (calcJs > BUDGET.calculatorJs) {
    console.error(`the calculator's JS is ${calcJs} bytes gzipped, over its ${BUDGET.calculatorJs}-byte budget`);
    process.exitCode = 1;
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
