// axe-core on a page as it is now: the violations, and their count per impact.
// axe runs inside the page itself (its script evaluated once per document, as
// DevTools does, which the pages' CSP does not govern). @axe-core/playwright's
// AxeBuilder gives the same results but opens a fresh page for each run to
// assemble them, which made a run cost ~2 s of CPU instead of ~0.3 s; the pages
// have no frames, which is all that extra page is for.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
// The axe-core that @axe-core/playwright itself depends on (one version in the lockfile).
const fromPlaywrightAxe = createRequire(createRequire(import.meta.url).resolve("@axe-core/playwright"));
const AXE_SOURCE = readFileSync(fromPlaywrightAxe.resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe (WCAG 2.x A/AA and best practices) on `page`. */
export async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: "tag", values: tags },
    resultTypes: ["violations"],
  }).then((r) => r.violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.map((n) => ({ target: n.target })) }))), TAGS);
  const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of violations) counts[v.impact] += v.nodes.length;
  return { counts, violations };
}

/** "color-contrast ×7 (serious): .badge.ok" lines, for a failing assertion's message. */
export function describe(violations) {
  return violations.map((v) => `${v.id} ×${v.nodes.length} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`).join("\n");
}
