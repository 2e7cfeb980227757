// The `contacts` request: which channels will carry notices (NTF-1, NTF-2).
//
// NTF-1: a channel is verified (its value shown), pending (bound, not
// verified: "-" and 更换中) or unbound ("-"); only verified channels receive
// notices; in-site messages always do. NTF-2: the security phone/e-mail
// should equal the contact one.
#include "requests/handlers.h"

namespace certpolicy {

std::optional<Outcome> handle_contacts(const JsonIn& req, const Context& ctx, Issues& issues) {
  JsonIn contacts = req["contacts"];
  if (!read_object(contacts, issues)) return std::nullopt;
  Outcome out;
  Fields::Object channels = out.fields.root().object("channels");
  Fields::Object shown = out.fields.root().object("shown");
  channels.put("site", true);
  struct Warning {
    const char* field;
    const char* code;
    const char* rule;
  };
  std::vector<Warning> pending;
  struct Channel {
    const char* key;      // phone, email
    const char* channel;  // sms, email
    const char* pending_code;
    const char* unbound_code;
    const char* differs_code;
  } kChannels[] = {{"phone", "sms", "PHONE_PENDING", "PHONE_UNBOUND", "PHONE_SECURITY_DIFFERS"},
                   {"email", "email", "EMAIL_PENDING", "EMAIL_UNBOUND", "EMAIL_SECURITY_DIFFERS"}};
  for (const Channel& ch : kChannels) {
    JsonIn c = contacts[ch.key];
    if (!read_object(c, issues)) return std::nullopt;
    auto state = read_enum(c["state"], issues, {"verified", "pending", "unbound"});
    if (!state) return std::nullopt;
    std::optional<std::string> value, security;
    if (c["value"].present() || *state == 0) {
      value = read_string(c["value"], issues);
      if (!value) return std::nullopt;
    }
    if (c["security_value"].present()) {
      security = read_string(c["security_value"], issues);
      if (!security) return std::nullopt;
    }
    const bool verified = *state == 0;
    channels.put(ch.channel, verified);
    shown.put(ch.key, verified ? Value(*value) : Value("-"));
    if (*state == 1) pending.push_back({ch.key, ch.pending_code, "NTF-1"});
    if (*state == 2) pending.push_back({ch.key, ch.unbound_code, "NTF-1"});
    if (security && value && *security != *value) pending.push_back({ch.key, ch.differs_code, "NTF-2"});
  }
  const Messages& messages = Messages::get();
  Fields::Array warnings = out.fields.root().array("warnings");
  for (const Warning& w : pending) {
    warnings.object()
        .put("code", w.code)
        .put("field", std::string("contacts.") + w.field)
        .put("message", messages.reason(w.code, ctx.locale, out.fields));
    out.reasons.add(w.code, w.rule);
  }
  if (pending.empty()) out.reasons.add("ALL_CHANNELS_VERIFIED", "NTF-1");
  return out;
}

}  // namespace certpolicy
