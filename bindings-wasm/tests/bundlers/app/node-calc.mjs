// Node.js, ES modules, on the calculator module (`onpace/calc`): loaded at import, as `onpace`.
import * as calc from 'onpace/calc';
import { calculate } from './calculator.js';

console.log(`${calculate(calc)} | ${'Plan' in calc}`);
