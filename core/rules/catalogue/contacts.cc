// Which channels carry an account's notices, and what to fix (NTF-1, NTF-2).
#include "rules/catalogue/contacts.h"

namespace certpolicy {

namespace {

struct Codes {
  std::string_view channel, pending, unbound, differs;
};

void judge(const ContactChannel& c, const Codes& codes, bool& receives, std::optional<std::string>& shown,
           std::vector<ContactWarning>& warnings) {
  receives = c.state == ContactState::kVerified;
  shown = receives && c.value ? *c.value : std::string("-");
  if (c.state == ContactState::kPending) warnings.push_back({codes.channel, codes.pending, "NTF-1"});
  if (c.state == ContactState::kUnbound) warnings.push_back({codes.channel, codes.unbound, "NTF-1"});
  if (c.security_value && c.value && *c.security_value != *c.value) warnings.push_back({codes.channel, codes.differs, "NTF-2"});
}

}  // namespace

ContactsDecision decide_contacts(const ContactChannel& phone, const ContactChannel& email) {
  ContactsDecision d;
  judge(phone, {"phone", "PHONE_PENDING", "PHONE_UNBOUND", "PHONE_SECURITY_DIFFERS"}, d.sms, d.phone_shown, d.warnings);
  judge(email, {"email", "EMAIL_PENDING", "EMAIL_UNBOUND", "EMAIL_SECURITY_DIFFERS"}, d.email, d.email_shown, d.warnings);
  for (const ContactWarning& w : d.warnings) d.reasons.add(w.code, w.rule);
  if (d.warnings.empty()) d.reasons.add("ALL_CHANNELS_VERIFIED", "NTF-1");
  return d;
}

}  // namespace certpolicy
