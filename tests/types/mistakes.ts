// Compiled by `tsc --noEmit` in scripts/test: each line under
// `@ts-expect-error` is a mistake the published types must reject (tsc fails
// if one of them compiles), and the lines without it must compile.
import { createEngine } from "certpolicy";
import type { CertpolicyRequest, CertpolicyResult, Failure } from "certpolicy";

async function mistakes(): Promise<void> {
  const engine = await createEngine();
  const now = "2026-11-22T10:00:00+08:00";
  const order = { paid_at: "2026-11-21T10:00:00+08:00" };

  // @ts-expect-error a misspelled request type
  engine.evaluate({ type: "exam_ordr", now, order });
  // @ts-expect-error `now` is required
  engine.evaluate({ type: "exam_order", order });
  // @ts-expect-error amounts are integer fen, not text
  engine.evaluate({ type: "exam_order", now, order: { ...order, payments: [{ method: "online", amount_fen: "1200" }] } });
  // @ts-expect-error camel case: the field is platform_fault
  engine.evaluate({ type: "exam_order", now, order: { ...order, platformFault: true } });
  // @ts-expect-error not a payment method
  engine.evaluate({ type: "exam_order", now, order: { ...order, payments: [{ method: "cash", amount_fen: 1 }] } });
  // @ts-expect-error not a locale
  engine.evaluate({ type: "working_day", date: "2026-10-01", locale: "fr" });
  // @ts-expect-error anything at all is not a request
  engine.evaluate(42);

  const r = engine.evaluate({ type: "exam_order", now, order });
  // @ts-expect-error reading refund off a possible failure
  console.log(r.refund.deadline);
  if (!r.ok) {
    // @ts-expect-error a failure has no refund
    console.log(r.refund);
    const f: Failure = r;
    console.log(f.error.path);
  } else {
    const deadline: string = r.refund.deadline;
    // @ts-expect-error an exam order's result has no percent
    console.log(deadline, r.refund.percent);
  }

  // Text in: any result, narrowed on ok and then type.
  const any = engine.evaluate('{"type":"exam_order"}');
  if (any.ok && any.type === "exam_order") console.log(any.refund.deadline);
  if (any.ok && any.type === "training") console.log(any.refund.percent);
  // @ts-expect-error not narrowed to a type: refund is not on every result
  if (any.ok) console.log(any.refund);

  // evaluateMany: one result type per element.
  const [a, b] = engine.evaluateMany([{ type: "exam_order", now, order }, { type: "working_day", date: "2026-10-01" }]);
  if (a.ok) console.log(a.refund.allowed);
  if (b.ok) console.log(b.working_day);
  // @ts-expect-error the second element is a working_day result
  if (b.ok) console.log(b.refund);

  const list: CertpolicyRequest[] = [{ type: "certificate", now, passes: [] }];
  const results: (CertpolicyResult | Failure)[] = engine.evaluateMany(list);
  console.log(results.length);
}

void mistakes;
