// Types of `import wasmUrl from "certpolicy/certpolicy_core.wasm"`: what a
// bundler's file or asset loader gives for the .wasm (esbuild --loader:.wasm=file,
// Rollup with @rollup/plugin-url, Vite's ?url): the URL it is served at.
declare const wasmUrl: string;
export default wasmUrl;
