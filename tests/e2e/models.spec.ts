import { expect, test } from "@playwright/test";

test.describe("models", () => {
  test("filters models by an industry", async ({ page }) => {
    await page.goto("/models");
    const all = await page.getByTestId("model-card").count();

    await page.getByRole("combobox", { name: "行业", exact: true }).selectOption({ label: "矿业" });
    await expect(page).toHaveURL(/[?&]industry=mining(&|$)/);
    const cards = page.getByTestId("model-card");
    await expect(cards.first()).toBeVisible();
    const n = await cards.count();
    expect(n).toBeLessThan(all);
    await expect(page.getByRole("main")).toContainText("盘古");
    await expect(page.getByRole("combobox", { name: "行业", exact: true })).toHaveValue("mining");
  });

  test("a model page shows names, vendor, status and links a mention to its sentence", async ({ page }) => {
    await page.goto("/models");
    await page.getByRole("link", { name: /^混元/ }).first().click();
    await expect(page).toHaveURL(/\/models\/hunyuan$/);
    const main = page.getByRole("main");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("混元");
    await expect(main).toContainText("Hunyuan");
    await expect(main).toContainText("腾讯");
    await expect(main).toContainText("已收录");

    const mentions = page.locator("section", { has: page.getByRole("heading", { name: "全部提及" }) });
    const first = mentions.locator("li").first();
    const sentence = (await first.locator("p").first().innerText()).trim();
    await first.getByRole("link", { name: /查看原句/ }).click();
    await expect(page).toHaveURL(/\/articles\/\d+#s-\d+$/);
    const target = page.locator(".sentence:target");
    await expect(target).toBeVisible();
    expect(sentence).toContain((await target.innerText()).trim().slice(0, 12));
    // the article page keeps a link to the original
    await expect(page.getByRole("link", { name: /原文链接/ }).first()).toHaveAttribute("href", /^https?:\/\//);
  });

  test("curated and discovered models are told apart", async ({ page }) => {
    await page.goto("/models?status=discovered");
    const cards = page.getByTestId("model-card");
    await expect(cards.first()).toBeVisible();
    await expect(cards.first()).toContainText("新发现");
    await page.goto("/models?status=curated");
    await expect(page.getByTestId("model-card").first()).toContainText("已收录");
  });

  test("an unknown model is a 404 page with a way back", async ({ page }) => {
    const response = await page.goto("/models/no-such-model");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("link", { name: /模型/ }).last()).toBeVisible();
  });
});
