// Compiled twice by scripts/test: under Next.js's default (strict: false,
// tsconfig.loose.json) and under exactOptionalPropertyTypes
// (tsconfig.exact.json). What frontend code writes must compile under both.
import { createEngine } from "certpolicy";
import type { ExamOrderRequest, Failure } from "certpolicy";
import wasmUrl from "certpolicy/certpolicy_core.wasm";

async function page(certification?: string, flow?: "purchase_then_book"): Promise<string> {
  const url: string = wasmUrl;
  const engine = await createEngine({ wasmUrl: url, policy: undefined });
  // Optional fields handed on as they are, `undefined` included (the engine drops them as absent).
  const request: ExamOrderRequest = {
    type: "exam_order", locale: undefined, now: "2026-11-22T10:00:00+08:00",
    order: { paid_at: "2026-11-21T10:00:00+08:00", certification, flow, booking: undefined, payments: undefined },
  };
  const r = engine.evaluate(request);
  // The ternary narrows both ways, with or without strictNullChecks.
  const text: string = r.ok ? r.refund.deadline : r.error.message;
  // (Without strictNullChecks TypeScript narrows only the true branch of `if (r.ok)`; `=== false` narrows always.)
  if (r.ok === false) {
    const failure: Failure = r;
    const cause: string | undefined = failure.error.cause;
    return `${failure.error.detail} ${cause ?? ""}`;
  }
  return text;
}

void page();
