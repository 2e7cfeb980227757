// A plain page: the element decides from its JSON attribute; the event says what it decided.
import "certpolicy/elements";

document.querySelector("certpolicy-refund").addEventListener("certpolicy-decision", (e) => {
  const r = e.detail;
  document.getElementById("out").textContent = r.ok
    ? `refund ${r.refund.allowed ? "allowed" : "refused"} until ${r.refund.deadline} (${r.refund.amount_fen} fen)`
    : `error ${r.error.message}`;
  document.body.dataset.ready = "true";
});
