// init() with a compiled WebAssembly.Module (its own process: the module loads once per process).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers.mjs';

test('init(WebAssembly.Module)', async () => {
  const pkg = path.join(ROOT, 'bindings-wasm', 'pkg');
  const web = await import(pathToFileURL(path.join(pkg, 'web', 'index.js')).href);
  assert.throws(() => web.version(), (e) => e.code === 'not_initialized');
  await web.init(new WebAssembly.Module(readFileSync(path.join(pkg, 'web', 'onpace_wasm_bg.wasm'))));
  // 0.36 → 1.10 in five equal steps: the first milestone is 0.508 (hand).
  assert.equal(web.requiredPath([2020, '0.36'], [2025, '1.10'])[1].value, '0.508');
});
