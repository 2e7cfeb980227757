import fs from "node:fs";
import createCore from "../wasm/dist/certpolicy_core.mjs";
const wasmBinary = fs.readFileSync(new URL("../wasm/dist/certpolicy_core.wasm", import.meta.url));
const core = await createCore({ wasmBinary });
const raw = new core.RawEngine("");
const addr = raw.address();
const req = {"type":"exam_code","now":"2025-01-15T10:00:00+08:00","order":{"paid_at":"2024-08-29T17:54:01+08:00"},"code":{"state":"bound"},"action":"unbind"};
const text = JSON.stringify(Array.from({ length: 100000 }, () => req));
const enc = new TextEncoder();
const ptr = core._certpolicy_input(text.length * 3);
const { written } = enc.encodeInto(text, core.HEAPU8.subarray(ptr, ptr + text.length * 3));
for (let i = 0; i < 8; i++) { const t0 = performance.now(); core._certpolicy_evaluate(addr, written, 1); console.log((performance.now() - t0).toFixed(1)); }
