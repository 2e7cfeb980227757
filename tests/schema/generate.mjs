// The package's JSON Schemas (draft 2020-12) of every request and every
// answer, generated from the hand-written types (wasm/index.d.ts) so that
// the two cannot drift: `node schema/generate.mjs` (from tests/) writes
// wasm/schema/{request,result}.schema.json; tests/node/schema.test.mjs fails
// when the committed files differ from what this generates.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createGenerator } from "ts-json-schema-generator";

const wasm = fileURLToPath(new URL("../../wasm/", import.meta.url));

/** Draft-07 output of the generator → draft 2020-12 ($defs). */
function to2020(schema, id, title) {
  const text = JSON.stringify(schema).replaceAll('"#/definitions/', '"#/$defs/');
  const { definitions, $schema, ...rest } = JSON.parse(text);
  void $schema;
  return { $schema: "https://json-schema.org/draft/2020-12/schema", $id: `https://certpolicy.invalid/schema/${id}`, title, ...rest, $defs: definitions };
}

// The engine takes null for an optional member as if it were absent; the
// request schema says so (the types, stricter, leave null out).
function nullableOptionals(node) {
  if (Array.isArray(node)) node.forEach(nullableOptionals);
  else if (node && typeof node === "object") {
    if (node.type === "object" && node.properties) {
      const required = new Set(node.required ?? []);
      for (const [key, value] of Object.entries(node.properties)) {
        if (!required.has(key)) node.properties[key] = { anyOf: [value, { type: "null" }] };
      }
    }
    Object.values(node).forEach(nullableOptionals);
  }
  return node;
}

export function generate() {
  const generator = createGenerator({
    path: `${wasm}index.d.ts`, tsconfig: fileURLToPath(new URL("../types/tsconfig.json", import.meta.url)),
    type: "*", skipTypeCheck: true, expose: "export", topRef: true, additionalProperties: false, sortProps: true,
  });
  return {
    "request.schema.json": to2020(nullableOptionals(generator.createSchema("CertpolicyRequest")), "request.schema.json",
      "A certpolicy request (strict: no member beyond those listed)"),
    "result.schema.json": to2020(generator.createSchema("CertpolicyAnswer"), "result.schema.json",
      "A certpolicy answer: a result of its request type, or a failure"),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, schema] of Object.entries(generate())) writeFileSync(`${wasm}schema/${name}`, `${JSON.stringify(schema, null, 2)}\n`);
}
