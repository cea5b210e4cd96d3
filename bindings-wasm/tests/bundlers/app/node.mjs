// Node.js, ES modules: the import loads the module; no init() needed.
import { Indicator, Target, formatError } from 'onpace';
import { calculate } from './calculator.js';
import { builtinPlan } from 'onpace/builtin';

console.log(`${calculate({ Indicator, Target, formatError })} | ${builtinPlan().indicator('rd-intensity').path()[1].value}`);
