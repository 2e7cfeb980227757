// web/js/ics.js against RFC 5545: structure, CRLF, folding at 75 octets,
// escaping, all-day and UTC events, alarms.
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildCalendar, dateStamp, escapeText, foldLine, utcStamp } from "../../web/js/ics.js";
import { checkIcs } from "./ics_check.mjs";

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
  ], new Date("2026-11-26T00:00:00Z"));
  const lines = checkIcs(text);
  assert.ok(lines.includes("DTSTAMP:20261126T000000Z"));
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
