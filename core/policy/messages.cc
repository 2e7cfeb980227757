// The sentences: templates in zh-CN and en (zh-Hant derived at load),
// rendered into an answer with their placeholders.
#include "policy/messages.h"

#include "json/json_in.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <functional>

namespace certpolicy {

namespace {

// messages.json's name of each Locale, by its value.
constexpr const char* kLocaleKeys[kLocaleCount] = {"zh-CN", "en", "zh-Hant"};
// The key of a name in each Locale, in a result's {zh, zh_hant, en} names.
constexpr const char* kNameKeys[kLocaleCount] = {".zh", ".en", ".zh_hant"};

// A zh-Hant sentence that messages.json does not write out is its zh-CN one
// with every character of "zh_hant_chars" replaced: pairs of 3-byte UTF-8
// characters, Simplified then Traditional (so a Simplified one starts at a
// multiple of 6). tests/i18n/zh_hant.mjs derives the pairs with OpenCC and
// checks that this gives OpenCC's own text for every sentence. A third
// written copy of every sentence cost 2.3 KB gzip of the .wasm, the pairs
// 0.65 KB; a lookup table cost more code than it saved (docs/DESIGN.md).
//   to_traditional("订单已退款", "单單订訂") == "訂單已退款"
std::string to_traditional(std::string_view text, std::string_view pairs) {
  std::string out;
  out.reserve(text.size());
  // Only 3-byte characters have pairs; every other byte is copied as it is
  // (a continuation byte never looks like a 3-byte lead).
  for (size_t k = 0; k < text.size();) {
    const auto lead = static_cast<unsigned char>(text[k]);
    if ((lead >> 4) != 0xE || k + 3 > text.size()) {
      out += text[k++];
      continue;
    }
    const std::string_view ch = text.substr(k, 3);
    std::string_view to = ch;
    for (size_t at = pairs.find(ch); at != std::string_view::npos; at = pairs.find(ch, at + 1)) {
      if (at % 6 == 0 && at + 6 <= pairs.size()) {
        to = pairs.substr(at + 3, 3);
        break;
      }
    }
    out += to;
    k += 3;
  }
  return out;
}

// Traditional vocabulary after Traditional characters: at each position the
// first phrase of "zh_hant_phrases" ([from, to] pairs, longest first) that
// starts there is replaced, in one pass (a replacement is never replaced
// again; tests/i18n/zh_hant_vocabulary.json is their source).
//   with_phrases("請登錄", {{"登錄", "登入"}}) == "請登入"
std::string with_phrases(std::string_view text, const std::vector<std::pair<std::string_view, std::string_view>>& phrases) {
  std::string out;
  out.reserve(text.size());
  for (size_t k = 0; k < text.size();) {
    size_t p = 0;
    while (p < phrases.size() && text.substr(k, phrases[p].first.size()) != phrases[p].first) ++p;
    if (p < phrases.size()) {
      out += phrases[p].second;
      k += phrases[p].first.size();
    } else {
      out += text[k++];
    }
  }
  return out;
}

// The marks of a template's placeholders (Messages::Form).
std::vector<std::uint32_t> placeholders(std::string_view tpl) {
  std::vector<std::uint32_t> marks;
  for (size_t open = tpl.find('{'), close; (close = tpl.find('}', open)) != std::string_view::npos;
       open = tpl.find('{', close)) {
    const size_t bar = std::min(tpl.find('|', open), close);
    marks.insert(marks.end(), {static_cast<std::uint32_t>(open), static_cast<std::uint32_t>(bar),
                               static_cast<std::uint32_t>(close)});
  }
  return marks;
}

}  // namespace

Messages::Messages() {
  // Read with the same flat parser as requests (no second JSON parser to
  // compile when a page starts). The keys below are views of doc_'s pool,
  // which never changes after this.
  if (!doc_.parse(messages_text()) || doc_.kind(doc_.root()) != JsonKind::kObject) return;
  JsonDoc::Ref pairs = doc_.find(doc_.root(), "zh_hant_chars");
  hant_chars_ = pairs != JsonDoc::kNone && doc_.kind(pairs) == JsonKind::kString ? doc_.string(pairs) : "";
  const std::string_view hant = hant_chars_;
  std::vector<std::pair<std::string_view, std::string_view>> phrases;
  JsonDoc::Ref list = doc_.find(doc_.root(), "zh_hant_phrases");
  for (size_t k = 0; list != JsonDoc::kNone && k < doc_.size(list); ++k) {
    JsonDoc::Ref from = doc_.element(doc_.element(list, k), 0), to = doc_.element(doc_.element(list, k), 1);
    if (from != JsonDoc::kNone && to != JsonDoc::kNone && doc_.kind(from) == JsonKind::kString && doc_.kind(to) == JsonKind::kString) {
      phrases.emplace_back(doc_.string(from), doc_.string(to));
    }
  }
  for (auto [name, section] : {std::pair{"reasons", &reasons_}, {"errors", &errors_}, {"words", &words_}}) {
    JsonDoc::Ref entries = doc_.find(doc_.root(), name);
    if (entries == JsonDoc::kNone || doc_.kind(entries) != JsonKind::kObject) continue;
    for (const auto& [code, entry] : doc_.members(entries)) {
      if (doc_.kind(entry) != JsonKind::kObject) continue;
      Templates t;
      for (Locale l : kLocales) {
        const auto i = static_cast<int>(l);
        JsonDoc::Ref text = doc_.find(entry, kLocaleKeys[i]);
        if (text != JsonDoc::kNone && doc_.kind(text) == JsonKind::kString) {
          t[i].text = std::string(doc_.string(text));
        } else if (l == Locale::kZhHant) {
          t[i].text = with_phrases(to_traditional(t[0].text, hant), phrases);  // kLocales lists zh-CN first
        }
        t[i].marks = placeholders(t[i].text);
      }
      section->add(code, std::move(t));  // members() gives each code once
    }
  }
  for (Section* section : {&reasons_, &errors_, &words_}) section->seal();
  for (Locale l : kLocales) {
    units_[static_cast<int>(l)] = {word("china_time", l), word("yuan_prefix", l), word("utc_open", l), word("utc_close", l)};
  }
}

std::string Messages::traditional(std::string_view zh_cn) const { return to_traditional(zh_cn, hant_chars_); }

void Messages::Section::seal() {
  std::size_t size = 8;
  while (size < 2 * entries_.size()) size *= 2;
  slots_.assign(size, 0);
  mask_ = static_cast<std::uint32_t>(size - 1);
  for (std::size_t k = 0; k < entries_.size(); ++k) {
    auto i = static_cast<std::uint32_t>(std::hash<std::string_view>{}(entries_[k].first)) & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = static_cast<std::uint32_t>(k + 1);
  }
}

const Messages::Templates* Messages::Section::find(std::string_view code) const {
  if (slots_.empty()) return nullptr;
  for (auto i = static_cast<std::uint32_t>(std::hash<std::string_view>{}(code)) & mask_;; i = (i + 1) & mask_) {
    const std::uint32_t s = slots_[i];
    if (s == 0) return nullptr;
    if (same_text(entries_[s - 1].first, code)) return &entries_[s - 1].second;
  }
}

const Messages& Messages::get() {
  static const Messages instance;
  return instance;
}

std::string_view Messages::word(std::string_view key, Locale locale) const {
  const Templates* t = words_.find(key);
  if (t == nullptr || (*t)[static_cast<int>(locale)].text.empty()) return key;
  return (*t)[static_cast<int>(locale)].text;
}

void Messages::render(TextOut& out, bool json, const Section& section, std::string_view code, Locale locale,
                      const Fields& fields) const {
  auto put = [&](std::string_view s) {
    if (json) write_json_chars(s, out);
    else out += s;
  };
  const Templates* t = section.find(code);
  const auto i = static_cast<int>(locale);
  if (t == nullptr || (*t)[i].text.empty()) {
    put(code);
    return;
  }
  const Units& units = units_[i];
  const Form& form = (*t)[i];
  const std::string_view tpl = form.text;
  size_t k = 0;  // the text up to the next placeholder (and after the last)
  for (size_t m = 0; m < form.marks.size(); m += 3) {
    const std::uint32_t open = form.marks[m], bar = form.marks[m + 1], close = form.marks[m + 2];
    put(tpl.substr(k, open - k));
    k = close + 1;
    std::string_view name = tpl.substr(open + 1, bar - open - 1);
    const std::string_view filter = tpl.substr(bar, close - bar);
    const bool yuan = same_text(filter, "|yuan");
    const bool any = same_text(filter, "|or");
    // |word: a value said in words of the "words" section (a code's state, an action).
    const bool in_words = same_text(filter, "|word");
    // |local: a name given in every language ({…name|local} reads
    // …name.zh, …name.zh_hant or …name.en, the sentence's own).
    std::string local;
    if (same_text(filter, "|local")) {
      local.append(name).append(kNameKeys[i]);
      name = local;
    }
    // Looked up in the result, then in its `certificate` object (the
    // practitioner result nests the certificate's fields).
    Fields::Ref v = fields.find(name);
    if (v == Fields::kNone) {
      Fields::Ref cert = fields.find("certificate");
      if (cert != Fields::kNone) v = fields.find(name, cert);
    }
    if (same_text(filter, "|s")) {
      // |s: English's plural ending for the count named: "" for 1 (or -1), else "s"
      // ("{days_left} day{days_left|s} left": "1 day left", "2 days left").
      const bool one = v != Fields::kNone && fields.kind(v) == Fields::Kind::kInt &&
                       (fields.int_value(v) == 1 || fields.int_value(v) == -1);
      if (!one) put("s");
    } else if (v == Fields::kNone || fields.kind(v) == Fields::Kind::kNull) {
      put("—");
    } else if (any && fields.kind(v) == Fields::Kind::kArray) {
      // A list as words: "H or M", "8、10 或 12" (text or integers).
      size_t count = 0, n = 0;
      fields.for_each_sorted(v, [&](Fields::Ref) { ++count; });
      fields.for_each_sorted(v, [&](Fields::Ref item) {
        if (n > 0) put(word(++n == count ? "list_or" : "list_sep", locale));
        else ++n;
        char digits[24];
        put(fields.kind(item) == Fields::Kind::kString
                ? fields.string(item)
                : std::string_view(digits, static_cast<size_t>(std::to_chars(digits, digits + sizeof digits, fields.int_value(item)).ptr - digits)));
      });
    } else if (yuan && fields.kind(v) == Fields::Kind::kInt) {
      std::int64_t fen = fields.int_value(v);
      char buf[48];
      int n = std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(fen / 100),
                            static_cast<long long>(fen % 100));
      put(units.yuan_prefix);
      put(std::string_view(buf, static_cast<size_t>(n)));  // digits
    } else if (fields.kind(v) == Fields::Kind::kInstant) {
      // As the result writes an instant (FixedZone::put, RFC 3339 with its
      // offset): 2026-11-30T10:00:00+08:00 → 2026-11-30 10:00 (seconds kept when not :00).
      const std::string_view s = fields.string(v);
      const size_t zone = s.find_first_of("+-Zz", 19);
      std::string_view clock = s.substr(11, (zone == std::string_view::npos ? s.size() : zone) - 11);
      if (clock.size() == 8 && clock.substr(5, 3) == ":00") clock = clock.substr(0, 5);
      // A day's last moment (a deadline "on that day, inclusive") is said as
      // the day's end: 2027-03-01T23:59:59.999 → 2027-03-01 24:00.
      if (same_text(clock, "23:59:59.999")) clock = "24:00";
      put(s.substr(0, 10));
      put(" ");
      put(clock);
      // +08:00 is China time; a policy in another zone names its offset
      // (the sentence must not say China time for 10:00 UTC).
      const std::string_view offset = zone == std::string_view::npos ? std::string_view() : s.substr(zone);
      if (offset == "+08:00") {
        put(units.china_time);
      } else {
        put(units.utc_open);
        put(offset == "+00:00" || offset == "Z" ? std::string_view() : offset);
        put(units.utc_close);
      }
    } else if (fields.kind(v) == Fields::Kind::kString) {
      const std::string_view s = fields.string(v);
      put(in_words ? word(s, locale) : s);
    } else if (fields.kind(v) == Fields::Kind::kDate) {
      put(fields.string(v));
    } else {
      TextOut text;  // a number, boolean or list, as JSON text
      fields.write(v, text);
      put(text.view());
    }
  }
  put(tpl.substr(k));
}

void Messages::write_reason_json(TextOut& out, std::string_view code, Locale locale, const Fields& fields) const {
  out.push_back('"');
  render(out, true, reasons_, code, locale, fields);
  out.push_back('"');
}

std::string Messages::reason(std::string_view code, Locale locale, const Fields& fields) const {
  TextOut out;
  render(out, false, reasons_, code, locale, fields);
  return std::string(out.view());
}

std::string Messages::field_error(const FieldIssue& issue, Locale locale) const {
  static const Fields kNoFields;
  TextOut out;
  if (!issue.path.empty()) {
    out += issue.path;
    out += locale == Locale::kEn ? ": " : "：";
  }
  render(out, false, errors_, issue.detail, locale, kNoFields);
  if (!issue.expected.empty()) {
    out += " (";
    out += word(issue.suggestion ? "did_you_mean" : "expected", locale);
    out.push_back(' ');
    out += issue.expected;
    if (issue.suggestion) out += locale == Locale::kEn ? "?" : "？";
    out.push_back(')');
  }
  return std::string(out.view());
}

}  // namespace certpolicy
