// A React consumer of the packed tarball: <certpolicy-refund> in JSX with an
// object prop (React 19 sets it as a property), the decision event read
// through a ref, all type-checked against the package's .d.ts.
import { useEffect, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { configure } from "certpolicy/elements";
import type { CertpolicyDecisionEvent } from "certpolicy/elements";
import type {} from "certpolicy/elements/react";
import type { ExamOrderResult } from "certpolicy";
// esbuild does not follow new URL(…, import.meta.url): its file loader copies the .wasm and gives its URL.
import wasmUrl from "certpolicy/certpolicy_core.wasm";

configure({ wasmUrl });

const order = { paid_at: "2026-11-21T10:00:00+08:00", payments: [{ method: "online" as const, amount_fen: 120000 }] };

function App() {
  const ref = useRef<HTMLElementTagNameMap["certpolicy-refund"]>(null);
  const [text, setText] = useState("loading…");
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const shown = (e: CertpolicyDecisionEvent<ExamOrderResult>) => {
      const r = e.detail;
      setText(r.ok ? `refund ${r.refund.allowed ? "allowed" : "refused"} until ${r.refund.deadline} (${r.refund.amount_fen} fen)` : `error ${r.error.message}`);
    };
    el.addEventListener("certpolicy-decision", shown);
    return () => el.removeEventListener("certpolicy-decision", shown);
  }, []);
  useEffect(() => { if (text !== "loading…") document.body.dataset.ready = "true"; }, [text]);
  return (
    <>
      <certpolicy-refund ref={ref} locale="en" now="2026-11-22T10:00:00+08:00" order={order} />
      <p id="out">{text}</p>
    </>
  );
}

// The types refuse what the engine would refuse.
export function Mistakes() {
  return (
    <>
      {/* @ts-expect-error: a misspelled order field */}
      <certpolicy-refund order={{ paidAt: "2026-11-21T10:00:00+08:00" }} />
      {/* @ts-expect-error: not a locale */}
      <certpolicy-booking locale="fr" />
    </>
  );
}

createRoot(document.getElementById("root")!).render(<App />);
