import fs from "node:fs";
import createCore from "../wasm/dist/certpolicy_core.mjs";
const wasmBinary = fs.readFileSync(new URL("../wasm/dist/certpolicy_core.wasm", import.meta.url));
const core = await createCore({ wasmBinary });
const raw = new core.RawEngine("");
const addr = raw.address();
const req = {"type":"exam_code","now":"2025-01-15T10:00:00+08:00","order":{"paid_at":"2024-08-29T17:54:01+08:00"},"code":{"state":"bound"},"action":"unbind"};
const batch = Array.from({ length: 100000 }, () => req);
const enc = new TextEncoder(); const d8 = new TextDecoder();
for (let round = 0; round < 3; round++) {
  let t = performance.now(); const lap = (n) => { const x = performance.now(); const r = (x - t).toFixed(1); t = x; return `${n} ${r}`; };
  const out = [];
  const text = JSON.stringify(batch); out.push(lap("stringify"));
  const cap = text.length * 3;
  const ptr = core._certpolicy_input(cap);
  const { written } = enc.encodeInto(text, core.HEAPU8.subarray(ptr, ptr + cap)); out.push(lap("encode"));
  const len = core._certpolicy_evaluate(addr, written, 1); out.push(lap("wasm"));
  const at = core._certpolicy_result_data();
  const s = d8.decode(core.HEAPU8.subarray(at, at + len)); out.push(lap("decode"));
  const arr = JSON.parse(s); out.push(lap("parse"));
  core._certpolicy_result_release(); out.push(lap("release"));
  console.log(out.join(" | "), "answer MB", (len / 1e6).toFixed(1));
}
