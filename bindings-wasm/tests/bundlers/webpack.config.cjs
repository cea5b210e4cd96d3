// webpack 5: the glue's new URL('onpace_wasm_bg.wasm', import.meta.url) is emitted as an asset
// by default; top-level await is on by default since 5.83. `--env calc`: the calculator on
// `onpace/calc` (app/main-calc.js) into dist/webpack-calc.
const path = require('node:path');

module.exports = (env = {}) => ({
  mode: 'production',
  entry: env.calc ? './app/main-calc.js' : './app/main.js',
  output: { path: path.resolve(__dirname, env.calc ? 'dist/webpack-calc' : 'dist/webpack'), filename: 'main.js', clean: true },
  experiments: { topLevelAwait: true },
});
