// EXO-10 on the rule itself: what comes back of each payment, and whether the
// order kept money that is never refunded (the request's answers are in
// tests/cases/exo_refund.json).
#include <gtest/gtest.h>

#include <vector>

#include "rules/exam/refund.h"

namespace certpolicy {
namespace {

TEST(EXO_10, KeptNonRefundableOnlyWhenANonRefundablePaymentHeldMoney) {
  struct {
    std::vector<Payment> payments;
    Fen amount;
    std::vector<Fen> per_payment;
    bool kept;
  } cases[] = {
      {{{"online", 30000, true}, {"voucher", 5000, false}}, 30000, {30000, 0}, true},
      // A voucher of 0 fen kept nothing: no "the voucher is kept" to say.
      {{{"online", 30000, true}, {"voucher", 0, false}}, 30000, {30000, 0}, false},
      {{{"voucher", 0, false}}, 0, {0}, false},
      {{{"voucher", 1, false}}, 0, {0}, true},  // one fen is money kept
      {{{"online", 0, true}, {"balance", 0, true}}, 0, {0, 0}, false},
      {{}, 0, {}, false},
  };
  for (const auto& c : cases) {
    const RefundSplit s = split_refund(c.payments, true);
    EXPECT_EQ(s.amount_fen, c.amount) << c.payments.size() << " payments";
    EXPECT_EQ(s.per_payment, c.per_payment) << c.payments.size() << " payments";
    EXPECT_EQ(s.kept_non_refundable, c.kept) << c.payments.size() << " payments";
  }
}

TEST(EXO_10, NothingComesBackWhenTheRefundIsNotAllowed) {
  const RefundSplit s = split_refund({{"online", 30000, true}, {"voucher", 5000, false}}, false);
  EXPECT_EQ(s.amount_fen, 0);
  EXPECT_EQ(s.per_payment, (std::vector<Fen>{0, 0}));
  EXPECT_TRUE(s.kept_non_refundable);
}

}  // namespace
}  // namespace certpolicy
