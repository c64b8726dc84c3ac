import { expect, test } from "@playwright/test";

test.describe("language", () => {
  test("switches to English and back, and remembers the choice", async ({ page }) => {
    await page.goto("/models/hunyuan");
    await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "模型" })).toBeVisible();

    await page.getByTestId("language-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await expect(nav.getByRole("link", { name: "Models" })).toBeVisible();
    // entity names lead in English, with the Chinese name beside them
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Hunyuan");
    await expect(page.getByRole("main")).toContainText("混元");

    await page.goto("/timeline?vendor=huawei");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Timeline");
    const events = page.getByTestId("event");
    await expect(events.first()).toContainText("July 2023");
    expect((await events.allInnerTexts()).join("\n")).not.toContain("July 1, 2023");

    await page.getByTestId("language-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("时间线");
  });
});
