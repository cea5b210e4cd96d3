// The Node.js CommonJS entry (`require('onpace')`): wasm-bindgen's nodejs build, which loads
// onpace_wasm_bg.wasm beside it when required. init() exists for symmetry.
'use strict';
const api = require('../api.cjs');
const plan = require('../plan.cjs');
const batch = require('../batch.cjs');
const errors = require('../errors.cjs');

api.connect({ ready: () => true, hint: '' });

async function init() {}

module.exports = {
  init,
  Target: api.Target, Indicator: api.Indicator, Plan: plan.Plan, Evaluation: plan.Evaluation,
  methods: api.methods, statuses: api.statuses, readObservationsCsv: plan.readObservationsCsv, readPlanCsv: plan.readPlanCsv, version: api.version, parseRate: api.parseRate,
  progress: api.progress, requiredPath: api.requiredPath, projectTrend: api.projectTrend, project: api.project, errorCodes: api.errorCodeList, ERROR_NAMES: api.ERROR_NAMES,
  batchAssess: batch.batchAssess, batchEvaluate: batch.batchEvaluate, batchMethods: batch.batchMethods, batchStatusCodes: batch.batchStatusCodes,
  ...errors.PUBLIC,
};
