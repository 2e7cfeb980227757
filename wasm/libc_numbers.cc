// Decides how the wasm link turns numbers into text and text into numbers
// where libc does it: `snprintf` with no floating-point conversions (musl's
// own integer-only printf), and `strtod` by the host's correctly rounded
// `Number()`. The core and nlohmann call these two (nlohmann's lexer: a number
// with a fraction or exponent, and "<U+%.4X>" for a control character in an
// error); musl's full versions bring its `long double` formatting and scanning
// with compiler-rt's 128-bit float helpers, ~23 KB of code
// (docs/DESIGN.md, "Number text in the wasm link"). Native builds use the
// platform's libc and never compile this file.
#include <emscripten/emscripten.h>

#include <cerrno>
#include <cmath>
#include <cstdarg>
#include <cstddef>
#include <cstring>

extern "C" {

// musl's printf without the floating-point conversions, in Emscripten's libc beside the full one. It has no
// code for them: given one it calls a null function pointer and the module traps.
int vsniprintf(char* out, std::size_t size, const char* format, va_list args);

namespace {
// Whether `format` holds a floating-point conversion (%f %F %e %E %g %G %a %A, any flags, width, precision or
// length): those are refused below instead of trapping.
bool converts_a_float(const char* format) {
  for (const char* p = format; *p != '\0'; ++p) {
    if (*p != '%') continue;
    ++p;
    while (*p != '\0' && std::strchr("-+ #0123456789.*hljztL'", *p) != nullptr) ++p;
    if (*p == '\0') return false;
    if (std::strchr("fFeEgGaA", *p) != nullptr) return true;
  }
  return false;
}
}  // namespace

// snprintf for every integer, character and string conversion; a format with a float conversion writes nothing
// and returns -1 (C's "an encoding error"), as nothing in the core formats a float with it.
int snprintf(char* out, std::size_t size, const char* format, ...) {
  if (converts_a_float(format)) {
    if (size > 0) out[0] = '\0';
    return -1;
  }
  va_list args;
  va_start(args, format);
  const int written = vsniprintf(out, size, format, args);
  va_end(args);
  return written;
}

// Number(text) of `length` ASCII bytes: ECMAScript's StringToNumber rounds
// to nearest, ties to even, as strtod does; a JSON number is always a valid
// StringNumericLiteral.
EM_JS(double, certpolicy_number_of_text, (const char* text, int length), {
  let s = "";
  for (let i = 0; i < length; ++i) s += String.fromCharCode(HEAPU8[text + i]);
  return Number(s);
});

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
// `p` past a run of digits; `any` set when there was at least one.
const char* digits(const char* p, bool& any) {
  while (is_digit(*p)) { ++p; any = true; }
  return p;
}
}  // namespace

// The decimal form strtod reads: [space][+-]digits[.digits][(e|E)[+-]digits],
// at least one digit before the exponent; the exponent only when it has a
// digit. Hexadecimal, "inf" and "nan" (which JSON does not have) are not read:
// "inf" gives 0 with `*end` = `text`; "0x1p3" reads as its "0". A result past
// the largest double is ±infinity with errno ERANGE, as strtod's.
//   strtod("1.5e3x", &end) → 1500, end at "x";  strtod("-.5", &end) → -0.5
double strtod(const char* text, char** end) {
  const char* p = text;
  while (*p == ' ' || (*p >= '\t' && *p <= '\r')) ++p;
  const char* start = p;
  if (*p == '+' || *p == '-') ++p;
  bool any = false;
  p = digits(p, any);
  if (*p == '.') p = digits(p + 1, any);
  if (!any) {
    if (end) *end = const_cast<char*>(text);
    return 0;
  }
  if (*p == 'e' || *p == 'E') {
    const char* q = p + 1;
    if (*q == '+' || *q == '-') ++q;
    bool exponent = false;
    q = digits(q, exponent);
    if (exponent) p = q;
  }
  if (end) *end = const_cast<char*>(p);
  // Number() reads the forms JSON lacks ("+1", "-.5", "5.", "007") as strtod does.
  const double value = certpolicy_number_of_text(start, static_cast<int>(p - start));
  if (std::isinf(value)) errno = ERANGE;
  return value;
}

// The other two readers of musl's strtod.o, so that it is never linked.
// (strtof rounds twice, and strtold has a double's precision, both through double; nothing here reads either.)
float strtof(const char* text, char** end) { return static_cast<float>(strtod(text, end)); }
long double strtold(const char* text, char** end) { return strtod(text, end); }

}  // extern "C"
