// The pages' locales and their strings. Decision sentences come from the
// engine (request `locale`), not from here.
import zhCN from "./strings/zh-CN.js";
import zhHant from "./strings/zh-Hant.js";
import en from "./strings/en.js";

/** Every locale the pages speak, in the order the language menu lists them. */
export const LOCALES = ["zh-CN", "zh-Hant", "en"];
export const STRINGS = { "zh-CN": zhCN, "zh-Hant": zhHant, en };
