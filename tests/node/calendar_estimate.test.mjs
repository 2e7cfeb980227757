// CAL-4: a year counted by its estimate gives the safe answer. Over generated
// classes in 2027 and generated "published" 2027 schedules (any subset of the
// estimate's days off, with the law's dates always off, plus weekend makeup
// days), no date to apply by is later, and no refund share higher, than the
// published schedule would give; and Monday to Friday (the estimate removed),
// the reading it replaced, is never earlier than the estimate.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createEngine } from "certpolicy";
import { rng } from "./generator.mjs";

const r = rng(20271);
const DATES = ["full_refund_act_by", "full_refund_until", "partial_refund_act_by", "partial_refund_until"];
const addDays = (date, n) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
const weekend = (date) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
const LAW = ["2027-01-01", "2027-05-01", "2027-05-02", "2027-10-01", "2027-10-02", "2027-10-03"];

/** Classes from 2027-01-04 to 2027-12-31 (the day before each in 2027), decided 0–120 days before they start. */
function requests(n) {
  return Array.from({ length: n }, () => {
    const start = addDays("2027-01-04", r.int(362));
    const today = addDays(start, -r.int(121));
    return { type: "training", now: `${today}T${String(r.int(24)).padStart(2, "0")}:30:00+08:00`,
      enrolment: { class_start: start, paid_fen: 1 + r.int(500000), class_status: r.pick(["pending", "open"]) } };
  });
}

/** Every date the answer gives to act by, by name (null when none). */
const dates = (a) => Object.fromEntries([...DATES.map((f) => [f, a[f] ?? null]), ["deferral.act_by", a.deferral.act_by ?? null], ["deferral.deadline", a.deferral.deadline ?? null]]);

/** No date of `safe` after `other`'s, none missing where `other` has one, and no higher share. */
function assertNoLater(safe, other, why) {
  const s = dates(safe), o = dates(other);
  for (const [field, date] of Object.entries(o)) {
    if (date === null) continue;
    assert.ok(s[field] !== null && s[field] <= date, `${why}: ${field} ${s[field]} after ${date}`);
  }
  assert.ok(safe.refund.percent <= other.refund.percent, `${why}: refund ${safe.refund.percent} % above ${other.refund.percent} %`);
  assert.ok(safe.working_days_before <= other.working_days_before, why);
}

test("CAL-4: the estimate's dates are never later than a published 2027 schedule's, nor its share higher", async () => {
  const estimate = await createEngine();
  const daysOff = JSON.parse(estimate.evaluateJson(JSON.stringify({ type: "working_days", from: "2027-01-01", to: "2028-01-01" })));
  assert.equal(daysOff.count, 243);  // 261 weekdays less the 18 the estimate counts off
  const reqs = requests(150);
  const answers = reqs.map((q) => JSON.parse(estimate.evaluateJson(JSON.stringify(q))));
  for (const a of answers) {
    assert.equal(a.ok, true);
    assert.equal(a.calendar_verified, false);
    assert.ok(a.reasons.some((x) => x.code === "CALENDAR_YEAR_ESTIMATED"), "the estimate is said");
  }
  // The estimate's own days off, read back day by day.
  const all = [];
  for (let d = "2027-01-01"; d < "2028-01-01"; d = addDays(d, 1)) all.push(d);
  const estimated = all.filter((d) => JSON.parse(estimate.evaluateJson(JSON.stringify({ type: "working_day", date: d }))).kind === "holiday");
  assert.equal(estimated.length, 28);
  for (let s = 0; s < 12; s++) {
    const holidays = [...new Set([...LAW, ...estimated.filter(() => r.chance(0.6))])].sort();
    const makeup = all.filter((d) => weekend(d) && !holidays.includes(d) && r.chance(0.03));
    const published = await createEngine({ policy: { calendar: { estimates: { 2027: null }, years: { 2027: {
      notice: "TEST ONLY: a generated 2027 schedule", holidays, makeup_workdays: makeup } } } } });
    reqs.forEach((q, k) => {
      const p = JSON.parse(published.evaluateJson(JSON.stringify(q)));
      assert.equal(p.calendar_verified, true);
      assertNoLater(answers[k], p, `schedule ${s}, ${JSON.stringify(q)}`);
    });
  }
});

test("CAL-4: Monday to Friday, the reading the estimate replaced, is never earlier than the estimate", async () => {
  const estimate = await createEngine();
  const weekdays = await createEngine({ policy: { calendar: { estimates: { 2027: null } } } });
  let later = 0;
  for (const q of requests(400)) {
    const e = JSON.parse(estimate.evaluateJson(JSON.stringify(q))), w = JSON.parse(weekdays.evaluateJson(JSON.stringify(q)));
    assertNoLater(e, w, JSON.stringify(q));
    assert.ok(w.reasons.some((x) => x.code === "CALENDAR_YEAR_UNVERIFIED"));
    if (JSON.stringify(dates(e)) !== JSON.stringify(dates(w))) later++;
  }
  assert.ok(later > 100, `Monday to Friday gave a later date for ${later} of 400 classes`);
});
