// The READMEs' JavaScript examples run as written (against the built package): the repository
// README's, and the first of the package README (bindings-wasm/README.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers.mjs';

for (const [name, count] of [['README.md', 1], ['bindings-wasm/README.md', null], ['docs/user-guide/calculator.md', 1]]) test(`the ${name} example runs`, async () => {
  const readme = readFileSync(path.join(ROOT, name), 'utf8');
  const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  if (count !== null) assert.equal(blocks.length, count);
  // Beside this package.json, so that `import ... from 'onpace'` resolves to the built package.
  const file = path.join(ROOT, 'bindings-wasm', 'tests', `readme-example-${process.pid}-${name.length}.mjs`);
  writeFileSync(file, blocks[0]);
  try {
    await import(pathToFileURL(file).href);
  } finally {
    rmSync(file, { force: true });
  }
});
