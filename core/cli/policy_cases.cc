// `certpolicy policy test POLICY CASES [--at INSTANT] [--json]`: decides
// every case of a case file (the tests/cases format) with the published
// policy file, as the pages would, and says which answers do not match:
// what an operator pins a change must and must not change. Exit 0 every
// case matches, 4 some do not, 1 the policy is refused, 2 usage or a case
// file that cannot be read.
#include <cstring>

#include "cli/case_file.h"
#include "cli/io.h"
#include "cli/policy_commands.h"
#include "engine.h"

namespace certpolicy::cli {

int policy_test(int argc, char** argv) {
  const char* files[2] = {nullptr, nullptr};
  bool as_json = false;
  std::optional<Instant> at;
  int n = 0;
  for (int k = 0; k < argc; ++k) {
    if (std::strcmp(argv[k], "--json") == 0) as_json = true;
    else if (std::strcmp(argv[k], "--at") == 0 && k + 1 < argc && (at = at_arg(argv[k + 1]))) ++k;
    else if (n < 2 && argv[k][0] != '-') files[n++] = argv[k];
    else n = 3;
  }
  if (n != 2) {
    std::fputs("usage: certpolicy policy test POLICY CASES [--at INSTANT] [--json]\n", stderr);
    return kExitUsage;
  }
  int status = 0;
  auto engine = engine_from_file(files[0], status);
  if (!engine) return status;
  std::FILE* f = std::fopen(files[1], "rb");
  std::string text, why;
  const bool read = f != nullptr && read_bounded(f, kMaxBatchBytes, text);
  if (f != nullptr) std::fclose(f);
  CaseFile cases;
  if (!read) why = "cannot read it";
  else if (!read_case_file(text, cases, why)) why = "not a case file: " + why;
  else if (cases.has_policy) why = "it has a \"policy\" of its own (the cases are decided with POLICY)";
  if (!why.empty()) {
    std::fprintf(stderr, "certpolicy: %s: %s\n", files[1], why.c_str());
    return kExitUsage;
  }
  const Instant moment = at.value_or(clock_now());
  nlohmann::ordered_json failed = nlohmann::ordered_json::array();
  std::string lines;
  for (const Case& c : cases.cases) {
    const std::string answer = engine->evaluate(c.text, moment);
    const std::string mismatch = json_mismatch(c.expect, nlohmann::json::parse(answer, nullptr, false));
    if (mismatch.empty()) continue;
    failed.push_back({{"rule", c.rule}, {"name", c.name}, {"mismatch", mismatch}, {"request", nlohmann::json::parse(c.text, nullptr, false)}});
    lines += "FAIL " + c.rule + " " + c.name + ": " + mismatch + "\n";
  }
  const size_t total = cases.cases.size(), bad = failed.size();
  const int code = bad > 0 ? kExitFound : 0;
  if (as_json) {
    nlohmann::ordered_json out = {{"ok", true}, {"version", engine->policy_version()}, {"cases", total}, {"passed", total - bad}, {"failed", failed}};
    return written(out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), code);
  }
  return written(lines + "policy " + engine->policy_version() + ": " + std::to_string(total) + " cases, " + std::to_string(total - bad) +
                     " passed, " + std::to_string(bad) + " failed",
                 code);
}

}  // namespace certpolicy::cli
