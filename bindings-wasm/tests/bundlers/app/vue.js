// Vue 3, no wrapper: the tag declared a custom element, `.observations` bound as a property,
// the custom event with @ (the snippet in bindings-wasm/README.md).
import { init } from 'onpace';
import wasmUrl from 'onpace/onpace_wasm_bg.wasm';
import 'onpace/element';
import { createApp } from 'vue/dist/vue.esm-bundler.js';
import { indicator, observations, show } from './frameworks.js';

await init(wasmUrl);
const app = createApp({
  data: () => ({ indicator, observations }),
  methods: { show },
  template: '<onpace-calculator lang="en" :indicator="indicator" .observations="observations" @onpace-result="show"></onpace-calculator>',
});
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('onpace-');
app.mount('#root');
