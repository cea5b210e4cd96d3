// The README's JavaScript example runs as written (against the built package).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers.mjs';

test('the README example runs', async () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.equal(blocks.length, 1);
  // Beside this package.json, so that `import ... from 'onpace'` resolves to the built package.
  const file = path.join(ROOT, 'bindings-wasm', 'tests', `readme-example-${process.pid}.mjs`);
  writeFileSync(file, blocks[0]);
  try {
    await import(pathToFileURL(file).href);
  } finally {
    rmSync(file, { force: true });
  }
});
