import fs from "node:fs";
import createCore from "../wasm/dist/certpolicy_core.mjs";
const wasmBinary = fs.readFileSync(new URL("../wasm/dist/certpolicy_core.wasm", import.meta.url));
const core = await createCore({ wasmBinary });
const raw = new core.RawEngine("");
const addr = raw.address();
const req = { type: "exam_order", now: "2026-11-26T10:00:00+08:00", order: { paid_at: "2026-11-21T10:00:00+08:00", payments: [{ method: "online", amount_fen: 30000 }, { method: "voucher", amount_fen: 5000 }], booking: { exam_at: "2026-12-10T09:00:00+08:00", status: "booked" } } };
const enc = new TextEncoder();
const at16 = core._certpolicy_result_utf16_data();
const N = 200000;
function med(fn) { const ts = new Float64Array(N); for (let i = 0; i < 20000; i++) fn(); for (let i = 0; i < N; i++) { const t0 = performance.now(); fn(); ts[i] = performance.now() - t0; } ts.sort(); return (ts[N >> 1] * 1000).toFixed(2); }
function full(r) {
  const text = JSON.stringify(r);
  const cap = text.length * 3;
  const ptr = core._certpolicy_input(cap);
  const { written } = enc.encodeInto(text, core.HEAPU8.subarray(ptr, ptr + cap));
  core._certpolicy_evaluate(addr, written, 0);
  const units = core._certpolicy_result_utf16();
  const s = Buffer.from(core.HEAPU8.buffer, at16, units * 2).toString("utf16le");
  core._certpolicy_result_release();
  return JSON.parse(s);
}
const text = JSON.stringify(req);
const cap = text.length * 3;
console.log("full", med(() => full(req)));
console.log("wasm only (input+encode+eval)", med(() => { const ptr = core._certpolicy_input(cap); const { written } = enc.encodeInto(text, core.HEAPU8.subarray(ptr, ptr + cap)); core._certpolicy_evaluate(addr, written, 0); }));
console.log("wasm + utf16", med(() => { const ptr = core._certpolicy_input(cap); const { written } = enc.encodeInto(text, core.HEAPU8.subarray(ptr, ptr + cap)); core._certpolicy_evaluate(addr, written, 0); core._certpolicy_result_utf16(); }));
console.log("wasm + utf16 + decode", med(() => { const ptr = core._certpolicy_input(cap); const { written } = enc.encodeInto(text, core.HEAPU8.subarray(ptr, ptr + cap)); core._certpolicy_evaluate(addr, written, 0); const u = core._certpolicy_result_utf16(); return Buffer.from(core.HEAPU8.buffer, at16, u * 2).toString("utf16le"); }));
{
  const ptr = core._certpolicy_input(cap); const { written } = enc.encodeInto(text, core.HEAPU8.subarray(ptr, ptr + cap));
  const len = core._certpolicy_evaluate(addr, written, 0); const out = core._certpolicy_result_data();
  console.log("Buffer utf8 decode", med(() => Buffer.from(core.HEAPU8.buffer, out, len).toString("utf8")));
  console.log("Buffer latin1 decode (wrong, timing only)", med(() => Buffer.from(core.HEAPU8.buffer, out, len).toString("latin1")));
  const d8 = new TextDecoder();
  console.log("TextDecoder utf8", med(() => d8.decode(core.HEAPU8.subarray(out, out + len))));
  const u = core._certpolicy_result_utf16();
  console.log("utf16 convert", med(() => core._certpolicy_result_utf16()));
}
{
  const ptr = core._certpolicy_input(cap); const { written } = enc.encodeInto(text, core.HEAPU8.subarray(ptr, ptr + cap));
  core._certpolicy_evaluate(addr, written, 0); const u = core._certpolicy_result_utf16();
  console.log("JS only: stringify+decode+parse", med(() => { JSON.stringify(req); return JSON.parse(Buffer.from(core.HEAPU8.buffer, at16, u * 2).toString("utf16le")); }));
  console.log("JS only: decode+parse", med(() => JSON.parse(Buffer.from(core.HEAPU8.buffer, at16, u * 2).toString("utf16le"))));
  const s = Buffer.from(core.HEAPU8.buffer, at16, u * 2).toString("utf16le");
  console.log("JS only: parse same string", med(() => JSON.parse(s)));
}
