// Browser entry: call `await init()` once (it fetches onpace_wasm_bg.wasm beside this file).
import initWasm, * as core from './onpace_wasm.js';
import { bind } from '../api.js';
import * as builtin from '../builtin.js';
import * as schema from '../schema.js';

const api = bind(core, builtin, schema);
let ready = null;

/** Load the WebAssembly module (once); pass a URL, Response or bytes to load it from elsewhere. */
export function init(input) {
  ready ||= initWasm(input === undefined ? undefined : { module_or_path: input });
  return ready.then(() => undefined);
}

export const { Target, Indicator, Plan, Evaluation, builtinPlans, builtinPlan, builtinObservations, methods, statuses, planSchema, readObservationsCsv, readPlanCsv, version, parseRate, progress, requiredPath, project, ERROR_NAMES } = api;
