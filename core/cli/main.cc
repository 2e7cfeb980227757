// certpolicy — the native command line: reads a request (or a batch) and a
// policy file with bounded memory, answers with the engine's JSON, and says
// by its exit status whether the answer was written.
//
//   certpolicy eval [--policy FILE] < request.json
//     A request object on stdin → its result on stdout; an array of requests
//     → an array of results. The bytes are those of the WebAssembly
//     `evaluateJson` for the same input, followed by one newline.
//   certpolicy version
//
// Exit status: 0 an answer was written (a refused request is an answer too);
// 1 the policy was refused (its INVALID_POLICY envelope on stdout); 2 usage,
// or the policy file cannot be read (an INVALID_POLICY envelope with detail
// UNREADABLE on stdout); 3 the answer could not be written (stdout closed
// or full).
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

#include "engine.h"

namespace {

constexpr int kExitPolicy = 1, kExitUsage = 2, kExitWrite = 3;

// Reads at most `limit` + 1 bytes: enough for the engine to refuse a text
// over its limit (TOO_LARGE) without holding the rest of it.
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

// The policy file's text, or why it cannot be read.
bool read_policy_file(const char* path, std::string& out, std::string& why) {
  struct stat st {};
  if (::stat(path, &st) != 0) {
    why = std::strerror(errno);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    why = "not a regular file";
    return false;
  }
  std::FILE* f = std::fopen(path, "rb");
  if (f == nullptr) {
    why = std::strerror(errno);
    return false;
  }
  const bool ok = read_bounded(f, certpolicy::kMaxPolicyBytes, out);
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

// Writes the answer and a newline; false when stdout did not take it all.
bool write_answer(const std::string& text) {
  const bool ok = std::fwrite(text.data(), 1, text.size(), stdout) == text.size() && std::fputc('\n', stdout) != EOF;
  return std::fflush(stdout) == 0 && ok && !std::ferror(stdout);
}

int written(const std::string& text, int status) {
  if (write_answer(text)) return status;
  std::fprintf(stderr, "certpolicy: cannot write the answer: %s\n", std::strerror(errno));
  return kExitWrite;
}

int usage() {
  std::fputs("usage: certpolicy eval [--policy FILE] < request.json\n       certpolicy version\n", stderr);
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  const std::string command = argv[1];
  if (command != "eval" && command != "version") return usage();
  std::string patch;
  for (int k = 2; k < argc; ++k) {
    if (std::strcmp(argv[k], "--policy") != 0 || k + 1 >= argc) return usage();
    std::string why;
    if (!read_policy_file(argv[++k], patch, why)) {
      const int status = written(unreadable(argv[k], why), kExitUsage);
      return status == kExitWrite ? kExitWrite : kExitUsage;
    }
  }
  std::string error;
  auto engine = certpolicy::Engine::create(patch, error);
  if (!engine) return written(error, kExitPolicy);
  if (command == "version") return written("policy " + engine->policy_version(), 0);

  std::string input;
  if (!read_bounded(stdin, certpolicy::kMaxBatchBytes, input)) {
    std::fputs("certpolicy: cannot read standard input\n", stderr);
    return kExitUsage;
  }
  const size_t first = input.find_first_not_of(" \t\r\n");
  const bool batch = first != std::string::npos && input[first] == '[';
  return written(batch ? engine->evaluate_many(input) : engine->evaluate(input), 0);
}
