// A server load that evaluates: the Node entry reads its .wasm beside itself.
// One engine per server process (an engine is immutable; evaluate is synchronous).
import { createEngine } from "certpolicy";
import { NOW, order, said } from "./order.js";

const engine = createEngine();

export async function load() {
  const r = (await engine).evaluate({ type: "exam_order", locale: "en", now: NOW, order });
  return { server: said(r) };
}
