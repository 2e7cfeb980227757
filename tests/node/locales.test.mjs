// Every user-facing string exists in every locale (zh-CN, zh-Hant, en) with
// the same placeholders, and the committed zh-Hant text is what
// tests/i18n/zh_hant.mjs derives from zh-CN (no Simplified character left).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { derived, toTraditional, MESSAGES_PATH, PAGE_STRINGS_PATH, POLICY_PATH } from "../i18n/zh_hant.mjs";
import { LOCALES, STRINGS } from "../../web/js/i18n.js";

const placeholders = (s) => [...String(s).matchAll(/\{[^}]*\}/g)].map((m) => m[0]).sort();

test("the committed zh-Hant strings are the derived ones (run: node i18n/zh_hant.mjs)", async () => {
  const d = await derived();
  assert.equal(readFileSync(PAGE_STRINGS_PATH, "utf8"), d.pages);
  assert.equal(readFileSync(MESSAGES_PATH, "utf8"), d.messages);
  assert.equal(readFileSync(POLICY_PATH, "utf8"), d.policy);
});

test("every page string exists in every locale, non-empty, with the same placeholders", () => {
  assert.deepEqual(LOCALES, ["zh-CN", "zh-Hant", "en"]);
  const keys = Object.keys(STRINGS["zh-CN"]);
  assert.ok(keys.length > 200);
  for (const locale of LOCALES) {
    assert.deepEqual(Object.keys(STRINGS[locale]).sort(), [...keys].sort(), locale);
    for (const key of keys) {
      assert.ok(String(STRINGS[locale][key]).trim() !== "", `${locale} ${key} is empty`);
      assert.deepEqual(placeholders(STRINGS[locale][key]), placeholders(STRINGS["zh-CN"][key]), `${locale} ${key}`);
    }
  }
});

test("the English strings hold no Chinese character (but the language's own name)", () => {
  for (const [key, text] of Object.entries(STRINGS.en)) {
    if (key === "lang.name") continue;
    assert.doesNotMatch(text, /[\u4e00-\u9fff]/, key);
  }
});

test("no Simplified-only character is left in a zh-Hant string: pages, sentences, catalogue names", () => {
  const texts = Object.entries(STRINGS["zh-Hant"]).map(([k, v]) => [`pages ${k}`, v]);
  const messages = JSON.parse(readFileSync(MESSAGES_PATH, "utf8"));
  for (const [section, entries] of Object.entries(messages)) {
    for (const [code, entry] of Object.entries(entries)) texts.push([`${section} ${code}`, entry["zh-Hant"]]);
  }
  const policy = JSON.parse(readFileSync(POLICY_PATH, "utf8"));
  for (const c of policy.catalogue.certifications) texts.push([`catalogue ${c.id}`, c.name.zh_hant]);
  assert.ok(texts.length > 400);
  for (const [where, text] of texts) assert.equal(toTraditional(text), text, where);
  // The check can fail: a Simplified sentence is caught.
  assert.notEqual(toTraditional("订单有效期"), "订单有效期");
});
