// Decides which policy the pages decide with: the published file at
// SITE.policyUrl when it is there, valid and small enough, else the embedded
// default, with a notice saying why. The file's bytes go to the core as they
// came (the decoder `certpolicy policy check` and `eval --policy` use), which
// validates every change, dated or not, before anything is announced; each
// request then picks the change in force at its own moments. Never throws: a
// broken file must not break a page.
//
//   const { engine, state, bytes } = await loadPolicyEngine(createEngine, SITE);
//   state → { version, source: "default" | "published", changes: [{ id, effectiveFrom, appliesTo, keys }],
//             notice: null | { reason: "invalid" | "too_large" | "unreachable", detail? } }
//
//   watchPolicy(createEngine, SITE, bytes, (next) => …)  // re-checks the file: on showing the page again, and every
//                                                       // SITE.policyRecheckSeconds; calls back with a new { engine, state, bytes }
//                                                       // when the file changed (a new version, or a rollback)
export async function loadPolicyEngine(createEngine, site) {
  return engineFor(createEngine, await fetchPolicy(site));
}

async function engineFor(createEngine, fetched) {
  const { bytes, notice } = fetched;
  if (bytes === null) return fallback(createEngine, notice, null);
  try {
    const engine = await createEngine({ publishedPolicy: bytes });
    const changes = engine.policyChanges;
    return { engine, bytes, state: { version: engine.policyVersion, source: changes.length ? "published" : "default", changes, notice: null } };
  } catch (e) {
    const where = e?.line ? ` (line ${e.line}, column ${e.column})` : "";
    const detail = e?.path !== undefined ? `${e.path}: ${e.detail}${where}` : String(e?.message ?? e);
    return fallback(createEngine, { reason: "invalid", detail }, bytes);
  }
}

async function fallback(createEngine, notice, bytes) {
  const engine = await createEngine();
  return { engine, bytes, state: { version: engine.policyVersion, source: "default", changes: [], notice } };
}

// The file's bytes, or null and why not (no notice when there is simply no file).
async function fetchPolicy(site) {
  let response;
  try {
    response = await fetch(site.policyUrl, { cache: "no-cache", credentials: "same-origin" });
  } catch {
    return { bytes: null, notice: { reason: "unreachable" } };
  }
  if (response.status === 404) return { bytes: null, notice: null };
  if (!response.ok) return { bytes: null, notice: { reason: "unreachable", detail: `HTTP ${response.status}` } };
  const length = Number(response.headers.get("content-length"));
  if (length > site.policyMaxBytes) return { bytes: null, notice: { reason: "too_large" } };
  // Read at most the limit plus one byte, whatever the server says or does
  // not say about the length (a chunked answer has no Content-Length).
  const bytes = await readAtMost(response, site.policyMaxBytes + 1).catch(() => null);
  if (bytes === null) return { bytes: null, notice: { reason: "unreachable" } };
  if (bytes.length > site.policyMaxBytes) return { bytes: null, notice: { reason: "too_large" } };
  return { bytes, notice: null };
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

const sameBytes = (a, b) => a === b || (a !== null && b !== null && a.length === b.length && a.every((x, k) => x === b[k]));

/**
 * Re-checks the published file while the page stays open: when the page is
 * shown again and every `site.policyRecheckSeconds`. A file that changed
 * (another version, a rollback, a file that now fails) is read again, as at
 * load; `onChange` gets the new { engine, state, bytes }. A check that cannot
 * reach the file keeps what the page uses. Returns a function that stops it.
 */
export function watchPolicy(createEngine, site, bytes, onChange) {
  let current = bytes;
  let busy = false;
  const check = async () => {
    if (busy) return;
    busy = true;
    try {
      const fetched = await fetchPolicy(site);
      if (fetched.notice?.reason === "unreachable" || sameBytes(fetched.bytes, current)) return;
      const next = await engineFor(createEngine, fetched);
      current = fetched.bytes;
      onChange(next);
    } finally {
      busy = false;
    }
  };
  const onVisible = () => { if (document.visibilityState === "visible") check(); };
  document.addEventListener("visibilitychange", onVisible);
  const timer = setInterval(check, site.policyRecheckSeconds * 1000);
  return () => {
    document.removeEventListener("visibilitychange", onVisible);
    clearInterval(timer);
  };
}
