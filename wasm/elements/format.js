// How the elements (and the demo pages, which import it) write instants,
// dates, money and countdowns: China time as the engine gives it, the
// viewer's zone named, months never as numbers alone in the viewer's own time.
/** China time's offset from UTC, in minutes (+08:00, no daylight saving). */
export const CHINA_OFFSET_MIN = 480;
/** Two digits: pad(7) → "07". */
export const pad = (n) => String(n).padStart(2, "0");
/** The Intl locale each of the three locales formats with. */
export const INTL = { "zh-CN": "zh-CN", "zh-Hant": "zh-Hant-TW", en: "en-US" };

/** Any RFC 3339 instant (or a Date's ms) → the same instant written at +08:00: "2026-11-26T10:00:00+08:00". */
export function toChina(instant) {
  const ms = typeof instant === "number" ? instant : Date.parse(instant);
  return `${new Date(ms + CHINA_OFFSET_MIN * 60000).toISOString().slice(0, 19)}+08:00`;
}

/**
 * "2026-11-26T10:00:00+08:00" → "2026-11-26 10:00" (seconds kept when not :00);
 * a day's last moment as the engine's sentences say it: "2027-03-01T23:59:59.999+08:00" → "2027-03-01 24:00".
 */
export function chinaTime(iso) {
  if (!iso) return "—";
  if (iso.slice(11, 23) === "23:59:59.999") return `${iso.slice(0, 10)} 24:00`;
  const clock = iso.slice(11, 19);
  return `${iso.slice(0, 10)} ${clock.endsWith(":00") ? clock.slice(0, 5) : clock}`;
}

/** The instant in the viewer's zone, or "" when that zone is at +08:00 then: "Nov 25, 2026, 21:00 (Eastern Time)". */
export function viewerTime(iso, locale) {
  if (!iso) return "";
  const d = new Date(iso);
  if (-d.getTimezoneOffset() === CHINA_OFFSET_MIN) return "";
  const when = new Intl.DateTimeFormat(INTL[locale], {
    year: "numeric", month: locale === "en" ? "short" : "long", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).format(d);
  const zone = new Intl.DateTimeFormat(INTL[locale], { timeZoneName: "longGeneric" }).formatToParts(d)
    .find((p) => p.type === "timeZoneName")?.value ?? "";
  return locale === "en" ? `${when} (${zone})` : `${when}（${zone}）`;
}

/**
 * What an element says to assistive technology: facts as sentences in the
 * locale's punctuation, each ([label, value] or [sentence]) once; empty ones left out.
 *   said([["可以退款"], ["预计退回", "¥1200.00"]], "zh-CN") → "可以退款。预计退回：¥1200.00。"
 *   said([["Refundable"], ["Refund amount", "¥1200.00"]], "en") → "Refundable. Refund amount: ¥1200.00."
 */
export function said(facts, locale) {
  const zh = locale !== "en";
  return facts.filter((f) => f && f[0] && (f.length === 1 || f[1])).map(([a, b]) => {
    const s = b === undefined ? a : labelled(a, b, locale);
    return /[。.!?！？]$/.test(s) ? s : `${s}${zh ? "。" : "."}`;
  }).join(zh ? "" : " ");
}

/** A label and its value in the locale's punctuation: "你的本地时间：…" / "your time: …". */
export const labelled = (label, value, locale) => `${label}${locale === "en" ? ": " : "："}${value}`;

/** Whole fen → "¥1200.00". */
/** An amount of fen in the locale's currency words (`prefix`: "¥" in Chinese, "CNY " in English, as the engine's sentences write it): yuan(358000, "¥") === "¥3580.00". */
export const yuan = (fen, prefix) => (fen === null || fen === undefined ? "—" : `${prefix}${Math.floor(fen / 100)}.${pad(fen % 100)}`);

/** Milliseconds → "4 d 03:12:45" (the day word of the locale). */
export function countdown(ms, dayWord) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(s / 86400);
  const rest = `${pad(Math.floor((s % 86400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return days > 0 ? `${days} ${dayWord} ${rest}` : rest;
}

/** A page-supplied locale tag → one of the three the elements speak (as the engine reads tags). */
export function localeOf(tag) {
  const s = String(tag ?? "");
  if (s.startsWith("en")) return "en";
  const parts = s.toLowerCase().split(/[-_]/).slice(1);
  if (!s.startsWith("zh") || parts.includes("hans")) return "zh-CN";
  return parts.some((p) => ["hant", "tw", "hk", "mo"].includes(p)) ? "zh-Hant" : "zh-CN";
}

/**
 * Whether an exam order's refund, now or after cancelling the booking, returns ¥0.00 (vouchers only, EXO-10): the
 * card says so beside its verdict, and the calendar sets no alarm to ask for it.
 */
export const refundReturnsNothing = (r) => (r.refund.allowed && r.refund.amount_fen === 0) || r.refund.amount_after_cancelling_fen === 0;
