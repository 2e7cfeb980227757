// certpolicy — the native command line.
//
//   certpolicy eval [--policy FILE] [--now INSTANT] < request.json
//     A request object on stdin → its result on stdout; an array of requests
//     → an array of results. FILE is the site's published policy file, read
//     as the pages read it; a request without `now` is decided at --now (else
//     this machine's clock), as a page open at that moment would. The bytes
//     are those of the WebAssembly `evaluateJson` for the same input and
//     moment, followed by one newline.
//   certpolicy policy check FILE [--json] [--strict]
//     Whether the pages would use the file, what it changes, warnings
//     (cli/policy_check.cc).
//   certpolicy policy diff OLD NEW [--from DATE] [--to DATE] [--requests FILE.ndjson]
//                          [--at INSTANT] [--allow-types T,…] [--allow-rules R,…] [--json]
//     The decisions that change between two policy files (cli/policy_diff.h).
//   certpolicy policy test POLICY CASES [--at INSTANT] [--json]
//     The cases of a case file decided with the policy file (cli/policy_cases.cc).
//   certpolicy version
//
// Exit status: 0 an answer was written (a refused request is an answer too);
// 1 the policy was refused (its INVALID_POLICY envelope on stdout); 2 usage,
// or a policy file cannot be read (an INVALID_POLICY envelope with detail
// UNREADABLE on stdout); 3 the answer could not be written (stdout closed
// or full; also when the reader went away early: SIGPIPE is ignored, so the
// write fails with EPIPE instead of killing the process with status 141); 4
// `policy diff` found a change outside its allow-lists, or `policy test` a
// case that does not match.
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>

#include "cli/io.h"
#include "cli/policy_commands.h"
#include "engine.h"

namespace {

using namespace certpolicy::cli;

int usage() {
  std::fputs(
      "usage: certpolicy eval [--policy FILE] [--now INSTANT] < request.json\n"
      "       certpolicy policy check FILE [--json] [--strict]\n"
      "       certpolicy policy diff OLD NEW [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--allow-types T,…] [--allow-rules R,…] [--json]\n"
      "       certpolicy policy diff OLD NEW --requests FILE.ndjson [--at INSTANT] [--allow-types T,…] [--allow-rules R,…] [--json]\n"
      "       certpolicy policy test POLICY CASES [--at INSTANT] [--json]\n"
      "       certpolicy version\n",
      stderr);
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is a write error (exit 3), not a kill
  if (argc < 2) return usage();
  const std::string command = argv[1];
  if (command == "policy") {
    if (argc >= 3 && std::strcmp(argv[2], "check") == 0) return policy_check(argc - 3, argv + 3);
    if (argc >= 3 && std::strcmp(argv[2], "diff") == 0) return policy_diff(argc - 3, argv + 3);
    if (argc >= 3 && std::strcmp(argv[2], "test") == 0) return policy_test(argc - 3, argv + 3);
    return usage();
  }
  if (command != "eval" && command != "version") return usage();
  const char* policy_file = nullptr;
  std::optional<certpolicy::Instant> now;
  for (int k = 2; k < argc; ++k) {
    if (std::strcmp(argv[k], "--policy") == 0 && k + 1 < argc) policy_file = argv[++k];
    else if (std::strcmp(argv[k], "--now") == 0 && k + 1 < argc && (now = at_arg(argv[k + 1]))) ++k;
    else return usage();
  }
  int status = 0;
  auto engine = engine_from_file(policy_file, status);
  if (!engine) return status;
  if (command == "version") return written("policy " + engine->policy_version(), 0);

  std::string input;
  if (!read_bounded(stdin, certpolicy::kMaxBatchBytes, input)) {
    std::fputs("certpolicy: cannot read standard input\n", stderr);
    return kExitUsage;
  }
  const size_t first = input.find_first_not_of(" \t\r\n");
  const bool batch = first != std::string::npos && input[first] == '[';
  const certpolicy::Instant at = now.value_or(clock_now());
  return written(batch ? engine->evaluate_many(input, at) : engine->evaluate(input, at), 0);
}
