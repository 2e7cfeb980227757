// The shipped JSON Schemas (certpolicy/schema/*.json, draft 2020-12) against
// what the engine really takes and answers: every case file's request and
// answer and 12 000 generated requests' answers. A result that does not
// match its schema fails here, and so does a committed schema that differs
// from the one generated from the types.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv2020 from "ajv/dist/2020.js";
import { createEngine } from "certpolicy";
import { loadCases } from "./case_files.mjs";
import { makeGenerator } from "./generator.mjs";
import { generate } from "../schema/generate.mjs";

const require = createRequire(import.meta.url);
const load = (name) => JSON.parse(readFileSync(require.resolve(`certpolicy/schema/${name}`), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validRequest = ajv.compile(load("request.schema.json"));
const validAnswer = ajv.compile(load("result.schema.json"));
const why = (v) => ajv.errorsText(v.errors, { separator: "\n" }).slice(0, 1500);

test("the committed schemas are the ones generated from index.d.ts", () => {
  for (const [name, schema] of Object.entries(generate())) assert.deepEqual(load(name), schema, `${name}: run node schema/generate.mjs`);
});

test("every case file's answer matches result.schema.json; every request it decides matches request.schema.json", async () => {
  const engines = new Map();
  let requests = 0, answers = 0;
  for (const c of loadCases()) {
    if (!engines.has(c.policy)) engines.set(c.policy, await createEngine(c.policy ? { policy: c.policy } : {}));
    const answer = engines.get(c.policy).evaluate(c.text);
    assert.ok(validAnswer(answer), `${c.file} / ${c.name}: ${why(validAnswer)}\n${JSON.stringify(answer).slice(0, 600)}`);
    answers++;
    let request;
    try {
      request = JSON.parse(c.text);
    } catch {
      continue;
    }
    // A request the engine decided is one the schema accepts; one it refused
    // for a field is one the schema refuses too (the form errors of a
    // booking_form are answers, not refusals).
    if (answer.ok) {
      assert.ok(validRequest(request), `${c.file} / ${c.name}: ${why(validRequest)}`);
      requests++;
    } else if (answer.error.detail === "UNKNOWN_FIELD" || answer.error.detail === "WRONG_TYPE") {
      assert.equal(validRequest(request), false, `${c.file} / ${c.name}: the schema accepts a request the engine refused (${answer.error.path})`);
    }
  }
  console.log(`# schema: ${answers} case answers and ${requests} decided case requests valid`);
});

test("12 000 generated requests: every answer matches result.schema.json, every decided request request.schema.json", async () => {
  const engine = await createEngine();
  const gen = makeGenerator(20261126);
  let decided = 0;
  for (let k = 0; k < 12000; k++) {
    const request = gen.request();
    const answer = engine.evaluate(request);
    assert.ok(validAnswer(answer), `${why(validAnswer)}\n${JSON.stringify(request).slice(0, 400)}`);
    if (answer.ok) {
      assert.ok(validRequest(request), `${why(validRequest)}\n${JSON.stringify(request).slice(0, 400)}`);
      decided++;
    }
  }
  console.log(`# schema: 12000 generated answers valid, ${decided} decided requests valid`);
});
