// How the pages read and write what a person types as a time: China-time
// input values (amounts: amounts.js).
import { CHINA_OFFSET_MIN, pad } from "/pkg/elements/format.js";

/** A Date as the value of <input type="datetime-local"> in China time. */
export function chinaInputValue(date) {
  const d = new Date(date.getTime() + CHINA_OFFSET_MIN * 60000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * "2026-11-26T10:00" (China time, from an input; seconds and milliseconds kept) → RFC 3339 with +08:00, or null.
 * A complete value with a year of five or six digits (the browser's field takes "20266") is passed on as typed,
 * so the engine names it invalid; it was said as missing ("fill in …"), which is not what the person did.
 */
export function chinaInstant(value) {
  if (/^\d{5,6}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value || "")) return `${value}+08:00`;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value || "")) return null;
  return `${value.length === 16 ? value + ":00" : value}+08:00`;
}

