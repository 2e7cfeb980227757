// The CLI's reads and writes (cli/io.cc): bounded input, policy files read
// as the engine reads them, answers whose write failures are noticed.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

namespace certpolicy {
class Engine;
}

namespace certpolicy::cli {

// Exit statuses of every command (docs/API.md).
inline constexpr int kExitPolicy = 1, kExitUsage = 2, kExitWrite = 3;

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
// An engine of the default policy patched by the file at `path` (null: none);
// on failure null, the envelope written, and the exit status in `status`.
std::unique_ptr<Engine> engine_from_file(const char* path, int& status);

}  // namespace certpolicy::cli
