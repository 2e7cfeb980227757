// The order both the server load and the page's element decide on.
export const order = { paid_at: "2026-11-21T10:00:00+08:00", payments: [{ method: "online", amount_fen: 120000 }] };
export const NOW = "2026-11-22T10:00:00+08:00";
export const said = (r) => (r.ok ? `refund ${r.refund.allowed ? "allowed" : "refused"} until ${r.refund.deadline} (${r.refund.amount_fen} fen)` : `error ${r.error.message}`);
