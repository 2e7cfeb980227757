import fs from "node:fs";
import createCore from "../wasm/dist/certpolicy_core.mjs";
const wasmBinary = fs.readFileSync(new URL("../wasm/dist/certpolicy_core.wasm", import.meta.url));
const core = await createCore({ wasmBinary });
const raw = new core.RawEngine("");
const addr = raw.address();
const req = {"type":"exam_code","now":"2025-01-15T10:00:00+08:00","order":{"paid_at":"2024-08-29T17:54:01+08:00"},"code":{"state":"bound"},"action":"unbind"};
const N = 100000;
const batch = Array.from({ length: N }, () => req);
const enc = new TextEncoder(); const d8 = new TextDecoder();
const one = core.HEAPU8; 
for (let round = 0; round < 4; round++) {
  const text = JSON.stringify(batch);
  const cap = text.length * 3;
  const ptr = core._certpolicy_input(cap);
  const { written } = enc.encodeInto(text, core.HEAPU8.subarray(ptr, ptr + cap));
  const len = core._certpolicy_evaluate(addr, written, 1);
  const at = core._certpolicy_result_data();
  const per = (len - 2 - (N - 1)) / N;
  let t0 = performance.now();
  const heap = core.HEAPU8;
  const outA = new Array(N);
  for (let k = 0; k < N; k++) { const s = at + 1 + k * (per + 1); outA[k] = JSON.parse(d8.decode(heap.subarray(s, s + per))); }
  const tA = performance.now() - t0;
  t0 = performance.now();
  const buf = Buffer.from(heap.buffer, 0, heap.length);
  const outB = new Array(N);
  for (let k = 0; k < N; k++) { const s = at + 1 + k * (per + 1); outB[k] = JSON.parse(buf.utf8Slice(s, s + per)); }
  const tB = performance.now() - t0;
  t0 = performance.now();
  const whole = JSON.parse(d8.decode(heap.subarray(at, at + len)));
  const tC = performance.now() - t0;
  core._certpolicy_result_release();
  console.log(`per-result TextDecoder ${tA.toFixed(1)} | per-result Buffer.utf8Slice ${tB.toFixed(1)} | whole ${tC.toFixed(1)}`, outA[5].state, outB[7].state, whole.length);
}
