// Shared steps for the end-to-end specs: axe, screenshots, layout checks.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

/** axe-core finds no serious or critical violation on the page as it is now. */
export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(" | ")})`,
    ),
  ).toEqual([]);
}

/** Nothing is wider than the viewport (tables scroll inside their own box). */
export async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(1);
}

/** Chinese is drawn with a CJK font (no tofu boxes). */
export async function expectCjkFont(page: Page) {
  const ok = await page.evaluate(async () => {
    await document.fonts.ready;
    return document.fonts.check('16px "Noto Sans CJK SC"', "大模型混元");
  });
  expect(ok).toBe(true);
}

/** Waits for charts (drawn after hydration) so screenshots show them. */
export async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  const charts = page.locator(".recharts-responsive-container");
  const n = await charts.count();
  for (let i = 0; i < n; i++) await expect(charts.nth(i).locator("svg.recharts-surface")).toBeVisible();
}

/** A full-page screenshot saved as a test artifact: `<name>-<project>[-dark].png`. */
export async function snap(page: Page, testInfo: TestInfo, name: string, suffix = "") {
  await page.screenshot({
    path: testInfo.outputPath(`${name}-${testInfo.project.name}${suffix}.png`),
    fullPage: true,
  });
}
