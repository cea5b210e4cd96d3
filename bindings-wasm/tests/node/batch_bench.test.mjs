// benches/js/batch.mjs runs (small, untimed: speed is the benchmark's business, not a test's)
// and its equality checks pass: batchAssess against plain JS, batchEvaluate against an
// Indicator.assess loop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './helpers.mjs';

test('the batch benchmark runs and its results agree', () => {
  const out = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'benches/js/batch.mjs'), '20000', '100'], { encoding: 'utf8' }));
  assert.equal(out.rows, 20000);
  assert.ok(out.plainJsOverBatch > 0);
  for (const m of ['cn-plan-pace', 'open-sdg', 'destatis']) assert.ok(out.panel[m].series >= 90, m);
});
