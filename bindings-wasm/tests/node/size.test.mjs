// The size budget of the WebAssembly module: gzipped below 200 KB (200 000 bytes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { ROOT } from './helpers.mjs';

test('the .wasm gzips below 200 KB', () => {
  const wasm = readFileSync(path.join(ROOT, 'bindings-wasm', 'pkg', 'web', 'onpace_wasm_bg.wasm'));
  const gz = gzipSync(wasm, { level: 9 }).length;
  console.log(`onpace_wasm_bg.wasm: raw ${wasm.length} bytes, gzipped ${gz} bytes`);
  assert.ok(gz < 200_000, `gzipped ${gz} bytes is over the 200 KB budget`);
});
