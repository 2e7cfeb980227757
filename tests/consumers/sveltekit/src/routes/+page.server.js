// A server load that evaluates: the Node entry reads its .wasm beside itself
// (or, bundled, in node_modules). One engine per server process, made on the
// first request (an engine is immutable; evaluate is synchronous).
import { createEngine } from "certpolicy";
import { NOW, order, said } from "./order.js";

let engine = null;

export async function load() {
  engine ??= createEngine();
  const r = (await engine).evaluate({ type: "exam_order", locale: "en", now: NOW, order });
  return { server: said(r) };
}
