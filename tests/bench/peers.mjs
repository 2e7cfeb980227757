// The two peers of the module benchmark, deciding EXO-4 (refund without
// reason) and EXO-5 (free change) for the same inputs as certpolicy:
//   handWritten   what a frontend developer would write instead;
//   rulesEngine   json-rules-engine (npm) with the same two rules.
import { Engine } from "json-rules-engine";

const HOUR = 3600 * 1000;

/** Plain JS: { refund, change } for an exam_order request. */
export function handWritten(request) {
  const o = request.order;
  const now = Date.parse(request.now);
  const status = o.booking ? o.booking.status : "none";
  const used = status === "taken" || status === "no_show";
  const refund = !o.refunded && !used &&
    (o.platform_fault || (status !== "booked" && now - Date.parse(o.paid_at) <= 120 * HOUR));
  const window = (o.flow === "book_then_purchase" ? 240 : 72) * HOUR;
  const change = status === "booked" && !o.refunded && now <= Date.parse(o.booking.exam_at) - window;
  return { refund, change };
}

/** json-rules-engine with the same rules; resolves { refund, change }. */
export function makeRulesEngine() {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addRule({
    name: "refund",
    conditions: {
      all: [
        { fact: "refunded", operator: "equal", value: false },
        { fact: "status", operator: "notIn", value: ["taken", "no_show"] },
        {
          any: [
            { fact: "platformFault", operator: "equal", value: true },
            {
              all: [
                { fact: "status", operator: "notEqual", value: "booked" },
                { fact: "msSincePayment", operator: "lessThanInclusive", value: 120 * HOUR },
              ],
            },
          ],
        },
      ],
    },
    event: { type: "refund" },
  });
  engine.addRule({
    name: "change",
    conditions: {
      all: [
        { fact: "status", operator: "equal", value: "booked" },
        { fact: "refunded", operator: "equal", value: false },
        { fact: "msBeforeExam", operator: "greaterThanInclusive", value: { fact: "changeWindowMs" } },
      ],
    },
    event: { type: "change" },
  });
  return async (request) => {
    const o = request.order;
    const now = Date.parse(request.now);
    const status = o.booking ? o.booking.status : "none";
    const { events } = await engine.run({
      refunded: !!o.refunded,
      platformFault: !!o.platform_fault,
      status,
      msSincePayment: now - Date.parse(o.paid_at),
      msBeforeExam: o.booking ? Date.parse(o.booking.exam_at) - now : -Infinity,
      changeWindowMs: (o.flow === "book_then_purchase" ? 240 : 72) * HOUR,
    });
    return { refund: events.some((e) => e.type === "refund"), change: events.some((e) => e.type === "change") };
  };
}

/** Deterministic exam_order requests around the EXO-4/EXO-5 boundaries. */
export function orderInputs(n, seed = 42) {
  let x = seed;
  const rand = (m) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % m;
  };
  const base = Date.parse("2026-11-21T10:00:00+08:00");
  const statuses = ["none", "booked", "cancelled", "taken", "no_show", "booked"];
  const out = [];
  for (let k = 0; k < n; k++) {
    const paid = base + rand(30 * 24) * HOUR;
    const now = paid + (rand(2) ? 120 * HOUR + (rand(3) - 1) * 1000 : rand(200) * HOUR);
    const drawn = statuses[rand(statuses.length)];
    const flow = rand(3) ? "purchase_then_book" : "book_then_purchase";
    const refunded = rand(10) === 0;
    // Booked before buying, the order has its booking (changed, never cancelled) unless refunded (EXO-2, EXO-5).
    const status = flow === "book_then_purchase" && !refunded && (drawn === "none" || drawn === "cancelled") ? "booked" : drawn;
    const window = (flow === "book_then_purchase" ? 240 : 72) * HOUR;
    // A taken or missed exam has begun, after the payment (the engine refuses one after now or before paid_at).
    const exam = status === "taken" || status === "no_show" ? Math.max(paid, now - HOUR - rand(100) * HOUR)
      : now + window + (rand(3) - 1) * 1000 + (rand(2) ? 0 : rand(100) * HOUR);
    const iso = (ms) => new Date(ms).toISOString();
    out.push({
      type: "exam_order",
      now: iso(now),
      order: {
        paid_at: iso(paid),
        flow,
        refunded,
        platform_fault: rand(20) === 0,
        booking: status === "none" ? null : { status, exam_at: iso(exam) },
      },
    });
  }
  return out;
}
