// Property test "a card tells one story" (docs/RULES.md): generated requests
// of every type, exam orders above all (both flows, every booking state,
// refunded, both platform faults, voucher-only and mixed payments, a
// certification of every lifecycle, "now" around every deadline of the
// order), each answer checked by node/story.mjs: every sentence, next step,
// timeline point and badge implied by the answer's own fields. The count of
// each contradiction class is printed, and every class must be empty.
// Runs: CERTPOLICY_STORY_RUNS exam orders (default 3 000; scripts/property
// 10 runs 100 000) and a fifth as many of each other type.
//   CERTPOLICY_STORY_PACKAGE=/path/to/index.js   judge another build of the package
//   CERTPOLICY_STORY_LEGACY=1                   only requests that build knows (no certification, boolean platform_fault)
//   CERTPOLICY_STORY_REPORT=1                   print the counts and examples, do not fail
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { CLASSES, contradictions } from "./story.mjs";
import { storyRequests } from "./story_requests.mjs";

const { createEngine } = await import(process.env.CERTPOLICY_STORY_PACKAGE || "certpolicy");
const engine = await createEngine();
const runs = Number(process.env.CERTPOLICY_STORY_RUNS || 3000);
const seed = Number(process.env.CERTPOLICY_PROPERTY_SEED || 20261206);
const legacy = process.env.CERTPOLICY_STORY_LEGACY === "1";
const reportOnly = process.env.CERTPOLICY_STORY_REPORT === "1";

const { examOrder, others, mustRefuse } = storyRequests({ catalogue: engine.catalogue(new Date("2025-01-01T00:00:00Z")), legacy });

/** Tally of the classes over `requests`, with one example each. */
function tally(requests) {
  const counts = Object.fromEntries(Object.keys(CLASSES).map((k) => [k, 0]));
  const affected = Object.fromEntries(Object.keys(CLASSES).map((k) => [k, 0]));
  const examples = {};
  let answers = 0, wrong = 0;
  for (let k = 0; k < requests.length; k += 500) {
    const batch = requests.slice(k, k + 500);
    engine.evaluateMany(batch).forEach((answer, i) => {
      const request = batch[i];
      answers++;
      const found = answer.ok ? contradictions(request, answer)
        : mustRefuse(request) ? [] : [{ class: "valid_request_refused", why: `${answer.error.path}: ${answer.error.message}` }];
      if (answer.ok && mustRefuse(request)) found.push({ class: "future_publication_accepted", why: "decided" });
      for (const c of found) {
        counts[c.class]++;
        examples[c.class] ??= { why: c.why, request };
      }
      for (const cls of new Set(found.map((c) => c.class))) affected[cls]++;
      if (found.length) wrong++;
    });
  }
  return { counts, affected, examples, answers, wrong };
}

function report(title, { counts, affected, examples, answers, wrong }) {
  const total = Object.values(counts).reduce((s, n) => s + n, 0);
  console.log(`# story ${title}: ${total} contradictions in ${wrong} of ${answers} answers`);
  for (const [k, n] of Object.entries(counts)) {
    if (n) console.log(`#   ${k}: ${n} in ${affected[k]} answers — e.g. ${examples[k].why} — ${JSON.stringify(examples[k].request)}`);
  }
  return total;
}

test(`a card tells one story: ${runs} generated exam orders`, () => {
  const requests = fc.sample(examOrder, { numRuns: runs, seed });
  const result = tally(requests);
  const total = report("exam_order", result);
  if (reportOnly || total === 0) return;
  // A small counterexample of the first class found, shrunk by fast-check.
  fc.assert(fc.property(examOrder, (r) => {
    const a = engine.evaluate(r);
    assert.ok(a.ok, JSON.stringify(a.error));
    assert.deepEqual(contradictions(r, a), []);
  }), { numRuns: runs, seed });
  assert.fail(`${total} contradictions`);
});

test(`a card tells one story: every other request type (${Math.ceil(runs / 5)} each)`, () => {
  let total = 0;
  for (const [type, arb] of others) total += report(type, tally(fc.sample(arb, { numRuns: Math.ceil(runs / 5), seed })));
  if (!reportOnly) assert.equal(total, 0);
});

test("the checker can fail: each class is caught on an answer written to break it", () => {
  const r = { type: "exam_order", now: "2026-03-02T10:00:00+08:00", order: { paid_at: "2026-03-01T10:00:00+08:00", refunded: true,
    payments: [{ method: "voucher", amount_fen: 100 }], booking: { status: "booked", exam_at: "2027-04-01T09:00:00+08:00" } } };
  const a = {
    ok: true, type: "exam_order",
    order: { valid_until: "2027-03-01", expired: false, reminders: ["2026-12-01"] },
    refund: { allowed: true, amount_fen: 0, deadline: "2026-03-01T10:00:00+08:00", breakdown: [] },
    booking: { can_book: false, can_change: true, can_cancel: true, change_deadline: "2027-03-29T09:00:00+08:00", check_in_by: "2026-03-02T09:00:00+08:00", ends_at: "2026-03-02T11:00:00+08:00", results_at: "2026-03-02T11:30:00+08:00" },
    next_step: { code: "NEXT_BOOK_OR_REFUND", message: "Book an exam; or get your money back in full." },
    reasons: [{ code: "ORDER_EXPIRED", message: "—" }, { code: "REFUND_WINDOW_OPEN", message: "x" }, { code: "REFUND_BLOCKED_BOOKING_LOCKED", message: "x" },
      { code: "REFUND_TO_METHODS", message: "goes back to each payment method" }, { code: "CHECK_IN", message: "arrive" },
      { code: "EXAM_AFTER_ORDER_EXPIRY", message: "move it by 2027-03-29 09:00 China time" }, { code: "BOOKING_CANCELLED", message: "a new exam can be booked" }],
  };
  const classes = new Set(contradictions(r, a).map((c) => c.class));
  for (const k of ["refund_said_but_blocked", "booking_offered_when_impossible", "refund_of_nothing", "full_refund_not_full", "act_after_expiry",
    "stale_deadline_open", "void_order_times", "refund_destination", "reason_field_mismatch", "placeholder_unfilled", "timeline_misleading", "ambiguity_unsaid"]) {
    assert.ok(classes.has(k), k);
  }
});

test("the checker can fail: 'act before' the change deadline at that very instant is advice no one can follow (EXO-5)", () => {
  const r = { type: "exam_order", now: "2026-12-07T09:00:00+08:00", order: { paid_at: "2026-11-20T10:00:00+08:00",
    booking: { status: "booked", exam_at: "2026-12-10T09:00:00+08:00" } } };
  const a = engine.evaluate(r);
  assert.deepEqual(contradictions(r, a), []);
  assert.ok(a.reasons.some((x) => x.code === "READING_CHANGE_BOUNDARY_NOW"));
  const before = { ...a, reasons: a.reasons.map((x) => (x.code === "READING_CHANGE_BOUNDARY_NOW" ? { ...x, code: "READING_CHANGE_BOUNDARY" } : x)) };
  assert.ok(contradictions(r, before).some((c) => c.class === "advice_unfollowable"));
});
