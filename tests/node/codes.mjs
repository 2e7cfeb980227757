// The registry of codes (core/policy/data/codes.json) held against what uses
// them: the C++ sources that emit them, the sentences of every locale, the
// TypeScript unions of the package and the list in docs/API.md.
//   node node/codes.mjs --write   rewrites the unions in wasm/index.d.ts and the
//                                 list in docs/API.md from the registry
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot } from "./case_files.mjs";

const read = (rel) => readFileSync(path.join(repoRoot, rel), "utf8");
export const registry = () => JSON.parse(read("core/policy/data/codes.json"));
export const KINDS = ["error", "detail", "relation", "reason", "form_error", "contact_warning", "next_step", "policy_warning"];

/** Every UPPER_SNAKE string literal of the core's C++ (the codes it can answer, and a few other words). */
export function cppLiterals() {
  const out = new Set();
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(h|cc)$/.test(name)) for (const m of readFileSync(file, "utf8").matchAll(/"([A-Z][A-Z0-9_]{2,})"/g)) out.add(m[1]);
    }
  };
  walk(path.join(repoRoot, "core"));
  return out;
}

/** The string members of `export type NAME = …;` in wasm/index.d.ts (comments left out). */
export function dtsUnion(name) {
  const dts = read("wasm/index.d.ts").replace(/\/\*[\s\S]*?\*\//g, "");
  const at = dts.indexOf(`export type ${name} =`);
  if (at < 0) return null;
  return [...dts.slice(at, dts.indexOf(";", at)).matchAll(/"([A-Z0-9_]+)"/g)].map((m) => m[1]);
}

// The unions of wasm/index.d.ts written from the registry: the type, its
// kind, and the unions it takes in by name.
const UNIONS = [
  ["ErrorCode", "error", []], ["ErrorDetail", "detail", []], ["ErrorRelation", "relation", []],
  ["ReasonCode", "reason", ["FormErrorCode", "ContactWarningCode"]],
  ["ContactWarningCode", "contact_warning", []], ["FormErrorCode", "form_error", []],
  ["NextStepCode", "next_step", []],
];

/** `export type NAME =` … `;` as the registry gives it: members a line of ~100 characters, a noted one on a line of its own under its note. */
export function dtsUnionText(name, reg = registry()) {
  const [, kind, named] = UNIONS.find((u) => u[0] === name);
  const lines = [];
  let line = "";
  const flush = () => {
    if (line) lines.push(`  ${line}`);
    line = "";
  };
  for (const member of [...reg[kind].map((c) => `"${c}"`), ...named]) {
    const note = reg.notes?.[member.replaceAll('"', "")];
    if (note) {
      flush();
      lines.push(`  /** ${note} */`, `  | ${member}`);
    } else if (line.length + member.length + 3 > 98) {
      flush();
      line = `| ${member}`;
    } else {
      line += `${line ? " " : ""}| ${member}`;
    }
  }
  flush();
  return `export type ${name} =\n${lines.join("\n")};`;
}

/** One past the ";" that ends the type at `at` (a ";" in a comment does not). */
function unionEnd(dts, at) {
  for (let k = at; k < dts.length; k++) {
    if (dts.startsWith("/*", k)) k = dts.indexOf("*/", k) + 1;
    else if (dts[k] === ";") return k + 1;
  }
  return dts.length;
}

/** wasm/index.d.ts with every registry union rewritten (null when one is missing). */
export function dtsWritten(reg = registry()) {
  let dts = read("wasm/index.d.ts");
  for (const [name] of UNIONS) {
    const at = dts.indexOf(`export type ${name} =`);
    if (at < 0) return null;
    dts = dts.slice(0, at) + dtsUnionText(name, reg) + dts.slice(unionEnd(dts, at));
  }
  return dts;
}

const TITLES = {
  error: "Envelope errors (`error.code`)", detail: "Why a field was refused (`error.detail`)",
  relation: "The relation an INCONSISTENT field breaks (`error.relation`)", reason: "Reasons (`reasons[].code`)",
  form_error: "Booking-form errors (`errors[].code`, also reasons)", contact_warning: "Contact warnings (`warnings[].code`, also reasons)",
  next_step: "Next steps (`next_step.code`)",
  policy_warning: "Policy file warnings (`certpolicy policy check`)",
};
const BEGIN = "<!-- codes: generated from core/policy/data/codes.json by `node node/codes.mjs --write` -->";
const END = "<!-- /codes -->";

/** The list of docs/API.md as the registry gives it. */
export function apiBlock(reg = registry()) {
  const parts = KINDS.map((k) => `**${TITLES[k]}**: ${reg[k].map((c) => `\`${c}\``).join(", ")}.`);
  return `${BEGIN}\n${parts.join("\n\n")}\n${END}`;
}

/** The list as docs/API.md holds it now, or null. */
export function apiBlockInDocs() {
  const doc = read("docs/API.md");
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  return a < 0 || b < 0 ? null : doc.slice(a, b + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes("--write")) {
  const dts = dtsWritten();
  if (dts) writeFileSync(path.join(repoRoot, "wasm/index.d.ts"), dts);
  console.log(dts ? "wasm/index.d.ts: the code unions rewritten" : "wasm/index.d.ts lacks a code union");
  const file = path.join(repoRoot, "docs/API.md");
  const doc = readFileSync(file, "utf8");
  const now = apiBlockInDocs();
  writeFileSync(file, now ? doc.replace(now, apiBlock()) : doc);
  console.log(now ? "docs/API.md: the code list rewritten" : "docs/API.md has no code list markers");
}
