// `npm pack` / `npm publish` of bindings-wasm: refuses to pack without a build, and copies the
// repository's licence files into the package (they are written once, at the repository root).
import { copyFileSync, existsSync } from 'node:fs';

if (!existsSync('pkg/web/onpace_wasm_bg.wasm') || !existsSync('pkg/node/index.cjs')) {
  console.error('bindings-wasm/pkg is missing or incomplete: run scripts/build-wasm first');
  process.exit(1);
}
for (const f of ['LICENSE-MIT', 'LICENSE-APACHE']) {
  if (!existsSync(`../${f}`)) {
    console.error(`../${f} is missing: the package cannot be packed without its licence`);
    process.exit(1);
  }
  copyFileSync(`../${f}`, f);
}
