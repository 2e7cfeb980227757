// NTF-1 and NTF-2 called on plain structs, without JSON: which channels carry
// notices, what is shown, and what to fix (rules/catalogue/contacts.h).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/catalogue/contacts.h"

namespace certpolicy {
namespace {

std::vector<std::string> warning_codes(const ContactsDecision& d) {
  std::vector<std::string> out;
  for (size_t k = 0; k < d.warning_count; ++k) {
    const ContactWarning& w = d.warnings[k];
    out.push_back(std::string(w.channel) + ":" + std::string(w.code) + ":" + std::string(w.rule));
  }
  return out;
}

TEST(NTF_1, OnlyVerifiedChannelsCarryNoticesAndShowTheirValue) {
  struct {
    ContactState phone, email;
    bool sms, mail;
    std::string phone_shown, email_shown;
    std::vector<std::string> warnings;
    std::string first_reason;
  } cases[] = {
      {ContactState::kVerified, ContactState::kVerified, true, true, "13800000000", "a@b.cn", {}, "ALL_CHANNELS_VERIFIED"},
      {ContactState::kPending, ContactState::kVerified, false, true, "-", "a@b.cn", {"phone:PHONE_PENDING:NTF-1"}, "PHONE_PENDING"},
      {ContactState::kVerified, ContactState::kUnbound, true, false, "13800000000", "-", {"email:EMAIL_UNBOUND:NTF-1"}, "EMAIL_UNBOUND"},
      {ContactState::kUnbound, ContactState::kPending, false, false, "-", "-", {"phone:PHONE_UNBOUND:NTF-1", "email:EMAIL_PENDING:NTF-1"},
       "PHONE_UNBOUND"},
  };
  for (const auto& c : cases) {
    ContactsDecision d = decide_contacts({c.phone, "13800000000", std::nullopt}, {c.email, "a@b.cn", std::nullopt});
    EXPECT_EQ(d.sms, c.sms);
    EXPECT_EQ(d.email, c.mail);
    EXPECT_EQ(std::string(d.phone_shown), c.phone_shown);
    EXPECT_EQ(std::string(d.email_shown), c.email_shown);
    EXPECT_EQ(warning_codes(d), c.warnings);
    ASSERT_GE(d.reasons.size(), 1u);
    EXPECT_EQ(std::string(d.reasons.begin()->code), c.first_reason);
  }
}

TEST(NTF_2, TheSecurityValueShouldEqualTheContactOne) {
  ContactsDecision same = decide_contacts({ContactState::kVerified, "13800000000", "13800000000"}, {ContactState::kVerified, "a@b.cn", "a@b.cn"});
  EXPECT_EQ(same.warning_count, 0u);
  ContactsDecision differs = decide_contacts({ContactState::kVerified, "13800000000", "13900000000"}, {ContactState::kPending, "a@b.cn", "c@d.cn"});
  EXPECT_EQ(warning_codes(differs), (std::vector<std::string>{"phone:PHONE_SECURITY_DIFFERS:NTF-2", "email:EMAIL_PENDING:NTF-1",
                                                              "email:EMAIL_SECURITY_DIFFERS:NTF-2"}));
  // Without a contact value there is nothing to compare.
  EXPECT_TRUE(warning_codes(decide_contacts({ContactState::kUnbound, std::nullopt, "13900000000"},
                                            {ContactState::kVerified, "a@b.cn", std::nullopt})) ==
              (std::vector<std::string>{"phone:PHONE_UNBOUND:NTF-1"}));
}

}  // namespace
}  // namespace certpolicy
