// certpolicy's engine, shared by the per-runtime entries: index.js (browsers,
// workers, bundlers: fetch only), node.js (Node) and dist/certpolicy.cjs
// (require; wasm/cjs.mjs). Neither this module nor the Emscripten glue
// imports a node: module; run in Node anyway (certpolicy/elements in a test
// DOM), it takes Node's fs and util by name at run time.
//
// The WebAssembly file is found next to this module (import.meta.url); pass
// `wasmUrl` (relative to the page), `wasmBinary` or `wasmModule` to override.
import createCertpolicyCore from "./dist/certpolicy_core.mjs";

const DEFAULT_WASM_URL = new URL("./dist/certpolicy_core.wasm", import.meta.url);
const isNode = typeof process === "object" && process !== null && !!process.versions?.node;
const builtin = (name) => (isNode ? globalThis.process.getBuiltinModule?.(name) : undefined);

// Marks this package's errors, whichever copy of it made them: a program that
// both imports and requires certpolicy loads two (the ES module and
// dist/certpolicy.cjs), and `instanceof` must hold across them.
const ERROR_MARK = Symbol.for("certpolicy.CertpolicyError");

/**
 * Error thrown by createEngine when the policy is invalid. `e instanceof
 * CertpolicyError` holds for an error of either entry (import or require).
 */
export class CertpolicyError extends Error {
  constructor(error) {
    super(error.message);
    this.name = "CertpolicyError";
    this.code = error.code;
    this.detail = error.detail;
    this.path = error.path;
    this.expected = error.expected;
    if (error.line) Object.assign(this, { line: error.line, column: error.column });
    Object.defineProperty(this, ERROR_MARK, { value: true });
  }

  static [Symbol.hasInstance](value) {
    // A subclass keeps the ordinary test; the class itself knows its mark.
    if (this !== CertpolicyError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === "object" && value !== null && value[ERROR_MARK] === true;
  }
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

// A relative wasmUrl is relative to the page (or worker) that asks, not to
// this package's folder.
function wasmLocation(wasmUrl) {
  if (!wasmUrl) return DEFAULT_WASM_URL;
  const base = globalThis.document?.baseURI ?? globalThis.location?.href ?? DEFAULT_WASM_URL;
  return new URL(wasmUrl, base);
}

const BROWSER_FIX = "The .wasm file must be served as itself (ideally as application/wasm): copy certpolicy/dist/certpolicy_core.wasm " +
  "as an asset of your bundle, or pass createEngine({ wasmUrl }) or ({ wasmBinary }). See the package README, \"Bundlers\".";

// What a server answered instead of WebAssembly, said so that the fix is clear.
function notWasm(url, type, bytes) {
  const start = Array.from(bytes.subarray(0, 16), (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : ".")).join("");
  return new Error(`certpolicy: ${url} is not WebAssembly (served as ${type || "no content type"}, starting "${start}"). ${BROWSER_FIX}`);
}

// `host` (node.js): { readFile, wasmFile }; without it, Node's fs if there is one.
async function compileWasm({ wasmModule, wasmBinary, wasmUrl }, host) {
  if (wasmModule instanceof WebAssembly.Module) return wasmModule;
  if (wasmBinary) return WebAssembly.compile(wasmBinary);
  const url = !wasmUrl && host ? host.wasmFile : wasmLocation(wasmUrl);
  const readFile = host?.readFile ?? builtin("fs")?.promises.readFile;
  if (readFile && url.protocol === "file:") return WebAssembly.compile(await readFile(url));
  const response = await fetch(url);
  if (!response.ok) throw new Error(`certpolicy: cannot load ${url} (HTTP ${response.status}). ${BROWSER_FIX}`);
  const type = response.headers.get("content-type") || "";
  if (WebAssembly.compileStreaming && type.startsWith("application/wasm")) {
    return WebAssembly.compileStreaming(response);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!WASM_MAGIC.every((b, k) => bytes[k] === b)) throw notWasm(url, type, bytes);
  return WebAssembly.compile(bytes);
}

const cores = new Map();

// One instantiated module per wasm source, shared by every engine made from it.
function loadCore(options, host) {
  const key = options.wasmModule || options.wasmBinary || String(options.wasmUrl || "");
  let core = cores.get(key);
  if (!core) {
    core = compileWasm(options, host).then((module) => new Promise((resolve, reject) => {
      createCertpolicyCore({
        instantiateWasm(imports, receive) {
          WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module), reject);
          return {};
        },
      }).then(resolve, reject);
    }));
    core.catch(() => cores.delete(key));
    cores.set(key, core);
  }
  return core;
}

// Failures decided in JavaScript, before or instead of the core: the same
// envelope as the core's, in the request's language when it can be read.
const JS_ERRORS = {
  WRONG_TYPE: {
    "zh-CN": "请求无法序列化为 JSON", "zh-Hant": "請求無法序列化為 JSON",
    en: "the request cannot be serialised to JSON",
  },
  ENGINE_DISPOSED: {
    "zh-CN": "该引擎已释放，请重新创建（createEngine）",
    "zh-Hant": "該引擎已釋放，請重新建立（createEngine）",
    en: "this engine was disposed; create a new one (createEngine)",
  },
  INTERNAL: { "zh-CN": "引擎内部错误，请重试", "zh-Hant": "引擎內部錯誤，請重試", en: "the engine failed; try again" },
};
const REQUEST_WORD = { "zh-CN": "请求", "zh-Hant": "請求", en: "request" };

// The request's locale, read without trusting the value: a Proxy trap or a
// getter that throws, or a revoked Proxy, leaves the default. The tags read
// as the core reads them: en…; zh-Hant…, zh-TW/HK/MO (unless Hans) → zh-Hant.
function localeOf(request) {
  try {
    const locale = request !== null && typeof request === "object" ? request.locale : undefined;
    if (typeof locale !== "string") return "zh-CN";
    if (locale.startsWith("en")) return "en";
    const parts = locale.toLowerCase().split(/[-_]/).slice(1);
    if (!locale.startsWith("zh") || parts.includes("hans")) return "zh-CN";
    return parts.some((p) => ["hant", "tw", "hk", "mo"].includes(p)) ? "zh-Hant" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

function jsFailure(request, kind, reason) {
  const locale = localeOf(request);
  const code = kind === "WRONG_TYPE" ? "INVALID_REQUEST" : kind;
  const suffix = reason ? ` (${reason})` : "";
  const sep = locale === "en" ? ": " : "：";
  return {
    ok: false,
    error: {
      code,
      detail: kind,
      path: "",
      expected: kind === "WRONG_TYPE" ? "JSON" : "",
      message: `${REQUEST_WORD[locale]}${sep}${JS_ERRORS[kind][locale]}${suffix}`,
    },
  };
}

function errorName(e) {
  try {
    return e && typeof e.name === "string" ? e.name : "error";
  } catch {
    return "error";
  }
}

function toText(value) {
  if (typeof value === "string") return { text: value };
  try {
    const text = JSON.stringify(value);
    return { text: text === undefined ? "null" : text };
  } catch (e) {
    return { failure: jsFailure(value, "WRONG_TYPE", errorName(e)) };
  }
}

// Frees the WebAssembly side of an engine dropped without dispose().
const finalizer = typeof FinalizationRegistry === "function" ? new FinalizationRegistry((raw) => raw.delete()) : null;
const DISPOSE = Symbol.dispose ?? Symbol.for("Symbol.dispose");

// An enum the binding registered from the core's one name table
// (wasm/bindings.cc), as wire name → the number the plain exports take.
function enumCodes(E) {
  return Object.fromEntries(Object.keys(E).filter((name) => E[name] instanceof E).map((name) => [name, E[name].value]));
}

// Jest's jsdom has no TextEncoder/TextDecoder.
const { TextEncoder: Encoder, TextDecoder: Decoder } = globalThis.TextDecoder ? globalThis : builtin("util");
const encoder = new Encoder();
const decoder = new Decoder();
const decoder16 = new Decoder("utf-16le");
// Node's Buffer decodes UTF-16 about twice as fast as TextDecoder, so in Node
// batches travel as UTF-16 too; elsewhere only small answers (figures:
// docs/PERFORMANCE.md).
const NodeBuffer = isNode && typeof globalThis.Buffer === "function" ? globalThis.Buffer : null;
const UTF16_MAX_BYTES = NodeBuffer ? 64 * 1024 * 1024 : 16 * 1024;
const fromUtf16 = NodeBuffer
  ? (heap, at, bytes) => NodeBuffer.from(heap.buffer, heap.byteOffset + at, bytes).toString("utf16le")
  : (heap, at, bytes) => decoder16.decode(heap.subarray(at, at + bytes));

class Engine {
  #raw;
  #version;
  #decide;
  #address;
  #maxBytes;  // [one request, a batch]: the engine's input limits
  #maxRequests;  // the most requests a batch may hold
  #certifications;  // catalogue id → its index for the fast path, read once from the engine
  #codes;  // the fast path's enums, name → number, read from the module

  #core;

  constructor(raw, core) {
    this.#core = core;
    this.#raw = raw;
    this.#version = raw.policyVersion();
    this.#decide = core._certpolicy_decide_exam_order;
    this.#address = raw.address();
    this.#maxBytes = [core._certpolicy_max_bytes(0), core._certpolicy_max_bytes(1)];
    this.#maxRequests = core._certpolicy_max_requests();
    this.#codes = { status: enumCodes(core.BookingStatus), flow: enumCodes(core.Flow), fault: enumCodes(core.PlatformFault) };
    finalizer?.register(this, raw, this);
  }

  /** Request text in, result text out, through the plain exports (no embind marshalling). */
  #call(text, many) {
    const core = this.#core;
    // UTF-16 code units → at most 3 UTF-8 bytes each; but no more than the
    // engine's limit plus one character (4 bytes): a longer text is cut there,
    // which is still over the limit, so the answer is the same TOO_LARGE.
    return this.#answer(text, this.#maxBytes[many ? 1 : 0] + 4,
      // Date.now(): when a request without `now` is decided.
      (written) => core._certpolicy_evaluate(this.#address, written, many ? 1 : 0, Date.now()));
  }

  /** Writes `text` (at most `limit` bytes of it) to the core's input, runs `run`, decodes the answer. */
  #answer(text, limit, run) {
    const core = this.#core;
    const capacity = Math.min(text.length * 3, limit);
    try {
      const ptr = core._certpolicy_input(capacity || 1);
      const { written } = encoder.encodeInto(text, core.HEAPU8.subarray(ptr, ptr + capacity));
      const length = run(written);
      // Answers travel as UTF-16 up to UTF16_MAX_BYTES (0 units: longer, read
      // it as UTF-8): decoding and then JSON.parse are faster than on UTF-8
      // text full of CJK.
      const units = core._certpolicy_result_utf16(UTF16_MAX_BYTES);
      if (units > 0) {
        return fromUtf16(core.HEAPU8, core._certpolicy_result_utf16_data(), units * 2);
      }
      const out = core._certpolicy_result_data();
      return decoder.decode(core.HEAPU8.subarray(out, out + length));
    } finally {
      core._certpolicy_result_release();
    }
  }

  /**
   * The core's refusal of a batch of more requests than it takes, said in the
   * locale its first request names (as the core says every refusal of a
   * whole batch); one frozen object.
   */
  #tooMany(requests) {
    let tag = "";
    try {
      const locale = requests[0]?.locale;
      if (typeof locale === "string") tag = locale;
    } catch {
      // a getter or trap that throws: the default locale
    }
    const failure = JSON.parse(this.#answer(tag, 64, (written) => this.#core._certpolicy_refuse_count(written)));
    Object.freeze(failure.error);
    return Object.freeze(failure);
  }

  /** Bytes of WebAssembly memory in use by the module (for leak checks). */
  get memoryBytes() {
    return this.#core.HEAP8.buffer.byteLength;
  }

  /** Bytes of the WebAssembly heap allocated and not yet freed (for leak checks). */
  get heapInUse() {
    return this.#core._certpolicy_heap_in_use();
  }

  /** The version string of the policy document in force. */
  get policyVersion() {
    return this.#version;
  }

  #changes;
  /** The policy file's changes as they apply: { id, effectiveFrom (Date | null: at once), appliesTo }. */
  get policyChanges() {
    this.#changes ??= Object.freeze((this.#raw ? JSON.parse(this.#raw.changes()) : []).map((c) => Object.freeze({
      id: c.id,
      effectiveFrom: c.effective_from === null ? null : new Date(c.effective_from),
      appliesTo: c.applies_to,
    })));
    return this.#changes;
  }

  /** When, after `after` (Date or ms), a decision may next switch policy; or null. */
  nextPolicyChange(after = Date.now()) {
    const ms = this.#raw ? this.#raw.nextChangeAfter(+after) : NaN;
    return Number.isNaN(ms) ? null : new Date(ms);
  }

  /** The policy in force at `at` for an order paid at `paidAt` (Dates or ms). */
  policyDocument(at = Date.now(), paidAt = at) {
    return this.#raw ? JSON.parse(this.#raw.documentAt(+at, +paidAt)) : null;
  }

  /** One request (object or JSON text) → one result object. Never throws. */
  evaluate(request) {
    if (!this.#raw) return jsFailure(request, "ENGINE_DISPOSED");
    const { text, failure } = toText(request);
    if (failure) return failure;
    try {
      return JSON.parse(this.#call(text, false));
    } catch (e) {
      return jsFailure(request, "INTERNAL", errorName(e));
    }
  }

  /**
   * Many requests, one crossing into WebAssembly. Never throws. One answer
   * per element, in order (a hole is answered as `null` would be: a
   * failure); a batch of more than the core's 2 000 000 requests is refused
   * before anything is read, as one TOO_MANY failure in a one-element array.
   */
  evaluateMany(requests) {
    try {
      return this.#evaluateMany(requests);
    } catch (e) {
      // Only a hostile array gets here (a Proxy whose traps throw): one
      // failure, since its elements cannot be read.
      return [jsFailure(undefined, this.#raw ? "WRONG_TYPE" : "ENGINE_DISPOSED", errorName(e))];
    }
  }

  #evaluateMany(requests) {
    // A non-array is refused by the core itself (detail WRONG_TYPE, expected "array").
    if (!Array.isArray(requests)) {
      if (!this.#raw) return jsFailure(undefined, "ENGINE_DISPOSED");
      const { text, failure } = toText(requests);
      return failure || JSON.parse(this.#call(text, true));
    }
    // The count first, before an element is read or serialised: a sparse
    // array or a Proxy may claim a length no batch can have (2**32 - 1
    // holes would take minutes to walk).
    const n = requests.length;
    if (n > this.#maxRequests) return [this.#raw ? this.#tooMany(requests) : jsFailure(undefined, "ENGINE_DISPOSED")];
    if (!this.#raw) return new Array(n).fill(jsFailure(undefined, "ENGINE_DISPOSED"));
    const { text, failure } = toText(requests);
    const out = failure || JSON.parse(this.#call(text, true));
    if (Array.isArray(out) && out.length === n) return out;
    // A batch over the engine's size limits (its text, its number of values
    // or requests, its answers) is refused as a whole: every element carries
    // that one failure, which says to split the batch (one frozen object).
    const detail = out?.error?.detail;
    if (out?.error?.path === "" && (detail === "TOO_LARGE" || detail === "TOO_MANY")) {
      Object.freeze(out.error);
      Object.freeze(out);
      return new Array(n).fill(out);
    }
    // One element the core cannot take as text (a lone surrogate, too deep,
    // a cycle; or a Proxy whose length changed while it was read) must not
    // sink the others: answer each on its own instead.
    return Array.from({ length: n }, (_, k) => {
      let request;
      try {
        request = requests[k];
      } catch (e) {
        return jsFailure(undefined, "WRONG_TYPE", errorName(e));
      }
      return this.evaluate(request);
    });
  }

  /**
   * The certification catalogue with each entry's status on the China date of
   * `now` (a Date or an RFC 3339 string; default: this moment).
   */
  catalogue(now = new Date()) {
    const instant = now instanceof Date && !Number.isNaN(now.getTime()) ? now.toISOString() : now;
    const r = this.evaluate({ type: "catalogue", now: instant });
    if (!r.ok) throw new CertpolicyError(r.error);
    return r.certifications;
  }

  /**
   * The typed fast path for pages that re-decide many orders every second:
   * the same composition as `evaluate` of an `exam_order` (refund, change,
   * cancel, book), without JSON. Instants are Date objects or milliseconds
   * since the epoch; `platformFault` is a boolean or "exam_time_changed" /
   * "centre_unavailable"; `certification` a catalogue id. Returns
   * { refund, change, cancel, book }, or null when an input is not usable
   * (the engine decides that, with the range `evaluate` accepts; use
   * `evaluate` to learn which field and why).
   */
  decideExamOrder(input) {
    try {
      return this.#decideExamOrder(input ?? {});
    } catch {
      return null;  // getters or Proxy traps that throw: not usable input
    }
  }

  #certificationIndex(id) {
    if (id === undefined || id === null) return -1;
    if (!this.#certifications) {
      const r = this.evaluate({ type: "catalogue", now: "2026-01-01T00:00:00Z" });
      this.#certifications = new Map(r.ok ? r.certifications.map((c, k) => [c.id, k]) : []);
    }
    return typeof id === "string" && this.#certifications.has(id) ? this.#certifications.get(id) : undefined;
  }

  #decideExamOrder({ paidAt, now, examAt = null, status = "none", flow = null, refunded = false, platformFault = false, certification = null }) {
    const ms = (v) => (v instanceof Date ? v.getTime() : v);
    const { status: S, flow: F, fault: P } = this.#codes;
    const s = Object.hasOwn(S, status ?? "none") ? S[status ?? "none"] : undefined;
    // No flow: the policy's default (-1), as `evaluate` reads an order without one.
    const f = flow === null || flow === undefined ? -1 : Object.hasOwn(F, flow) ? F[flow] : undefined;
    // As `evaluate` reads platform_fault: a boolean, or a case by name ("none" is said by false).
    const fault = platformFault === null || platformFault === undefined || platformFault === false ? P.none
      : platformFault === true ? P.exam_time_changed
      : typeof platformFault === "string" && platformFault !== "none" && Object.hasOwn(P, platformFault) ? P[platformFault] : undefined;
    // No exam time: NaN, which a cancelled booking may give (as `evaluate` reads it) and a booked, taken or missed one may not.
    const noTime = examAt === null || examAt === undefined;
    const times = [ms(paidAt), ms(now), noTime ? NaN : ms(examAt)];
    if (s === undefined || f === undefined || fault === undefined || times.some((x) => typeof x !== "number") ||
        (!noTime && Number.isNaN(times[2])) || (s !== S.none && s !== S.cancelled && noTime) || !this.#raw) {
      return null;
    }
    const c = this.#certificationIndex(certification);
    if (c === undefined) return null;
    const bits = this.#decide(this.#address, times[0], times[1], times[2], s, f, refunded ? 1 : 0, fault, c);
    if ((bits & 16) === 0) return null;
    return { refund: (bits & 1) !== 0, change: (bits & 2) !== 0, cancel: (bits & 4) !== 0, book: (bits & 8) !== 0 };
  }

  /** The raw JSON text answer, byte for byte what `certpolicy eval` prints. */
  evaluateJson(text) {
    let s;
    try {
      s = String(text);
    } catch (e) {
      return JSON.stringify(jsFailure(undefined, "WRONG_TYPE", errorName(e)));
    }
    if (!this.#raw) return JSON.stringify(jsFailure(undefined, "ENGINE_DISPOSED"));
    try {
      return this.#call(s, s.trimStart().startsWith("["));
    } catch (e) {
      return JSON.stringify(jsFailure(undefined, "INTERNAL", errorName(e)));
    }
  }

  /** Frees the WebAssembly side; the engine answers ENGINE_DISPOSED afterwards. Safe to call twice. */
  dispose() {
    if (this.#raw) {
      finalizer?.unregister(this);
      this.#raw.delete();
    }
    this.#raw = null;
    this.#address = 0;
  }

  /** `using engine = await createEngine()` disposes it at the end of the block. */
  [DISPOSE]() {
    this.dispose();
  }
}

/**
 * Creates an engine (the entries' createEngine). `policy` (object or JSON
 * text) is merged over the embedded default policy (RFC 7386 merge patch)
 * and validated; an invalid policy rejects with a CertpolicyError (code
 * "INVALID_POLICY", path, line, column). `publishedPolicy`: the site's policy
 * file's bytes, read as `certpolicy eval --policy` reads it. `host`:
 * { readFile, wasmFile } of a Node entry, or null.
 */
export async function createEngineWith(options, host) {
  options = options ?? {};
  const core = await loadCore(options, host);
  let patch = "";
  const published = options.publishedPolicy !== undefined && options.publishedPolicy !== null;
  if (published) {
    const p = options.publishedPolicy;
    patch = p instanceof ArrayBuffer ? new Uint8Array(p) : p instanceof Uint8Array ? p : String(p);
  } else if (options.policy !== undefined && options.policy !== null) {
    const { text, failure } = toText(options.policy);
    if (failure) throw new CertpolicyError({ ...failure.error, code: "INVALID_POLICY" });
    patch = text;
  }
  const raw = new core.RawEngine(patch, published);
  const error = raw.error();
  if (error) {
    raw.delete();
    throw new CertpolicyError(JSON.parse(error).error);
  }
  return new Engine(raw, core);
}
