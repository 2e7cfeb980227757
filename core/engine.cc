// The entry point: request text → answer text (envelope, limits, the handler
// of the type, the sentences).
#include "engine.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>

#include "requests/handlers.h"
#include "json/json_out.h"
#include "json/raw_scan.h"
#include "policy/messages.h"

namespace certpolicy {

void write_error_envelope(TextOut& out, std::string_view code, const FieldIssue& issue, std::string_view message, SourceSpot spot) {
  out += "{\"error\":{\"code\":";
  write_json_string(code, out);
  auto number = [&](int n) { out += std::to_string(n); };
  if (spot.known()) {
    out += ",\"column\":";
    number(spot.column);
  }
  out += ",\"detail\":";
  write_json_string(issue.detail, out);
  out += ",\"expected\":";
  write_json_string(issue.expected, out);
  if (spot.known()) {
    out += ",\"line\":";
    number(spot.line);
  }
  out += ",\"message\":";
  write_json_string(message, out);
  out += ",\"path\":";
  write_json_string(issue.path, out);
  if (*issue.relation != '\0') {
    out += ",\"relation\":";
    write_json_string(issue.relation, out);
  }
  out += "},\"ok\":false}";
}

namespace {

using json = nlohmann::json;

// A request type: its handler, whether its `now` is optional (a type that
// decides no deadline; `now` then only says when the decision is made, which
// picks the policy of a file with dated changes), and where its order's
// payment instant is (the moment that picks the terms of an order).
struct TypeEntry {
  std::string_view name;
  Handler handler;
  bool now_optional = false;
  const char* paid_in = nullptr;  // the object holding `paid_at`
};

constexpr TypeEntry kTypes[] = {
    {"exam_order", &handle_exam_order, false, "order"},
    {"working_day", &handle_working_day, true},
    {"working_days", &handle_working_days, true},
    {"booking_form", &handle_booking_form, true},
    {"certificate", &handle_certificate},
    {"practitioner", &handle_practitioner, false, "purchase"},
    {"training", &handle_training, false, "enrolment"},
    {"purchase", &handle_purchase},
    {"contacts", &handle_contacts, true},
    {"exam_code", &handle_exam_code, false, "order"},
    {"exam_code_order", &handle_exam_code_order, false, "order"},
    {"certification", &handle_certification},
    {"catalogue", &handle_catalogue},
};

void write_failure(std::string_view code, const FieldIssue& issue, Locale locale, TextOut& out) {
  write_error_envelope(out, code, issue, Messages::get().field_error(issue, locale));
}

// The size limit; false and the issue if the text is over it.
bool within_size(std::string_view text, size_t max_bytes, Issues& issues) {
  if (text.size() <= max_bytes) return true;
  issues.fail("", detail_code::kTooLarge, "at most " + std::to_string(max_bytes) + " bytes");
  return false;
}

// Why a text that did not parse was refused: nested too deep (counted on the
// raw text, so a malformed text nested too deep is TOO_DEEP too), else malformed.
void refuse_unparsed(std::string_view text, int depth_limit, Issues& issues) {
  if (max_depth(text) > depth_limit) {
    issues.fail("", detail_code::kTooDeep, "at most " + std::to_string(depth_limit) + " levels");
  } else {
    issues.fail("", detail_code::kMalformedJson, "JSON");
  }
}

// Parses a text within the limits into `doc`; false and the issue on failure.
// The depth and the number of values are checked while parsing (the parse
// stops past either); the raw text is scanned only when the parse failed.
bool parse_limited(std::string_view text, size_t max_bytes, int depth_limit, size_t max_values, JsonDoc& doc,
                   Issues& issues) {
  if (!within_size(text, max_bytes, issues)) return false;
  if (doc.parse(text, static_cast<size_t>(depth_limit), max_values)) return true;
  if (doc.too_many()) {
    issues.fail("", detail_code::kTooLarge, "at most " + std::to_string(max_values) + " values (split the batch)");
    return false;
  }
  refuse_unparsed(text, depth_limit, issues);
  return false;
}

// A Chinese tag naming Traditional script, or a region that writes it
// without naming Simplified: zh-Hant, zh-Hant-CN, zh-TW, zh-HK, zh-MO (any
// case, - or _). zh, zh-CN, zh-Hans, zh-Hans-HK, zh-SG read as Simplified.
bool is_traditional_chinese(std::string_view tag) {
  auto is = [](std::string_view part, std::string_view word) {
    return part.size() == word.size() &&
           std::equal(part.begin(), part.end(), word.begin(), [](char a, char b) { return (a | 0x20) == b; });
  };
  bool region = false;
  for (size_t at = tag.find_first_of("-_"); at != std::string_view::npos; at = tag.find_first_of("-_", at + 1)) {
    std::string_view rest = tag.substr(at + 1);
    std::string_view part = rest.substr(0, rest.find_first_of("-_"));
    if (is(part, "hant")) return true;
    if (is(part, "hans")) return false;
    region = region || is(part, "tw") || is(part, "hk") || is(part, "mo");
  }
  return region;
}

constexpr size_t kMaxLocaleBytes = 35;

// The locale a tag names: en… → en; zh… → zh-CN or zh-Hant (above); nullopt
// for any other tag.
std::optional<Locale> locale_of_tag(std::string_view tag) {
  if (tag.rfind("zh", 0) == 0) return is_traditional_chinese(tag) ? Locale::kZhHant : Locale::kZhCN;
  if (tag.rfind("en", 0) == 0) return Locale::kEn;
  return std::nullopt;
}

std::optional<Locale> read_locale(const JsonIn& in, Issues& issues) {
  if (!in.present()) return Locale::kZhCN;
  auto s = read_string(in, issues, kMaxLocaleBytes);
  if (!s) return std::nullopt;
  if (auto locale = locale_of_tag(*s)) return locale;
  issues.fail(in.path(), detail_code::kUnknownValue, "one of zh-CN zh-Hant en");
  return std::nullopt;
}

// The locale a request's text names, read without parsing it (for a text
// refused before it is read): its top-level "locale" member, a tag read as
// above, within the first kMaxRequestBytes + 1 bytes (what every caller
// passes of an over-long text, so that the CLI and the package agree); zh-CN
// when there is none.
Locale locale_in_text(std::string_view request_text) {
  auto tag = member_string(request_text.substr(0, kMaxRequestBytes + 1), "locale");
  if (!tag || tag->size() > kMaxLocaleBytes) return Locale::kZhCN;
  return locale_of_tag(*tag).value_or(Locale::kZhCN);
}

// A text refused as a whole, before it is decided: a refusal for a limit
// (its size, its number of values or requests, its depth, its answers) is
// said in `locale`, the one its (first) request names; any other (not JSON,
// not an array) in zh-CN, since nothing in such a text can be trusted.
void write_text_refusal(const FieldIssue& issue, Locale locale, TextOut& out) {
  const bool limit = issue.detail == detail_code::kTooLarge || issue.detail == detail_code::kTooMany ||
                     issue.detail == detail_code::kTooDeep;
  write_failure("INVALID_REQUEST", issue, limit ? locale : Locale::kZhCN, out);
}

void fail_too_many_requests(Issues& issues) {
  issues.fail("", detail_code::kTooMany, "at most " + std::to_string(kMaxBatchItems) + " requests");
}

// A reason or the next step: {"code","message","rule"}, its sentence
// rendered from the answer's own fields.
void write_reason(const Reason& r, Locale locale, const Fields& fields, TextOut& out) {
  out += "{\"code\":";
  write_json_string(r.code, out);
  out += ",\"message\":";
  Messages::get().write_reason_json(out, r.code, locale, fields);
  out += ",\"rule\":";
  write_json_string(r.rule, out);
  out.push_back('}');
}

// What an answer says besides its handler's fields.
struct Envelope {
  const Outcome& outcome;
  std::string_view type;
  std::string_view policy_version;  // the policy decided with, so a server can re-check the decision
  Locale locale;
};

// The envelope's members in key order; `advice`: only in answers of request
// types that advise (exam_order), there also when null.
struct EnvelopeMember {
  std::string_view key;
  void (*write)(const Envelope&, TextOut&);
  bool advice = false;
};
constexpr EnvelopeMember kEnvelope[] = {
    {"next_step",
     [](const Envelope& e, TextOut& out) {
       if (e.outcome.next_step) write_reason(*e.outcome.next_step, e.locale, e.outcome.fields, out);
       else out += "null";
     },
     true},
    {"ok", [](const Envelope&, TextOut& out) { out += "true"; }},
    {"policy_version", [](const Envelope& e, TextOut& out) { write_json_string(e.policy_version, out); }},
    {"reasons",
     [](const Envelope& e, TextOut& out) {
       out.push_back('[');
       for (const Reason& r : e.outcome.reasons) {
         if (&r != e.outcome.reasons.begin()) out.push_back(',');
         // The reasons' sentences read what the handler said they read (the
         // booking form's words name the policy's formats), else its fields.
         write_reason(r, e.locale, e.outcome.said ? *e.outcome.said : e.outcome.fields, out);
       }
       out.push_back(']');
     }},
    {"type", [](const Envelope& e, TextOut& out) { write_json_string(e.type, out); }},
};

}  // namespace

std::unique_ptr<Engine> Engine::create(std::string_view policy_patch, std::string& error) {
  // The default policy is immutable: every engine without a patch shares the
  // one read first (creating such an engine then costs no parse; 0.5 ms each
  // before, which a page re-creating engines paid every time).
  return from(policy_patch.empty() ? Schedule::builtin() : read(policy_patch, PolicyMode::kPatch, error), error);
}

std::unique_ptr<Engine> Engine::publish(std::string_view file, std::string& error) {
  return from(read(file, PolicyMode::kPublished, error), error);
}

std::unique_ptr<Engine> Engine::from(std::shared_ptr<const Schedule> schedule, const std::string& error) {
  if (!schedule || !error.empty()) return nullptr;
  return std::unique_ptr<Engine>(new Engine(std::move(schedule)));
}

std::shared_ptr<const Schedule> Engine::read(std::string_view text, PolicyMode mode, std::string& error) {
  return read_policy(text, mode, error);
}

const Policy* Engine::policy_for(const JsonIn& req, bool now_optional, const char* paid_in, std::optional<Instant> at,
                                 Issues& issues) const {
  // A type that decides no deadline takes `now` too: when the decision is made.
  if (now_optional && req["now"].present()) {
    at = read_instant(req["now"], issues);
    if (!at) return nullptr;
  }
  if (!schedule_->dated()) return &schedule_->first();
  // The moments that pick the policy: read here without reporting (the
  // handler reports a bad `now` or `paid_at` with its path).
  Issues quiet;
  if (!now_optional) {
    if (auto now = read_instant(req["now"], quiet)) at = now;
  }
  if (!at) {
    issues.fail("now", detail_code::kMissing, "rfc3339_instant (the policy has dated changes: say when the decision is made)");
    return nullptr;
  }
  Instant paid = *at;
  if (paid_in != nullptr) {
    if (auto p = read_instant(req[paid_in]["paid_at"], quiet)) paid = *p;
  }
  return &schedule_->at(*at, paid);
}

void Engine::write_result(const JsonIn& req, TextOut& out, std::optional<Instant> at) const {
  Issues issues;
  auto fail = [&](std::string_view code, const FieldIssue& issue, Locale locale) {
    write_failure(code, issue, locale, out);
  };
  if (!read_object(req, issues)) return fail("INVALID_REQUEST", *issues.first(), Locale::kZhCN);
  auto locale = read_locale(req["locale"], issues);
  if (!locale) return fail("INVALID_REQUEST", *issues.first(), Locale::kZhCN);

  // A field missing because it was misspelled ("paidAt" for "paid_at", the
  // first mistake of a JavaScript developer; "typ" for "type"): the
  // misspelling is said first.
  auto refused = [&](const std::string_view code) {
    const FieldIssue& issue = *issues.first();
    if (issue.detail == detail_code::kMissing) {
      if (auto spelt = req.doc()->unread_spelling_of(req.ref(), issue.path)) {
        return fail("INVALID_REQUEST", FieldIssue{JsonIn(req.doc(), JsonDoc::kNone, spelt->path).path(),
                                                  detail_code::kUnknownField, spelt->closest, true}, *locale);
      }
    }
    return fail(code, issue, *locale);
  };

  JsonIn type_in = req["type"];
  auto type = read_string(type_in, issues, 64);
  if (!type) return refused("INVALID_REQUEST");
  const TypeEntry* entry = nullptr;
  for (const TypeEntry& t : kTypes) {
    if (t.name == *type) entry = &t;
  }
  if (entry == nullptr) {
    std::string expected = "one of";
    for (const TypeEntry& t : kTypes) expected.append(" ").append(t.name);
    return fail("UNKNOWN_TYPE", FieldIssue{"type", "UNKNOWN_TYPE", expected}, *locale);
  }

  const Policy* policy = policy_for(req, entry->now_optional, entry->paid_in, at, issues);
  if (policy == nullptr) return refused("INVALID_REQUEST");
  Context ctx{*policy, *locale};
  std::optional<Outcome> outcome = entry->handler(req, ctx, issues);
  if (!outcome) return refused("INVALID_REQUEST");
  if (!all_fields_known(req, issues)) return fail("INVALID_REQUEST", *issues.first(), *locale);

  // The envelope's members, merged with the handler's fields in key order.
  const Envelope envelope{*outcome, entry->name, schedule_->version(), *locale};
  const Fields& fields = outcome->fields;
  size_t next = 0;
  bool first = true;
  auto member = [&](std::string_view key) {
    if (!first) out.push_back(',');
    first = false;
    write_json_key(key, out);
  };
  auto envelope_before = [&](std::string_view key, bool all) {
    for (; next < std::size(kEnvelope) && (all || kEnvelope[next].key < key); ++next) {
      if (kEnvelope[next].advice && !outcome->has_next_step) continue;
      member(kEnvelope[next].key);
      kEnvelope[next].write(envelope, out);
    }
  };
  out.push_back('{');
  fields.for_each_sorted(0, [&](Fields::Ref m) {
    envelope_before(fields.key(m), false);
    member(fields.key(m));
    fields.write(m, out);
  });
  envelope_before({}, true);
  out.push_back('}');
}

std::string Engine::evaluate(std::string_view request_json, std::optional<Instant> at) const {
  TextOut out(2048);
  evaluate_into(request_json, out, at);
  return std::string(out.view());
}

std::string Engine::evaluate_many(std::string_view requests_json, std::optional<Instant> at) const {
  TextOut out;
  evaluate_many_into(requests_json, out, kMaxBatchAnswerBytes, at);
  return std::string(out.view());
}

void Engine::evaluate_into(std::string_view request_json, TextOut& out, std::optional<Instant> at) const {
  // One document per thread, reused: a request is at most 1 MiB, and the
  // document's buffers go back to their first size after each call.
  thread_local JsonDoc doc;
  Issues issues;
  out.clear();
  // (A request of at most 1 MiB holds at most half a million values.)
  if (!parse_limited(request_json, kMaxRequestBytes, kMaxDepth, SIZE_MAX, doc, issues)) {
    write_text_refusal(*issues.first(), locale_in_text(request_json), out);
  } else {
    write_result(JsonIn(&doc, doc.root(), ""), out, at);
  }
  doc.trim();
}

void Engine::evaluate_many_into(std::string_view requests_json, TextOut& out, size_t max_answer_bytes,
                                std::optional<Instant> at) const {
  Issues issues;
  JsonDoc doc;
  out.clear();
  if (parse_limited(requests_json, kMaxBatchBytes, kMaxDepth + 1, kMaxBatchValues, doc, issues)) {
    if (doc.kind(doc.root()) != JsonKind::kArray) issues.fail("", detail_code::kWrongType, "array");
    else if (doc.size(doc.root()) > kMaxBatchItems) fail_too_many_requests(issues);
  }
  // A batch refused as a whole is said in the locale its first request names.
  auto batch_locale = [&] { return locale_in_text(ArrayElements(requests_json).next()); };
  if (!issues.ok()) {
    write_text_refusal(*issues.first(), batch_locale(), out);
    return;
  }
  const size_t n = doc.size(doc.root());
  // A request over the one-request limit is refused as it would be alone
  // (TOO_LARGE, in its own locale), not decided: only a batch longer than
  // that limit can hold one, so only such a batch is walked for its
  // elements' extents (one pass over the bytes).
  std::optional<ArrayElements> texts;
  if (requests_json.size() > kMaxRequestBytes) texts.emplace(requests_json);
  // Room for typical answers at once (up to a start size; a refused batch
  // goes back to it).
  constexpr size_t kStart = size_t{64} << 20;
  out.reserve(std::min(n * 512 + 2, kStart));
  out.push_back('[');
  for (size_t k = 0; k < n; ++k) {
    if (k != 0) out.push_back(',');
    const std::string_view text = texts ? texts->next() : std::string_view();
    if (Issues alone; !within_size(text, kMaxRequestBytes, alone)) {
      write_text_refusal(*alone.first(), locale_in_text(text), out);
    } else {
      // Each request is answered as if it came alone: its paths start at its root.
      doc.forget_misses();
      write_result(JsonIn(&doc, doc.element(doc.root(), k), ""), out, at);
    }
    if (out.size() > max_answer_bytes) {
      out.release_above(kStart);
      issues.fail("", detail_code::kTooLarge,
                  "answers of at most " + std::to_string(max_answer_bytes) + " bytes (split the batch)");
      write_text_refusal(*issues.first(), batch_locale(), out);
      return;
    }
  }
  out.push_back(']');
}

void Engine::refuse_count(std::string_view locale_tag, TextOut& out) {
  Issues issues;
  fail_too_many_requests(issues);
  out.clear();
  const std::optional<Locale> locale = locale_tag.size() <= kMaxLocaleBytes ? locale_of_tag(locale_tag) : std::nullopt;
  write_text_refusal(*issues.first(), locale.value_or(Locale::kZhCN), out);
}

}  // namespace certpolicy
