// How a date or China-time input's value is said back under it: in words
// that cannot be misread, whatever order the browser's own control shows
// (12/02/2026 is 2 December to some and 12 February to others).
import { getLocale, t } from "./locale.js";
import { INTL } from "/pkg/elements/format.js";

/**
 * The value in the page's locale:
 *   "2026-12-02T20:38" → "2026年12月2日 星期三 20:38（北京时间）" / "Wed, Dec 2, 2026, 20:38 (China time)"
 */
function readback(value) {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(value ?? "");
  if (!m) return "";
  const day = new Date(`${m[1]}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return "";
  const locale = getLocale();
  const date = new Intl.DateTimeFormat(INTL[locale], {
    timeZone: "UTC", weekday: "short", year: "numeric", month: locale === "en" ? "short" : "long", day: "numeric",
  }).format(day);
  if (!m[2]) return date;
  return locale === "en" ? `${date}, ${m[2]} (${t("china_time")})` : `${date} ${m[2]}（${t("china_time")}）`;
}

/** Adds (once) and fills the read-back line under a date input. */
export function addReadback(input) {
  let line = input.nextElementSibling?.classList.contains("readback") ? input.nextElementSibling : null;
  if (!line) {
    line = document.createElement("span");
    line.className = "readback";
    line.dataset.testid = `readback-${input.id || input.name || "date"}`;
    input.after(line);
    input.addEventListener("input", () => { line.textContent = readback(input.value); });
    input.addEventListener("change", () => { line.textContent = readback(input.value); });
  }
  line.textContent = readback(input.value);
}
