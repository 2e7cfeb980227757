// Checks a text against RFC 5545 (shared by the Node and browser tests):
// the line rules by hand (CRLF, 75 octets), the grammar by a real iCalendar
// parser (ical.js), which must read every event with exactly the properties
// the writer puts there (an injected line would add one).
import assert from "node:assert/strict";
import ICAL from "ical.js";

const EVENT_PROPERTIES = new Set(["uid", "dtstamp", "sequence", "dtstart", "dtend", "summary", "description"]);
const ALARM_PROPERTIES = new Set(["action", "description", "trigger"]);

/** The calendar parsed by ical.js: its VEVENTs as ICAL.Component objects. */
export function parseIcs(text) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  assert.equal(calendar.name, "vcalendar");
  const events = calendar.getAllSubcomponents("vevent");
  for (const event of events) {
    for (const p of event.getAllProperties()) assert.ok(EVENT_PROPERTIES.has(p.name), `unexpected property ${p.name}`);
    for (const alarm of event.getAllSubcomponents()) {
      assert.equal(alarm.name, "valarm");
      for (const p of alarm.getAllProperties()) assert.ok(ALARM_PROPERTIES.has(p.name), `unexpected alarm property ${p.name}`);
    }
    for (const p of ["uid", "dtstamp", "dtstart"]) assert.ok(event.getFirstPropertyValue(p) !== null, `${p} in VEVENT`);
  }
  // A calendar keeps one event per UID: two in one file would replace each other.
  const uids = events.map((e) => e.getFirstPropertyValue("uid"));
  assert.equal(new Set(uids).size, uids.length, `one event per UID: ${uids.join(" ")}`);
  return events;
}

/** A small RFC 5545 checker: returns the unfolded content lines. */
export function checkIcs(text) {
  assert.ok(text.endsWith("\r\n"), "ends with CRLF");
  assert.equal(text.replace(/\r\n/g, "").includes("\n"), false, "only CRLF line breaks");
  const physical = text.slice(0, -2).split("\r\n");
  for (const line of physical) assert.ok(new TextEncoder().encode(line).length <= 75, `line over 75 octets: ${line}`);
  const lines = [];
  for (const line of physical) {
    if (line.startsWith(" ")) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  assert.equal(lines[0], "BEGIN:VCALENDAR");
  assert.equal(lines.at(-1), "END:VCALENDAR");
  assert.ok(lines.includes("VERSION:2.0"));
  assert.ok(lines.some((l) => l.startsWith("PRODID:")));
  const stack = [];
  for (const l of lines) {
    assert.match(l, /^[A-Z-]+(;[A-Z-]+=[^:;]+)*:/, `content line: ${l}`);
    if (l.startsWith("BEGIN:")) stack.push(l.slice(6));
    if (l.startsWith("END:")) assert.equal(stack.pop(), l.slice(4));
  }
  assert.equal(stack.length, 0);
  // Each VEVENT has UID, DTSTAMP and DTSTART.
  const events = text.split("BEGIN:VEVENT").slice(1);
  for (const e of events) {
    for (const p of ["UID:", "DTSTAMP:", "DTSTART"]) assert.ok(e.includes(`\r\n${p}`), `${p} in VEVENT`);
  }
  parseIcs(text);
  return lines;
}

