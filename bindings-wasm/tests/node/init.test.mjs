// The browser entry, run in Node: a call before init() is a coded error that says to call it;
// init() refuses what it cannot load with a coded error; init(bytes) and init(module) work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers.mjs';

const PKG = path.join(ROOT, 'bindings-wasm', 'pkg');

test('before init(): NotInitializedError; init() refuses what it cannot load; then init(Response)', async () => {
  const web = await import(pathToFileURL(path.join(PKG, 'web', 'index.js')).href);
  const batch = [() => web.batchMethods(), () => web.batchStatusCodes(), () => web.batchEvaluate([]),
    () => web.batchAssess({ baseline: 1, target: 2, baseYear: 2020, targetYear: 2025, year: 2023, value: 1.5 })];
  for (const f of [() => web.methods(), () => web.Plan.fromJson('{}'), () => web.progress([2020, 1], [2022, 2], [2025, 3]), ...batch]) {
    assert.throws(f, (e) => e instanceof web.NotInitializedError && e.code === 'not_initialized' && /await init\(\)/.test(e.message));
  }
  // Pure JS works before init().
  assert.equal(web.Target.level(2025, 2).year, 2025);
  await assert.rejects(web.init(12), (e) => e instanceof TypeError && e.code === 'invalid_argument' && e.field === 'input');
  await assert.rejects(web.init(new Uint8Array([0, 1, 2])), (e) => e.code === 'not_initialized' && /could not load/.test(e.message));
  const bytes = readFileSync(path.join(PKG, 'web', 'onpace_wasm_bg.wasm'));
  // A Response (what fetch() gives; init-module.test.mjs loads a compiled module).
  await web.init(new Response(bytes, { headers: { 'content-type': 'application/wasm' } }));
  await web.init(); // a second call is a no-op
  assert.equal(web.requiredPath([2020, '0.36'], [2025, '1.10'])[1].value, '0.508');
});

test('CommonJS: require("onpace") and require("onpace/builtin")', async () => {
  const { createRequire } = await import('node:module');
  const require = createRequire(path.join(ROOT, 'bindings-wasm', 'tests', 'package.json'));
  const onpace = require('onpace');
  const { builtinPlan } = require('onpace/builtin');
  const { planSchema } = require('onpace/schema');
  // 0.36 → 1.10 in five equal steps: the first milestone is 0.508 (hand).
  assert.equal(builtinPlan().indicator('rd-intensity').path()[1].value, '0.508');
  assert.equal(JSON.parse(planSchema()).title, 'Plan');
  assert.throws(() => onpace.Plan.fromJson(12), (e) => e instanceof onpace.OnpaceError && e instanceof TypeError);
});
