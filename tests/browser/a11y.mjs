// axe-core on a page as it is now: the violations, and their count per impact.
import AxeBuilder from "@axe-core/playwright";

/** Runs axe (WCAG 2.x A/AA and best practices) on `page`. */
export async function axe(page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of result.violations) counts[v.impact] += v.nodes.length;
  return { counts, violations: result.violations };
}

/** "color-contrast ×7 (serious): .badge.ok" lines, for a failing assertion's message. */
export function describe(violations) {
  return violations.map((v) => `${v.id} ×${v.nodes.length} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`).join("\n");
}
