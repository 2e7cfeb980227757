#include "messages.h"

#include <cstdio>

namespace certpolicy {

using json = nlohmann::json;

namespace {

const char* locale_key(Locale l) { return l == Locale::kEn ? "en" : "zh-CN"; }

const json* lookup(const json& root, std::string_view dotted) {
  const json* node = &root;
  while (!dotted.empty()) {
    size_t dot = dotted.find('.');
    std::string_view key = dotted.substr(0, dot);
    if (!node->is_object()) return nullptr;
    auto it = node->find(key);
    if (it == node->end()) return nullptr;
    node = &*it;
    dotted = dot == std::string_view::npos ? std::string_view{} : dotted.substr(dot + 1);
  }
  return node;
}

bool looks_like_instant(const std::string& s) {
  return s.size() >= 20 && s[4] == '-' && s[10] == 'T' && s[13] == ':';
}

}  // namespace

Messages::Messages() : doc_(json::parse(messages_text(), nullptr, false)) {
  if (!doc_.is_object()) return;
  for (const auto& [section, entries] : doc_.items()) {
    if (!entries.is_object()) continue;
    for (const auto& [code, entry] : entries.items()) {
      std::array<std::string, 2> t;
      for (Locale l : {Locale::kZhCN, Locale::kEn}) {
        auto it = entry.find(locale_key(l));
        if (it != entry.end() && it->is_string()) t[static_cast<int>(l)] = it->get<std::string>();
      }
      templates_.emplace(section + "/" + code, std::move(t));
    }
  }
}

const Messages& Messages::get() {
  static const Messages instance;
  return instance;
}

std::string Messages::word(std::string_view key, Locale locale) const {
  auto found = templates_.find("words/" + std::string(key));
  if (found == templates_.end() || found->second[static_cast<int>(locale)].empty()) return std::string(key);
  return found->second[static_cast<int>(locale)];
}

std::string Messages::render(std::string_view section, std::string_view code, Locale locale,
                             const json& fields) const {
  std::string key;
  key.reserve(section.size() + code.size() + 1);
  key.append(section).append("/").append(code);
  auto found = templates_.find(key);
  if (found == templates_.end() || found->second[static_cast<int>(locale)].empty()) return std::string(code);
  const std::string& tpl = found->second[static_cast<int>(locale)];

  std::string out;
  out.reserve(tpl.size() + 32);
  for (size_t k = 0; k < tpl.size(); ++k) {
    size_t open = tpl.find('{', k);
    size_t close = open == std::string::npos ? std::string::npos : tpl.find('}', open);
    if (close == std::string::npos) {
      out.append(tpl, k, std::string::npos);
      break;
    }
    out.append(tpl, k, open - k);
    k = open;
    std::string_view ph(tpl.data() + k + 1, close - k - 1);
    size_t bar = ph.find('|');
    std::string_view filter = bar == std::string_view::npos ? "" : ph.substr(bar + 1);
    // Looked up in the result, then in its `certificate` object (the
    // practitioner result nests the certificate's fields).
    const json* v = lookup(fields, ph.substr(0, bar));
    if (v == nullptr && fields.contains("certificate")) v = lookup(fields["certificate"], ph.substr(0, bar));
    if (v == nullptr || v->is_null()) {
      out += "—";
    } else if (filter == "yuan" && v->is_number_integer()) {
      auto fen = v->get<std::int64_t>();
      char buf[48];
      std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(fen / 100),
                    static_cast<long long>(fen % 100));
      out += word("yuan_prefix", locale);
      out += buf;
    } else if (v->is_string()) {
      const std::string& s = v->get_ref<const std::string&>();
      if (looks_like_instant(s)) {
        // 2026-11-30T10:00:00+08:00 → 2026-11-30 10:00 (seconds kept when not :00)
        size_t zone = s.find_first_of("+-Zz", 19);
        std::string clock = s.substr(11, (zone == std::string::npos ? s.size() : zone) - 11);
        if (clock.size() == 8 && clock.compare(5, 3, ":00") == 0) clock.resize(5);
        out += s.substr(0, 10);
        out.push_back(' ');
        out += clock;
        out += word("china_time", locale);
      } else {
        out += s;
      }
    } else {
      out += v->dump();
    }
    k = close;
  }
  return out;
}

std::string Messages::reason(std::string_view code, Locale locale, const json& fields) const {
  return render("reasons", code, locale, fields);
}

std::string Messages::field_error(std::string_view detail, std::string_view path,
                                  std::string_view expected, Locale locale) const {
  std::string out;
  if (!path.empty()) {
    out = std::string(path);
    out += locale == Locale::kEn ? ": " : "：";
  }
  out += render("errors", detail, locale, json::object());
  if (!expected.empty()) {
    out += " (";
    out += word("expected", locale);
    out += ' ';
    out += expected;
    out += ')';
  }
  return out;
}

}  // namespace certpolicy
