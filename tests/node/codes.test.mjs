// One registry of codes (core/policy/data/codes.json): the core emits exactly
// its codes, every code that is said has a sentence in every shipped locale,
// the package's TypeScript unions and the list in docs/API.md are the same.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./case_files.mjs";
import { KINDS, apiBlock, apiBlockInDocs, cppLiterals, dtsUnion, dtsWritten, registry } from "./codes.mjs";

const reg = registry();
const said = [...reg.reason, ...reg.form_error, ...reg.contact_warning, ...reg.next_step];
const messages = JSON.parse(readFileSync(path.join(repoRoot, "core/policy/data/messages.json"), "utf8"));
// Upper-case words of the core that are not codes it answers with.
const NOT_CODES = new Set(["JSON", "TCA", "TCCA"]);
// Decided in JavaScript (wasm/engine.js, wasm/elements), not by the core.
const JS_ONLY = new Set(["ENGINE_DISPOSED", "INTERNAL", "LOAD_FAILED"]);
// Answered by the native CLI only (its --policy file cannot be read).
const CLI_ONLY = new Set(["UNREADABLE"]);

test("codes: no code twice in the registry", () => {
  const all = KINDS.flatMap((k) => reg[k].map((c) => `${k}:${c}`));
  assert.equal(new Set(all).size, all.length);
  for (const k of KINDS) assert.equal(new Set(reg[k]).size, reg[k].length, k);
});

test("codes: the core emits the registry's codes and no other", () => {
  const cpp = cppLiterals();
  const known = new Set(KINDS.flatMap((k) => reg[k]));
  assert.deepEqual([...cpp].filter((c) => !known.has(c) && !NOT_CODES.has(c)).sort(), [], "a code the core emits is not in the registry");
  assert.deepEqual([...known].filter((c) => !cpp.has(c) && !JS_ONLY.has(c)).sort(), [], "a registry code that the core never writes");
});

test("codes: every code that is said has its sentence (zh-CN and en; zh-Hant is derived from zh-CN, locales.test.mjs checks it)", () => {
  for (const code of said) {
    const m = messages.reasons[code];
    assert.ok(m && m["zh-CN"] && m.en, `${code}: no zh-CN or en sentence in messages.json`);
  }
  for (const code of reg.detail.filter((c) => !JS_ONLY.has(c) && !CLI_ONLY.has(c) && c !== "UNKNOWN_TYPE" && c !== "MALFORMED_JSON")) {
    assert.ok(messages.errors[code], `${code}: no field-error sentence`);
  }
  assert.deepEqual(Object.keys(messages.reasons).filter((c) => !said.includes(c)), [], "a sentence for a code the registry does not have");
});

test("codes: the package's TypeScript unions are the registry's", () => {
  assert.deepEqual(dtsUnion("ErrorCode").sort(), [...reg.error].sort());
  assert.deepEqual(dtsUnion("ErrorDetail").sort(), [...reg.detail].sort());
  assert.deepEqual(dtsUnion("FormErrorCode").sort(), [...reg.form_error].sort());
  assert.deepEqual(dtsUnion("ContactWarningCode").sort(), [...reg.contact_warning].sort());
  assert.deepEqual(dtsUnion("ReasonCode").sort(), [...reg.reason].sort(), "ReasonCode (with FormErrorCode and ContactWarningCode by name)");
  assert.deepEqual(dtsUnion("NextStepCode").sort(), [...reg.next_step].sort());
  assert.equal(readFileSync(new URL("../../wasm/index.d.ts", import.meta.url), "utf8"), dtsWritten(), "wasm/index.d.ts as node node/codes.mjs --write writes it");
});

test("codes: docs/API.md lists the registry (node node/codes.mjs --write)", () => {
  assert.equal(apiBlockInDocs(), apiBlock());
});
