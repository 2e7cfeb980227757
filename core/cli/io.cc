// The CLI's reads and writes: bounded input, policy files, and answers whose
// write failures are noticed.
#include "cli/io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <nlohmann/json.hpp>

#include "engine.h"
#include "cli/review.h"

namespace certpolicy::cli {

bool read_bounded(std::FILE* in, size_t limit, std::string& out) {
  out.clear();
  out.reserve(limit + 1);  // address space only: pages are touched as they fill
  char buf[1 << 16];
  while (out.size() <= limit) {
    const size_t want = std::min(sizeof buf, limit + 1 - out.size());
    const size_t got = std::fread(buf, 1, want, in);
    out.append(buf, got);
    if (got < want) return !std::ferror(in);
  }
  return true;
}

// Opened first, then checked: the checks are on what was opened (fstat on the
// descriptor), so a path swapped between a check and the open cannot slip a
// FIFO or a device past them. O_NONBLOCK lets the open itself return at once
// on a FIFO with no writer (it would block without); the descriptor is made
// blocking again before a regular file is read.
bool read_policy_file(const char* path, std::string& out, std::string& why) {
  const int fd = ::open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    why = std::strerror(errno);
    return false;
  }
  struct stat st {};
  const bool stated = ::fstat(fd, &st) == 0;
  if (!stated || !S_ISREG(st.st_mode)) {
    why = stated ? "not a regular file" : std::strerror(errno);
    ::close(fd);
    return false;
  }
  const int flags = ::fcntl(fd, F_GETFL);
  std::FILE* f = flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0 ? nullptr : ::fdopen(fd, "rb");
  if (f == nullptr) {
    why = std::strerror(errno);
    ::close(fd);
    return false;
  }
  const bool ok = read_bounded(f, kMaxPolicyBytes, out);
  std::fclose(f);
  if (!ok) why = "read error";
  return ok;
}

std::string unreadable(const char* path, const std::string& why) {
  nlohmann::json e = {{"ok", false},
                      {"error",
                       {{"code", "INVALID_POLICY"},
                        {"detail", "UNREADABLE"},
                        {"expected", "a readable regular file"},
                        {"message", std::string("cannot read the policy file ") + path + ": " + why},
                        {"path", ""}}}};
  return e.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

int written(const std::string& text, int status) {
  const bool ok = std::fwrite(text.data(), 1, text.size(), stdout) == text.size() && std::fputc('\n', stdout) != EOF;
  if (std::fflush(stdout) == 0 && ok && !std::ferror(stdout)) return status;
  std::fprintf(stderr, "certpolicy: cannot write the answer: %s\n", std::strerror(errno));
  return kExitWrite;
}

std::unique_ptr<Engine> engine_from_file(const char* path, int& status) {
  std::string file, why, error;
  if (path != nullptr && !read_policy_file(path, file, why)) {
    status = written(unreadable(path, why), kExitUsage) == kExitWrite ? kExitWrite : kExitUsage;
    return nullptr;
  }
  // Read as the pages read the site's file: the same bytes, the same decoder.
  auto engine = path != nullptr ? Engine::publish(file, error) : Engine::create("", error);
  if (!engine) status = written(error, kExitPolicy) == kExitWrite ? kExitWrite : kExitPolicy;
  return engine;
}

std::string value_text(const nlohmann::json& v) {
  if (v.is_null()) return "(absent)";
  if (v.is_object()) {
    std::string out = "{";
    size_t n = 0;
    for (const auto& [key, value] : v.items()) {
      if (n++ == 4) {
        out += ", …";
        break;
      }
      out += (n > 1 ? ", " : "") + key;
    }
    return out + "}";
  }
  if (v.is_array()) {
    const bool scalars = std::all_of(v.begin(), v.end(), [](const nlohmann::json& e) { return !e.is_structured(); });
    if (!scalars || v.size() > 6) return "[" + std::to_string(v.size()) + (v.size() == 1 ? " item]" : " items]");
    std::string out = "[";
    for (size_t k = 0; k < v.size(); ++k) out += (k ? ", " : "") + (v[k].is_string() ? v[k].get<std::string>() : v[k].dump());
    return out + "]";
  }
  return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string key_text(const TouchedKey& k) {
  const bool lists = k.before.is_array() && k.after.is_array() && (k.before.size() > 6 || k.after.size() > 6);
  if (!lists) return k.path + ": " + value_text(k.before) + " -> " + value_text(k.after);
  auto missing_from = [](const nlohmann::json& a, const nlohmann::json& b) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : a) {
      if (std::find(b.begin(), b.end(), e) == b.end()) out.push_back(e);
    }
    return out;
  };
  const nlohmann::json added = missing_from(k.after, k.before), removed = missing_from(k.before, k.after);
  std::string out = k.path + ":";
  if (!added.empty()) out += " +" + value_text(added);
  if (!removed.empty()) out += " -" + value_text(removed);
  return out + " (" + std::to_string(k.before.size()) + " -> " + std::to_string(k.after.size()) + " items)";
}

std::optional<Instant> at_arg(const char* text) {
  auto r = parse_instant(text);
  return r ? r.value : std::nullopt;
}

Instant clock_now() { return Instant(std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now())); }

std::set<std::string> list_arg(const char* text) {
  std::set<std::string> out;
  std::string item;
  for (const char* c = text;; ++c) {
    if (*c == ',' || *c == '\0') {
      if (!item.empty()) out.insert(item);
      item.clear();
      if (*c == '\0') break;
    } else if (*c != ' ') {
      item += *c;
    }
  }
  return out;
}

}  // namespace certpolicy::cli
