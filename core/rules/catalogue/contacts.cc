// Which channels carry an account's notices, and what to fix (NTF-1, NTF-2).
#include "rules/catalogue/contacts.h"

namespace certpolicy {

namespace {

struct Codes {
  std::string_view channel, pending, unbound, differs;
};

void judge(const ContactChannel& c, const Codes& codes, bool& receives, std::string_view& shown, ContactsDecision& d) {
  auto warn = [&](std::string_view code, std::string_view rule) { d.warnings[d.warning_count++] = {codes.channel, code, rule}; };
  receives = c.state == ContactState::kVerified;
  shown = receives && c.value ? *c.value : std::string_view("-");
  if (c.state == ContactState::kPending) warn(codes.pending, "NTF-1");
  if (c.state == ContactState::kUnbound) warn(codes.unbound, "NTF-1");
  if (c.security_value && c.value && *c.security_value != *c.value) warn(codes.differs, "NTF-2");
}

}  // namespace

ContactsDecision decide_contacts(const ContactChannel& phone, const ContactChannel& email) {
  ContactsDecision d;
  judge(phone, {"phone", "PHONE_PENDING", "PHONE_UNBOUND", "PHONE_SECURITY_DIFFERS"}, d.sms, d.phone_shown, d);
  judge(email, {"email", "EMAIL_PENDING", "EMAIL_UNBOUND", "EMAIL_SECURITY_DIFFERS"}, d.email, d.email_shown, d);
  for (size_t k = 0; k < d.warning_count; ++k) d.reasons.add(d.warnings[k].code, d.warnings[k].rule);
  if (d.warning_count == 0) d.reasons.add("ALL_CHANNELS_VERIFIED", "NTF-1");
  return d;
}

}  // namespace certpolicy
