// Rollup copies no asset by itself: @rollup/plugin-url emits the .wasm and
// gives its URL to `import wasmUrl from "certpolicy/certpolicy_core.wasm"`.
import { nodeResolve } from "@rollup/plugin-node-resolve";
import url from "@rollup/plugin-url";

export default {
  input: "src/main.js",
  output: { dir: "dist", format: "es" },
  plugins: [
    nodeResolve({ browser: true }),
    url({ include: ["**/*.wasm"], limit: 0, fileName: "[name][extname]", publicPath: "./dist/" }),
  ],
};
