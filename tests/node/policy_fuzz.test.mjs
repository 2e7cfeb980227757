// The policy fuzzer: random *valid* policies × random requests. Whatever the
// policy, every answer keeps its invariants: each printed date and instant
// in range with a four-digit year, the refund deadline not before payment,
// check-in ≤ exam start ≤ end ≤ results, reminders inside the order's
// validity, and the same answer for the same instant written in any offset.
// Runs: CERTPOLICY_POLICY_RUNS policies (default 200), each with
// CERTPOLICY_POLICY_REQUESTS requests (default 40).
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { createEngine } from "certpolicy";

const runs = Number(process.env.CERTPOLICY_POLICY_RUNS || 200);
const perPolicy = Number(process.env.CERTPOLICY_POLICY_REQUESTS || 40);
const seed = Number(process.env.CERTPOLICY_PROPERTY_SEED || 20261203);

const MIN_MS = Date.UTC(1970, 0, 1);
const MAX_MS = Date.UTC(2200, 0, 1) - 1;
const HOUR = 3_600_000;

// A policy patch inside every relation of docs/RULES.md POL-1…POL-6 (a
// month spans at least 28 days, so 28 × months bounds every window and
// reminder from below).
const policyPatch = fc.record({
  ptb: fc.integer({ min: 1, max: 1200 }),
  btp: fc.integer({ min: 1, max: 1200 }),
  refundHours: fc.integer({ min: 0, max: 876_600 }),
  checkIn: fc.integer({ min: 0, max: 600 }),
  duration: fc.integer({ min: 1, max: 1440 }),
  afterEnd: fc.integer({ min: 0, max: 10_000 }),
  offset: fc.integer({ min: -840, max: 840 }),
  certYears: fc.integer({ min: 1, max: 100 }),
  windowShare: fc.double({ min: 0, max: 0.999, noNaN: true }),
  reminderShares: fc.uniqueArray(fc.double({ min: 0, max: 0.999, noNaN: true }), { maxLength: 4 }),
}).map((p) => {
  const shortest = 28 * Math.min(p.ptb, p.btp);
  return {
    patch: {
      version: "fuzz",
      zone: { utc_offset_minutes: p.offset },
      exam_order: {
        flows: {
          purchase_then_book: { validity: { months: p.ptb }, change_window: { hours: Math.floor(p.windowShare * 28 * p.ptb * 24) } },
          book_then_purchase: { validity: { months: p.btp }, change_window: { hours: null, days: Math.floor(p.windowShare * 28 * p.btp) } },
        },
        reminders_before_expiry: p.reminderShares.map((s) => ({ days: Math.floor(s * Math.min(shortest, 3661)) })),
        refund_window: { hours: p.refundHours },
        check_in_before: { minutes: p.checkIn },
        duration: { minutes: p.duration },
        results: { theory: { after_end: { minutes: p.afterEnd } } },
      },
      certificate: { validity: { years: p.certYears } },
    },
    offset: p.offset,
  };
});

const instantMs = fc.integer({ min: MIN_MS, max: MAX_MS });
const offsetMin = fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 });

/** epoch ms → RFC 3339 in the given offset (minutes). */
function write(ms, offset) {
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
  const sign = offset < 0 ? "-" : "+";
  const a = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}

const examOrder = fc.record({
  paid: instantMs,
  nowDelta: fc.integer({ min: -1000 * HOUR, max: 200_000 * HOUR }),
  examDelta: fc.integer({ min: -100 * HOUR, max: 100_000 * HOUR }),
  status: fc.constantFrom(null, "booked", "cancelled", "taken", "no_show"),
  flow: fc.constantFrom("purchase_then_book", "book_then_purchase"),
  kind: fc.constantFrom("theory", "lab", "interview"),
  platformFault: fc.boolean(),
  offsets: fc.tuple(offsetMin, offsetMin),
});

function requestOf(r, offset) {
  const clamp = (ms) => Math.min(MAX_MS, Math.max(MIN_MS, ms));
  const order = { paid_at: write(r.paid, offset), flow: r.flow, platform_fault: r.platformFault,
    payments: [{ method: "online", amount_fen: 100_000 }] };
  if (r.status) order.booking = { status: r.status, exam_at: write(clamp(r.paid + r.examDelta), offset), exam_kind: r.kind };
  return { type: "exam_order", locale: "en", now: write(clamp(r.paid + r.nowDelta), offset), order };
}

const DATE = /^(\d{4})-\d{2}-\d{2}$/;
const INSTANT = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?[+-]\d{2}:\d{2}$/;

function eachString(v, f) {
  if (typeof v === "string") f(v);
  else if (Array.isArray(v)) v.forEach((x) => eachString(x, f));
  else if (v && typeof v === "object") Object.entries(v).forEach(([k, x]) => k !== "message" && eachString(x, f));
}

function checkInvariants(answer, request, zoneOffset) {
  eachString(answer, (s) => {
    const m = DATE.exec(s) ?? INSTANT.exec(s);
    // Inputs are 1970–2199 and each policy duration at most 100 years (POL-1).
    if (m) assert.ok(Number(m[1]) >= 1869 && Number(m[1]) <= 2400, `printed year in range: ${s}`);
  });
  // A sentence names the policy's own zone: China time only at +08:00.
  if (zoneOffset !== 480) for (const r of answer.reasons) assert.ok(!r.message.includes("China time"), r.message);
  const paid = Date.parse(request.order.paid_at);
  const paidDate = new Date(paid + zoneOffset * 60_000).toISOString().slice(0, 10);
  if (answer.refund.deadline) assert.ok(Date.parse(answer.refund.deadline) >= paid, "refund deadline not before payment");
  const b = answer.booking;
  const times = [b.check_in_by, request.order.booking?.exam_at, b.ends_at, b.results_at];
  if (b.check_in_by && b.ends_at) {
    for (let k = 1; k < times.length; k++) {
      if (times[k - 1] && times[k] && b.results_at) {
        assert.ok(Date.parse(times[k - 1]) <= Date.parse(times[k]), `check-in ≤ start ≤ end ≤ results: ${times}`);
      }
    }
  }
  assert.ok(answer.order.valid_until >= paidDate, "valid_until not before the payment date");
  for (const d of answer.order.reminders) {
    assert.ok(d >= paidDate && d <= answer.order.valid_until, `reminder ${d} inside ${paidDate}…${answer.order.valid_until}`);
  }
}

test("random valid policies × random exam orders keep every invariant", async () => {
  let engines = 0, decided = 0, refused = 0, firstFailure = null;
  await fc.assert(fc.asyncProperty(policyPatch, fc.array(examOrder, { minLength: perPolicy, maxLength: perPolicy }), async ({ patch, offset }, orders) => {
    let engine;
    try {
      engine = await createEngine({ policy: patch });
    } catch (e) {
      firstFailure ??= e;
      throw e;
    }
    engines++;
    try {
      for (const r of orders) {
        const request = requestOf(r, r.offsets[0]);
        const answer = engine.evaluate(request);
        // The same instants in another offset: the same answer, byte for byte.
        assert.deepEqual(engine.evaluate(requestOf(r, r.offsets[1])), answer);
        if (!answer.ok) {
          refused++;
          assert.ok(["YEAR_OUT_OF_RANGE", "INCONSISTENT"].includes(answer.error.detail), JSON.stringify(answer.error));
          continue;
        }
        decided++;
        checkInvariants(answer, request, offset);
      }
    } catch (e) {
      if (!firstFailure) firstFailure = e;  // fast-check's report shrinks; this keeps the message
      throw e;
    } finally {
      engine.dispose();
    }
  }), { numRuns: runs, seed }).catch((e) => {
    throw firstFailure ? new Error(`${firstFailure.message}\n${e.message.slice(0, 2000)}`) : e;
  });
  console.log(`# policy fuzz: ${engines} policies, ${decided} decisions checked, ${refused} requests refused`);
  assert.ok(decided > refused, "most random requests decide");
});
