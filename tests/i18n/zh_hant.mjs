// Derives every zh-Hant string from its zh-CN source: OpenCC, Simplified →
// Taiwan standard characters (no regional vocabulary, so Hong Kong, Macao
// and Taiwan readers all read it), then the hand-written overrides.
//   node i18n/zh_hant.mjs          rewrites web/js/strings/zh-Hant.js and the
//                                  "zh-Hant" entries of core/data/messages.json
//                                  and the catalogue's name.zh_hant in core/data/default_policy.json
//   derived()                      what they must hold (the check in node/locales.test.mjs)
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as OpenCC from "opencc-js";

const root = new URL("../../", import.meta.url);
export const MESSAGES_PATH = fileURLToPath(new URL("core/data/messages.json", root));
export const POLICY_PATH = fileURLToPath(new URL("core/data/default_policy.json", root));
export const PAGE_STRINGS_PATH = fileURLToPath(new URL("web/js/strings/zh-Hant.js", root));
const OVERRIDES = JSON.parse(readFileSync(new URL("zh_hant_overrides.json", import.meta.url), "utf8"));

export const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
const convert = (section, key, text) => OVERRIDES[section]?.[key] ?? toTraditional(text);

/** The page strings' module text, the messages and the default policy, as derived. */
export async function derived() {
  const { default: zhCN } = await import(new URL("web/js/strings/zh-CN.js", root));
  const lines = Object.entries(zhCN).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(convert("pages", k, v))},`);
  const pages = "// The pages' own strings in Traditional Chinese, derived from zh-CN.js by\n" +
    "// tests/i18n/zh_hant.mjs (do not edit by hand: add an override there).\n" +
    `export default {\n${lines.join("\n")}\n};\n`;
  const messages = JSON.parse(readFileSync(MESSAGES_PATH, "utf8"));
  for (const [section, entries] of Object.entries(messages)) {
    for (const [code, entry] of Object.entries(entries)) {
      const { "zh-CN": zh, en } = entry;
      entries[code] = { "zh-CN": zh, "zh-Hant": convert(section, code, zh), en };
    }
  }
  const policy = JSON.parse(readFileSync(POLICY_PATH, "utf8"));
  for (const c of policy.catalogue.certifications) {
    const { zh, en } = c.name;
    c.name = { zh, zh_hant: convert("catalogue", c.id, zh), en };
  }
  const json = (doc) => JSON.stringify(doc, null, 2) + "\n";
  return { pages, messages: json(messages), policy: json(policy) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { pages, messages, policy } = await derived();
  writeFileSync(PAGE_STRINGS_PATH, pages);
  writeFileSync(MESSAGES_PATH, messages);
  writeFileSync(POLICY_PATH, policy);
}
