// Node.js, CommonJS: `onpace` and `onpace/calc` side by side (each its own module instance).
const { Indicator, Target } = require('onpace');
const { builtinPlan } = require('onpace/builtin');
const calc = require('onpace/calc');

const ind = new Indicator('x', { unit: 'index', direction: 'increase', baseline: [2020, '100'], target: Target.level(2025, '150') });
const a = ind.progress({ 2023: '140' });
const small = new calc.Indicator('x', { unit: 'index', direction: 'increase', baseline: [2020, '100'], target: calc.Target.level(2025, '150') });
const b = small.progress({ 2023: '140' });
console.log(`${a.status} ${a.completion} | ${b.status} ${b.completion} | ${builtinPlan().indicator('rd-intensity').path()[1].value}`);
