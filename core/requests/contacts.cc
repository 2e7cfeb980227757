// The `contacts` request: reads the account's phone and e-mail (state,
// value, security value) and answers rules/catalogue/contacts.h with each
// warning's sentence (NTF-1, NTF-2).
#include "requests/handlers.h"
#include "rules/catalogue/contacts.h"

namespace certpolicy {

namespace {

// The channel's texts are views of `texts`, which the caller keeps.
std::optional<ContactChannel> read_channel(const JsonIn& c, Issues& issues, std::string (&texts)[2]) {
  if (!read_object(c, issues)) return std::nullopt;
  auto state = read_enum<ContactState>(c["state"], issues);
  if (!state) return std::nullopt;
  ContactChannel ch;
  ch.state = *state;
  if (c["value"].present() || ch.state == ContactState::kVerified) {
    auto value = read_string(c["value"], issues);
    if (!value) return std::nullopt;
    texts[0] = std::move(*value);
    ch.value = texts[0];
  }
  if (c["security_value"].present()) {
    auto security = read_string(c["security_value"], issues);
    if (!security) return std::nullopt;
    texts[1] = std::move(*security);
    ch.security_value = texts[1];
  }
  return ch;
}

}  // namespace

std::optional<Outcome> handle_contacts(const JsonIn& req, const Context& ctx, Issues& issues) {
  JsonIn contacts = req["contacts"];
  if (!read_object(contacts, issues)) return std::nullopt;
  std::string phone_texts[2], email_texts[2];
  auto phone = read_channel(contacts["phone"], issues, phone_texts);
  auto email = read_channel(contacts["email"], issues, email_texts);
  if (!issues.ok()) return std::nullopt;
  ContactsDecision d = decide_contacts(*phone, *email);
  Outcome out;
  out.fields.root().object("channels").put("site", true).put("sms", d.sms).put("email", d.email);
  out.fields.root().object("shown").put("phone", d.phone_shown).put("email", d.email_shown);
  const Messages& messages = Messages::get();
  Fields::Array warnings = out.fields.root().array("warnings");
  for (size_t k = 0; k < d.warning_count; ++k) {
    const ContactWarning& w = d.warnings[k];
    warnings.object()
        .put("code", w.code)
        .put("field", std::string("contacts.") + std::string(w.channel))
        .put("message", messages.reason(w.code, ctx.locale, out.fields));
  }
  out.reasons = d.reasons;
  return out;
}

}  // namespace certpolicy
