import fs from "node:fs";
import createCore from "../wasm/dist/certpolicy_core.mjs";
const wasmBinary = fs.readFileSync(new URL("../wasm/dist/certpolicy_core.wasm", import.meta.url));
const core = await createCore({ wasmBinary });
const raw = new core.RawEngine("");
const addr = raw.address();
const req = {"type":"exam_code","now":"2025-01-15T10:00:00+08:00","order":{"paid_at":"2024-08-29T17:54:01+08:00"},"code":{"state":"bound"},"action":"unbind"};
const batch = Array.from({ length: 100000 }, () => req);
const enc = new TextEncoder(); const d8 = new TextDecoder();
for (let round = 0; round < 4; round++) {
  let t = performance.now(); const lap = (n) => { const x = performance.now(); const r = (x - t).toFixed(1); t = x; return `${n} ${r}`; };
  const out = [];
  const text = JSON.stringify(batch); out.push(lap("stringify"));
  const cap = text.length * 3;
  const ptr = core._certpolicy_input(cap);
  const { written } = enc.encodeInto(text, core.HEAPU8.subarray(ptr, ptr + cap)); out.push(lap("encode"));
  const len = core._certpolicy_evaluate(addr, written, 1); out.push(lap("wasm"));
  const units = core._certpolicy_result_utf16(64 << 20); out.push(lap("to_utf16"));
  const at = core._certpolicy_result_utf16_data();
  const s = Buffer.from(core.HEAPU8.buffer, at, units * 2).toString("utf16le"); out.push(lap("decode16"));
  const arr = JSON.parse(s); out.push(lap("parse"));
  core._certpolicy_result_release(); out.push(lap("release"));
  console.log(out.join(" | "));
}
