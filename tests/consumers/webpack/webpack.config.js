// webpack 5, production: nothing certpolicy-specific (new URL(…, import.meta.url) is an asset to webpack).
import path from "node:path";
import { fileURLToPath } from "node:url";

export default {
  mode: "production",
  entry: "./src/main.js",
  output: { path: path.join(path.dirname(fileURLToPath(import.meta.url)), "dist"), filename: "main.js", clean: true },
};
