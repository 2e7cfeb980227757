// How a refusal is said in the page's words: the page's own (a value it
// could not read, a field left empty) and the engine's, naming the field by
// its label ("请填写支付时间").
import { t, tf } from "./locale.js";

/** An input-level failure shown in place of the verdict (never a verdict from a value the person did not mean). */
export function inputFailure(message) {
  return { ok: false, error: { code: "INVALID_REQUEST", detail: "BAD_FORMAT", path: "", expected: "", message } };
}

/** A field the page itself found empty or not a time, said as the engine's refusals are ("请填写当前时间"). */
export function fieldFailure(path) {
  return { ok: false, error: { code: "INVALID_REQUEST", detail: "MISSING", path, expected: "", message: tf("error.missing", { field: fieldLabel(FIELD_LABELS[path] ?? path) }) } };
}

// The request fields the pages fill, by the i18n key of their label.
const FIELD_LABELS = {
  now: "now", "order.paid_at": "paid_at", "purchase.paid_at": "paid_at", "order.booking.exam_at": "exam_at",
  exam_at: "exam_at", "enrolment.class_start": "class_start", "enrolment.paid_fen": "paid", today: "today",
  "passes.published_on": "cert.published_on", "order.booking": "booking.status", "order.booking.status": "booking.status",
  "order.certification": "certification", "attempts.taken_at": "taken_at",
};
const DETAIL_SENTENCES = { MISSING: "error.missing", BAD_FORMAT: "error.invalid", IMPOSSIBLE_DATE: "error.invalid",
  IMPOSSIBLE_TIME: "error.invalid", YEAR_OUT_OF_RANGE: "error.year", MISSING_OFFSET: "error.invalid" };
// A field that contradicts another (INCONSISTENT), by the relation it breaks (the engine's `error.relation`).
const INCONSISTENT_SENTENCES = { UP_TO_NOW: "error.after_now", AFTER_PAYMENT: "error.before_paid", UP_TO_TODAY: "error.after_today",
  BOOKED_BEFORE_PURCHASE: "error.booked_before_purchase", BETWEEN_PAYMENT_AND_NOW: "error.between_paid_and_now" };

/**
 * A refused request in plain words of the page's language ("请填写支付时间");
 * a request refused for a field the page does not name is asked to be checked
 * (the engine's words, with their JSON path, go to the details); any other
 * refusal (the engine not loaded, a limit) in the engine's own message.
 */
export function failureSentence(error) {
  const field = FIELD_LABELS[error.path] ?? FIELD_LABELS[String(error.path).replace(/\[\d+\]/g, "")];
  if (error.code === "INVALID_REQUEST" && !field && error.path) return t("error.check_input");
  if (error.code !== "INVALID_REQUEST" || !field) return error.message;
  const contradiction = error.detail === "INCONSISTENT" && INCONSISTENT_SENTENCES[error.relation];
  return contradiction ? tf(contradiction, { field: fieldLabel(field) }) : fieldSentence(error.detail, field);
}

/** Why the engine refused a field, in the page's words, naming the field by its label's key: "请填写查看日期". */
export const fieldSentence = (detail, key) => tf(DETAIL_SENTENCES[detail] ?? "error.check", { field: fieldLabel(key) });

/** A field's label without its trailing note, to name it in a sentence: "支付时间（北京时间）" → "支付时间". */
export const fieldLabel = (key) => t(key).replace(/[（(][^）)]*[）)]\s*$/, "").trim();
