// `certpolicy policy check` and `certpolicy policy diff`: what an operator
// runs before a policy ships (docs/OPERATIONS.md).
#pragma once

namespace certpolicy::cli {

// policy check FILE [--json]: argv holds the arguments after "check".
int policy_check(int argc, char** argv);
// policy diff OLD NEW [--from DATE] [--to DATE] [--json].
int policy_diff(int argc, char** argv);

}  // namespace certpolicy::cli
