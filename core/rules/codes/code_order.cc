// An exam-code order's refund: once, unused codes only, nothing while a code
// is bound, once a code of it was refunded, or after the order expired
// (COD-3, COD-4). Its statistics are CodeStats (COD-5, code_order.h).
#include "rules/codes/code_order.h"

namespace certpolicy {

CodeOrderDecision decide_code_order(bool already_refunded, bool order_expired, const CodeCounts& counts) {
  CodeOrderDecision d;
  const std::int64_t unused = counts.of(CodeState::kUnused);
  d.blocking_bound_codes = counts.of(CodeState::kBound);
  d.reasons.add(order_expired ? "CODE_ORDER_EXPIRED" : "CODE_ORDER_VALID", "COD-3");
  if (already_refunded) {
    d.reasons.add("ORDER_ALREADY_REFUNDED", "COD-4");
  } else if (counts.of(CodeState::kRefunded) > 0) {
    // 每笔订单仅支持退款一次: a refunded code is that one refund, spent.
    d.reasons.add("CODES_ALREADY_REFUNDED", "COD-4");
  } else if (order_expired) {
    d.reasons.add("CODES_EXPIRED_WITH_ORDER", "COD-3");
  } else {
    d.refund_allowed = true;
    if (d.blocking_bound_codes > 0) {
      d.refund_allowed = false;
      d.reasons.add("BOUND_CODES_BLOCK_REFUND", "COD-4");
      // "如有已绑定状态的考试码需要退款，请…解绑后再申请退款" may bind only a bound code that is to be refunded: the
      // reading applied is named where unused codes wait on it (a tryout: unbinding removes a registered candidate).
      if (unused > 0) d.reasons.add("READING_BOUND_CODES_BLOCK_REFUND", "COD-4");
    }
    if (unused == 0) {
      d.refund_allowed = false;
      d.reasons.add("NO_UNUSED_CODES", "COD-4");
    }
    if (d.refund_allowed) d.reasons.add("UNUSED_CODES_REFUNDABLE", "COD-4");
  }
  d.refundable_codes = d.refund_allowed ? unused : 0;
  return d;
}

}  // namespace certpolicy
