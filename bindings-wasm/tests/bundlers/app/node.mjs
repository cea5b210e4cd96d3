// Node.js, ES modules: the import loads the module; no init() needed.
import { calculate } from './calculator.js';
import { builtinPlan } from 'onpace/builtin';

console.log(`${calculate()} | ${builtinPlan().indicator('rd-intensity').path()[1].value}`);
