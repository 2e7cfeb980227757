// Types of certpolicy/elements: the elements, their inputs and event and the
// tag-name map (React's JSX intrinsic elements: certpolicy/elements/react).
import type {
  CertificateResult, Engine, Failure, ExamOrderResult, Locale, PractitionerRequest, PractitionerResult,
  TrainingRequest, TrainingResult, ExamOrderRequest, CertificateRequest, LevelName, LegacyLevelName, CreateEngineOptions,
} from "../index.js";

/** Options of the shared engine (createEngine's), or an engine made by the page. */
export function configure(options?: CreateEngineOptions | { engine: Engine }): void;
/** The engine every element of the page shares. */
export function sharedEngine(): Promise<Engine>;

/** The `detail` of `certpolicy-decision`: the engine's answer (a failure when the input was refused). */
export type CertpolicyDecisionEvent<R> = CustomEvent<R | Failure>;

export declare class CertpolicyElement<R = unknown> extends HTMLElement {
  /** "zh-CN" (default: the page's <html lang>), "zh-Hant" or "en"; any zh…/en… tag. */
  locale: Locale | `zh-${string}` | `en-${string}`;
  /** A fixed instant for previews; unset, the element follows the clock. */
  now: string | Date | null;
  /** Present: the element says nothing to assistive technology (the page announces the answer itself). */
  quiet: boolean;
  /** The latest answer (null before the first). */
  readonly result: R | Failure | null;
  /** Resolves with the answer once the element has decided for every input given so far. */
  readonly updateComplete: Promise<R | Failure>;
  /** The instant the element decides for: its fixed `now`, else the clock's (RFC 3339). */
  instant(): string;
  /** What the element announces for an answer, as one sentence in its locale. */
  summary(result: R): string;
  /** A key that changes exactly when what `summary` says changes (a page announces once per key). */
  stateKey(result: R): string;
  /** Asks for a decision again (an input changed in a way its setter cannot see). */
  requestUpdate(): void;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: this, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: "certpolicy-decision", listener: (ev: CertpolicyDecisionEvent<R>) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: this, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: "certpolicy-decision", listener: (ev: CertpolicyDecisionEvent<R>) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

type Order = ExamOrderRequest["order"];
export declare class CertpolicyRefund extends CertpolicyElement<ExamOrderResult> { order: Order | undefined; }
export declare class CertpolicyBooking extends CertpolicyElement<ExamOrderResult> { order: Order | undefined; }
export declare class CertpolicyTimeline extends CertpolicyElement<ExamOrderResult> { order: Order | undefined; }
export declare class CertpolicyCertificate extends CertpolicyElement<CertificateResult> {
  /** Result dates of the passes ("YYYY-MM-DD" or { published_on }). */
  passes: (string | { published_on: string })[] | undefined;
  level: LevelName | LegacyLevelName | undefined;
}
export declare class CertpolicyPractitioner extends CertpolicyElement<PractitionerResult> {
  purchase: PractitionerRequest["purchase"] | undefined;
  attempts: PractitionerRequest["attempts"];
}
export declare class CertpolicyTraining extends CertpolicyElement<TrainingResult> {
  enrolment: TrainingRequest["enrolment"] | undefined;
  /** Whether the refund tiers (TRN-3) decided the answer (else no band is drawn). */
  tiered(result: TrainingResult): boolean;
  /** The caveat of a calendar year shown without a published holiday schedule (CAL-2), or "". */
  unverified(result: TrainingResult): string;
  /** The caveat of a calendar year counted by its estimate, its schedule not published (CAL-4): the earliest dates, or "". */
  estimated(result: TrainingResult): string;
  /** The caveat of a calendar year whose holiday data cites no official notice (CAL-2), or "". */
  uncited(result: TrainingResult): string;
}

export declare const ELEMENTS: {
  "certpolicy-refund": typeof CertpolicyRefund;
  "certpolicy-booking": typeof CertpolicyBooking;
  "certpolicy-certificate": typeof CertpolicyCertificate;
  "certpolicy-practitioner": typeof CertpolicyPractitioner;
  "certpolicy-training": typeof CertpolicyTraining;
  "certpolicy-timeline": typeof CertpolicyTimeline;
};

declare global {
  interface HTMLElementTagNameMap {
    "certpolicy-refund": CertpolicyRefund;
    "certpolicy-booking": CertpolicyBooking;
    "certpolicy-certificate": CertpolicyCertificate;
    "certpolicy-practitioner": CertpolicyPractitioner;
    "certpolicy-training": CertpolicyTraining;
    "certpolicy-timeline": CertpolicyTimeline;
  }
}

/** Props of an element in JSX: its inputs (objects, React 19 sets them as properties; or JSON strings), locale, now. */
type ElementProps<E, Inputs extends keyof E> = {
  [K in Inputs]?: E[K] | string | undefined;
} & {
  locale?: Locale | `zh-${string}` | `en-${string}` | undefined;
  now?: string | undefined;
  id?: string | undefined;
  class?: string | undefined;
  className?: string | undefined;
  style?: unknown;
  ref?: unknown;
  key?: string | number | undefined;
  hidden?: boolean | undefined;
  children?: unknown;
};

export interface CertpolicyIntrinsicElements {
  "certpolicy-refund": ElementProps<CertpolicyRefund, "order">;
  "certpolicy-booking": ElementProps<CertpolicyBooking, "order">;
  "certpolicy-timeline": ElementProps<CertpolicyTimeline, "order">;
  "certpolicy-certificate": ElementProps<CertpolicyCertificate, "passes" | "level">;
  "certpolicy-practitioner": ElementProps<CertpolicyPractitioner, "purchase" | "attempts">;
  "certpolicy-training": ElementProps<CertpolicyTraining, "enrolment">;
}
