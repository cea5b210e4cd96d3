// React 19, no wrapper: properties and the custom event straight on <onpace-calculator>
// (the snippet in bindings-wasm/README.md).
import { init } from 'onpace';
import wasmUrl from 'onpace/onpace_wasm_bg.wasm';
import 'onpace/element';
import { createRoot } from 'react-dom/client';
import { indicator, observations, show } from './frameworks.js';

await init(wasmUrl);
createRoot(document.getElementById('root')).render(
  <onpace-calculator lang="en" indicator={indicator} observations={observations} ononpace-result={show} />,
);
