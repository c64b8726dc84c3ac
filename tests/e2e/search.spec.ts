import { expect, test } from "@playwright/test";

test.describe("search", () => {
  test("finds 盘古 in Chinese", async ({ page }) => {
    await page.goto("/search");
    await page.getByTestId("search-input").fill("盘古");
    await page.getByTestId("search-input").press("Enter");
    await expect(page).toHaveURL(/\/search\?q=%E7%9B%98%E5%8F%A4/);
    const models = page.getByTestId("search-model");
    await expect(models.first()).toBeVisible();
    await expect(page.getByRole("main")).toContainText("盘古大模型3.0");
    await expect(page.getByTestId("search-article").first()).toBeVisible();
  });

  test("finds 混元 by its pinyin", async ({ page }) => {
    await page.goto("/search?q=hunyuan");
    await expect(page.getByTestId("search-model").first()).toContainText("混元");
    await page.getByTestId("search-model").getByRole("link", { name: /^混元/ }).first().click();
    await expect(page).toHaveURL(/\/models\/hunyuan$/);
  });

  test("finds models by English name and says so when nothing matches", async ({ page }) => {
    await page.goto("/search?q=ERNIE");
    await expect(page.getByTestId("search-model").first()).toBeVisible();
    await page.goto("/search?q=zzzzqqqq");
    await expect(page.getByRole("main")).toContainText("没有找到");
  });
});
