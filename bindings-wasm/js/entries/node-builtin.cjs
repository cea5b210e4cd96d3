// `onpace/builtin` for Node.js (CommonJS): the plans shipped with onpace.
'use strict';
const { Plan } = require('./index.cjs');
const data = require('../data/builtin-plans.cjs');
const { bindBuiltin } = require('../builtin.cjs');

module.exports = bindBuiltin(Plan, data);
