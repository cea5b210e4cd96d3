// The Node.js ES module entry: the module is loaded when this file is imported (from
// ../web/onpace_wasm_bg.wasm, the same glue and module as the browser's), so init() is optional.
// A server bundle that leaves the .wasm behind: mark `onpace` external, or call
// `await init(bytes)` with the module's bytes (README, "Bundlers").
import { readFileSync } from 'node:fs';
import { initSync } from '../web/onpace_wasm.js';
import * as glue from '../web/onpace_wasm.js';
import { bind } from '../api.js';
import { makeError } from '../errors.js';

let loaded = false;
try {
  initSync({ module: readFileSync(new URL('../web/onpace_wasm_bg.wasm', import.meta.url)) });
  loaded = true;
} catch {
  // Bundled away from the .wasm: every call says so until init(bytes) is called.
}
const api = bind(glue, {
  ready: () => loaded,
  hint: 'onpace_wasm_bg.wasm was not found beside the package (bundled?): mark `onpace` external, or call `await init(bytes)` with the module',
});

/** Load the module from a path, a file: URL, a Response, bytes or a WebAssembly.Module (not needed when the .wasm is in place). */
export async function init(input) {
  if (loaded) return;
  let source = await input;
  if (typeof source === 'string' || source instanceof URL) source = readFileSync(source);
  else if (typeof Response === 'function' && source instanceof Response) source = new Uint8Array(await source.arrayBuffer());
  if (!(source instanceof WebAssembly.Module || source instanceof ArrayBuffer || ArrayBuffer.isView(source))) {
    throw makeError('invalid_argument', 'input', 'input: expected a path, a file: URL, a Response, bytes or a WebAssembly.Module', 'type');
  }
  initSync({ module: source });
  loaded = true;
}

export const { Target, Indicator, Plan, Evaluation, methods, statuses, readObservationsCsv, readPlanCsv, version, parseRate, progress, requiredPath, projectTrend, project, errorCodes, ERROR_NAMES } = api;
export { OnpaceError, isOnpaceError, formatError, InvalidPlanError, ParseError, InvalidObservationsError, UnknownIndicatorError, UnknownPlanError, UnknownMethodError, InvalidArgumentError, UndefinedGrowthError, InsufficientDataError, NoTargetError, YearOutOfRangeError, OverflowError, NotInitializedError, DisposedError } from '../errors.js';
