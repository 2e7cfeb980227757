// How the pages read and write what a person types: China-time input values
// and amounts in yuan as people write them.
import { CHINA_OFFSET_MIN, pad } from "/pkg/elements/format.js";

/** A Date as the value of <input type="datetime-local"> in China time. */
export function chinaInputValue(date) {
  const d = new Date(date.getTime() + CHINA_OFFSET_MIN * 60000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "2026-11-26T10:00" (China time, from an input; seconds and milliseconds kept) → RFC 3339 with +08:00, or null. */
export function chinaInstant(value) {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value || "")) return null;
  return `${value.length === 16 ? value + ":00" : value}+08:00`;
}

/**
 * What a person types as an amount in yuan → fen; "" → 0; null when it is
 * not an amount with at most two decimals. Accepted as people write it:
 * full-width digits and punctuation (１２００．５), a currency sign or word
 * before or after (¥1200, ￥1200, 1200元, CNY 1200), thousands separators in
 * their places (1,200 or 1 200). "12.345" and "1,20" are refused, never
 * guessed.
 *   yuanToFen("1,200") === 120000; yuanToFen("１２００") === 120000; yuanToFen("12.345") === null
 */
export function yuanToFen(text) {
  let s = String(text ?? "").normalize("NFKC").trim();
  s = s.replace(/^(?:¥|CNY|RMB)\s*/i, "").replace(/\s*(?:元|CNY|RMB)$/i, "").trim();
  if (s === "") return 0;
  if (/^\d{1,3}([, ]\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/[, ]/g, "");
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}
