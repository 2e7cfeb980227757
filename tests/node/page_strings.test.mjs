// Which strings each page's module carries: the console's own strings
// (web/js/strings/console/) are in the console's module only, and no other
// page's code or HTML says one of their keys (it would show the key itself).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PAGES, bundle } from "../../scripts/bundle_pages.mjs";
import { CONSOLE_STRINGS } from "../../web/js/console_strings.js";
import { repoRoot } from "./case_files.mjs";

const CONSOLE_PAGE = "console.html";
const ownStrings = (inputs) => inputs.filter((f) => f.startsWith("web/js/strings/console/")).sort();
/** A key written as a string in code or HTML: t("key"), data-i18n="key", `key`. */
const says = (text, key) => new RegExp(`["'\`]${key.replace(/[.$]/g, "\\$&")}["'\`]`).test(text);

test("the console's module carries its own strings in every locale", async () => {
  const [entry] = PAGES[CONSOLE_PAGE].filter((s) => s !== "js/engine.js");
  const inputs = Object.keys((await bundle(entry)).metafile.inputs);
  assert.deepEqual(ownStrings(inputs), ["en", "zh-CN", "zh-Hant"].map((l) => `web/js/strings/console/${l}.js`));
});

test("no other page's module carries the console's strings, and no other page says one of their keys", async () => {
  const keys = Object.keys(CONSOLE_STRINGS["zh-CN"]).map((k) => k.replace(/\.one$/, ""));
  const pages = Object.keys(PAGES).filter((p) => p !== CONSOLE_PAGE);
  assert.ok(pages.length >= 7, pages.join());
  for (const page of pages) {
    const [entry] = PAGES[page].filter((s) => s !== "js/engine.js");
    const inputs = Object.keys((await bundle(entry)).metafile.inputs);
    assert.deepEqual(ownStrings(inputs), [], page);
    // The page's own code and HTML (the package's elements have their own words).
    const sources = [`web/${page}`, ...inputs.filter((f) => f.startsWith("web/js/") && !f.startsWith("web/js/strings/"))];
    for (const file of sources) {
      const text = readFileSync(path.join(repoRoot, file), "utf8");
      assert.deepEqual(keys.filter((k) => says(text, k)), [], `${page}: ${file}`);
    }
  }
  // The check can fail: the console's own code says its keys.
  assert.ok(says(readFileSync(path.join(repoRoot, "web/js/console.js"), "utf8"), "console.prev"));
});
