// The minimal calculator on the calculator module (`onpace/calc`), for esbuild (the .wasm's URL
// from the `file` loader, given to init()): what benches/js/size.mjs measures against the
// budgets, and what an embedder of one indicator ships.
import { init, Indicator, Target, formatError } from 'onpace/calc';
import wasmUrl from 'onpace/onpace_calc_bg.wasm';
import { calculate } from './calculator.js';

await init(wasmUrl);
document.body.dataset.result = calculate({ Indicator, Target, formatError });
