// `onpace/calc` for Node.js (CommonJS): wasm-bindgen's nodejs build of the calculator module,
// which loads onpace_calc_bg.wasm beside it when required. init() exists for symmetry.
'use strict';
const api = require('../api.cjs');
const errors = require('../../errors.cjs');

api.connect({ ready: () => true, hint: '' });

async function init() {}

module.exports = {
  init,
  Target: api.Target, Indicator: api.Indicator,
  methods: api.methods, statuses: api.statuses, version: api.version, parseRate: api.parseRate,
  progress: api.progress, requiredPath: api.requiredPath, projectTrend: api.projectTrend, project: api.project, errorCodes: api.errorCodeList, ERROR_NAMES: api.ERROR_NAMES,
  ...errors.PUBLIC,
};
