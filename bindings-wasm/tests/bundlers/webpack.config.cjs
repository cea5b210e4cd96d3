// webpack 5: the glue's new URL('onpace_wasm_bg.wasm', import.meta.url) is emitted as an asset
// by default; top-level await is on by default since 5.83.
const path = require('node:path');

module.exports = {
  mode: 'production',
  entry: './app/main.js',
  output: { path: path.resolve(__dirname, 'dist/webpack'), filename: 'main.js', clean: true },
  experiments: { topLevelAwait: true },
};
