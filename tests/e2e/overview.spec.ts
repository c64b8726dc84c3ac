import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";

// the overview's headline reads claims at or above this (lib/queries/claims.ts HEADLINE_CONFIDENCE)
const json = (file: string) => JSON.parse(readFileSync(path.join(process.cwd(), "lib", "extract", file), "utf8"));
const weights = json("weights.json") as { claim: { headline?: number } };
const priors = json("data/confidence.json") as { headlineAtLeast: number; uncertainBelow: number };
const HEADLINE_CUT = Math.max(weights.claim.headline ?? priors.headlineAtLeast, priors.uncertainBelow);

test.describe("the overview", () => {
  test("shows the tracked models, and no headline count that is not confident enough", async ({ page, request }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("中国大模型概览");

    const landscape = page.getByTestId("landscape");
    await expect(landscape.getByRole("link", { name: /^混元/ })).toBeVisible();
    await expect(landscape.getByRole("link", { name: /^文心一言/ })).toBeVisible();
    await expect(landscape.getByRole("link", { name: /^盘古大模型3\.0/ })).toBeVisible();

    // the seed's running total (截至2023年7月…130个大模型) is read and served, but the scorer is not sure
    // enough of it for the headline (its fitted cut: claims at or above it right ≥ 80 % of the time)
    const claims = await (await request.get("/api/claims?metric=models_released&limit=50")).json();
    const seed = claims.items.find((c: { value: number }) => c.value === 130);
    expect(seed, "the seed's count is extracted").toBeTruthy();
    expect(seed.confidence).toBeLessThan(HEADLINE_CUT);
    await expect(page.getByTestId("headline-claim")).toHaveCount(0);
    await expect(page.getByText("尚无足够可信的统计数字可作首页头条")).toBeVisible();

    for (const stat of ["models", "vendors", "articles", "events"]) {
      await expect(page.getByTestId(`stat-${stat}`)).toContainText(/\d+/);
    }
  });

  test("every chart has a caption and a data table", async ({ page }) => {
    await page.goto("/");
    const figures = page.locator("figure:has(.recharts-responsive-container)");
    await expect(figures.first()).toBeVisible();
    const n = await figures.count();
    expect(n).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < n; i++) {
      await expect(figures.nth(i).locator("figcaption")).not.toBeEmpty();
      await expect(figures.nth(i).locator("table tbody tr").first()).toBeAttached();
    }
  });
});
