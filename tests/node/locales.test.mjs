// Every user-facing string exists in every locale (zh-CN, zh-Hant, en) with
// the same placeholders (the pages' and the console's own, each once), and the committed zh-Hant text is what
// tests/i18n/zh_hant.mjs derives from zh-CN (no Simplified character left,
// in the pages, the elements, the engine's sentences and catalogue names).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { derived, toTraditional, mainlandWords, VOCABULARY, CONSOLE_STRINGS_PATH, ELEMENT_STRINGS_PATH, MESSAGES_PATH, PAGE_STRINGS_PATH, POLICY_PATH } from "../i18n/zh_hant.mjs";
// The pages' table with the console's own strings added (what the console shows): every check below covers both.
import { CONSOLE_STRINGS, LOCALES, STRINGS } from "../../web/js/console_strings.js";
import { createEngine } from "certpolicy";

/** A zh-CN sentence as the engine turns it into zh-Hant: the character pairs, then the phrases in one pass, in their order (core/policy/messages.cc). */
function engineTraditional(messages) {
  const pairs = new Map([...messages.zh_hant_chars.matchAll(/(.)(.)/gu)].map((m) => [m[1], m[2]]));
  return (text) => {
    const t = [...text].map((ch) => pairs.get(ch) ?? ch).join("");
    let out = "";
    for (let k = 0; k < t.length;) {
      const hit = messages.zh_hant_phrases.find(([from]) => t.startsWith(from, k));
      out += hit ? hit[1] : t[k];
      k += hit ? hit[0].length : 1;
    }
    return out;
  };
}

const placeholders = (s) => [...String(s).matchAll(/\{[^}]*\}/g)].map((m) => m[0]).sort();

test("the committed zh-Hant strings are the derived ones (run: node i18n/zh_hant.mjs)", async () => {
  const d = await derived();
  assert.equal(readFileSync(PAGE_STRINGS_PATH, "utf8"), d.pages);
  assert.equal(readFileSync(CONSOLE_STRINGS_PATH, "utf8"), d.console);
  assert.equal(readFileSync(ELEMENT_STRINGS_PATH, "utf8"), d.elements);
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

test("the console's own strings and the other pages' are each whole in every locale, and no key is in both", async () => {
  const pages = {};
  for (const locale of LOCALES) pages[locale] = (await import(`../../web/js/strings/${locale}.js`)).default;
  const own = Object.keys(CONSOLE_STRINGS["zh-CN"]);
  assert.ok(own.length > 100 && Object.keys(pages["zh-CN"]).length > 150);
  for (const locale of LOCALES) {
    assert.deepEqual(Object.keys(CONSOLE_STRINGS[locale]).sort(), [...own].sort(), locale);
    assert.deepEqual(Object.keys(pages[locale]).sort(), Object.keys(pages["zh-CN"]).sort(), locale);
    assert.deepEqual(own.filter((k) => k in pages[locale]), [], `${locale}: written once`);
  }
  // Adding the console's strings left the modules' own tables as they are.
  assert.ok(!("console.load" in pages["zh-CN"]) && STRINGS["zh-CN"]["console.load"] === CONSOLE_STRINGS["zh-CN"]["console.load"]);
});

test("every element string exists in every locale with the same placeholders", async () => {
  const tables = {};
  for (const locale of LOCALES) tables[locale] = (await import(`../../wasm/elements/strings/${locale}.js`)).default;
  const keys = Object.keys(tables["zh-CN"]).sort();
  for (const locale of LOCALES) {
    assert.deepEqual(Object.keys(tables[locale]).sort(), keys, locale);
    for (const key of keys) assert.deepEqual(placeholders(tables[locale][key]), placeholders(tables["zh-CN"][key]), `${locale} ${key}`);
  }
  for (const [key, text] of Object.entries(tables.en)) assert.doesNotMatch(text, /[\u4e00-\u9fff]/, key);
});

test("the English strings hold no Chinese character (but the language's own name)", () => {
  for (const [key, text] of Object.entries(STRINGS.en)) {
    if (key === "lang.name") continue;
    assert.doesNotMatch(text, /[\u4e00-\u9fff]/, key);
  }
});

test("no Simplified-only character is left in a zh-Hant string: pages, elements, sentences, catalogue names", async () => {
  const { default: elements } = await import("../../wasm/elements/strings/zh-Hant.js");
  const texts = [...Object.entries(STRINGS["zh-Hant"]).map(([k, v]) => [`pages ${k}`, v]),
    ...Object.entries(elements).map(([k, v]) => [`elements ${k}`, v])];
  // The engine's zh-Hant: written out, or the zh-CN text with the pairs' characters replaced.
  const messages = JSON.parse(readFileSync(MESSAGES_PATH, "utf8"));
  const mapped = engineTraditional(messages);
  for (const [section, entries] of Object.entries(messages)) {
    if (section === "zh_hant_chars" || section === "zh_hant_phrases") continue;
    for (const [code, entry] of Object.entries(entries)) texts.push([`${section} ${code}`, entry["zh-Hant"] ?? mapped(entry["zh-CN"])]);
  }
  const engine = await createEngine();
  for (const c of engine.catalogue()) texts.push([`catalogue ${c.id}`, c.name.zh_hant]);
  assert.equal(engine.catalogue().find((c) => c.id === "cloud-computing-engineer").name.zh_hant, "騰訊雲計算工程師認證");
  assert.ok(texts.length > 400);
  for (const [where, text] of texts) assert.equal(toTraditional(text), text, where);
  // The check can fail: a Simplified sentence is caught.
  assert.notEqual(toTraditional("订单有效期"), "订单有效期");
});

test("zh-Hant pages and elements use the words Hong Kong, Macao and Taiwan readers use (線上支付, 帳戶, 匯出, 登入), not Mainland ones", async () => {
  const { default: elements } = await import("../../wasm/elements/strings/zh-Hant.js");
  const texts = [...Object.entries(STRINGS["zh-Hant"]).map(([k, v]) => [`pages ${k}`, v]),
    ...Object.entries(elements).map(([k, v]) => [`elements ${k}`, v])];
  for (const [where, text] of texts) assert.deepEqual(mainlandWords(text), [], `${where}: ${text}`);
  assert.equal(STRINGS["zh-Hant"]["pay.online"], "線上支付");
  assert.equal(STRINGS["zh-Hant"]["pay.balance"], "帳戶餘額");
  assert.equal(STRINGS["zh-Hant"]["export_ics"], "匯出到日曆（.ics）");
  assert.equal(elements["loading"], "正在載入…");
  // A word kept as it is guards a longer one; the check can fail.
  assert.equal(STRINGS["zh-Hant"]["cat.track.big_data"], "大數據");
  assert.deepEqual(mainlandWords("在線支付賬戶的大數據"), ["在線", "賬戶"]);
});

test("the engine's zh-Hant sentences use Traditional vocabulary (帳戶, 登入, 線上, 簡訊 …), not only Traditional characters", async () => {
  const engine = await createEngine();
  const say = (request) => engine.evaluate({ locale: "zh-Hant", ...request });
  const refund = say({ type: "exam_order", now: "2026-11-22T10:00:00+08:00", order: { paid_at: "2026-11-21T10:00:00+08:00", payments: [{ method: "online", amount_fen: 100 }] } });
  assert.match(refund.reasons.find((r) => r.code === "REFUND_TO_METHODS").message, /騰訊雲帳戶/);
  const booked = say({ type: "exam_order", now: "2026-11-22T10:00:00+08:00", order: { paid_at: "2026-11-21T10:00:00+08:00", booking: { status: "booked", exam_at: "2026-12-20T09:00:00+08:00" } } });
  assert.match(booked.reasons.find((r) => r.code === "CHECK_IN").message, /登入考試用戶端/);
  // The pages say 遠端 (remote), and so does the card beside them (it said 遠程 on one line and 遠端 on the next).
  assert.match(booked.reasons.find((r) => r.code === "CHECK_IN").message, /遠端考試請登入/);
  const messages = JSON.parse(readFileSync(MESSAGES_PATH, "utf8"));
  const mapped = engineTraditional(messages);
  let checked = 0;
  for (const section of VOCABULARY.sections) {
    for (const [code, entry] of Object.entries(messages[section])) {
      const hant = entry["zh-Hant"] ?? mapped(entry["zh-CN"]);
      for (const [from] of VOCABULARY.phrases) assert.ok(!hant.includes(from), `${section} ${code}: ${from} in ${hant}`);
      checked++;
    }
  }
  assert.ok(checked > 150);
});

// A place in a file ({at}, {other}) is worded whole by console.line_n / console.item ("第 9 行"): a sentence
// that wraps it again said "第 第 9 行 行" (a tryout, zh-Hant). The Chinese texts wrap a placeholder as zh-CN does.
test("a placeholder that is already a worded place is not wrapped again in zh-Hant", () => {
  const around = (text, name) => [...text.matchAll(new RegExp(`(.?.?)\\{${name}\\}(.?.?)`, "g"))].map((m) => /第\s*$/.test(m[1]) || /^\s*行/.test(m[2]));
  let checked = 0;
  for (const [key, cn] of Object.entries(STRINGS["zh-CN"])) {
    for (const name of ["at", "other"]) {
      if (!cn.includes(`{${name}}`)) continue;
      assert.deepEqual(around(STRINGS["zh-Hant"][key], name), around(cn, name), `${key} {${name}}`);
      ++checked;
    }
  }
  assert.ok(checked >= 5, `${checked} sentences with a place`);
});
