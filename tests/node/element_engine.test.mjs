// The elements' one shared engine (wasm/elements/engine.js) when a page holds
// two copies of that module: a page's bundle beside the package's own file,
// or an old cached bundle beside a page sent from its sources.
import { test } from "node:test";
import assert from "node:assert/strict";

const file = new URL("../../wasm/elements/engine.js", import.meta.url).href;

test("two copies of the elements' engine module share the engine configure() and replaceEngine() give", async () => {
  // Two module instances: the same file under two URLs.
  const a = await import(`${file}?copy=a`);
  const b = await import(`${file}?copy=b`);
  assert.notEqual(a.sharedEngine, b.sharedEngine, "two copies of the module");
  const first = { name: "the page's engine" };
  a.configure({ engine: first });
  assert.equal(await b.sharedEngine(), first);
  let told = 0;
  const stop = b.onEngineReplaced(() => { told += 1; });
  const next = { name: "the engine of a new policy file" };
  a.replaceEngine(next);
  assert.equal(told, 1, "an element of the other copy decides again");
  assert.equal(await b.sharedEngine(), next);
  stop();
  a.replaceEngine(first);
  assert.equal(told, 1, "stopped");
});
