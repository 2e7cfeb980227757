// What a page, a framework or a server hands an element besides its own
// setters, read one way: a property set before the element was defined (the
// upgrade pattern), JSON text for an object input (an attribute, or a
// framework that sets every value as a string), a failed engine load with its
// cause, and a base class that exists where the DOM does not (Node, SSR).

/** HTMLElement, or an empty class where there is none (Node, a server): importing the elements never throws. */
export const ElementBase = globalThis.HTMLElement ?? class {};

const EARLY = new WeakMap();

/**
 * Takes off the own properties set on `el` before its class was defined
 * (they would hide the class's accessors) and keeps their values; call in
 * the constructor, before the accessors are defined on the instance.
 *   el.order = {...}; customElements.define(...) → order kept for setEarlyProperties
 */
export function holdEarlyProperties(el, names) {
  const held = [];
  for (const name of names) {
    if (!Object.hasOwn(el, name)) continue;
    held.push([name, el[name]]);
    delete el[name];
  }
  if (held.length) EARLY.set(el, held);
}

/**
 * Sets the held values through the element's own setters; call in
 * connectedCallback, after the attributes were read (a value a framework set
 * as a property wins over the attribute it rendered on the server).
 */
export function setEarlyProperties(el) {
  const held = EARLY.get(el);
  if (!held) return;
  EARLY.delete(el);
  for (const [name, value] of held) el[name] = value;
}

/**
 * An input's value as the element takes it: JSON text parsed (an attribute,
 * or a string property), anything else as it is; `text` inputs (level="TCCA")
 * are taken as they are. `null` and absence are `undefined`.
 *   readInput('{"paid_at":"…"}') → { value: { paid_at: "…" } }; readInput("[object Object]") → { error: true }
 */
export function readInput(value, text = false) {
  if (value === null || value === undefined) return { value: undefined };
  if (text || typeof value !== "string") return { value };
  try {
    return { value: JSON.parse(value) };
  } catch {
    return { error: true };
  }
}

/**
 * The failure an element shows when the engine cannot load: the sentence in
 * its locale, the cause (developer detail: what the loader said) in `cause`.
 */
export function loadFailure(message, error) {
  let cause = "";
  try {
    cause = String(error?.message ?? error);
  } catch {
    cause = "unknown";
  }
  return { ok: false, error: { code: "INTERNAL", detail: "LOAD_FAILED", path: "", expected: "", message, cause } };
}
