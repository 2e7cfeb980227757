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
  /** The latest answer (null before the first). */
  readonly result: R | Failure | null;
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
