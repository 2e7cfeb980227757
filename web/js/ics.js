// RFC 5545 iCalendar files for the deadlines a page shows. Pure functions:
// no DOM, so Node tests import this module directly.
//
//   buildCalendar([{ uid, title, start: "2026-11-26T10:00:00+08:00" },
//                  { uid, title, date: "2027-01-10", alarmDaysBefore: 90 }])
//   → "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…END:VCALENDAR\r\n"

const PRODID = "-//certpolicy//Tencent Cloud certification deadlines//EN";

/**
 * TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon and comma
 * escaped; every line break (CRLF, a lone CR or LF, U+2028/2029) written as
 * "\\n"; other control characters, which TEXT cannot hold, dropped (a tab stays).
 */
export function escapeText(s) {
  return String(s)
    .replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
    .replace(/\r\n|[\r\n\u2028\u2029]/g, "\\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
export function foldLine(line) {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const parts = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end--;  // continuation byte
    parts.push(new TextDecoder().decode(bytes.subarray(start, end)));
    start = end;
    limit = 74;  // continuation lines start with a space
  }
  return parts.join("\r\n ");
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** An RFC 3339 instant → "20261126T020000Z" (UTC). */
export function utcStamp(instant) {
  const d = new Date(instant);
  if (typeof instant !== "string" || !RFC3339.test(instant) || Number.isNaN(d.getTime())) {
    throw new RangeError(`not an instant: ${instant}`);
  }
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** "2027-01-10" → "20270110"; a date that does not exist (2027-02-30) is a RangeError. */
export function dateStamp(date) {
  const m = typeof date === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!d || d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    throw new RangeError(`not a date: ${date}`);
  }
  return date.replace(/-/g, "");
}

/** An alarm offset: a whole number 0…36 600 (days) or 0…52 704 000 (minutes), else a RangeError. */
function alarmCount(value, max) {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) throw new RangeError(`not an alarm offset: ${String(value)}`);
  return value;
}

function nextDay(date) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Where an alarm falls back to when its own lead has passed, first still ahead wins (minutes from the event's
 * start): a timed event an hour before; an all-day one at 09:00 China time the day before, then on the day.
 */
const FALLBACK_MINUTES = { timed: [-60], allDay: [-15 * 60, 9 * 60] };
const trigger = (minutes) => (minutes < 0 ? `-PT${-minutes}M` : `PT${minutes}M`);

/**
 * The alarm an event gets at `asOf` (ms), as its TRIGGER value, or null: its own lead while that moment is
 * still ahead; else its first fallback still ahead (a deadline within the day, an order's last days, still
 * ring); else none (a calendar rings an alarm already past at once on import, or never). An all-day event
 * starts at 00:00 China time, as every date the pages show is a China date.
 */
function alarmOf(e, asOf) {
  const start = e.date ? Date.parse(`${e.date}T00:00:00+08:00`) : Date.parse(e.start);
  if (e.alarmDaysBefore !== undefined && start - alarmCount(e.alarmDaysBefore, 36600) * 86400000 > asOf) return `-P${e.alarmDaysBefore}D`;
  if (e.alarmMinutesBefore !== undefined && start - alarmCount(e.alarmMinutesBefore, 52704000) * 60000 > asOf) return `-PT${e.alarmMinutesBefore}M`;
  if (e.alarmDaysBefore === undefined && e.alarmMinutesBefore === undefined) return null;
  const ahead = FALLBACK_MINUTES[e.date ? "allDay" : "timed"].find((m) => start + m * 60000 > asOf);
  return ahead === undefined ? null : trigger(ahead);
}

/**
 * The revision an export is (RFC 5545 SEQUENCE, a non-negative 32-bit integer): the whole seconds from
 * 2024-01-01T00:00:00Z to the export moment, so a later file of the same events (same UIDs) replaces the events an
 * earlier one put in a calendar, instead of sitting beside them; it fits until 2092.
 *   revisionOf(new Date("2026-12-08T00:00:00Z")) → 92620800
 */
export function revisionOf(now) {
  const seconds = Math.floor((now.getTime() - Date.UTC(2024, 0, 1)) / 1000);
  if (!(seconds >= 0 && seconds <= 2147483647)) throw new RangeError(`not an export moment: ${String(now)}`);
  return seconds;
}

/**
 * events: [{ uid, title, description?, start?: instant, end?: instant,
 *            date?: "YYYY-MM-DD" (all-day), alarmDaysBefore?: n, alarmMinutesBefore?: n }]
 * `uid` names the event, not its time: the same event of a later decision (an exam moved, a deadline moved
 * with it) keeps its uid, and the later file's SEQUENCE (revisionOf) replaces it. `now` sets DTSTAMP and SEQUENCE
 * (default: this moment). Alarms are as of `asOf` (the instant the page decided for;
 * default `now`): one whose moment has passed falls back (alarmOf), or is left out.
 *   buildCalendar([{ …, start: "2026-11-26T10:00:00+08:00", alarmMinutesBefore: 1440 }], now, "2026-11-25T12:00:00+08:00")
 *   → TRIGGER:-PT60M (a day before, 2026-11-25 10:00, has passed)
 */
export function buildCalendar(events, now = new Date(), asOf = now) {
  const decidedAt = new Date(asOf).getTime();
  // An instant decided for that is not one would leave every alarm out in silence: refused, as a bad stamp is.
  if (Number.isNaN(decidedAt)) throw new RangeError(`not an instant: ${String(asOf)}`);
  const stamp = utcStamp(now.toISOString());
  const revision = revisionOf(now);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${PRODID}`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  for (const e of events) {
    if (!e || (!e.start && !e.date)) continue;
    lines.push("BEGIN:VEVENT", `UID:${escapeText(e.uid)}@certpolicy`, `DTSTAMP:${stamp}`, `SEQUENCE:${revision}`);
    if (e.date) {
      lines.push(`DTSTART;VALUE=DATE:${dateStamp(e.date)}`, `DTEND;VALUE=DATE:${dateStamp(nextDay(e.date))}`);
    } else {
      lines.push(`DTSTART:${utcStamp(e.start)}`, `DTEND:${utcStamp(e.end || e.start)}`);
    }
    lines.push(`SUMMARY:${escapeText(e.title)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    const alarm = alarmOf(e, decidedAt);
    if (alarm) {
      lines.push("BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${escapeText(e.title)}`, `TRIGGER:${alarm}`, "END:VALARM");
    }
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

/** Offers `text` as a download named `filename` (browser only), a calendar unless `type` says otherwise. */
export function download(filename, text, type = "text/calendar;charset=utf-8") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
