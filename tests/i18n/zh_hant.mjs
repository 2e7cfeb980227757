// Derives every zh-Hant string from its zh-CN source: OpenCC, Simplified →
// Taiwan standard characters, then the Traditional vocabulary of
// zh_hant_vocabulary.json (帳戶, 登入, 線上, 簡訊 …: its "phrases" in the
// engine's sections it lists and in the pages' and elements' words, its
// "page_phrases" in those words only: 在線支付 → 線上支付, 導出 → 匯出),
// then the hand-written overrides.
//   node i18n/zh_hant.mjs          rewrites web/js/strings/zh-Hant.js,
//                                  web/js/strings/console/zh-Hant.js,
//                                  wasm/elements/strings/zh-Hant.js and the
//                                  "zh-Hant" entries of core/policy/data/messages.json
//                                  and the catalogue's name.zh_hant in core/policy/data/default_policy.json
//   derived()                      what they must hold (the check in node/locales.test.mjs)
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as OpenCC from "opencc-js";

const root = new URL("../../", import.meta.url);
export const MESSAGES_PATH = fileURLToPath(new URL("core/policy/data/messages.json", root));
export const POLICY_PATH = fileURLToPath(new URL("core/policy/data/default_policy.json", root));
export const PAGE_STRINGS_PATH = fileURLToPath(new URL("web/js/strings/zh-Hant.js", root));
export const CONSOLE_STRINGS_PATH = fileURLToPath(new URL("web/js/strings/console/zh-Hant.js", root));
export const ELEMENT_STRINGS_PATH = fileURLToPath(new URL("wasm/elements/strings/zh-Hant.js", root));
const OVERRIDES = JSON.parse(readFileSync(new URL("zh_hant_overrides.json", import.meta.url), "utf8"));
export const VOCABULARY = JSON.parse(readFileSync(new URL("zh_hant_vocabulary.json", import.meta.url), "utf8"));

export const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
// One pass, longest phrase first: a phrase is replaced once, never its replacement again (文檔 → 文件 stays 文件).
const replacer = (pairs) => {
  const to = new Map(pairs);
  const re = new RegExp([...to.keys()].sort((a, b) => b.length - a.length).join("|"), "gu");
  return { apply: (text) => text.replace(re, (w) => to.get(w)), left: (text) => [...text.matchAll(re)].map((m) => m[0]).filter((w) => to.get(w) !== w) };
};
const ENGINE_WORDS = replacer(VOCABULARY.phrases);
const PAGE_WORDS = replacer([...VOCABULARY.phrases, ...VOCABULARY.page_phrases]);
/** Traditional characters, then the phrases of the engine's sentences. */
export const withVocabulary = (text) => ENGINE_WORDS.apply(text);
/** Traditional characters and the pages' vocabulary: toTaiwan("在线支付账户") === "線上支付帳戶". */
export const toTaiwan = (text) => PAGE_WORDS.apply(toTraditional(text));
/** The Mainland phrases left in a page's or element's Traditional text (大數據 is kept, so its 數據 is not one). */
export const mainlandWords = (text) => PAGE_WORDS.left(text);
const WORDED = new Set(["pages", "elements"]);
const convert = (section, key, text) => OVERRIDES[section]?.[key]
  ?? (WORDED.has(section) ? toTaiwan(text) : VOCABULARY.sections.includes(section) ? withVocabulary(toTraditional(text)) : toTraditional(text));

/** The zh-Hant module of a zh-CN strings module (`from`, in the repository), its first line `whose`. */
async function derivedModule(from, whose, section) {
  const { default: zhCN } = await import(new URL(from, root));
  const lines = Object.entries(zhCN).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(convert(section, k, v))},`);
  return `// ${whose} in Traditional Chinese, derived from ${from.slice(from.indexOf("strings/") + "strings/".length)} by\n` +
    "// tests/i18n/zh_hant.mjs (do not edit by hand: add an override there).\n" +
    `export default {\n${lines.join("\n")}\n};\n`;
}

/** The page strings' modules' text, the messages and the default policy, as derived. */
export async function derived() {
  const pages = await derivedModule("web/js/strings/zh-CN.js", "The pages' own strings", "pages");
  // The console's own strings are page strings too (the same overrides and vocabulary).
  const consoleStrings = await derivedModule("web/js/strings/console/zh-CN.js", "The console's own strings", "pages");
  const elements = await derivedModule("wasm/elements/strings/zh-CN.js", "The elements' own words", "elements");
  const messages = JSON.parse(readFileSync(MESSAGES_PATH, "utf8"));
  delete messages.zh_hant_chars;
  delete messages.zh_hant_phrases;
  // The engine's zh-Hant sentences are not written out: it replaces the
  // characters of "zh_hant_chars" in the zh-CN ones, then the phrases of
  // "zh_hant_phrases" (the vocabulary; core/messages.cc). The character map is
  // learnt from the characters alone (OpenCC), so a vocabulary phrase never
  // turns into a character pair. A sentence whose Traditional text the two
  // cannot give (a character converted two ways, an override) is written out
  // as "zh-Hant".
  const pairs = new Map();
  const conflicts = new Set();
  const wanted = [];
  const policy = JSON.parse(readFileSync(POLICY_PATH, "utf8"));
  const names = policy.catalogue.certifications.map((c) => ({ c, hant: convert("catalogue", c.id, c.name.zh) }));
  const learn = (zh, hant) => {
    const a = [...zh], b = [...hant];
    if (a.length !== b.length) return false;
    let ok = true;
    a.forEach((ch, i) => {
      if (ch === b[i]) return;
      if (Buffer.byteLength(ch) !== 3 || Buffer.byteLength(b[i]) !== 3 || (pairs.has(ch) && pairs.get(ch) !== b[i])) ok = false;
      else pairs.set(ch, b[i]);
    });
    return ok;
  };
  for (const { c, hant } of names) if (!learn(c.name.zh, hant) || OVERRIDES.catalogue?.[c.id]) conflicts.add(`catalogue/${c.id}`);
  for (const [section, entries] of Object.entries(messages)) {
    for (const [code, entry] of Object.entries(entries)) {
      const zh = entry["zh-CN"];
      const hant = convert(section, code, zh);
      wanted.push([section, code, zh, hant]);
      if (!learn(zh, OVERRIDES[section]?.[code] ?? toTraditional(zh)) || OVERRIDES[section]?.[code]) conflicts.add(`${section}/${code}`);
    }
  }
  const mapped = (text) => [...text].map((ch) => pairs.get(ch) ?? ch).join("");
  const sentence = (section, text) => (VOCABULARY.sections.includes(section) ? withVocabulary(mapped(text)) : mapped(text));
  for (const [section, code, zh, hant] of wanted) {
    const { "zh-CN": cn, en } = messages[section][code];
    messages[section][code] = sentence(section, zh) === hant && !conflicts.has(`${section}/${code}`) ? { "zh-CN": cn, en } : { "zh-CN": cn, "zh-Hant": hant, en };
  }
  // A catalogue name the map gives is not written out either (the engine derives it).
  for (const { c, hant } of names) {
    const { zh, en } = c.name;
    c.name = mapped(zh) === hant && !conflicts.has(`catalogue/${c.id}`) ? { zh, en } : { zh, zh_hant: hant, en };
  }
  messages.zh_hant_chars = [...pairs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([a, b]) => a + b).join("");
  // In the order the engine tries them at each position: longest first (one
  // pass; a replacement is never replaced again).
  messages.zh_hant_phrases = [...VOCABULARY.phrases].sort(([a], [b]) => [...b].length - [...a].length);
  const json = (doc) => JSON.stringify(doc, null, 2) + "\n";
  return { pages, console: consoleStrings, elements, messages: json(messages), policy: json(policy) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { pages, console: consoleStrings, elements, messages, policy } = await derived();
  writeFileSync(PAGE_STRINGS_PATH, pages);
  writeFileSync(CONSOLE_STRINGS_PATH, consoleStrings);
  writeFileSync(ELEMENT_STRINGS_PATH, elements);
  writeFileSync(MESSAGES_PATH, messages);
  writeFileSync(POLICY_PATH, policy);
}
