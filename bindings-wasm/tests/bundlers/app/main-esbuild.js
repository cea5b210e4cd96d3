// esbuild does not follow new URL(…, import.meta.url): import the .wasm (exported by the
// package) with the `file` loader, which copies it and gives its URL, and pass that to init().
import { init, Indicator, Target, formatError } from 'onpace';
import wasmUrl from 'onpace/onpace_wasm_bg.wasm';
import { calculate } from './calculator.js';

await init(wasmUrl);
document.body.dataset.result = calculate({ Indicator, Target, formatError });
