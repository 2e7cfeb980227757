// Loads tests/cases/*.json exactly as tests/native/case_files_test.cc does.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const casesDir = fileURLToPath(new URL("../cases/", import.meta.url));
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** RFC 7386 JSON merge patch (returns a new value). */
export function mergePatch(target, patch) {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return patch;
  const out = target !== null && typeof target === "object" && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

export function loadCases() {
  const files = readdirSync(casesDir).filter((f) => f.endsWith(".json")).sort();
  const cases = [];
  for (const file of files) {
    const doc = JSON.parse(readFileSync(path.join(casesDir, file), "utf8"));
    const policy = doc.policy === undefined ? "" : JSON.stringify(doc.policy);
    for (const c of doc.cases) {
      const text = c.request_text !== undefined
        ? c.request_text
        : JSON.stringify(mergePatch(doc.defaults ?? {}, c.request));
      cases.push({ file, rule: c.rule ?? doc.rule, name: c.name, policy, text, expect: c.expect });
    }
  }
  return cases;
}
