// Runs every case file of tests/cases through the JSON entry point.
// Test names are the rule ID and the case name, e.g. EXO_4/at_exact_deadline;
// tests/node/cases.test.mjs runs the same files through the wasm package.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "engine.h"
#include "json_match.h"

namespace {

using nlohmann::json;

struct Case {
  std::string file;
  std::string rule;
  std::string name;
  std::string policy;  // merge patch text, "" for the default
  std::string text;  // the request as sent
  json expect;
};

std::vector<Case> load_cases() {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(CERTPOLICY_CASES_DIR)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Case> cases;
  for (const auto& path : files) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    certpolicy::cli::CaseFile file;
    std::string why;
    EXPECT_TRUE(certpolicy::cli::read_case_file(text.str(), file, why)) << path << ": " << why;
    for (auto& c : file.cases) {
      cases.push_back({path.filename().string(), c.rule, c.name, file.policy, c.text, c.expect});
    }
  }
  return cases;
}

const certpolicy::Engine& engine_for(const std::string& policy) {
  static std::map<std::string, std::unique_ptr<certpolicy::Engine>> engines;
  auto& slot = engines[policy];
  if (!slot) {
    std::string error;
    slot = certpolicy::Engine::create(policy, error);
    EXPECT_TRUE(slot) << error;
  }
  return *slot;
}

// Printed as its name in failure messages instead of a byte dump.
void PrintTo(const Case& c, std::ostream* os) { *os << c.file << " / " << c.name; }

class CaseFile : public ::testing::TestWithParam<Case> {};

TEST_P(CaseFile, Decides) {
  const Case& c = GetParam();
  const auto& engine = engine_for(c.policy);
  json actual = json::parse(engine.evaluate(c.text));
  std::string mismatch = certpolicy::testing::json_mismatch(c.expect, actual);
  EXPECT_EQ(mismatch, "") << c.file << " / " << c.name << "\nrequest: " << c.text
                          << "\nresult:  " << actual.dump();
}

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  std::string s = info.param.rule + "/" + info.param.name;
  for (char& ch : s) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return s;
}

INSTANTIATE_TEST_SUITE_P(Rules, CaseFile, ::testing::ValuesIn(load_cases()), case_name);

}  // namespace
