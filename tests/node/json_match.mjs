// Mirrors tests/native/json_match.cc: "" on a match, else the first mismatch.
export function jsonMismatch(expected, actual, path = "") {
  const here = () => `${path || "(root)"}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
  if (expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return here();
    for (const [key, value] of Object.entries(expected)) {
      const sub = path ? `${path}.${key}` : key;
      if (!(key in actual)) return `${sub}: missing, expected ${JSON.stringify(value)}`;
      const m = jsonMismatch(value, actual[key], sub);
      if (m) return m;
    }
    return "";
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return here();
    for (let k = 0; k < expected.length; k++) {
      const m = jsonMismatch(expected[k], actual[k], `${path}[${k}]`);
      if (m) return m;
    }
    return "";
  }
  return expected === actual ? "" : here();
}
