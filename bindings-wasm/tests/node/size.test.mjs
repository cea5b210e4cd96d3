// The size budget of the WebAssembly module: gzipped below 225 KB (225 000 bytes). It was 200 KB
// until issue 12 (plan forms: growth-rate indicators, bounds, dates, chained changes, revised
// baselines, sub-annual figures, per-cent rates and their report wording) added 22 KB gzipped
// (195 960 → 218 040 bytes, measured by this test); see benches/README.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { ROOT } from './helpers.mjs';

test('the .wasm gzips below 225 KB', () => {
  const wasm = readFileSync(path.join(ROOT, 'bindings-wasm', 'pkg', 'web', 'onpace_wasm_bg.wasm'));
  const gz = gzipSync(wasm, { level: 9 }).length;
  console.log(`onpace_wasm_bg.wasm: raw ${wasm.length} bytes, gzipped ${gz} bytes`);
  assert.ok(gz < 225_000, `gzipped ${gz} bytes is over the 225 KB budget`);
});
