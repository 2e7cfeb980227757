// Decides which policy the pages decide with: the published patch at
// SITE.policyUrl when it is there, valid, small enough and already in
// effect; else the embedded default, with a notice saying why. Never throws:
// a broken patch must not break a page.
//
//   const { engine, state } = await loadPolicyEngine(createEngine, SITE, Date.now());
//   state → { version, source: "default" | "published", notice: null | { reason, version?, from? } }
export async function loadPolicyEngine(createEngine, site, nowMs) {
  const patch = await fetchPatch(site);
  if (patch.text === null) {
    const engine = await createEngine();
    return { engine, state: { version: engine.policyVersion, source: "default", notice: patch.notice } };
  }
  let doc;
  try {
    doc = JSON.parse(patch.text);
  } catch {
    return fallback(createEngine, { reason: "invalid" });
  }
  // The shipped web/policy.json is {}: no change, the embedded default as it is.
  if (doc && typeof doc === "object" && !Array.isArray(doc) && Object.keys(doc).length === 0) {
    return fallback(createEngine, null);
  }
  const from = doc && typeof doc === "object" && typeof doc.effective_from === "string" ? Date.parse(doc.effective_from) : NaN;
  if (!Number.isNaN(from) && from > nowMs) {
    return fallback(createEngine, { reason: "future", version: String(doc.version ?? ""), from: doc.effective_from });
  }
  try {
    const engine = await createEngine({ policy: patch.text });
    return { engine, state: { version: engine.policyVersion, source: "published", notice: null } };
  } catch (e) {
    return fallback(createEngine, { reason: "invalid", detail: e?.path ? `${e.path}: ${e.detail}` : String(e?.message ?? e) });
  }
}

async function fallback(createEngine, notice) {
  const engine = await createEngine();
  return { engine, state: { version: engine.policyVersion, source: "default", notice } };
}

// The patch's text, or null and why not (no notice when there is simply no file).
async function fetchPatch(site) {
  let response;
  try {
    response = await fetch(site.policyUrl, { cache: "no-cache", credentials: "same-origin" });
  } catch {
    return { text: null, notice: { reason: "unreachable" } };
  }
  if (response.status === 404) return { text: null, notice: null };
  if (!response.ok) return { text: null, notice: { reason: "unreachable", detail: `HTTP ${response.status}` } };
  const length = Number(response.headers.get("content-length"));
  if (length > site.policyMaxBytes) return { text: null, notice: { reason: "too_large" } };
  // Read at most the limit plus one byte, whatever the server says or does
  // not say about the length (a chunked answer has no Content-Length).
  const bytes = await readAtMost(response, site.policyMaxBytes + 1).catch(() => null);
  if (bytes === null) return { text: null, notice: { reason: "unreachable" } };
  if (bytes.length > site.policyMaxBytes) return { text: null, notice: { reason: "too_large" } };
  return { text: new TextDecoder().decode(bytes), notice: null };
}

async function readAtMost(response, max) {
  if (!response.body) return new Uint8Array(await response.arrayBuffer()).subarray(0, max);
  const reader = response.body.getReader();
  const chunks = [];
  let total = 0;
  while (total < max) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.length;
  }
  if (total >= max) await reader.cancel().catch(() => {});
  const out = new Uint8Array(Math.min(total, max));
  let at = 0;
  for (const c of chunks) {
    const part = c.subarray(0, out.length - at);
    out.set(part, at);
    at += part.length;
    if (at === out.length) break;
  }
  return out;
}
