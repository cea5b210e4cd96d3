// A server bundle with onpace inside it (esbuild --bundle --platform=node): the .wasm is not
// beside the bundle, so the module is loaded from bytes given to init() (README, "Bundlers").
import { readFileSync } from 'node:fs';
import { init, isOnpaceError, methods, Indicator, Target, formatError } from 'onpace';
import { calculate } from './calculator.js';

let before = 'no error';
try { methods(); } catch (e) { before = isOnpaceError(e) ? e.code : String(e); }
await init(readFileSync(process.env.ONPACE_WASM));
console.log(`${before} | ${calculate({ Indicator, Target, formatError })}`);
