// The `contacts` request: reads the account's phone and e-mail (state,
// value, security value) and answers rules/catalogue/contacts.h with each
// warning's sentence (NTF-1, NTF-2).
#include "requests/handlers.h"
#include "rules/catalogue/contacts.h"

namespace certpolicy {

namespace {

std::optional<ContactChannel> read_channel(const JsonIn& c, Issues& issues) {
  if (!read_object(c, issues)) return std::nullopt;
  auto state = read_enum(c["state"], issues, {"verified", "pending", "unbound"});
  if (!state) return std::nullopt;
  ContactChannel ch;
  ch.state = static_cast<ContactState>(*state);
  if (c["value"].present() || ch.state == ContactState::kVerified) {
    ch.value = read_string(c["value"], issues);
    if (!ch.value) return std::nullopt;
  }
  if (c["security_value"].present()) {
    ch.security_value = read_string(c["security_value"], issues);
    if (!ch.security_value) return std::nullopt;
  }
  return ch;
}

}  // namespace

std::optional<Outcome> handle_contacts(const JsonIn& req, const Context& ctx, Issues& issues) {
  JsonIn contacts = req["contacts"];
  if (!read_object(contacts, issues)) return std::nullopt;
  auto phone = read_channel(contacts["phone"], issues);
  auto email = phone ? read_channel(contacts["email"], issues) : std::nullopt;
  if (!email) return std::nullopt;
  ContactsDecision d = decide_contacts(*phone, *email);
  Outcome out;
  out.fields.root().object("channels").put("site", true).put("sms", d.sms).put("email", d.email);
  out.fields.root().object("shown").put("phone", *d.phone_shown).put("email", *d.email_shown);
  const Messages& messages = Messages::get();
  Fields::Array warnings = out.fields.root().array("warnings");
  for (const ContactWarning& w : d.warnings) {
    warnings.object()
        .put("code", w.code)
        .put("field", std::string("contacts.") + std::string(w.channel))
        .put("message", messages.reason(w.code, ctx.locale, out.fields));
  }
  out.reasons = d.reasons;
  return out;
}

}  // namespace certpolicy
