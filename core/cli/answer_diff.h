// Decides how two answers to the same request differ, and under which rules:
// the fields that changed (leaf paths), the reasons added or removed, and the
// rule of every change (a changed reason's, a changed field's by
// cli/field_rules.h, a next step's or a form error's own). The policy
// version is not a change.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace certpolicy::cli {

struct FieldChange {
  std::string path;  // "refund.deadline", "order.reminders", "catalogue.certifications[].status"
  nlohmann::json before, after;
};

struct AnswerDiff {
  std::vector<FieldChange> fields;
  std::set<std::string> added, removed;  // reasons, as "CODE (RULE)"
  std::set<std::string> rules;           // every rule a change belongs to
  std::set<std::string> unattributed;    // changed fields no rule is known for (none expected)
  bool empty() const { return fields.empty() && added.empty() && removed.empty() && rules.empty(); }
};

// The difference between two answers of a request of `type` (parsed JSON).
AnswerDiff diff_answers(std::string_view type, const nlohmann::json& before, const nlohmann::json& after);

// Two answer texts are the same decision: equal but for their policy_version
// members (compared as text, without parsing).
bool same_decision(std::string_view a, std::string_view b);

// How two answer texts of a request of `type` differ; nothing when they are
// the same decision. Most answers are the same but for the version: they are
// compared as text first and parsed only when they differ.
std::optional<AnswerDiff> answer_change(std::string_view type, std::string_view before, std::string_view after);

}  // namespace certpolicy::cli
