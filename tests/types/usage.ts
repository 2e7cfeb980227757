// Compiled by `tsc --noEmit` in scripts/test: the published types describe
// what frontend code actually writes against the package.
import { createEngine, CertpolicyError } from "certpolicy";
import type { ExamOrderRequest, Failure, Reason, CatalogueEntry } from "certpolicy";

async function main(): Promise<void> {
  const engine = await createEngine({ policy: { calendar: { years: {} } } });
  const request: ExamOrderRequest = {
    type: "exam_order",
    locale: "en",
    now: new Date().toISOString(),
    order: { paid_at: "2026-11-21T10:00:00+08:00", payments: [{ method: "online", amount_fen: 120000 }], booking: null },
  };
  const r = engine.evaluate(request);
  if (r.ok) {
    const deadline: string = r.refund.deadline;
    const amount: number | null = r.refund.amount_fen;
    const first: Reason | undefined = r.reasons[0];
    console.log(deadline, amount, first?.rule, r.booking.change_deadline ?? "none");
  } else {
    const f: Failure = r;
    console.log(f.error.path, f.error.detail);
  }
  const t = engine.evaluate({ type: "training", now: "2026-11-27T10:00:00+08:00", enrolment: { class_start: "2026-12-14", paid_fen: 358000 } });
  if (t.ok) console.log(t.refund.percent, t.full_refund_until, t.deferral.deadline, t.calendar_verified);
  const codes = engine.evaluate({ type: "exam_code_order", now: "2025-01-15T10:00:00+08:00", order: { paid_at: "2024-08-29T17:54:01+08:00", codes: [{ state: "bound" }] } });
  if (codes.ok) console.log(codes.refund.blocking_bound_codes, codes.stats.pass_rate);
  const list: CatalogueEntry[] = engine.catalogue();
  console.log(list.filter((c) => c.purchasable).map((c) => `${c.level ?? "-"} ${c.name.en}`));
  const flags = engine.decideExamOrder({ paidAt: Date.now(), now: new Date(), status: "none" });
  if (flags) console.log(flags.refund, flags.change);
  const many = engine.evaluateMany([request, { type: "working_day", date: "2026-10-10" }]);
  console.log(many.length, engine.policyVersion, engine.heapInUse, engine.evaluateJson("{}"));
  try {
    await createEngine({ policy: "{" });
  } catch (e) {
    if (e instanceof CertpolicyError) console.log(e.code, e.path);
  }
  engine.dispose();
}

void main();
