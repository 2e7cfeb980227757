// The `booking_form` request: reads the ProScheduler form's fields and the
// exam time, and answers the field errors (BKG-1 … BKG-3).
#include "requests/handlers.h"
#include "rules/exam/booking_form.h"

namespace certpolicy {

std::optional<Outcome> handle_booking_form(const JsonIn& req, const Context& ctx, Issues& issues) {
  auto exam_at = read_instant(req["exam_at"], issues);
  JsonIn form = req["form"];
  if (!exam_at || !read_object(form, issues)) return std::nullopt;
  BookingForm f;
  // Absent or empty text fields are form errors (REQUIRED), not request
  // errors: the page asks while the candidate is still typing.
  struct {
    const char* key;
    std::optional<std::string>* out;
  } texts[] = {{"id_type", &f.id_type},       {"id_number", &f.id_number}, {"surname", &f.surname},
               {"given_name", &f.given_name}, {"phone", &f.phone},         {"email", &f.email},
               {"email_confirm", &f.email_confirm}};
  for (auto& t : texts) {
    JsonIn v = form[t.key];
    if (!v.present()) continue;
    auto s = read_string(v, issues);
    if (!s) return std::nullopt;
    *t.out = std::move(*s);
  }
  JsonIn valid_until = form["id_valid_until"];
  if (valid_until.present() && !(valid_until.is(JsonKind::kString) && valid_until.string().empty())) {
    f.id_valid_until = read_date(valid_until, issues);
    if (!f.id_valid_until) return std::nullopt;
  }

  CivilDate exam_date = ctx.policy.zone.date_of(*exam_at);
  std::vector<FormError> errors = check_booking_form(f, exam_date, ctx.policy.booking_form);
  Outcome out;
  out.fields.root().put("valid", errors.empty()).put("exam_date", exam_date);
  const Messages& messages = Messages::get();
  // What a sentence names comes from the policy in force (a patched mobile
  // prefix is said as it is checked); made only when there is something to say.
  std::optional<Fields>& said = out.said;
  if (!errors.empty()) {
    const BookingFormPolicy& p = ctx.policy.booking_form;
    said.emplace();
    said->root().put("exam_date", exam_date);
    said->root().object("mobile").put("prefix", p.mobile_prefix).put("length", p.mobile_length);
    Fields::Object hk = said->root().object("hk_macao_permit");
    Fields::Array prefixes = hk.array("prefixes");
    for (char c : p.hk_macao_prefixes) prefixes.push(std::string_view(&c, 1));
    Fields::Array hk_counts = hk.array("digit_counts");
    for (int n : p.hk_macao_digit_counts) hk_counts.push(n);
    Fields::Array tw_counts = said->root().object("taiwan_permit").array("digit_counts");
    for (int n : p.taiwan_digit_counts) tw_counts.push(n);
  }
  Fields::Array list = out.fields.root().array("errors");
  for (const FormError& e : errors) {
    list.object()
        .put("field", e.field)
        .put("code", e.code)
        .put("rule", e.rule)
        .put("message", messages.reason(e.code, ctx.locale, *said));
    out.reasons.add(e.code, e.rule);
  }
  if (errors.empty()) out.reasons.add("FORM_VALID", "BKG-1");
  return out;
}

}  // namespace certpolicy
