// Vite and webpack: init() with no argument; the bundler emits onpace_wasm_bg.wasm and
// rewrites its URL (new URL(…, import.meta.url) in the glue).
import { init, Indicator, Target, formatError } from 'onpace';
import { calculate } from './calculator.js';

await init();
document.body.dataset.result = calculate({ Indicator, Target, formatError });
