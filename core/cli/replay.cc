// Replays exported requests under two policy files, streaming: each changed
// request is written as it is found, with its line, its reference, the
// fields before and after, and its rules.
#include "cli/replay.h"

#include <cerrno>
#include <cstring>

#include "cli/io.h"
#include "json/raw_scan.h"

namespace certpolicy::cli {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

std::string_view trimmed(std::string_view s) {
  const std::size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string_view::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

// A JSON string's text without its quotes (escapes left as they are), or the raw value.
std::string_view unquoted(std::string_view v) {
  return v.size() >= 2 && v.front() == '"' && v.back() == '"' ? v.substr(1, v.size() - 2) : v;
}

std::string join(const std::set<std::string>& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : ", ") + x;
  return out;
}

// Writes to stdout; false once stdout fails.
bool put(const std::string& text) { return std::fwrite(text.data(), 1, text.size(), stdout) == text.size(); }

}  // namespace

Span member_span(std::string_view s, std::string_view key) {
  std::size_t k = s.find_first_not_of(" \t\r\n");
  if (k == std::string_view::npos || s[k] != '{') return {};
  ++k;
  while (k < s.size()) {
    k = s.find_first_not_of(" \t\r\n,", k);
    if (k == std::string_view::npos || s[k] != '"') return {};
    const std::size_t key_end = value_end(s, k);
    const bool match = s.substr(k + 1, key_end - k - 2) == key;
    k = s.find(':', key_end);
    if (k == std::string_view::npos) return {};
    k = s.find_first_not_of(" \t\r\n", k + 1);
    if (k == std::string_view::npos) return {};
    const std::size_t end = value_end(s, k);
    if (match) return {k, end};
    k = end;
  }
  return {};
}

int replay(const Engine& a, const Engine& b, const char* path, Instant at, const Allow& allow, bool as_json) {
  std::FILE* f = std::fopen(path, "rb");
  if (f == nullptr) return written(unreadable(path, std::strerror(errno)), kExitUsage);
  if (!as_json && !put("policy diff " + a.policy_version() + " -> " + b.policy_version() + ", replaying " + path + "\n")) return kExitWrite;
  DiffTally tally;
  std::size_t refused = 0, line_no = 0;
  TextOut before, after;
  std::string line, chunk(1 << 20, '\0');
  bool oversize = false, ok = true;
  // One line: decided by both, written when the decision differs.
  auto take = [&](std::string_view text) {
    ++line_no;
    text = trimmed(text);
    if (text.empty()) return;
    std::string_view request = text;
    std::string ref;
    if (const Span r = member_span(text, "request"); r.found()) {
      request = text.substr(r.start, r.end - r.start);
      if (const Span id = member_span(text, "ref"); id.found()) ref = unquoted(text.substr(id.start, id.end - id.start));
    }
    const Span t = member_span(request, "type");
    const std::string type = t.found() ? std::string(unquoted(request.substr(t.start, t.end - t.start))) : "(no type)";
    a.evaluate_into(request, before, at);
    b.evaluate_into(request, after, at);
    if (before.view().rfind("{\"error\"", 0) == 0) ++refused;
    auto d = tally.add(type, "", before.view(), after.view(), allow, false);
    if (!d) return;
    if (as_json) {
      ordered_json changes = ordered_json::array();
      for (const auto& c : d->fields) changes.push_back({{"path", c.path}, {"old", c.before}, {"new", c.after}});
      ordered_json item = {{"line", line_no}, {"ref", ref.empty() ? ordered_json(nullptr) : ordered_json(ref)}, {"type", type},
                           {"rules", d->rules}, {"changes", changes}, {"reasons_added", d->added}, {"reasons_removed", d->removed},
                           {"allowed", allow.allows(type, *d)}};
      ok = ok && put(item.dump(-1, ' ', false, json::error_handler_t::replace) + "\n");
      return;
    }
    std::string s = "line " + std::to_string(line_no) + (ref.empty() ? "" : " [" + ref + "]") + " " + type + " [" + join(d->rules) + "]" +
                    (allow.allows(type, *d) ? "" : " NOT ALLOWED") + "\n";
    for (const auto& c : d->fields) s += "    " + c.path + ": " + c.before.dump() + " -> " + c.after.dump() + "\n";
    if (!d->added.empty()) s += "    reasons + " + join(d->added) + "\n";
    if (!d->removed.empty()) s += "    reasons - " + join(d->removed) + "\n";
    ok = ok && put(s);
  };
  // Lines in pieces of 1 MiB; a line longer than a request may be is decided
  // on its first bytes (the engine refuses it as too large either way).
  while (ok) {
    const std::size_t got = std::fread(chunk.data(), 1, chunk.size(), f);
    if (got == 0) break;
    std::string_view piece(chunk.data(), got);
    for (std::size_t nl; (nl = piece.find('\n')) != std::string_view::npos; piece.remove_prefix(nl + 1)) {
      if (!oversize) line.append(piece.substr(0, nl));
      take(line);
      line.clear();
      oversize = false;
    }
    if (!oversize) line.append(piece);
    if (line.size() > kMaxRequestBytes) {
      line.resize(kMaxRequestBytes + 1);
      oversize = true;
    }
  }
  const bool read_error = std::ferror(f) != 0;
  std::fclose(f);
  if (ok && !line.empty()) take(line);
  if (read_error) {
    std::fprintf(stderr, "certpolicy: cannot read %s\n", path);
    return kExitUsage;
  }
  const int code = tally.disallowed > 0 ? kExitFound : 0;
  if (as_json) {
    ordered_json summary = {{"old_version", a.policy_version()}, {"new_version", b.policy_version()}, {"replayed", tally.total},
                            {"refused_by_old", refused}, {"changed", tally.changed}, {"by_type", tally.changed_by_type},
                            {"by_rule", tally.changed_by_rule}, {"unattributed_fields", tally.unattributed}, {"not_allowed", tally.disallowed}};
    return ok ? written(ordered_json{{"summary", summary}}.dump(), code) : kExitWrite;
  }
  std::string s = "replayed: " + std::to_string(tally.total) + " requests (" + std::to_string(refused) + " refused by the old policy)\n";
  if (tally.changed == 0) return ok ? written(s + "no decision changes", code) : kExitWrite;
  s += "changed: " + std::to_string(tally.changed) + " decisions\nby request type (changed of replayed):\n";
  for (const auto& [type, c] : tally.changed_by_type) s += "  " + type + ": " + std::to_string(c) + " of " + std::to_string(tally.total_by_type[type]) + "\n";
  s += "by rule:\n";
  for (const auto& [rule, c] : tally.changed_by_rule) s += "  " + rule + ": " + std::to_string(c) + "\n";
  if (tally.disallowed > 0) s += "not allowed: " + std::to_string(tally.disallowed) + " changed decisions are outside --allow-types / --allow-rules\n";
  s.pop_back();
  return ok ? written(s, code) : kExitWrite;
}

}  // namespace certpolicy::cli
