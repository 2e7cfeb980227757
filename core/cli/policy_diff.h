// Decides what `certpolicy policy diff` reports: the decisions that differ
// between two policy files, over the boundary corpus of a date range or over
// requests replayed from a file, each decided with exactly what the pages
// would use at its moments; which keys differ; and which changes the
// allow-lists do not allow.
#pragma once

#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/answer_diff.h"
#include "cli/corpus.h"
#include "cli/review.h"
#include "engine.h"

namespace certpolicy::cli {

// What a CI run accepts: the request types and rules a change may touch
// (absent: any).
struct Allow {
  std::optional<std::set<std::string>> types, rules;
  bool allows(const std::string& type, const AnswerDiff& d) const;
};

// One kind of change (a type, the fields and reasons it changes) and its first example.
struct ChangeKind {
  std::string type;
  std::set<std::string> fields, added, removed, rules;
  std::size_t count = 0;
  std::string request;
  std::vector<FieldChange> changes;
};

struct DiffTally {
  std::size_t total = 0, changed = 0, disallowed = 0;
  std::map<std::string, std::size_t> total_by_type, changed_by_type, changed_by_rule;
  std::set<std::string> unattributed;  // changed fields no rule is known for
  std::map<std::string, ChangeKind> kinds;
  std::vector<std::string> kind_order;
  // Adds one request's answers; the difference when they are not the same decision.
  std::optional<AnswerDiff> add(const std::string& type, const std::string& request, std::string_view before,
                                std::string_view after, const Allow& allow, bool keep_kinds);
  // Adds one request whose answers were compared already (answer_change).
  void add(const std::string& type, const std::string& request, const std::optional<AnswerDiff>& change, const Allow& allow,
           bool keep_kinds);
};

struct DiffReport {
  DiffTally tally;
  std::vector<TouchedKey> keys;  // the policy keys that differ between the files
};

// The keys that differ between two files' policies (with and without their dated changes).
std::vector<TouchedKey> differing_keys(const Schedule& a, const Schedule& b);

// What the corpus of [from, to) is made from for two engines: every policy
// either can decide with, every dated change's instant.
CorpusInput corpus_input(const Engine& a, const Engine& b, CivilDate from, CivilDate to);

// Every request of the corpus of [from, to) under both engines; the requests
// are decided and compared on every core, and counted in the corpus's order.
// `batch`: the requests held and decided at a time (memory against threads'
// start-up); 0 counts as 1.
DiffReport diff_corpus(const Engine& a, const Engine& b, CivilDate from, CivilDate to, const Allow& allow,
                       std::size_t batch = 8192);

// `policy diff OLD NEW [--from DATE] [--to DATE] [--requests FILE.ndjson]
// [--at INSTANT] [--allow-types T,…] [--allow-rules R,…] [--json]`.
int policy_diff(int argc, char** argv);

}  // namespace certpolicy::cli
