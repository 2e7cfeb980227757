// web/js/ics.js against RFC 5545: structure, CRLF, folding at 75 octets,
// escaping, all-day and UTC events, alarms.
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildCalendar, dateStamp, escapeText, foldLine, revisionOf, utcStamp } from "../../web/js/ics.js";
import { checkIcs, parseIcs } from "./ics_check.mjs";

test("stamps: UTC instants and dates", () => {
  assert.equal(utcStamp("2026-11-26T10:00:00+08:00"), "20261126T020000Z");
  assert.equal(utcStamp("2026-12-31T23:30:00.250+08:00"), "20261231T153000Z");
  assert.equal(dateStamp("2027-01-10"), "20270110");
  assert.throws(() => dateStamp("2027-1-10"));
  assert.throws(() => utcStamp("soon"));
});

test("TEXT escaping", () => {
  assert.equal(escapeText("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
});

test("folding never splits a UTF-8 character and keeps lines within 75 octets", () => {
  const line = `SUMMARY:${"腾讯云认证".repeat(20)}`;
  const folded = foldLine(line);
  for (const part of folded.split("\r\n")) assert.ok(new TextEncoder().encode(part).length <= 75);
  assert.equal(folded.split("\r\n").map((p, k) => (k ? p.slice(1) : p)).join(""), line);
});

test("a calendar of deadlines is valid RFC 5545", () => {
  const text = buildCalendar([
    { uid: "refund-1", title: "退款截止, 含当日; 北京时间", start: "2026-11-26T10:00:00+08:00", alarmMinutesBefore: 1440 },
    { uid: "exam-1", title: "Exam", start: "2026-12-10T08:30:00+08:00", end: "2026-12-10T10:30:00+08:00" },
    { uid: "cert-1", title: "Certificate expires", date: "2027-01-10", alarmDaysBefore: 90 },
    { uid: "leap", title: "Leap day", date: "2028-02-29" },
    null,
  ], new Date("2026-10-01T00:00:00Z"));
  const lines = checkIcs(text);
  assert.ok(lines.includes("DTSTAMP:20261001T000000Z"));
  assert.ok(lines.includes("DTSTART:20261126T020000Z"));
  assert.ok(lines.includes("SUMMARY:退款截止\\, 含当日\\; 北京时间"));
  assert.ok(lines.includes("TRIGGER:-PT1440M"));
  assert.ok(lines.includes("DTEND:20261210T023000Z"));
  assert.ok(lines.includes("DTSTART;VALUE=DATE:20270110"));
  assert.ok(lines.includes("DTEND;VALUE=DATE:20270111"));
  assert.ok(lines.includes("TRIGGER:-P90D"));
  assert.ok(lines.includes("DTEND;VALUE=DATE:20280301"));
  assert.equal(text.split("BEGIN:VEVENT").length - 1, 4);
});

test("a title with a lone CR, LF, U+2028 or other control characters cannot add a line", () => {
  const title = "Exam\rBEGIN:VALARM\nX-EVIL:1\u2028ATTENDEE:mailto:x@example.com\u0000\u0007\u001b end";
  const text = buildCalendar([{ uid: "u1", title, start: "2026-11-26T10:00:00+08:00", alarmMinutesBefore: 30 }],
    new Date("2026-11-20T00:00:00Z"));
  checkIcs(text);
  const [event] = parseIcs(text);
  assert.equal(event.getFirstPropertyValue("summary"),
    "Exam\nBEGIN:VALARM\nX-EVIL:1\nATTENDEE:mailto:x@example.com end");
  assert.equal(event.getAllSubcomponents("valarm").length, 1);
});

test("alarm offsets must be whole numbers in range: a string cannot add lines", () => {
  const base = { uid: "u", title: "t", date: "2027-01-10" };
  for (const bad of ["1D\r\nX-EVIL:1", -1, 1.5, Number.NaN, 36601, "30"]) {
    assert.throws(() => buildCalendar([{ ...base, alarmDaysBefore: bad }]), RangeError, String(bad));
  }
  for (const bad of ["30M\r\nX:1", -5, 52704001]) {
    assert.throws(() => buildCalendar([{ ...base, alarmMinutesBefore: bad }]), RangeError, String(bad));
  }
  const [event] = parseIcs(buildCalendar([{ ...base, alarmDaysBefore: 0 }], new Date("2027-01-09T00:00:00Z")));
  assert.equal(event.getFirstSubcomponent("valarm").getFirstPropertyValue("trigger").toString(), "PT0S");
});

test("dates and instants that do not exist are refused", () => {
  for (const bad of ["2027-02-30", "2026-02-29", "2026-13-01", "2026-00-10", "2026-1-1", 20270110, null]) {
    assert.throws(() => dateStamp(bad), RangeError, String(bad));
  }
  assert.equal(dateStamp("2028-02-29"), "20280229");
  for (const bad of ["2026", "2026-11-26", "tomorrow", "2026-11-26T10:00:00", 0]) {
    assert.throws(() => utcStamp(bad), RangeError, String(bad));
  }
});

test("every field of a calendar round-trips through ical.js", () => {
  const text = buildCalendar([
    { uid: "refund;1,x", title: "退款截止, 含当日; \\ 备注", description: "line 1\nline 2", start: "2026-11-26T10:00:00+08:00" },
    { uid: "expiry", title: "Order expires", date: "2027-11-21", alarmDaysBefore: 30 },
  ], new Date("2026-10-01T00:00:00Z"));
  const [refund, expiry] = parseIcs(text);
  assert.equal(refund.getFirstPropertyValue("uid"), "refund;1,x@certpolicy");
  assert.equal(refund.getFirstPropertyValue("summary"), "退款截止, 含当日; \\ 备注");
  assert.equal(refund.getFirstPropertyValue("description"), "line 1\nline 2");
  assert.equal(refund.getFirstPropertyValue("dtstart").toString(), "2026-11-26T02:00:00Z");
  assert.equal(expiry.getFirstPropertyValue("dtstart").toString(), "2027-11-21");
  assert.equal(expiry.getFirstPropertyValue("dtend").toString(), "2027-11-22");
});

test("an alarm whose moment has passed at the instant decided for falls back (an hour before; 09:00 the day before, then on the day), or is left out", () => {
  const refund = { uid: "refund", title: "Refund", start: "2026-11-26T10:00:00+08:00", alarmMinutesBefore: 1440 };  // rings 11-25 10:00 China
  const expiry = { uid: "expiry", title: "Order expiry", date: "2027-11-21", alarmDaysBefore: 15 };  // rings 11-06 00:00 China
  const plain = { uid: "plain", title: "No alarm asked", start: "2026-11-26T10:00:00+08:00" };
  const triggers = (asOf) => parseIcs(buildCalendar([refund, expiry, plain], new Date("2026-12-07T00:00:00Z"), asOf))
    .map((e) => e.getAllSubcomponents("valarm").map((a) => a.getFirstPropertyValue("trigger").toString()).join() || null);
  assert.deepEqual(triggers("2026-11-25T09:59:59+08:00"), ["-PT1440M", "-P15D", null], "one second before its own moment");
  assert.deepEqual(triggers("2026-11-25T10:00:00+08:00"), ["-PT60M", "-P15D", null], "at its moment: an hour before instead");
  assert.deepEqual(triggers("2026-11-26T08:59:59+08:00"), ["-PT60M", "-P15D", null]);
  assert.deepEqual(triggers("2026-11-26T09:00:00+08:00"), [null, "-P15D", null], "within the hour: none");
  // An all-day event falls back to 09:00 China time the day before, then on the day; on its last evening, none.
  assert.deepEqual(triggers("2027-11-19T12:00:00+08:00"), [null, "-PT900M", null], "the day before at 09:00");
  assert.deepEqual(triggers("2027-11-20T09:00:00+08:00"), [null, "PT540M", null], "at that moment: the day itself at 09:00");
  assert.deepEqual(triggers("2027-11-21T08:59:59+08:00"), [null, "PT540M", null]);
  assert.deepEqual(triggers("2027-11-21T09:00:00+08:00"), [null, null, null]);
  assert.deepEqual(triggers("2027-11-21T20:00:00+08:00"), [null, null, null]);
  // An instant decided for that is not one is refused, not read as "no alarm".
  for (const bad of ["soon", "2026-13-01T00:00:00+08:00", Number.NaN]) assert.throws(() => buildCalendar([refund], new Date(), bad), RangeError, String(bad));
  // Without an instant decided for, the DTSTAMP's moment decides.
  assert.equal(parseIcs(buildCalendar([refund], new Date("2026-11-25T01:59:59Z")))[0].getFirstSubcomponent("valarm").getFirstPropertyValue("trigger").toString(), "-PT1440M");
  assert.equal(parseIcs(buildCalendar([refund], new Date("2026-11-26T01:00:00Z")))[0].getAllSubcomponents("valarm").length, 0);
});

test("a later export is a later revision of the same events: SEQUENCE counts whole seconds from 2024-01-01 UTC", () => {
  const event = { uid: "order-x-check_in_by", title: "Exam", start: "2026-12-10T08:30:00+08:00" };
  const sequence = (now) => parseIcs(buildCalendar([event], new Date(now)))[0].getFirstPropertyValue("sequence");
  assert.equal(sequence("2024-01-01T00:00:00Z"), 0);
  assert.equal(sequence("2024-01-01T00:00:00.999Z"), 0);
  assert.equal(sequence("2026-12-08T00:00:00Z"), 92620800);
  assert.ok(sequence("2026-12-08T00:00:01Z") > sequence("2026-12-08T00:00:00Z"), "a second later, a later revision");
  // It is a 32-bit integer (RFC 5545 INTEGER): from 2024 to 2092-01-19 03:14:07 UTC, else refused.
  assert.equal(revisionOf(new Date("2092-01-19T03:14:07Z")), 2147483647);
  for (const bad of ["2092-01-19T03:14:08Z", "2023-12-31T23:59:59Z", "soon"]) {
    assert.throws(() => revisionOf(new Date(bad)), RangeError, bad);
  }
});
