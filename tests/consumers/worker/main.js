// The engine lives in a module Web Worker; the page sends a request and shows the answer.
const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
worker.onmessage = ({ data }) => {
  document.getElementById("out").textContent = data.ok
    ? `refund ${data.refund.allowed ? "allowed" : "refused"} until ${data.refund.deadline} (${data.refund.amount_fen} fen)`
    : `error ${data.error?.message ?? data.message}`;
  document.body.dataset.ready = "true";
};
worker.postMessage({
  type: "exam_order", locale: "en", now: "2026-11-22T10:00:00+08:00",
  order: { paid_at: "2026-11-21T10:00:00+08:00", payments: [{ method: "online", amount_fen: 120000 }] },
});
