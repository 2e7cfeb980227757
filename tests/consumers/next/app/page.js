// A server component that evaluates (the Node entry reads its .wasm beside
// itself; no serverExternalPackages), and a client component with the element.
import { createEngine } from "certpolicy";
import Refund from "./refund.js";

export const dynamic = "force-dynamic";

const order = { paid_at: "2026-11-21T10:00:00+08:00", payments: [{ method: "online", amount_fen: 120000 }] };

export default async function Page() {
  const engine = await createEngine();
  const r = engine.evaluate({ type: "exam_order", locale: "en", now: "2026-11-22T10:00:00+08:00", order });
  const text = r.ok ? `refund ${r.refund.allowed ? "allowed" : "refused"} until ${r.refund.deadline} (${r.refund.amount_fen} fen)` : `error ${r.error.message}`;
  return (
    <main>
      <p id="server">{text}</p>
      <Refund order={order} />
    </main>
  );
}
