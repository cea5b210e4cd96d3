// `npm pack` / `npm publish` of bindings-wasm: refuses to pack a package that was not built
// (scripts/build-wasm), which would otherwise ship without its module and entry points.
import { existsSync } from 'node:fs';

for (const f of ['pkg/web/onpace_wasm_bg.wasm', 'pkg/web/index.js', 'pkg/node/index.mjs', 'pkg/node/index.cjs', 'pkg/index.d.ts', 'pkg/web/element.js',
  'pkg/calc/web/onpace_calc_bg.wasm', 'pkg/calc/web/index.js', 'pkg/calc/node/index.mjs', 'pkg/calc/node/index.cjs', 'pkg/calc.d.ts']) {
  if (!existsSync(f)) {
    console.error(`bindings-wasm/${f} is missing: run scripts/build-wasm first`);
    process.exit(1);
  }
}
