// Runs the README's JavaScript example in Node against the installed npm tarball, as a user
// would. Usage (in the scratch npm project): node readme-js.mjs README.md
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const readme = readFileSync(process.argv[2], 'utf8');
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
assert.ok(blocks.length >= 1, 'the README has no JS example');

// `import ... from 'onpace'` must resolve to the installed tarball in node_modules.
const resolved = fileURLToPath(import.meta.resolve('onpace'));
assert.ok(resolved.includes(`${path.sep}node_modules${path.sep}onpace${path.sep}`), resolved);

// Every path the package's manifest names exists in what npm installed.
const pkgDir = path.resolve('node_modules', 'onpace');
const manifest = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const named = new Set();
const walk = (v) => {
  if (typeof v === 'string') named.add(v);
  else if (v && typeof v === 'object') Object.values(v).forEach(walk);
};
walk(manifest.exports);
if (manifest.types) named.add(manifest.types);
if (manifest.main) named.add(manifest.main);
for (const rel of named) {
  if (rel.includes('*')) continue;
  assert.ok(existsSync(path.join(pkgDir, rel)), `package.json names ${rel}, which the tarball lacks`);
}

blocks.forEach((code, i) => writeFileSync(`readme-example-${i}.mjs`, code));
for (let i = 0; i < blocks.length; i++) await import(pathToFileURL(path.resolve(`readme-example-${i}.mjs`)).href);

// The example's stated results (its comments), checked so a silent change cannot pass:
// rd-intensity 0.36 (2020) → 1.10 (2025) on equal increments of (1.10 − 0.36)/5 = 0.148;
// 0.60 in 2022 is completion 0.324 against a time share of 0.4: lagging.
const { init } = await import('onpace');
const { builtinPlan } = await import('onpace/builtin');
await init();
const rd = builtinPlan().indicator('rd-intensity');
const values = rd.path().map((m) => m.value);
assert.equal(values[0], '0.36');
assert.equal(values[1], '0.508');
assert.equal(values.at(-1), '1.10');
assert.equal(rd.assess({ 2022: '0.60' }).status, 'lagging');
console.log(`README JS example ran on the tarball (${resolved}), ${blocks.length} block(s)`);
