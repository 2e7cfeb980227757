// The CLI's reads and writes: bounded input, policy files, and answers whose
// write failures are noticed.
#include "io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <nlohmann/json.hpp>

#include "engine.h"

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
  std::string patch, why, error;
  if (path != nullptr && !read_policy_file(path, patch, why)) {
    status = written(unreadable(path, why), kExitUsage) == kExitWrite ? kExitWrite : kExitUsage;
    return nullptr;
  }
  auto engine = Engine::create(patch, error);
  if (!engine) status = written(error, kExitPolicy) == kExitWrite ? kExitWrite : kExitPolicy;
  return engine;
}

}  // namespace certpolicy::cli
