// The typed fast path (decideExamOrder) and evaluate of an exam_order: one
// composition (rules/exam/exam_order.h), one accepted-instant range (TIM-1,
// stated once in core/calendar/civil_time.h). Whatever evaluate refuses,
// decideExamOrder answers null; whatever it decides, the flags agree.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
const { createEngine } = await import(process.env.CERTPOLICY_STORY_PACKAGE || "certpolicy");
import { storyRequests } from "./story_requests.mjs";

const engine = await createEngine();
const runs = Number(process.env.CERTPOLICY_STORY_RUNS || 3000);
const seed = Number(process.env.CERTPOLICY_PROPERTY_SEED || 20261206);

/** The fast path's input for an exam_order request. */
function fastInput(r) {
  const o = r.order;
  return {
    paidAt: Date.parse(o.paid_at), now: new Date(r.now), examAt: o.booking?.exam_at ? Date.parse(o.booking.exam_at) : null,
    status: o.booking?.status ?? "none", flow: o.flow, refunded: o.refunded, platformFault: o.platform_fault, certification: o.certification,
  };
}

/** Both answers for one request: [evaluate's flags or null, decideExamOrder's]. */
function both(r) {
  const a = engine.evaluate(r);
  const flags = a.ok ? { refund: a.refund.allowed, change: a.booking.can_change, cancel: a.booking.can_cancel, book: a.booking.can_book } : null;
  return [flags, engine.decideExamOrder(fastInput(r)), a];
}

test("one accepted range: at 1969-12-31T12:00Z evaluate refuses (YEAR_OUT_OF_RANGE) and so does decideExamOrder", () => {
  const order = { paid_at: "1970-01-01T00:00:00Z" };  // the range's first instant: paid by every now it holds
  const [flags, fast, answer] = both({ type: "exam_order", now: "1969-12-31T12:00:00Z", order });
  assert.equal(answer.ok, false);
  assert.equal(answer.error.detail, "YEAR_OUT_OF_RANGE");
  assert.equal(answer.error.path, "now");
  assert.equal(flags, null);
  assert.equal(fast, null, "the fast path decided an instant evaluate refuses");
  // The range's ends, to the millisecond, in both: decided inside, refused outside.
  for (const [now, decided] of [["1969-12-31T23:59:59.999Z", false], ["1970-01-01T00:00:00Z", true],
    ["2199-12-31T23:59:59.999Z", true], ["2200-01-01T00:00:00Z", false], ["0001-01-01T00:00:00Z", false], ["9999-12-31T00:00:00Z", false]]) {
    const [f, d] = both({ type: "exam_order", now, order });
    assert.equal(f !== null, decided, `evaluate at ${now}`);
    assert.deepEqual(d, f, `decideExamOrder at ${now}`);
  }
  // The same for the paid and exam instants, and an offset that moves an instant out of range.
  assert.equal(engine.decideExamOrder({ paidAt: Date.parse("1969-12-31T16:00:00Z"), now: 0 }), null);
  assert.equal(engine.evaluate({ type: "exam_order", now: "1970-01-01T00:00:00Z", order: { paid_at: "1970-01-01T00:00:00+08:00" } }).error.path, "order.paid_at");
  assert.equal(engine.decideExamOrder({ paidAt: 0, now: 0, status: "booked", examAt: Date.UTC(2200, 0, 1) }), null);
  // A cancelled booking may leave its time out, as evaluate reads it; a booked one may not.
  const paid = { paid_at: "2025-03-18T10:00:00+08:00" }, now = "2025-03-20T10:00:00+08:00";
  for (const [booking, decided] of [[{ status: "cancelled" }, true], [{ status: "booked" }, false], [{ status: "taken" }, false],
    [{ status: "cancelled", exam_at: "2025-03-18T09:59:59+08:00" }, false], [{ status: "cancelled", exam_at: "2025-03-19T09:00:00+08:00" }, true]]) {
    const [f, d] = both({ type: "exam_order", now, order: { ...paid, booking } });
    assert.equal(f !== null, decided, `evaluate ${JSON.stringify(booking)}`);
    assert.deepEqual(d, f, `decideExamOrder ${JSON.stringify(booking)}`);
  }
  // Given but not a time (an Invalid Date, NaN): refused, as for a booked exam, never read as "not given".
  for (const examAt of [new Date("x"), NaN]) {
    assert.equal(engine.decideExamOrder({ paidAt: Date.parse(paid.paid_at), now: Date.parse(now), status: "cancelled", examAt }), null);
  }
});

test("decideExamOrder refuses what evaluate refuses as contradictory: the 从业者 exam as an order, an order booked before buying without its booking", () => {
  const base = { type: "exam_order", now: "2026-03-02T10:00:00+08:00", order: { paid_at: "2026-03-01T10:00:00+08:00" } };
  const cases = [
    [{ certification: "practitioner" }, "order.certification", "SOLD_AS_EXAM_ORDER"],
    [{ flow: "book_then_purchase" }, "order.booking", "BOOKED_BEFORE_PURCHASE"],
    [{ flow: "book_then_purchase", booking: { status: "cancelled", exam_at: "2026-03-20T09:00:00+08:00" } }, "order.booking.status", "BOOKED_BEFORE_PURCHASE"],
  ];
  for (const [order, path, relation] of cases) {
    const request = { ...base, order: { ...base.order, ...order } };
    const answer = engine.evaluate(request);
    assert.equal(answer.ok, false, JSON.stringify(order));
    assert.deepEqual([answer.error.path, answer.error.relation], [path, relation]);
    const [flags, fast] = both(request);
    assert.equal(flags, null);
    assert.equal(fast, null, `the fast path decided ${JSON.stringify(order)}`);
  }
  // Decided by both: refunded, or the platform changed the session (EXO-9).
  for (const order of [{ flow: "book_then_purchase", refunded: true },
    { flow: "book_then_purchase", platform_fault: "exam_time_changed", booking: { status: "cancelled", exam_at: "2026-03-20T09:00:00+08:00" } }]) {
    const [flags, fast] = both({ ...base, order: { ...base.order, ...order } });
    assert.notEqual(flags, null, JSON.stringify(order));
    assert.deepEqual(fast, flags);
  }
});

test("decideExamOrder without a flow takes the policy's default flow, as evaluate does", async () => {
  const booked = await createEngine({ policy: { exam_order: { default_flow: "book_then_purchase" } } });
  try {
    const request = { type: "exam_order", now: "2026-03-02T10:00:00+08:00", order: { paid_at: "2026-03-01T10:00:00+08:00" } };
    assert.equal(booked.evaluate(request).error.relation, "BOOKED_BEFORE_PURCHASE");
    assert.equal(booked.decideExamOrder({ paidAt: Date.parse("2026-03-01T10:00:00+08:00"), now: Date.parse("2026-03-02T10:00:00+08:00") }), null);
  } finally {
    booked.dispose();
  }
});

test("decideExamOrder takes the certification and both platform faults, as order.certification and order.platform_fault", () => {
  const base = { type: "exam_order", now: "2025-04-02T10:00:00+08:00", order: { paid_at: "2024-10-01T10:00:00+08:00" } };
  // A retired certification whose notice refunds unused attempts: refundable, no booking.
  const retired = { ...base, order: { ...base.order, certification: "cloud-operations-professional-v1" } };
  const [flags, fast] = both(retired);
  assert.deepEqual(fast, flags);
  assert.deepEqual(fast, { refund: true, change: false, cancel: false, book: false });
  // An unknown id is refused by both; a centre fault needs a booked exam in both.
  assert.equal(engine.decideExamOrder({ ...fastInput(retired), certification: "cloud-operation-professional-v1" }), null);
  assert.equal(engine.evaluate({ ...base, order: { ...base.order, platform_fault: "centre_unavailable" } }).error.path, "order.platform_fault");
  assert.equal(engine.decideExamOrder({ ...fastInput(base), platformFault: "centre_unavailable" }), null);
  assert.equal(engine.decideExamOrder({ ...fastInput(base), platformFault: "sometimes" }), null);
});

test(`decideExamOrder agrees with evaluate on ${runs} generated exam orders (every flow, status, fault, certification, now near each deadline)`, () => {
  const { examOrder } = storyRequests({ catalogue: engine.catalogue(new Date("2025-01-01T00:00:00Z")) });
  let decided = 0, refunds = 0, books = 0;
  fc.assert(fc.property(examOrder, (r) => {
    const [flags, fast] = both(r);
    assert.deepEqual(fast, flags, JSON.stringify(r));
    if (flags) {
      decided++;
      refunds += flags.refund;
      books += flags.book;
    }
  }), { numRuns: runs, seed });
  assert.ok(decided > runs * 0.9 && refunds > runs / 20 && books > runs / 20, `covered: ${decided} decided, ${refunds} refunds, ${books} bookable`);
});
