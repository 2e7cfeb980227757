// A module worker: import maps do not reach workers, so the package is imported by its path.
import { createEngine } from "./node_modules/certpolicy/index.js";

const ready = createEngine();
self.onmessage = async ({ data }) => {
  try {
    self.postMessage((await ready).evaluate(data));
  } catch (e) {
    self.postMessage({ ok: false, message: String(e.message) });
  }
};
