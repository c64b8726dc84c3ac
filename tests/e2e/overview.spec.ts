import { expect, test } from "@playwright/test";

test.describe("the overview", () => {
  test("shows the tracked models and the headline count with its source", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("中国大模型概览");

    const landscape = page.getByTestId("landscape");
    await expect(landscape.getByRole("link", { name: /^混元/ })).toBeVisible();
    await expect(landscape.getByRole("link", { name: /^文心一言/ })).toBeVisible();
    await expect(landscape.getByRole("link", { name: /^盘古大模型3\.0/ })).toBeVisible();

    const headline = page.getByTestId("headline-claim");
    await expect(headline.getByTestId("headline-value")).toHaveText("130");
    await expect(headline).toContainText("截至 2023年7月");
    await expect(headline).toContainText("赛迪顾问");
    await expect(headline).toContainText("截至2023年7月，我国累计已经发布130个大模型");
    // never a made-up day for a month-precision date
    await expect(headline).not.toContainText("2023年7月1日");

    for (const stat of ["models", "vendors", "articles", "events"]) {
      await expect(page.getByTestId(`stat-${stat}`)).toContainText(/\d+/);
    }
  });

  test("the headline figure links to the sentence it came from", async ({ page }) => {
    await page.goto("/");
    await page
      .getByTestId("headline-claim")
      .getByRole("link", { name: /查看原句/ })
      .click();
    await expect(page).toHaveURL(/\/articles\/\d+#s-\d+$/);
    const target = page.locator(".sentence:target");
    await expect(target).toContainText("我国累计已经发布130个大模型");
    await expect(target).toBeInViewport();
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
