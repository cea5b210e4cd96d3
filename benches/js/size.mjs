// What an embedder ships, gzipped (level 9, node's zlib): the one-indicator calculator of
// bindings-wasm/tests/bundlers/app/ (Indicator, Target, init, formatError) on the calculator
// module (`onpace/calc`, app/main-calc-esbuild.js) and on the full module (`onpace`,
// app/main-esbuild.js), and the <onpace-calculator> element (which uses the full module: it
// draws the core's chart), each bundled and minified by esbuild from the packed package as
// installed by the bundler test, plus the .wasm each loads.
// Run: scripts/build-wasm && (cd bindings-wasm/tests && node --test bundlers/) && node benches/js/size.mjs
// Budgets (issue 15), in KiB (1 KiB = 1 024 bytes): the calculator's .wasm ≤ 170 KiB and its
// JS ≤ 8 KiB. Exit status 1 when either is over (the same budgets are tests: tests/node/size.test.mjs
// and tests/bundlers/bundlers.test.mjs).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PROJECT = path.join(ROOT, 'bindings-wasm/tests/bundlers');
const ESBUILD = path.join(PROJECT, 'node_modules/.bin/esbuild');
const KIB = 1024;
const BUDGET = { calcWasm: 170 * KIB, calculatorJs: 8 * KIB };
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const out = mkdtempSync(path.join(os.tmpdir(), 'onpace-size-'));

function bundle(entry, dir, extra = []) {
  execFileSync(ESBUILD, [entry, '--bundle', '--format=esm', '--minify', '--loader:.wasm=file', `--outdir=${path.join(out, dir)}`, ...extra], { cwd: PROJECT, stdio: ['ignore', 'ignore', 'inherit'] });
  const files = readdirSync(path.join(out, dir));
  return Object.fromEntries(files.map((f) => [f, gz(path.join(out, dir, f))]));
}
const jsOf = (files) => Object.entries(files).filter(([f]) => f.endsWith('.js'));
const sum = (entries) => entries.reduce((s, [, n]) => s + n, 0);

try {
  const pkg = path.join(PROJECT, 'node_modules/onpace/pkg');
  const calcWasm = gz(path.join(pkg, 'calc/web/onpace_calc_bg.wasm'));
  const fullWasm = gz(path.join(pkg, 'web/onpace_wasm_bg.wasm'));
  const calcJs = sum(jsOf(bundle('app/main-calc-esbuild.js', 'calc')));
  const fullCalcJs = sum(jsOf(bundle('app/main-esbuild.js', 'calculator-full')));
  // The element loads the built-in plans only for its `builtin` attribute: with code splitting
  // they are a chunk of their own that a page without that attribute never fetches.
  const elementJs = jsOf(bundle('app/element.js', 'element', ['--splitting']));
  const elementOwn = sum(elementJs.filter(([f]) => !f.startsWith('builtin')));
  const report = {
    calcWasmGzip: calcWasm,
    calculatorJsGzip: calcJs,
    calculatorTotalGzip: calcJs + calcWasm,
    fullWasmGzip: fullWasm,
    calculatorOnFullModuleJsGzip: fullCalcJs,
    elementJsGzip: elementOwn,
    elementBuiltinPlansChunkGzip: sum(elementJs.filter(([f]) => f.startsWith('builtin'))),
    elementTotalGzip: elementOwn + fullWasm,
    budgetBytes: BUDGET,
  };
  console.log(JSON.stringify(report, null, 1));
  if (calcWasm > BUDGET.calcWasm) {
    console.error(`the calculator's .wasm is ${calcWasm} bytes gzipped, over its ${BUDGET.calcWasm}-byte (170 KiB) budget`);
    process.exitCode = 1;
  }
  if (calcJs > BUDGET.calculatorJs) {
    console.error(`the calculator's JS is ${calcJs} bytes gzipped, over its ${BUDGET.calculatorJs}-byte (8 KiB) budget`);
    process.exitCode = 1;
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
