// Types of the certpolicy package (contract: docs/API.md).

/** RFC 3339 instant; any offset on input, always "+08:00" on output. */
export type Instant = string;
/** Civil date "YYYY-MM-DD" (the date in China). */
export type CivilDate = string;
export type Locale = "zh-CN" | "en";

/** Envelope error codes. */
export type ErrorCode = "INVALID_REQUEST" | "UNKNOWN_TYPE" | "INVALID_POLICY";
/** Why a field was refused (mirrors core/json_in.h detail_code). */
export type ErrorDetail =
  | "MISSING" | "WRONG_TYPE" | "BAD_FORMAT" | "IMPOSSIBLE_DATE" | "IMPOSSIBLE_TIME"
  | "MISSING_OFFSET" | "BAD_OFFSET" | "YEAR_OUT_OF_RANGE" | "OUT_OF_RANGE" | "UNKNOWN_VALUE"
  | "TOO_LONG" | "TOO_MANY" | "INCONSISTENT" | "MALFORMED_JSON" | "TOO_DEEP" | "TOO_LARGE"
  | "UNKNOWN_TYPE";

/** Rule IDs of docs/RULES.md that decisions cite. */
export type RuleId =
  | "TIM-1" | "TIM-2" | "TIM-3" | "CAL-1" | "CAL-2" | "CAL-3"
  | "EXO-1" | "EXO-2" | "EXO-3" | "EXO-4" | "EXO-5" | "EXO-6" | "EXO-7" | "EXO-8" | "EXO-9" | "EXO-10"
  | "MNY-1" | "BKG-1" | "BKG-2" | "BKG-3" | "BKG-4";

export type ReasonCode =
  | "ORDER_VALID" | "ORDER_EXPIRED" | "ONE_ATTEMPT"
  | "REFUND_WINDOW_OPEN" | "REFUND_WINDOW_CLOSED" | "REFUND_BLOCKED_BY_BOOKING"
  | "REFUND_BLOCKED_EXAM_TAKEN" | "ALREADY_REFUNDED" | "PLATFORM_FAULT_REFUND"
  | "REFUND_TO_METHODS" | "VOUCHER_NOT_REFUNDED" | "SUBJECT_TO_REVIEW" | "BOOKING_CANCELLED"
  | "CHANGE_WINDOW_OPEN" | "CHANGE_ONLY_WINDOW_OPEN" | "CHANGE_WINDOW_CLOSED"
  | "CHECK_IN" | "EXAM_ENDS" | "RESULTS_AVAILABLE"
  | "DAY_WEEKDAY" | "DAY_WEEKEND" | "DAY_HOLIDAY" | "DAY_MAKEUP_WORKDAY"
  | "WORKING_DAYS_COUNT" | "CALENDAR_YEAR_UNVERIFIED"
  | "FORM_VALID" | FormErrorCode;

export type FormErrorCode =
  | "REQUIRED" | "ID_TYPE_NOT_ACCEPTED" | "ID_CARD_FORMAT" | "ID_CARD_BIRTH_DATE"
  | "ID_CARD_CHECK_DIGIT" | "HK_MACAO_PERMIT_FORMAT" | "TAIWAN_PERMIT_FORMAT"
  | "ID_EXPIRED_ON_EXAM_DAY" | "NAME_INVALID" | "NAME_TOO_LONG" | "PHONE_FORMAT"
  | "EMAIL_FORMAT" | "EMAIL_MISMATCH";

export interface Reason {
  code: ReasonCode;
  rule: RuleId;
  /** A sentence in the request's locale. */
  message: string;
}

export interface Failure {
  ok: false;
  error: {
    code: ErrorCode;
    detail: ErrorDetail;
    /** The offending field, e.g. "order.paid_at"; "" for the request as a whole. */
    path: string;
    /** What would have been accepted, e.g. "rfc3339_instant". */
    expected: string;
    message: string;
  };
}

interface RequestBase {
  /** Default "zh-CN". Any "zh…" or "en…" tag is accepted. */
  locale?: Locale | string;
}

export type PaymentMethod = "online" | "balance" | "voucher";
export type Flow = "purchase_then_book" | "book_then_purchase";

export interface ExamOrderRequest extends RequestBase {
  type: "exam_order";
  now: Instant;
  order: {
    paid_at: Instant;
    flow?: Flow;
    payments?: { method: PaymentMethod | string; amount_fen: number }[];
    refunded?: boolean;
    platform_fault?: boolean;
    booking?: null | {
      exam_at: Instant;
      status: "booked" | "cancelled" | "taken" | "no_show";
      /** Default "theory" (EXO-8). */
      exam_kind?: "theory" | "lab" | "interview";
    };
  };
}

export interface ExamOrderResult {
  ok: true;
  type: "exam_order";
  order: { flow: Flow; valid_until: CivilDate; expired: boolean; reminders: CivilDate[] };
  refund: {
    allowed: boolean;
    /** The last instant of the no-reason refund window (paid_at + 120 h). */
    deadline: Instant;
    /** What comes back now; 0 when not allowed; null when no payments were given. */
    amount_fen: number | null;
    breakdown: { method: string; amount_fen: number }[];
  };
  booking: {
    can_book: boolean;
    can_change: boolean;
    can_cancel: boolean;
    change_deadline: Instant | null;
    check_in_by: Instant | null;
    ends_at: Instant | null;
    results_at: Instant | null;
  };
  reasons: Reason[];
}

export interface WorkingDayRequest extends RequestBase {
  type: "working_day";
  date: CivilDate;
}
export interface WorkingDayResult {
  ok: true;
  type: "working_day";
  date: CivilDate;
  working_day: boolean;
  kind: "weekday" | "weekend" | "holiday" | "makeup_workday";
  verified: boolean;
  reasons: Reason[];
}

export interface WorkingDaysRequest extends RequestBase {
  type: "working_days";
  from: CivilDate;
  to: CivilDate;
}
export interface WorkingDaysResult {
  ok: true;
  type: "working_days";
  from: CivilDate;
  to: CivilDate;
  /** Working days d with from <= d < to (CAL-3); 0 when to <= from. */
  count: number;
  verified: boolean;
  reasons: Reason[];
}

export interface BookingFormRequest extends RequestBase {
  type: "booking_form";
  exam_at: Instant;
  form: Partial<{
    id_type: "cn_id_card" | "hk_macao_permit" | "taiwan_permit" | string;
    id_number: string;
    /** "" counts as not filled in. */
    id_valid_until: CivilDate | "";
    surname: string;
    given_name: string;
    phone: string;
    email: string;
    email_confirm: string;
  }>;
}
export interface BookingFormResult {
  ok: true;
  type: "booking_form";
  valid: boolean;
  exam_date: CivilDate;
  errors: { field: string; code: FormErrorCode; rule: RuleId; message: string }[];
  reasons: Reason[];
}

export type Request = ExamOrderRequest | WorkingDayRequest | WorkingDaysRequest | BookingFormRequest;

type ResultFor<R> =
  R extends ExamOrderRequest ? ExamOrderResult :
  R extends WorkingDayRequest ? WorkingDayResult :
  R extends WorkingDaysRequest ? WorkingDaysResult :
  R extends BookingFormRequest ? BookingFormResult : never;

export type Result = ExamOrderResult | WorkingDayResult | WorkingDaysResult | BookingFormResult;

export interface Engine {
  readonly policyVersion: string;
  evaluate<R extends Request>(request: R): ResultFor<R> | Failure;
  evaluate(request: unknown): Result | Failure;
  evaluateMany(requests: readonly unknown[]): (Result | Failure)[];
  /** Raw JSON text in and out: byte for byte the native `certpolicy eval`. */
  evaluateJson(text: string): string;
  dispose(): void;
}

export interface CreateEngineOptions {
  /** Merged over the default policy (RFC 7386), object or JSON text. */
  policy?: object | string;
  /** Where the .wasm lives; default: next to this module. */
  wasmUrl?: string | URL;
  wasmBinary?: ArrayBuffer | Uint8Array;
  wasmModule?: WebAssembly.Module;
}

export class CertpolicyError extends Error {
  code: ErrorCode;
  detail: ErrorDetail;
  path: string;
  expected: string;
}

export function createEngine(options?: CreateEngineOptions): Promise<Engine>;
