// `onpace/calc` for browsers: one indicator at a time, on the calculator module
// (onpace_calc_bg.wasm: the same core without plans, reports or CSV; bindings-wasm/README.md,
// "Entry points"). init() as in `onpace`: no argument (Vite, webpack), or the module's URL,
// Response, bytes or compiled WebAssembly.Module. Re-exports only, so that bundlers leave out
// what an app never imports.
import initWasm from './onpace_calc.js';
import { connect } from '../api.js';
import { webInit } from '../../init-web.js';

let loaded = false;
connect({ ready: () => loaded, hint: 'call `await init()` first' });

/** Load the calculator module (once; later calls return the same promise). */
export const init = webInit(initWasm, () => { loaded = true; });

export { Target, Indicator, methods, statuses, version, parseRate, progress, requiredPath, projectTrend, project, errorCodeList as errorCodes, ERROR_NAMES } from '../api.js';
export { OnpaceError, isOnpaceError, formatError, InvalidPlanError, ParseError, InvalidObservationsError, UnknownIndicatorError, UnknownPlanError, UnknownMethodError, InvalidArgumentError, UndefinedGrowthError, InsufficientDataError, NoTargetError, YearOutOfRangeError, OverflowError, NotInitializedError, DisposedError } from '../../errors.js';
