// Which channels carry an account's notices (NTF-1, NTF-2).
//
// NTF-1: a channel is verified (its value shown), pending (bound, not yet
// verified: shown "-") or unbound ("-"); only verified channels receive
// notices, and in-site messages always do. NTF-2: the security phone or
// e-mail should equal the contact one.
//   decide_contacts({{kVerified, "138…", "139…"}, {kUnbound}})
//     → sms true, email false; warnings PHONE_SECURITY_DIFFERS, EMAIL_UNBOUND
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "rules/decision.h"
#include "rules/enum_names.h"

namespace certpolicy {

enum class ContactState { kVerified, kPending, kUnbound };
template <>
struct EnumNames<ContactState> {
  static constexpr std::array<std::string_view, 3> names{"verified", "pending", "unbound"};
};

// Views of the caller's text: they must outlive the decision.
struct ContactChannel {
  ContactState state = ContactState::kUnbound;
  std::optional<std::string_view> value;           // required when verified
  std::optional<std::string_view> security_value;  // the security phone / e-mail, when known
};

struct ContactWarning {
  std::string_view channel;  // "phone" or "email"
  std::string_view code;
  std::string_view rule;
};

struct ContactsDecision {
  bool sms = false, email = false;            // in-site messages always reach the account
  std::string_view phone_shown, email_shown;  // the value when verified, else "-"
  // Phone's, then e-mail's: at most two each (not verified; security differs).
  std::array<ContactWarning, 4> warnings{};
  size_t warning_count = 0;
  Reasons reasons;
};

ContactsDecision decide_contacts(const ContactChannel& phone, const ContactChannel& email);

}  // namespace certpolicy
