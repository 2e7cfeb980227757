// The pages' locales and their strings: the ones every page may show here, a
// page's own added by it at start-up (the console's: js/console_strings.js).
// Decision sentences come from the engine (request `locale`), not from here.
import zhCN from "./strings/zh-CN.js";
import zhHant from "./strings/zh-Hant.js";
import en from "./strings/en.js";

/** Every locale the pages speak, in the order the language menu lists them. */
export const LOCALES = ["zh-CN", "zh-Hant", "en"];
/** Copies, so that a page's own strings added here leave the modules' tables as they are. */
export const STRINGS = { "zh-CN": { ...zhCN }, "zh-Hant": { ...zhHant }, en: { ...en } };

/** Adds a page's own strings (a table per locale, keys no other page shows) to STRINGS. */
export function addStrings(tables) {
  for (const locale of LOCALES) Object.assign(STRINGS[locale], tables[locale]);
}

/**
 * `key`'s text in `strings` (zh-CN's where it has none) with its {name}
 * placeholders filled from `vars`; when `vars.n` is 1, `key.one` (English
 * says "1 code", not "1 codes"; the Chinese `.one` is the same sentence).
 */
export function format(strings, key, vars = {}) {
  const one = `${key}.one`;
  const k = String(vars.n) === "1" && (strings[one] ?? STRINGS["zh-CN"][one]) !== undefined ? one : key;
  return (strings[k] ?? STRINGS["zh-CN"][k] ?? k).replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""));
}
