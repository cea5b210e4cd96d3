// The browser entry (and what bundlers take for the browser): `await init()` once, then call
// anything. init() fetches onpace_wasm_bg.wasm beside this file (Vite and webpack emit it and
// rewrite the URL); or pass the module yourself: a URL or string, a Request, a Response (or a
// promise of one), the bytes, or a compiled WebAssembly.Module.
import initWasm, * as glue from './onpace_wasm.js';
import { bind } from '../api.js';
import { makeError } from '../errors.js';

let loaded = false;
let pending = null;
const api = bind(glue, { ready: () => loaded, hint: 'call `await init()` first' });

function loadable(input) {
  if (input === undefined || typeof input === 'string' || input instanceof URL || input instanceof ArrayBuffer || ArrayBuffer.isView(input) || input instanceof WebAssembly.Module) return true;
  if (typeof Request === 'function' && input instanceof Request) return true;
  if (typeof Response === 'function' && input instanceof Response) return true;
  return input !== null && typeof input === 'object' && typeof input.then === 'function';
}

/** Load the WebAssembly module (once; later calls return the same promise). */
export function init(input) {
  if (loaded) return Promise.resolve();
  if (!loadable(input)) {
    return Promise.reject(makeError('invalid_argument', 'input', 'input: expected a URL, a Request, a Response, bytes or a WebAssembly.Module', 'type'));
  }
  pending ||= initWasm(input === undefined ? undefined : { module_or_path: input }).then(
    () => { loaded = true; },
    (e) => {
      pending = null;
      const err = makeError('not_initialized', 'input', `could not load the WebAssembly module: ${e && e.message ? e.message : e}`);
      err.cause = e;
      throw err;
    },
  );
  return pending;
}

export const { Target, Indicator, Plan, Evaluation, methods, statuses, readObservationsCsv, readPlanCsv, version, parseRate, progress, requiredPath, projectTrend, project, errorCodes, ERROR_NAMES } = api;
export { OnpaceError, isOnpaceError, formatError, InvalidPlanError, ParseError, InvalidObservationsError, UnknownIndicatorError, UnknownPlanError, UnknownMethodError, InvalidArgumentError, UndefinedGrowthError, InsufficientDataError, NoTargetError, YearOutOfRangeError, OverflowError, NotInitializedError, DisposedError } from '../errors.js';
