// The one piece of configuration Vue needs (package README, "Vue"): the
// certpolicy-* tags are custom elements, not Vue components.
import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith("certpolicy-") } } })],
});
