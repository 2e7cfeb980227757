// Decides which policy decides a request: the built-in policy with the
// changes of a policy file that are in force at the request's moments.
//
// A file holds changes, each a JSON merge patch (RFC 7386) over the policy
// before it:
//   {"version": "2027-01",
//    "calendar": {...},                                   // in force at once
//    "changes": [{"id": "refund-3d", "effective_from": "2027-01-01T00:00:00+08:00",
//                 "applies_to": "orders_paid", "patch": {"exam_order": {...}}}]}
// A dated change governs either the orders paid from its instant (the terms
// at purchase govern the order: the default for windows, amounts, tiers) or
// the decisions made from it (calendar facts, lifecycle notices: the default
// for calendar, catalogue, booking_form and certificate). A request picks
// the policy of its moments: decided = its `now`, paid = its order's
// `paid_at` (docs/OPERATIONS.md). Every combination of changes a moment can
// select is built and validated when the file is read, so nothing is
// announced that would later fall back.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "policy/policy.h"
#include "policy/policy_file.h"

namespace certpolicy {

// What a dated change governs.
enum class Governs { kOrdersPaid, kDecisions };
const char* governs_name(Governs g);  // "orders_paid", "decisions"

// How a text is read: as a patch given to createEngine / a case file
// (kPatch), or as the site's published file (kPublished: the pages, `certpolicy
// eval --policy`, `policy check`, `diff` and `test`), which must name its own
// version and may not drop catalogue entries or parts of a calendar year.
enum class PolicyMode { kPatch, kPublished };

struct PolicyChange {
  std::string id;
  std::optional<Instant> effective_from;  // none: in force at once
  Governs governs = Governs::kDecisions;
  std::string where;  // its patch in the file: "changes[1].patch", or "" (the top level)
  nlohmann::json patch;
};

// Why a file was refused: the field issue, where it is in the file, what the
// JSON parser said about a syntax error, and the dated changes that were in
// force when a combination of them broke a relation.
struct PolicyFailure {
  FieldIssue issue;
  SourceSpot spot;
  std::string syntax;
  std::vector<std::string> in_force;
};

class Schedule {
 public:
  // The built-in policy alone (shared).
  static std::shared_ptr<const Schedule> builtin();
  // A policy file's text; null and `failure` when it is refused.
  static std::shared_ptr<const Schedule> read(std::string_view text, PolicyMode mode, PolicyFailure& failure);

  const std::string& version() const { return version_; }
  // Dated changes exist: the policy depends on the request's moments.
  bool dated() const { return !decisions_.empty() || !orders_.empty(); }
  // The policy for a decision made at `decided` about an order paid at `paid`.
  const Policy& at(Instant decided, Instant paid) const { return *slot(decided, paid).policy; }
  // Its merged document (JSON text).
  const std::string& document_at(Instant decided, Instant paid) const { return slot(decided, paid).text; }
  // Without any dated change / with every one.
  const Policy& first() const { return *slots_.front().policy; }
  const Policy& last() const { return *slots_.back().policy; }
  const std::string& last_document() const { return slots_.back().text; }
  // The first instant after `t` at which some decision may switch policy.
  std::optional<Instant> next_change_after(Instant t) const;
  // Every effective_from of a dated change, ascending, each once.
  std::vector<Instant> instants() const;
  // Every policy a moment can select, each once.
  std::vector<const Policy*> policies() const;
  // Dated or not, in the order they apply (undated first, then by effective_from).
  const std::vector<PolicyChange>& changes() const { return changes_; }
  // The changes as JSON text, effective_from in epoch milliseconds:
  // [{"applies_to":"orders_paid","effective_from":1798732800000,"id":"refund-3d"}, …]
  std::string changes_json() const;
  // The merged document before any change and after each one, in that order
  // (what each change sets: cli/review.h).
  const std::vector<std::string>& sequence() const { return sequence_; }

 private:
  struct Slot {
    std::shared_ptr<const Policy> policy;
    std::string text;
  };
  const Slot& slot(Instant decided, Instant paid) const;
  std::string version_;
  std::vector<PolicyChange> changes_;
  // Indices into changes_ of the dated changes of each kind, by effective_from.
  std::vector<std::size_t> decisions_, orders_;
  // (decisions in force) x (orders changes in force): slots_[i * (orders_ + 1) + j].
  std::vector<Slot> slots_;
  std::vector<std::string> sequence_;
  friend class ScheduleReader;
};

// A policy file read, or null and the INVALID_POLICY envelope in `error`:
// {"error":{"code","column","detail","expected","line","message","path"},"ok":false}
// (line and column when the refusal is one place of the text; a published
// file's message starts with them).
std::shared_ptr<const Schedule> read_policy(std::string_view text, PolicyMode mode, std::string& error);

// At most this many changes in one file (every combination is built).
inline constexpr std::size_t kMaxPolicyChanges = 16;

}  // namespace certpolicy
