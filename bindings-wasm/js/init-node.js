// Loading for the Node.js ES module entries (`onpace`, `onpace/calc`): the .wasm is read when the
// entry is imported, so init() is optional. A server bundle that leaves the .wasm behind: mark
// `onpace` external, or call `await init(bytes)` with the module's bytes (README, "Bundlers").
import { readFileSync } from 'node:fs';
import { makeError } from './errors.js';

/** Loads the module at `wasmUrl` with wasm-bindgen's `initSync` now, if it is there; returns `{ready, hint, init}`. */
function nodeLoader(initSync, wasmUrl) {
  let loaded = false;
  try {
    initSync({ module: readFileSync(wasmUrl) });
    loaded = true;
  } catch {
    // Bundled away from the .wasm: every call says so until init(bytes) is called.
  }
  /** Load the module from a path, a file: URL, a Response, bytes or a WebAssembly.Module (not needed when the .wasm is in place). */
  async function init(input) {
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
  const file = wasmUrl.pathname.split('/').pop();
  return {
    ready: () => loaded,
    hint: `${file} was not found beside the package (bundled?): mark \`onpace\` external, or call \`await init(bytes)\` with the module`,
    init,
  };
}

export { nodeLoader };
