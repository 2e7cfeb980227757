// Checks a text against RFC 5545 (shared by the Node and browser tests).
import assert from "node:assert/strict";

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
  return lines;
}

