// React's JSX intrinsic elements for certpolicy/elements (React 19 sets
// object props on custom elements as properties):
//   import "certpolicy/elements";
//   import type {} from "certpolicy/elements/react";
//   <certpolicy-refund locale="en" order={{ paid_at }} />
import type { CertpolicyIntrinsicElements } from "./index.js";

declare module "react" {
  namespace JSX {
    interface IntrinsicElements extends CertpolicyIntrinsicElements {}
  }
}
