// init() of the browser entries (`onpace`, `onpace/calc`): load the module once, from what the
// caller passes or from the .wasm beside the glue (wasm-bindgen's default URL).
import { makeError } from './errors.js';

function loadable(input) {
  if (input === undefined || typeof input === 'string' || input instanceof URL || input instanceof ArrayBuffer || ArrayBuffer.isView(input) || input instanceof WebAssembly.Module) return true;
  if (typeof Request === 'function' && input instanceof Request) return true;
  if (typeof Response === 'function' && input instanceof Response) return true;
  return input !== null && typeof input === 'object' && typeof input.then === 'function';
}

/**
 * The init() of one entry: `initWasm` is wasm-bindgen's default export, `onLoad` marks the
 * module loaded. Later calls return the same promise; a failed load can be retried.
 */
function webInit(initWasm, onLoad) {
  let pending = null;
  return function init(input) {
    if (!loadable(input)) {
      return Promise.reject(makeError('invalid_argument', 'input', 'input: expected a URL, a Request, a Response, bytes or a WebAssembly.Module', 'type'));
    }
    pending ||= initWasm(input === undefined ? undefined : { module_or_path: input }).then(
      () => { onLoad(); },
      (e) => {
        pending = null;
        const err = makeError('not_initialized', 'input', `could not load the WebAssembly module: ${e && e.message ? e.message : e}`);
        err.cause = e;
        throw err;
      },
    );
    return pending;
  };
}

export { webInit };
