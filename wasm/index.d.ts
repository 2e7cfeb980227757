/// <reference lib="esnext.disposable" />
// Types of the certpolicy package (contract: docs/API.md).

/** RFC 3339 instant; any offset on input, always "+08:00" on output. */
export type Instant = string;
/** Civil date "YYYY-MM-DD" (the date in China). */
export type CivilDate = string;
/** zh-Hant: Traditional Chinese (Hong Kong, Macao, Taiwan). */
export type Locale = "zh-CN" | "zh-Hant" | "en";

/** Envelope error codes. */
export type ErrorCode =
  | "INVALID_REQUEST" | "UNKNOWN_TYPE" | "INVALID_POLICY"
  /** Decided in JavaScript: the engine was disposed (create a new one). */
  | "ENGINE_DISPOSED"
  /** Decided in JavaScript: the WebAssembly call failed, and the request can be retried. */
  | "INTERNAL";
/** The relation an INCONSISTENT field breaks (`error.relation`; the registry is core/policy/data/codes.json). */
export type ErrorRelation =
  | "UP_TO_NOW" | "AFTER_PAYMENT" | "UP_TO_TODAY" | "WITH_A_BOOKED_EXAM" | "BETWEEN_PAYMENT_AND_NOW"
  | "NONE_AFTER_A_PASS" | "ON_AN_EXAMINED_CODE" | "WITH_A_REFUNDED_CODE" | "BOOKED_BEFORE_PURCHASE"
  | "SOLD_AS_EXAM_ORDER";

/** Why a field was refused (mirrors detail_code in core/json/json_in.h; the registry is core/policy/data/codes.json). */
export type ErrorDetail =
  | "MISSING" | "WRONG_TYPE" | "BAD_FORMAT" | "IMPOSSIBLE_DATE" | "IMPOSSIBLE_TIME"
  | "MISSING_OFFSET" | "BAD_OFFSET" | "YEAR_OUT_OF_RANGE" | "OUT_OF_RANGE" | "UNKNOWN_VALUE"
  | "TOO_LONG" | "TOO_MANY" | "INCONSISTENT" | "MALFORMED_JSON" | "TOO_DEEP" | "TOO_LARGE"
  | "UNKNOWN_TYPE"
  /** A member the engine does not read: `expected` is the closest known key or "". */
  | "UNKNOWN_FIELD"
  /** Native CLI only: the --policy file cannot be read. */
  | "UNREADABLE"
  /** A policy file gives a key twice in one object (a repeated key would silently keep the last value). */
  | "DUPLICATE_KEY"
  /** Decided in JavaScript: the engine was disposed (create a new one). */
  | "ENGINE_DISPOSED"
  /** Decided in JavaScript: the WebAssembly call failed, and the request can be retried. */
  | "INTERNAL"
  /** Decided by certpolicy/elements: the engine could not be loaded; `cause` says why (developer detail). */
  | "LOAD_FAILED";

/** Rule IDs of docs/RULES.md that decisions cite. */
export type RuleId =
  | "TIM-1" | "TIM-2" | "TIM-3" | "CAL-1" | "CAL-2" | "CAL-3" | "CAL-4" | "ACC-1" | "ACC-2"
  | "TRN-1" | "TRN-2" | "TRN-3" | "TRN-4" | "TRN-5" | "TRN-6"
  | "EXO-1" | "EXO-2" | "EXO-3" | "EXO-4" | "EXO-5" | "EXO-6" | "EXO-7" | "EXO-8" | "EXO-9" | "EXO-10"
  | "MNY-1" | "MNY-2" | "BKG-1" | "BKG-2" | "BKG-3" | "BKG-4"
  | "CRT-1" | "CRT-2" | "CRT-3" | "CRT-4" | "PRA-1" | "PRA-2" | "PRA-3" | "PRA-4" | "PRA-5"
  | "COD-1" | "COD-2" | "COD-3" | "COD-4" | "COD-5" | "CAT-1" | "CAT-2" | "CAT-3" | "NTF-1" | "NTF-2";

export type ReasonCode =
  | "ORDER_VALID" | "ORDER_EXPIRED" | "ONE_ATTEMPT" | "REFUND_WINDOW_OPEN" | "REFUND_WINDOW_CLOSED"
  | "REFUND_BLOCKED_BY_BOOKING" | "REFUND_BLOCKED_BY_BOOKING_CANCEL_BY"
  | "READING_MOVED_BOOKING_CANCEL" | "REFUND_AFTER_CANCELLING_RETURNS_NOTHING"
  | "READING_CANCELLED_BOOKING" | "REFUND_BLOCKED_BOOKING_LOCKED"
  | "REFUND_BLOCKED_BOOKED_BEFORE_PURCHASE" | "REFUND_BLOCKED_EXAM_TAKEN" | "ALREADY_REFUNDED"
  | "PLATFORM_FAULT_REFUND" | "READING_PLATFORM_CHOICE" | "CENTRE_UNAVAILABLE"
  | "READING_FULL_REFUND" | "REFUND_TO_METHODS" | "REFUND_RETURNS_NOTHING" | "VOUCHER_NOT_REFUNDED"
  | "SUBJECT_TO_REVIEW" | "BOOKING_CANCELLED" | "BOOK_LAST_DAY" | "CHANGE_WINDOW_OPEN"
  | "CHANGE_ONLY_WINDOW_OPEN" | "READING_CHANGE_BOUNDARY" | "READING_CHANGE_BOUNDARY_NOW"
  | "CHANGE_WINDOW_CLOSED" | "CHANGE_ONLY_WINDOW_CLOSED" | "CHECK_IN" | "CHECK_IN_CLOSED"
  | "CHECK_IN_LATE" | "CHECK_IN_LATE_PLATFORM_CHANGED" | "READING_LATE_ARRIVAL"
  | "CHECK_IN_PLATFORM_CHANGED" | "CHECK_IN_CLOSED_PLATFORM_CHANGED" | "EXAM_ENDS"
  | "READING_EXAM_DURATION" | "RESULTS_AVAILABLE" | "READING_RESULTS_TIME"
  | "EXAM_AFTER_ORDER_EXPIRY" | "EXAM_AFTER_ORDER_EXPIRY_LOCKED" | "EXAM_AFTER_ORDER_EXPIRY_SIT"
  | "READING_SIT_AFTER_ORDER_EXPIRY" | "EXAM_AFTER_ORDER_EXPIRY_CENTRE" | "MOVE_LAST_DAY"
  | "READING_EXAM_WITHIN_VALIDITY" | "EXAM_AFTER_LAST_EXAM_DAY" | "EXAM_AFTER_LAST_EXAM_DAY_LOCKED"
  | "EXAM_AFTER_ORDER_EXPIRY_PLATFORM_CHANGED" | "EXAM_AFTER_LAST_EXAM_DAY_PLATFORM_CHANGED"
  | "LIFECYCLE_EXAMS_UNTIL" | "LIFECYCLE_EXAMS_ENDED" | "LIFECYCLE_UNUSED_ATTEMPT_REFUND"
  | "LIFECYCLE_REFUND_BLOCKED_BY_BOOKING" | "LIFECYCLE_REFUND_BLOCKED_BY_MOVED_BOOKING"
  | "LIFECYCLE_REFUND_BOOKING_LOCKED" | "LIFECYCLE_NO_REFUND_STATED"
  | "READING_UNUSED_ATTEMPT_REFUND_FROM" | "READING_UNUSED_ATTEMPT_REFUND_FROM_BOOKED"
  | "LIFECYCLE_SUCCESSOR" | "READING_SERVICE_STOP_DATE" | "DAY_WEEKDAY" | "DAY_WEEKEND"
  | "DAY_HOLIDAY" | "DAY_MAKEUP_WORKDAY" | "DAY_ESTIMATED_OFF" | "DAY_MAY_BE_MAKEUP"
  | "WORKING_DAYS_COUNT" | "CALENDAR_YEAR_UNVERIFIED" | "CALENDAR_YEAR_UNCITED"
  | "CALENDAR_YEAR_ESTIMATED" | "FORM_VALID" | "CERT_ANNOUNCED" | "CERT_ON_SALE" | "CERT_BETA"
  | "CERT_SALE_STOPPED" | "CERT_RETIRED" | "CERT_UNUSED_ATTEMPTS_REFUNDABLE" | "CERT_SUCCESSOR"
  | "CERT_READING_SERVICE_STOP" | "CATALOGUE" | "READING_CATALOGUE_SERVICE_STOP"
  | "CERTIFICATE_NONE" | "CERTIFICATE_ACTIVE" | "CERTIFICATE_EXPIRING"
  | "CERTIFICATE_EXPIRING_RENEWAL_PASSED" | "CERTIFICATE_EXPIRED" | "READING_RENEWAL_RESULTS"
  | "LATEST_PASS_COUNTS" | "CERTIFICATE_ELECTRONIC" | "CERTIFICATE_PAPER_ERA" | "LEVEL_RENAMED"
  | "PRACTITIONER_PASSED" | "PRACTITIONER_ATTEMPTS_LEFT" | "READING_PRACTITIONER_USE_BY"
  | "READING_PRACTITIONER_RENEWAL_RESULTS" | "PRACTITIONER_EXPIRING_RENEWAL_PASSED"
  | "READING_PRACTITIONER_USE_BY_PASSED" | "PRACTITIONER_REPURCHASE_WARNING"
  | "PRACTITIONER_MUST_REPURCHASE" | "NOT_REFUNDABLE_ONCE_SOLD" | "PLATFORM_FAULT_REFUND_ONLY"
  | "CLASS_NOT_OPENED" | "READING_NOT_OPENED_DEFERRAL" | "READING_NOT_OPENED_AFTER_DEFERRAL"
  | "READING_RIGHT_USED_NOT_DEFERRED" | "TRAINING_REFUND_FULL" | "TRAINING_REFUND_PARTIAL"
  | "TRAINING_REFUND_NONE" | "CLASS_STARTED" | "TRAINING_REFUND_LAST_DAY_DISPUTED"
  | "DEFERRED_NOT_REFUNDABLE" | "DEFERRAL_ALLOWED" | "DEFERRAL_LAST_DAY_DISPUTED"
  | "DEFERRAL_TOO_LATE" | "DEFERRAL_TOO_LATE_BY_ESTIMATE" | "ESTIMATE_MAY_ALLOW_MORE"
  | "DEFERRAL_RIGHT_USED" | "READING_DEFERRED_RIGHT_USED" | "CLASS_DECISION_DATES"
  | "NOT_OPENED_BEFORE_NOTICE" | "READING_WORKING_DAYS" | "APPLY_BY_EMAIL" | "SUB_ACCOUNT"
  | "REAL_NAME_REQUIRED" | "INDIVIDUAL_REQUIRED" | "ENTERPRISE_REQUIRED" | "NOT_ON_SALE"
  | "PURCHASE_ALLOWED" | "COURSE_NOT_REFUNDABLE" | "EXAM_REFUNDABLE_WITHIN_WINDOW"
  | "CODES_REFUNDABLE_ONCE" | "ALL_CHANNELS_VERIFIED" | "CODE_EXPIRED_WITH_ORDER"
  | "CODE_ACTION_ALLOWED" | "CODE_ACTION_NOT_ALLOWED" | "CODE_ORDER_VALID" | "CODE_ORDER_EXPIRED"
  | "ORDER_ALREADY_REFUNDED" | "CODES_EXPIRED_WITH_ORDER" | "BOUND_CODES_BLOCK_REFUND"
  | "READING_BOUND_CODES_BLOCK_REFUND" | "NO_UNUSED_CODES" | "UNUSED_CODES_REFUNDABLE"
  | "CODE_STATISTICS" | "CODES_ALREADY_REFUNDED" | "CODE_STATISTICS_RESULTS_UNKNOWN"
  | "CODE_STATISTICS_SOME_RESULTS_UNKNOWN" | FormErrorCode | ContactWarningCode;

export type ContactWarningCode =
  | "PHONE_PENDING" | "PHONE_UNBOUND" | "EMAIL_PENDING" | "EMAIL_UNBOUND" | "PHONE_SECURITY_DIFFERS"
  | "EMAIL_SECURITY_DIFFERS";

export type FormErrorCode =
  | "REQUIRED" | "ID_TYPE_NOT_ACCEPTED" | "ID_CARD_FORMAT" | "ID_CARD_BIRTH_DATE"
  | "ID_CARD_CHECK_DIGIT" | "HK_MACAO_PERMIT_FORMAT" | "TAIWAN_PERMIT_FORMAT"
  | "ID_EXPIRED_ON_EXAM_DAY" | "NAME_INVALID" | "NAME_TOO_LONG" | "PHONE_FORMAT" | "EMAIL_FORMAT"
  | "EMAIL_MISMATCH";

export interface Reason {
  code: ReasonCode;
  rule: RuleId;
  /** A sentence in the request's locale. */
  message: string;
}

/**
 * An answer that is not a failure has no `error`: `r.ok ? r.refund : r.error`
 * then narrows both ways without strictNullChecks too (Next.js's default tsconfig).
 */
type NoError = undefined;

export interface Failure {
  ok: false;
  error: {
    code: ErrorCode;
    detail: ErrorDetail;
    /** The offending field, e.g. "order.paid_at"; "" for the request as a whole. */
    path: string;
    /** What would have been accepted, e.g. "rfc3339_instant". */
    expected: string;
    /** INCONSISTENT only: the relation the field breaks, to word without reading `expected` (UP_TO_NOW: a payment after now). */
    relation?: ErrorRelation | undefined;
    message: string;
    /** LOAD_FAILED (certpolicy/elements) only: what the loader said, developer detail never shown. */
    cause?: string | undefined;
  };
}

interface RequestBase {
  /**
   * Default "zh-CN". Any "zh…" or "en…" tag is accepted: "zh-Hant…" and
   * "zh-TW", "zh-HK", "zh-MO" (without "Hans") answer in Traditional Chinese,
   * every other "zh…" tag in Simplified.
   */
  locale?: Locale | `zh-${string}` | `en-${string}` | undefined;
}

export type PaymentMethod = "online" | "balance" | "voucher";
export type Flow = "purchase_then_book" | "book_then_purchase";
/**
 * EXO-9, by name: Tencent Cloud changed the exam time after the purchase
 * (terms 4.4: a full refund or the nearest session), or the test centre
 * cannot hold the booked exam (moved free to its first available date; no
 * refund stated; needs a booked exam). `true` reads as "exam_time_changed".
 */
export type PlatformFault = "exam_time_changed" | "centre_unavailable";

export interface ExamOrderRequest extends RequestBase {
  type: "exam_order";
  now: Instant;
  order: {
    paid_at: Instant;
    flow?: Flow | undefined;
    payments?: {
      method: PaymentMethod;
      /** Whole fen (0 … 10¹²). @asType integer */
      amount_fen: number;
    }[] | undefined;
    refunded?: boolean | undefined;
    platform_fault?: boolean | PlatformFault | undefined;
    /**
     * The catalogue id of the certification bought (CAT-2): its last exam day
     * limits booking, its notice may refund unused attempts. An unknown id is
     * INVALID_REQUEST at "order.certification" (`expected`: the nearest id).
     */
    certification?: string | undefined;
    booking?: null | {
      exam_at: Instant;
      status: "booked" | "taken" | "no_show";
      /** Default "theory" (EXO-8). */
      exam_kind?: "theory" | "lab" | "interview" | undefined;
    } | {
      /** A cancelled booking's time decides nothing; it may be left out (checked against paid_at when given). */
      exam_at?: Instant | undefined;
      status: "cancelled";
      exam_kind?: "theory" | "lab" | "interview" | undefined;
    } | undefined;
  };
}

/** What a candidate can do next (next_step.code). */
export type NextStepCode =
  | "NEXT_BOOK" | "NEXT_BOOK_OR_REFUND" | "NEXT_MOVE_EXAM" | "NEXT_CHECK_IN" | "NEXT_GO_NOW"
  | "NEXT_RESULTS" | "NEXT_REQUEST_REFUND" | "NEXT_REFUND_BY" | "NEXT_BOOK_OR_REQUEST_REFUND"
  | "NEXT_CHOOSE_REFUND_OR_SESSION" | "NEXT_TAKE_NEAREST_SESSION" | "NEXT_AWAIT_NEW_DATE"
  | "NEXT_BUY_SUCCESSOR";


/** The one thing to do next (consistent with every other field), or null. */
export interface NextStep {
  code: NextStepCode;
  rule: RuleId;
  /** A sentence in the request's locale. */
  message: string;
}

/** A badge's colour, decided by the engine (a page never infers it). */
export type Tone = "ok" | "warn" | "bad";
/** Why the refund is (not) possible now (refund.state). */
export type RefundState =
  | "open" | "platform_fault" | "unused_attempt" | "cancel_booking_first" | "booking_locked" | "closed"
  | "exam_used" | "refunded";
/** What the booking card says (booking.state). */
export type BookingState =
  | "can_book" | "cannot_book" | "booked" | "locked" | "check_in_late" | "check_in_closed" | "awaiting_results" | "done"
  | "must_move" | "cannot_be_sat" | "centre_moving" | "platform_changed" | "platform_changed_session" | "missed" | "void";
/** A point of the order's timeline (timeline[].key). */
export type TimelineKey =
  | "paid" | "refund_deadline" | "change_deadline" | "move_by" | "check_in_by" | "ends_at" | "results_at"
  | "results_by" | "reminder" | "valid_until" | "last_exam_day" | "certificate_renew_from"
  | "certificate_renew_by" | "certificate_valid_until";
/** A name in every language of the answers. */
export interface LocalName { zh: string; zh_hant: string; en: string }

export interface ExamOrderResult {
  ok: true;
  error?: NoError;
  next_step: NextStep | null;
  /** The version of the policy this decision was made with. */
  policy_version: string;
  type: "exam_order";
  order: {
    flow: Flow;
    valid_until: CivilDate;
    expired: boolean;
    /** The expiry reminders still useful: none once the order is refunded, used or its exams ended; none after book_until. */
    reminders: CivilDate[];
    /** The certification bought (order.certification), or null when the request named none. */
    certification: null | {
      id: string;
      name: LocalName;
      /** Its lifecycle status today (CAT-2). */
      status: Lifecycle;
      /** Its last exam day (null: open-ended). */
      exams_until: CivilDate | null;
      /** The day service stops, as its notice dates it: the day after exams_until. */
      retired_from: CivilDate | null;
      unused_attempt_refund_from: CivilDate | null;
      successor: null | { id: string; name: LocalName };
    };
  };
  refund: {
    allowed: boolean;
    state: RefundState;
    /** ok: allowed and worth it; warn: allowed but returns nothing or rests on a disputed reading, or blocked by a booking that can be cancelled; bad: not possible. */
    tone: Tone;
    /** The last instant of the no-reason refund window (paid_at + 120 h). */
    deadline: Instant;
    /**
     * *Added:* the last instant to act for the refund said now: `deadline` while the window is open; with a booking
     * to cancel first, the earlier of `deadline` and the booking's `change_deadline` (after either the refund is lost);
     * the booking's `change_deadline` for the notice's unused-attempt refund (no window); else null. The countdown's end.
     */
    act_by: Instant | null;
    /** What comes back now; 0 when not allowed; null when no payments were given. */
    amount_fen: number | null;
    /** *Added:* what would come back once the booking is cancelled (`state: "cancel_booking_first"`, payments given); else null. */
    amount_after_cancelling_fen: number | null;
    breakdown: { method: string; amount_fen: number }[];
  };
  booking: {
    state: BookingState;
    tone: Tone;
    can_book: boolean;
    /** The last day an exam can be sat on the order: valid_until, or the certification's last exam day when earlier. */
    book_until: CivilDate;
    can_change: boolean;
    can_cancel: boolean;
    /** The order's flow lets a booking be changed, never cancelled (booked before buying; the policy's flow). */
    change_only: boolean;
    change_deadline: Instant | null;
    /** For a booked exam after book_until that can still be moved: the earlier of change_deadline and the end of book_until. */
    move_by: Instant | null;
    check_in_by: Instant | null;
    ends_at: Instant | null;
    /** The guide's results time (theory: 30 minutes after the end). */
    results_at: Instant | null;
    /** The latest results time: the service terms' three days after a theory exam (= results_at for lab and interview). */
    results_by: Instant | null;
  };
  /** The certificate a pass on this booking would give (CRT-1/CRT-2), dated from the guide's (earlier) results day. */
  certificate_if_passed: null | {
    published_on: CivilDate;
    published_by: CivilDate | null;
    valid_until: CivilDate;
    renew_from: CivilDate;
    /** Sit the renewal exam by this day: valid_until less the terms' results delay (null only under a policy whose delay outlasts the validity). */
    renew_by: CivilDate | null;
  };
  /** The dated points true for this order, in time order; the first one not past is "next". */
  timeline: { key: TimelineKey; at: Instant; date: CivilDate | null; state: "past" | "next" | "future" }[];
  reasons: Reason[];
}

export interface WorkingDayRequest extends RequestBase {
  type: "working_day";
  /** When the decision is made (default: the page's clock); it picks a policy with dated changes. */
  now?: Instant;
  date: CivilDate;
}
export interface WorkingDayResult {
  ok: true;
  error?: NoError;
  /** The version of the policy this decision was made with. */
  policy_version: string;
  type: "working_day";
  date: CivilDate;
  working_day: boolean;
  kind: "weekday" | "weekend" | "holiday" | "makeup_workday";
  verified: boolean;
  reasons: Reason[];
}

export interface WorkingDaysRequest extends RequestBase {
  type: "working_days";
  /** When the decision is made (default: the page's clock); it picks a policy with dated changes. */
  now?: Instant;
  from: CivilDate;
  to: CivilDate;
}
export interface WorkingDaysResult {
  ok: true;
  error?: NoError;
  /** The version of the policy this decision was made with. */
  policy_version: string;
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
  /** When the form is checked (default: the page's clock); it picks a policy with dated changes. */
  now?: Instant;
  exam_at: Instant;
  form: Partial<{
    /**
     * What the candidate chose: "cn_id_card", "hk_macao_permit" or
     * "taiwan_permit" are accepted (BKG-1); any other choice (a passport) is a
     * form error ID_TYPE_NOT_ACCEPTED in the answer, not a refused request.
     */
    id_type: string;
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
  error?: NoError;
  /** The version of the policy this decision was made with. */
  policy_version: string;
  type: "booking_form";
  valid: boolean;
  exam_date: CivilDate;
  errors: { field: string; code: FormErrorCode; rule: RuleId; message: string }[];
  reasons: Reason[];
}

export interface CertificateFields {
  status: "active" | "expiring" | "expired" | "none";
  valid_from: CivilDate | null;
  /** valid_from + 2 years (clamped), inclusive. */
  valid_until: CivilDate | null;
  /** Days from today (China date) to valid_until; negative once expired. */
  days_left: number | null;
  /** Days since valid_until once expired (positive), else null: what a page shows instead of a negative days_left. */
  days_expired: number | null;
  /** The last exam date that keeps the certificate continuous: valid_until less the time a result may take to be published (the terms' three days); null without a pass and once that day has passed. */
  renew_by: CivilDate | null;
  /** First day of the "expiring" status (valid_until - 90 days). */
  expiring_from: CivilDate | null;
  electronic_only: boolean;
}

export type LevelName = "TCCA" | "TCCP" | "TCCE";
export type LegacyLevelName = "TCA" | "TCP" | "TCE";

export interface CertificateRequest extends RequestBase {
  type: "certificate";
  now: Instant;
  passes?: { published_on: CivilDate }[] | undefined;
  /** Old or new name; the result gives both. */
  level?: LevelName | LegacyLevelName | undefined;
}
export interface CertificateResult extends CertificateFields {
  ok: true;
  error?: NoError;
  /** The version of the policy this decision was made with. */
  policy_version: string;
  type: "certificate";
  level: LevelName | null;
  legacy_level: LegacyLevelName | null;
  reasons: Reason[];
}

export interface PractitionerRequest extends RequestBase {
  type: "practitioner";
  now: Instant;
  purchase: { paid_at: Instant; platform_fault?: boolean | undefined };
  /** At most 3; none after a pass. */
  attempts?: {
    taken_at: Instant;
    /** A whole score, 0 … the policy's max_score (100). @asType integer */
    score: number;
  }[] | undefined;
}
export interface PractitionerResult {
  ok: true;
  error?: NoError;
  /** The version of the policy this decision was made with. */
  policy_version: string;
  type: "practitioner";
  attempts_used: number;
  attempts_left: number;
  attempts_total: number;
  pass_score: number;
  /** How long one attempt lasts (policy practitioner.duration; the guide: 90 minutes). */
  exam_minutes: number;
  passed: boolean;
  can_take: boolean;
  must_repurchase: boolean;
  /** Buying again now would waste attempts. */
  repurchase_warning: boolean;
  /**
   * PRA-5 (a reading): while attempts can be taken, the last day to use them if the purchase is valid 1 year
   * like the certification exam orders (the guide states no validity); null after a pass or the last fail.
   */
  use_by: CivilDate | null;
  refund: { allowed: boolean };
  certificate: CertificateFields;
  reasons: Reason[];
}

export interface TrainingRequest extends RequestBase {
  type: "training";
  now: Instant;
  enrolment: {
    class_start: CivilDate;
    /** Whole fen paid for the class. @asType integer */
    paid_fen: number;
    class_status?: "pending" | "open" | "not_opened" | undefined;
    deferred?: boolean | undefined;
    deferral_used?: boolean | undefined;
    /** When the enrolment was paid: the terms in force then govern it (a policy's dated changes). */
    paid_at?: Instant | undefined;
  };
}
export interface TrainingResult {
  ok: true;
  error?: NoError;
  /** The version of the policy this decision was made with. */
  policy_version: string;
  type: "training";
  today: CivilDate;
  class_start: CivilDate;
  /** Working days from today (when a working day) up to the day before the class (CAL-3). */
  working_days_before: number;
  /** The same count without today (the other reading). */
  working_days_excluding_today: number;
  /**
   * The band that applies now: `until` its last day counting today, `act_by`
   * the same band counted without today (a day earlier; the date to apply by).
   * Both null when nothing is refunded.
   */
  refund: { allowed: boolean; percent: number; amount_fen: number; act_by: CivilDate | null; until: CivilDate | null };
  /** Every refund tier of the policy in force, with its last day and date to act by for this class (TRN-3). */
  refund_tiers: { more_than_working_days: number; percent: number; last_day: CivilDate | null; act_by: CivilDate | null }[];
  /** What cancelling refunds once no tier applies (percent). */
  refund_otherwise_percent: number;
  /** Last day of the first tier (100 % by default), counting today. */
  full_refund_until: CivilDate | null;
  /** The date to apply by for the first tier: the same band counted without today (a day earlier). */
  full_refund_act_by: CivilDate | null;
  /** Last day of the second tier, counting today. */
  partial_refund_until: CivilDate | null;
  partial_refund_act_by: CivilDate | null;
  /** deadline: the last day counting today; act_by: without today (null for a class that did not open: no deadline stated). */
  deferral: { allowed: boolean; deadline: CivilDate | null; act_by: CivilDate | null; consumes_right: boolean };
  class_decision_on: CivilDate;
  opening_notice_on: CivilDate;
  apply_to: string;
  calendar_verified: boolean;
  reasons: Reason[];
}

export interface PurchaseRequest extends RequestBase {
  type: "purchase";
  now: Instant;
  product: "exam" | "practitioner" | "online_course" | "exam_codes";
  certification?: string | undefined;
  account: { kind: "individual" | "enterprise"; real_name_verified: boolean; sub_account?: boolean | undefined };
}
export interface PurchaseResult {
  ok: true;
  error?: NoError;
  /** The version of the policy this decision was made with. */
  policy_version: string;
  type: "purchase";
  allowed: boolean;
  refundable: boolean;
  certification: { id: string; status: Lifecycle; purchasable: boolean } | null;
  reasons: Reason[];
}

export type ContactState = "verified" | "pending" | "unbound";
export interface ContactsRequest extends RequestBase {
  type: "contacts";
  /** When the decision is made (default: the page's clock); it picks a policy with dated changes. */
  now?: Instant | undefined;
  contacts: Record<"phone" | "email", { state: ContactState; value?: string | undefined; security_value?: string | undefined }>;
}
export interface ContactsResult {
  ok: true;
  error?: NoError;
  /** The version of the policy this decision was made with. */
  policy_version: string;
  type: "contacts";
  channels: { site: true; sms: boolean; email: boolean };
  /** What the console shows: the value when verified, "-" otherwise. */
  shown: { phone: string; email: string };
  warnings: { code: ContactWarningCode; field: string; message: string }[];
  reasons: Reason[];
}

export type CodeState = "unused" | "bound" | "examined" | "void" | "expired" | "refunded";
export type CodeAction = "bind" | "unbind" | "regenerate" | "sit" | "view_score";
export interface ExamCodeRequest extends RequestBase {
  type: "exam_code";
  now: Instant;
  order: { paid_at: Instant };
  code: { state: CodeState };
  action: CodeAction;
}
export interface ExamCodeResult {
  ok: true;
  error?: NoError;
  /** The version of the policy this decision was made with. */
  policy_version: string;
  type: "exam_code";
  /** Effective state: "expired" once the order is, for unused and bound codes. */
  state: CodeState;
  action: CodeAction;
  allowed: boolean;
  next_state: CodeState | null;
  /** regenerate issues a new code in this state. */
  creates: CodeState | null;
  actions: CodeAction[];
  order: { valid_until: CivilDate; expired: boolean };
  reasons: Reason[];
}

export interface CodeStats {
  registered: number;
  attended: number;
  /** Attended with `passed: true`. */
  passed: number;
  /** Attended (examined) codes whose result the request did not give (no `passed`). */
  results_unknown: number;
  /** passed / (attended − results_unknown); null when no result is known. */
  pass_rate: number | null;
}
export interface ExamCodeOrderRequest extends RequestBase {
  type: "exam_code_order";
  now: Instant;
  order: {
    paid_at: Instant;
    /** The order was refunded (a `refunded` code says the same; `false` beside a refunded code is refused). */
    refunded?: boolean | undefined;
    /** The order's codes, at most 1 000 000 in all (an entry with `count` is that many). */
    codes: {
      state: CodeState;
      passed?: boolean | undefined;
      certification?: string | undefined;
      /** That many identical codes (1 … 1 000 000; default 1). @asType integer */
      count?: number | undefined;
    }[];
  };
}
export interface ExamCodeOrderResult {
  ok: true;
  error?: NoError;
  /** The version of the policy this decision was made with. */
  policy_version: string;
  type: "exam_code_order";
  order: { valid_until: CivilDate; expired: boolean; reminders: CivilDate[]; codes: number };
  /** Count of codes per effective state. */
  codes: Record<CodeState, number>;
  refund: { allowed: boolean; refundable_codes: number; blocking_bound_codes: number };
  stats: CodeStats & { by_certification: (CodeStats & { certification: string | null })[] };
  reasons: Reason[];
}

export type Lifecycle = "announced" | "on_sale" | "beta" | "sale_stopped" | "retired";
export interface CatalogueEntry {
  id: string;
  /** zh_hant: Traditional Chinese (the zh name when the policy gives none). */
  name: { zh: string; zh_hant: string; en: string };
  track: "cloud" | "database" | "big_data" | "ai" | "specialty" | "developer";
  kind: "professional" | "specialty" | "developer" | "practitioner";
  level: LevelName | null;
  legacy_level: LegacyLevelName | null;
  beta: boolean;
  status: Lifecycle;
  purchasable: boolean;
  /** An existing buyer may sit the exam that day. */
  can_sit: boolean;
  exam_until: CivilDate | null;
  unused_attempt_refund: boolean;
  platform: "legacy" | "prometric" | "online";
  lifecycle: {
    on_sale_from: CivilDate | null;
    sale_stops_on: CivilDate | null;
    exams_until: CivilDate | null;
    retired_from: CivilDate | null;
    unused_attempt_refund_from: CivilDate | null;
  };
  successor: string | null;
  renamed_from: string | null;
}
export interface CertificationRequest extends RequestBase {
  type: "certification";
  now: Instant;
  id: string;
}
export interface CertificationResult extends CatalogueEntry {
  ok: true;
  error?: NoError;
  /** The version of the policy this decision was made with. */
  policy_version: string;
  type: "certification";
  date: CivilDate;
  reasons: Reason[];
}
export interface CatalogueRequest extends RequestBase {
  type: "catalogue";
  now: Instant;
}
export interface CatalogueResult {
  ok: true;
  error?: NoError;
  /** The version of the policy this decision was made with. */
  policy_version: string;
  type: "catalogue";
  date: CivilDate;
  prometric_from: CivilDate;
  certifications: CatalogueEntry[];
  reasons: Reason[];
}

/** Any request the engine decides (named so as not to shadow the DOM's Request). */
export type CertpolicyRequest =
  | ExamOrderRequest | WorkingDayRequest | WorkingDaysRequest | BookingFormRequest
  | CertificateRequest | PractitionerRequest | TrainingRequest | PurchaseRequest | ContactsRequest
  | ExamCodeRequest | ExamCodeOrderRequest | CertificationRequest | CatalogueRequest;

/** The result type of a request type. */
export type ResultFor<R> =
  R extends ExamOrderRequest ? ExamOrderResult :
  R extends WorkingDayRequest ? WorkingDayResult :
  R extends WorkingDaysRequest ? WorkingDaysResult :
  R extends BookingFormRequest ? BookingFormResult :
  R extends CertificateRequest ? CertificateResult :
  R extends PractitionerRequest ? PractitionerResult :
  R extends TrainingRequest ? TrainingResult :
  R extends PurchaseRequest ? PurchaseResult :
  R extends ContactsRequest ? ContactsResult :
  R extends ExamCodeRequest ? ExamCodeResult :
  R extends ExamCodeOrderRequest ? ExamCodeOrderResult :
  R extends CertificationRequest ? CertificationResult :
  R extends CatalogueRequest ? CatalogueResult : never;

/** Any successful result; narrow on `type`. */
export type CertpolicyResult =
  | ExamOrderResult | WorkingDayResult | WorkingDaysResult | BookingFormResult
  | CertificateResult | PractitionerResult | TrainingResult | PurchaseResult | ContactsResult
  | ExamCodeResult | ExamCodeOrderResult | CertificationResult | CatalogueResult;

/** What `evaluate` answers: a result or a failure (schema/result.schema.json). */
export type CertpolicyAnswer = CertpolicyResult | Failure;

/** @deprecated use CertpolicyRequest (this name shadows the DOM's Request). */
export type Request = CertpolicyRequest;
/** @deprecated use CertpolicyResult. */
export type Result = CertpolicyResult;

// WebAssembly.Module and URL without requiring the DOM library (a Node-only
// project with "lib": ["es2022"] and skipLibCheck off compiles this file).
type WasmModule = typeof globalThis extends { WebAssembly: { Module: new (...args: never[]) => infer M } } ? M : object;
type UrlLike = typeof globalThis extends { URL: new (...args: never[]) => infer U } ? U : { href: string };

export interface Engine {
  readonly policyVersion: string;
  /** Bytes of WebAssembly memory of the module (grows, never shrinks). */
  readonly memoryBytes: number;
  /** Bytes of the WebAssembly heap allocated and not freed (flat between calls when nothing leaks). */
  readonly heapInUse: number;
  /**
   * A request object: its own result type, or a failure (narrow on `ok`).
   * One overload per request type, so that a misspelled or unknown field in
   * an object literal is a type error, as it is an UNKNOWN_FIELD at run time.
   */
  evaluate(request: ExamOrderRequest): ExamOrderResult | Failure;
  evaluate(request: WorkingDayRequest): WorkingDayResult | Failure;
  evaluate(request: WorkingDaysRequest): WorkingDaysResult | Failure;
  evaluate(request: BookingFormRequest): BookingFormResult | Failure;
  evaluate(request: CertificateRequest): CertificateResult | Failure;
  evaluate(request: PractitionerRequest): PractitionerResult | Failure;
  evaluate(request: TrainingRequest): TrainingResult | Failure;
  evaluate(request: PurchaseRequest): PurchaseResult | Failure;
  evaluate(request: ContactsRequest): ContactsResult | Failure;
  evaluate(request: ExamCodeRequest): ExamCodeResult | Failure;
  evaluate(request: ExamCodeOrderRequest): ExamCodeOrderResult | Failure;
  evaluate(request: CertificationRequest): CertificationResult | Failure;
  evaluate(request: CatalogueRequest): CatalogueResult | Failure;
  /** A request held in a variable of the union type: any result, narrowed on `ok` and `type`. */
  evaluate(request: CertpolicyRequest): CertpolicyResult | Failure;
  /** A request as JSON text: any result (narrow on `ok`, then `type`), or a failure. */
  evaluate(json: string): CertpolicyResult | Failure;
  /**
   * One result per request, in order, from one crossing into WebAssembly (a
   * hole of a sparse array is answered as `null` would be: a failure; a
   * request over 1 MiB is that element's TOO_LARGE failure). A batch over the
   * engine's limits (64 MiB of text, 6 000 000 values, 384 MiB of answers) is
   * refused as a whole: every element is the same frozen TOO_LARGE failure
   * (split the batch). More than 2 000 000 elements (its `length`, read
   * before anything else) is refused before any is read: a one-element array
   * holding the frozen TOO_MANY failure.
   */
  evaluateMany<const T extends readonly CertpolicyRequest[]>(requests: T): { -readonly [K in keyof T]: ResultFor<T[K]> | Failure };
  /** Every certification with its status on the China date of `now` (default: this moment). */
  catalogue(now?: Date | Instant): CatalogueEntry[];
  /**
   * The exam order's flags without JSON: the same composition as `evaluate`
   * of an exam_order. Instants as Date or epoch milliseconds; null when an
   * input is unusable (the range `evaluate` accepts, an unknown certification…).
   */
  decideExamOrder(input: {
    paidAt: Date | number;
    now: Date | number;
    examAt?: Date | number | null | undefined;
    status?: "none" | "booked" | "cancelled" | "taken" | "no_show" | undefined;
    /** Absent: the policy's default flow, as `evaluate` reads an order without one. */
    flow?: Flow | null | undefined;
    refunded?: boolean | undefined;
    platformFault?: boolean | PlatformFault | undefined;
    /** A catalogue id, as order.certification. */
    certification?: string | null | undefined;
  }): { refund: boolean; change: boolean; cancel: boolean; book: boolean } | null;
  /** Raw JSON text in and out: byte for byte the native `certpolicy eval`. */
  evaluateJson(text: string): string;
  /** The changes of the policy file, in the order they apply (empty for the built-in policy). */
  readonly policyChanges: readonly PolicyChange[];
  /** The first moment after `after` (default: now) at which a decision may switch policy, or null. */
  nextPolicyChange(after?: Date | number): Date | null;
  /** The policy document in force for a decision at `at` about an order paid at `paidAt` (default: now, and `at`). */
  policyDocument(at?: Date | number, paidAt?: Date | number): Record<string, unknown> | null;
  /** Frees the WebAssembly side now (an engine dropped without it is freed when collected). */
  dispose(): void;
  /** `using engine = await createEngine()`: disposed at the end of the block. */
  [Symbol.dispose](): void;
}

/** One change of a policy file (docs/OPERATIONS.md). */
export interface PolicyChange {
  readonly id: string;
  /** When it starts to apply; null: at once. */
  readonly effectiveFrom: Date | null;
  /** What a dated change governs: the orders paid from its instant, or the decisions made from it. */
  readonly appliesTo: "orders_paid" | "decisions" | null;
}

export interface CreateEngineOptions {
  /** Merged over the default policy (RFC 7386), object or JSON text; or a file of dated changes. */
  policy?: object | string | undefined;
  /**
   * The site's published policy file, its bytes as fetched (or its text): read
   * exactly as `certpolicy eval --policy` and `policy check` read it.
   */
  publishedPolicy?: Uint8Array | ArrayBuffer | string | undefined;
  /** Where the .wasm lives; default: next to this module. */
  wasmUrl?: string | UrlLike | undefined;
  wasmBinary?: ArrayBuffer | Uint8Array | undefined;
  wasmModule?: WasmModule | undefined;
}

/**
 * Thrown by createEngine when the policy is invalid. `e instanceof CertpolicyError`
 * holds for an error of either entry (a program that both imports and requires
 * certpolicy loads two copies of the package).
 */
export class CertpolicyError extends Error {
  code: ErrorCode;
  detail: ErrorDetail;
  path: string;
  expected: string;
  /** Where in the policy text the refusal points, when it is one place (1-based; columns count characters). */
  line?: number;
  column?: number;
}

export function createEngine(options?: CreateEngineOptions): Promise<Engine>;
