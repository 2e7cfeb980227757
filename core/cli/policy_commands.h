// `certpolicy policy check`, `diff` and `test`: what an operator runs before
// a policy file ships (docs/OPERATIONS.md).
#pragma once

namespace certpolicy::cli {

// policy check FILE [--json] [--strict]: argv holds the arguments after "check".
int policy_check(int argc, char** argv);
// policy diff OLD NEW … (cli/policy_diff.h).
int policy_diff(int argc, char** argv);
// policy test POLICY CASES [--at INSTANT] [--json] (cli/policy_cases.cc).
int policy_test(int argc, char** argv);

}  // namespace certpolicy::cli
