// What every page sets up alike: the header (title, one link per page, the
// language menu), the page's strings applied, forms that never submit; and a
// new language or policy redraws the page. Deciding is the engine's.
import { announceAgain } from "./announce.js";
import { LOCALES, STRINGS } from "./i18n.js";
import { chooseLocale, getLocale, t } from "./locale.js";
import { addReadback } from "./readback.js";

// No form of these pages submits anywhere: Enter in a field must never
// reload the page and lose what was typed.
document.addEventListener("submit", (e) => e.preventDefault());

/** Fills [data-i18n] text and [data-i18n-aria] labels; sets <html lang>; rewrites the date read-backs. */
function applyStrings(root = document) {
  document.documentElement.lang = getLocale();
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-aria]")) el.setAttribute("aria-label", t(el.dataset.i18nAria));
  document.title = t(document.body.dataset.titleKey || "app.title");
  for (const input of root.querySelectorAll('input[type="date"], input[type="datetime-local"]')) addReadback(input);
}

const PAGES = [
  ["index.html", "nav.home"], ["purchase.html", "nav.purchase"], ["booking.html", "nav.booking"],
  ["certificates.html", "nav.certificates"], ["practitioner.html", "nav.practitioner"],
  ["training.html", "nav.training"], ["console.html", "nav.console"], ["catalogue.html", "nav.catalogue"],
];

/**
 * The shared header: title, one link per page and the language menu. On a
 * narrow screen the links and the menu fold behind one "Menu" button, so the
 * header stays one line.
 */
function renderHeader() {
  const top = document.getElementById("top");
  if (!top) return;
  const here = location.pathname.split("/").pop() || "index.html";
  const h1 = document.createElement("h1");
  const home = document.createElement("a");
  home.href = "index.html";
  home.dataset.i18n = "app.title";
  h1.append(home);
  const toggle = document.createElement("button");
  toggle.type = "button";
  toggle.id = "menu";
  toggle.className = "menu-toggle";
  toggle.dataset.i18n = "nav.menu";
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("aria-controls", "site-menu");
  const menu = document.createElement("div");
  menu.id = "site-menu";
  menu.className = "site-menu";
  const nav = document.createElement("nav");
  nav.dataset.i18nAria = "nav.label";
  for (const [href, key] of PAGES) {
    const a = document.createElement("a");
    a.href = href;
    a.dataset.i18n = key;
    if (href === here) a.setAttribute("aria-current", "page");
    nav.append(a);
  }
  const lang = document.createElement("label");
  lang.className = "lang";
  const langName = document.createElement("span");
  langName.className = "visually-hidden";
  langName.dataset.i18n = "lang.label";
  const select = document.createElement("select");
  select.id = "lang";
  select.dataset.testid = "lang";
  for (const l of LOCALES) {
    const option = document.createElement("option");
    option.value = l;
    option.lang = l;
    option.textContent = STRINGS[l]["lang.name"];
    select.append(option);
  }
  lang.append(langName, select);
  menu.append(nav, lang);
  const show = (open) => {
    toggle.setAttribute("aria-expanded", String(open));
    menu.classList.toggle("open", open);
  };
  toggle.addEventListener("click", () => show(toggle.getAttribute("aria-expanded") !== "true"));
  // Escape closes the open menu (a disclosure's keyboard contract) and puts focus back on its button.
  top.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || toggle.getAttribute("aria-expanded") !== "true") return;
    show(false);
    toggle.focus();
  });
  top.replaceChildren(h1, toggle, menu);
}

// The page's own re-render (setupLocale's onChange), and on a deciding page
// the policy footer's and words' (load_engine.js, once it has the engine).
let pageUpdate = () => {};
let policyUpdate = () => {};

/** Makes `draw` (the policy footer and words) part of every redraw, before the page's own. */
export function redrawPolicyToo(draw) {
  policyUpdate = draw;
}

/** What a new language or a new policy changes: the policy footer and words, what was said, the page's own answer. */
export function redrawPage() {
  policyUpdate();
  announceAgain();
  pageUpdate();
}

/**
 * A link from the answer to the form that asks (the answer comes first: on a phone the form is far below it,
 * and on a wide screen it is first to the keyboard though drawn on the right). Following it moves focus to
 * the form, so the next Tab is its first field.
 */
function linkAnswerToForm() {
  const answer = document.querySelector("main > .answer");
  const form = document.querySelector("main > .answer ~ section form[id]");
  if (!answer || !form || answer.querySelector("a.to-form")) return;
  form.tabIndex = -1;
  const link = document.createElement("a");
  link.className = "to-form";
  link.href = `#${form.id}`;
  link.dataset.i18n = "answer.to_form";
  link.dataset.testid = "to-form";
  answer.querySelector("h2")?.after(link);
}

/** Draws the header, applies the strings and wires the language menu; `onChange` re-renders the page. */
export function setupLocale(onChange) {
  pageUpdate = onChange;
  renderHeader();
  linkAnswerToForm();
  const select = document.getElementById("lang");
  if (select) select.value = getLocale();
  applyStrings();
  select?.addEventListener("change", () => {
    chooseLocale(select.value);
    applyStrings();
    redrawPage();
  });
}
