// Which language the page speaks: the one current locale (the link's ?lang,
// else the reader's last choice, else 简体中文), the page's strings in it, and
// a catalogue name in it.
import { LOCALES, STRINGS, format } from "./i18n.js";
import { localeOf } from "/pkg/elements/format.js";

// The reader's last choice, kept in the browser's storage; a browser that blocks
// storage (cookies turned off) throws on any use of it, and then nothing is kept.
function savedLocale() {
  try {
    return localStorage.getItem("certpolicy.lang");
  } catch {
    return null;
  }
}
function saveLocale(value) {
  try {
    localStorage.setItem("certpolicy.lang", value);
  } catch {
    // Not kept: the link's ?lang still carries it on this page.
  }
}

// A link's ?lang is read as the engine and the elements read a language tag (zh-TW, zh-HK, zh-Hant-… →
// zh-Hant; en-US, en-GB … → en; other zh… → zh-CN); a tag of no language the pages speak is not taken.
function firstLocale() {
  const q = new URLSearchParams(location.search).get("lang");
  if (q && /^(zh|en)(?:[-_]|$)/i.test(q)) return localeOf(q.toLowerCase());
  const saved = savedLocale();
  return LOCALES.includes(saved) ? saved : "zh-CN";
}

let locale = firstLocale();
export const getLocale = () => locale;

/** The reader's choice from the language menu: kept for their next visit and in this page's link. */
export function chooseLocale(choice) {
  locale = LOCALES.includes(choice) ? choice : "zh-CN";
  saveLocale(locale);
  const url = new URL(location.href);
  url.searchParams.set("lang", locale);
  history.replaceState(null, "", url);
}

export const t = (key) => STRINGS[locale][key] ?? STRINGS["zh-CN"][key] ?? key;
/** t() with {name} placeholders filled from `vars` (and English's singular when `vars.n` is 1). */
export const tf = (key, vars) => format(STRINGS[locale], key, vars);

/** A catalogue name ({ zh, zh_hant, en }) in the page's locale; `other` gives the other script's name. */
export function localName(name, other = false) {
  if (!name) return "";
  const own = locale === "en" ? name.en : locale === "zh-Hant" ? name.zh_hant ?? name.zh : name.zh;
  return other ? (locale === "en" ? name.zh : name.en) : own;
}
