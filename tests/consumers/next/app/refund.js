"use client";
// The element in a client component: certpolicy/elements is imported during
// the server render too (it defines nothing there). The order goes as JSON
// text: it is then in the server's HTML, and React's hydration does not set
// object props on custom elements.
import { useEffect, useRef, useState } from "react";
import "certpolicy/elements";

export default function Refund({ order }) {
  const ref = useRef(null);
  const [text, setText] = useState("loading…");
  useEffect(() => {
    const el = ref.current;
    const shown = (e) => {
      const r = e.detail;
      setText(r.ok ? `refund ${r.refund.allowed ? "allowed" : "refused"} until ${r.refund.deadline} (${r.refund.amount_fen} fen)` : `error ${r.error.message}`);
    };
    el.addEventListener("certpolicy-decision", shown);
    if (el.result) shown({ detail: el.result });
    return () => el.removeEventListener("certpolicy-decision", shown);
  }, []);
  useEffect(() => { if (text !== "loading…") document.body.dataset.ready = "true"; }, [text]);
  return (
    <>
      <certpolicy-refund ref={ref} locale="en" now="2026-11-22T10:00:00+08:00" order={JSON.stringify(order)} />
      <p id="out">{text}</p>
    </>
  );
}
