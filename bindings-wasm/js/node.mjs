// Node.js entry: the module is loaded synchronously; `init()` exists for symmetry with the browser.
import { createRequire } from 'node:module';
import { bind } from '../api.js';
import * as builtin from '../builtin.js';
import * as schema from '../schema.js';

const require = createRequire(import.meta.url);
const api = bind(require('./onpace_wasm.js'), builtin, schema);

export async function init() {}

export const { Target, Indicator, Plan, Evaluation, builtinPlans, builtinPlan, builtinObservations, methods, statuses, planSchema, readObservationsCsv, readPlanCsv, version, parseRate, progress, requiredPath, project, ERROR_NAMES } = api;
