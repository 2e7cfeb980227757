// certpolicy/elements — drop-in custom elements that show the engine's
// answer, one engine shared by every element of the page. Importing this
// module defines all six; each element's own module defines that one alone
// (once; a name already taken is left alone), so a page imports only the
// elements it shows:  import "certpolicy/elements/refund.js";
//
//   import { configure } from "certpolicy/elements";
//   configure({ wasmUrl: "/assets/certpolicy_core.wasm" });   // optional, before the first element
//   <certpolicy-refund locale="en"></certpolicy-refund>
//   document.querySelector("certpolicy-refund").order = { paid_at: "2026-11-21T10:00:00+08:00" };
import { CertpolicyRefund } from "./refund.js";
import { CertpolicyBooking } from "./booking.js";
import { CertpolicyCertificate } from "./certificate.js";
import { CertpolicyPractitioner } from "./practitioner.js";
import { CertpolicyTraining } from "./training.js";
import { CertpolicyTimeline } from "./timeline.js";

export { configure, sharedEngine } from "./engine.js";
export { CertpolicyElement } from "./base.js";
export { CertpolicyRefund, CertpolicyBooking, CertpolicyCertificate, CertpolicyPractitioner, CertpolicyTraining, CertpolicyTimeline };

export const ELEMENTS = {
  "certpolicy-refund": CertpolicyRefund,
  "certpolicy-booking": CertpolicyBooking,
  "certpolicy-certificate": CertpolicyCertificate,
  "certpolicy-practitioner": CertpolicyPractitioner,
  "certpolicy-training": CertpolicyTraining,
  "certpolicy-timeline": CertpolicyTimeline,
};
