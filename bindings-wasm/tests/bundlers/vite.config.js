// Vite: nothing onpace-specific (the .wasm URL is handled as an asset); es2022 for top-level await.
export default { root: 'app', base: './', build: { outDir: '../dist/vite', emptyOutDir: true, target: 'es2022' }, logLevel: 'warn' };
