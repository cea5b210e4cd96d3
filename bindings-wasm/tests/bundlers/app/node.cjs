// Node.js, CommonJS.
const { Indicator, Target } = require('onpace');
const { builtinPlan } = require('onpace/builtin');

const ind = new Indicator('x', { unit: 'index', direction: 'increase', baseline: [2020, '100'], target: Target.level(2025, '150') });
const a = ind.progress({ 2023: '140' });
console.log(`${a.status} ${a.completion} | ${builtinPlan().indicator('rd-intensity').path()[1].value}`);
