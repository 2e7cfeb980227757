// The console's own strings (the keys only console.html shows: its views,
// tables, actions and import messages) join the pages' table when a console
// module starts (the page and its worker), so the other pages' modules never
// carry them (docs/DESIGN.md, "Locales").
import { addStrings } from "./i18n.js";
import zhCN from "./strings/console/zh-CN.js";
import zhHant from "./strings/console/zh-Hant.js";
import en from "./strings/console/en.js";

/** The console's own strings by locale (the Node tests check them apart from the pages'). */
export const CONSOLE_STRINGS = { "zh-CN": zhCN, "zh-Hant": zhHant, en };
addStrings(CONSOLE_STRINGS);

export { LOCALES, STRINGS, format } from "./i18n.js";
