// certpolicy — the native command line.
//
//   certpolicy eval [--policy FILE] < request.json
//     A request object on stdin → its result on stdout; an array of requests
//     → an array of results. The bytes are those of the WebAssembly
//     `evaluateJson` for the same input, followed by one newline.
//   certpolicy version
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "engine.h"

namespace {

bool read_file(const char* path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

int usage() {
  std::fputs("usage: certpolicy eval [--policy FILE] < request.json\n       certpolicy version\n", stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  std::string command = argv[1];
  std::string patch;
  for (int k = 2; k < argc; ++k) {
    if (std::strcmp(argv[k], "--policy") == 0 && k + 1 < argc) {
      if (!read_file(argv[++k], patch)) {
        std::fprintf(stderr, "certpolicy: cannot read %s\n", argv[k]);
        return 2;
      }
    } else {
      return usage();
    }
  }
  std::string error;
  auto engine = certpolicy::Engine::create(patch, error);
  if (!engine) {
    std::fprintf(stdout, "%s\n", error.c_str());
    return 1;
  }
  if (command == "version") {
    std::printf("policy %s\n", engine->policy_version().c_str());
    return 0;
  }
  if (command != "eval") return usage();

  std::string input(std::istreambuf_iterator<char>(std::cin), {});
  size_t first = input.find_first_not_of(" \t\r\n");
  bool batch = first != std::string::npos && input[first] == '[';
  std::string out = batch ? engine->evaluate_many(input) : engine->evaluate(input);
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fputc('\n', stdout);
  return 0;
}
