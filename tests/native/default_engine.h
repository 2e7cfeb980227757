// The engine of the default policy, built once for a test binary.
#pragma once

#include <memory>
#include <string>

#include "engine.h"

namespace certpolicy {

inline const Engine& default_engine() {
  static const std::unique_ptr<Engine> e = [] {
    std::string error;
    return Engine::create("", error);
  }();
  return *e;
}

}  // namespace certpolicy
