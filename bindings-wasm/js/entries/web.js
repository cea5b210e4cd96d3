// The browser entry (and what bundlers take for the browser): `await init()` once, then call
// anything. init() fetches onpace_wasm_bg.wasm beside this file (Vite and webpack emit it and
// rewrite the URL); or pass the module yourself: a URL or string, a Request, a Response (or a
// promise of one), the bytes, or a compiled WebAssembly.Module.
// Re-exports only (no object of functions), so that bundlers leave out what an app never imports.
import initWasm from './onpace_wasm.js';
import { connect } from '../api.js';
import { webInit } from '../init-web.js';

let loaded = false;
connect({ ready: () => loaded, hint: 'call `await init()` first' });

/** Load the WebAssembly module (once; later calls return the same promise). */
export const init = webInit(initWasm, () => { loaded = true; });

export { Plan, Evaluation, readObservationsCsv, readPlanCsv } from '../plan.js';
export { batchAssess, batchEvaluate, batchMethods, batchStatusCodes } from '../batch.js';
export { Target, Indicator, methods, statuses, version, parseRate, progress, requiredPath, projectTrend, project, errorCodeList as errorCodes, ERROR_NAMES } from '../api.js';
export { OnpaceError, isOnpaceError, formatError, InvalidPlanError, ParseError, InvalidObservationsError, UnknownIndicatorError, UnknownPlanError, UnknownMethodError, InvalidArgumentError, UndefinedGrowthError, InsufficientDataError, NoTargetError, YearOutOfRangeError, OverflowError, NotInitializedError, DisposedError } from '../errors.js';
