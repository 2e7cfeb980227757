// The CLI's reads and writes (cli/io.cc): bounded input, policy files read
// as the engine reads them, answers whose write failures are noticed.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "calendar/civil_time.h"

namespace certpolicy {
class Engine;
struct TouchedKey;
}

namespace certpolicy::cli {

// Exit statuses of every command (docs/API.md): 4 is a check that found
// what it was told not to accept (a change outside diff's allow-lists, a
// case of `policy test` that fails).
inline constexpr int kExitPolicy = 1, kExitUsage = 2, kExitWrite = 3, kExitFound = 4;

// Reads at most `limit` + 1 bytes: enough for the engine to refuse a text
// over its limit (TOO_LARGE) without holding the rest of it.
bool read_bounded(std::FILE* in, size_t limit, std::string& out);
// A policy file's text (at most the policy limit + 1 byte), or why it cannot
// be read (missing, unreadable, not a regular file).
bool read_policy_file(const char* path, std::string& out, std::string& why);
// The INVALID_POLICY / UNREADABLE envelope for such a file.
std::string unreadable(const char* path, const std::string& why);
// Writes `text` and a newline to stdout; `status`, or kExitWrite when stdout
// did not take it all.
int written(const std::string& text, int status);
// A policy value in a line of a report: 72, "TCCA", [8, 10], [33 items],
// {holidays, makeup_workdays, notice}, (absent).
std::string value_text(const nlohmann::json& v);
// "exam_order.refund_window.hours: 120 -> 72"; a long list by what it gains
// and loses: "calendar.years.2026.holidays: -[2026-10-01, …] (33 -> 1 items)".
std::string key_text(const TouchedKey& k);
// The moment a command decides at for a request that does not say (`--at`,
// else this machine's clock: what a page open now would use).
std::optional<Instant> at_arg(const char* text);
Instant clock_now();
// "a,b,c" as a set ("" is the empty set).
std::set<std::string> list_arg(const char* text);

// An engine of the published policy file at `path` (null: the built-in
// policy), read as the pages read it; on failure null, the envelope written,
// and the exit status in `status`.
std::unique_ptr<Engine> engine_from_file(const char* path, int& status);

}  // namespace certpolicy::cli
