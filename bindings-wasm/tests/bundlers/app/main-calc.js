// The minimal calculator on the calculator module (`onpace/calc`), for webpack: init() with no
// argument; webpack emits onpace_calc_bg.wasm and rewrites its URL.
import { init, Indicator, Target, formatError } from 'onpace/calc';
import { calculate } from './calculator.js';

await init();
document.body.dataset.result = calculate({ Indicator, Target, formatError });
