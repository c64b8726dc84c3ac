import { expect, test } from "@playwright/test";

test.describe("the timeline", () => {
  test("filters to Baidu and shows only Baidu's events; the back button undoes it", async ({ page }) => {
    await page.goto("/timeline");
    const all = await page.getByTestId("event").count();
    expect(all).toBeGreaterThan(2);

    await page.getByRole("combobox", { name: "机构", exact: true }).selectOption({ label: "百度" });
    await expect(page).toHaveURL(/[?&]vendor=baidu(&|$)/);
    await expect(page).not.toHaveURL(/model=&/);
    const events = page.getByTestId("event");
    await expect(events.first()).toBeVisible();
    const vendors = await events.evaluateAll((els) => els.map((e) => e.getAttribute("data-vendor")));
    expect(vendors.length).toBeGreaterThan(0);
    expect(vendors.length).toBeLessThan(all);
    expect(new Set(vendors)).toEqual(new Set(["baidu"]));
    const shown = (await events.allInnerTexts()).join("\n");
    expect(shown).toContain("文心一言");
    expect(shown).not.toContain("DeepSeek");

    await page.goBack();
    await expect(page).toHaveURL(/\/timeline$/);
    await expect(page.getByTestId("event")).toHaveCount(all);
  });

  test("shows dates at their precision", async ({ page }) => {
    await page.goto("/timeline?vendor=huawei");
    const main = page.getByRole("main");
    await expect(main.getByText("2023年7月", { exact: true }).first()).toBeVisible();
    await expect(main).not.toContainText("2023年7月1日");

    await page.goto("/timeline?vendor=baidu");
    await expect(page.getByRole("main")).toContainText("2023年8月31日");
  });

  test("an unknown or malformed filter falls back to the default", async ({ page }) => {
    const all = await (async () => {
      await page.goto("/timeline");
      return page.getByTestId("event").count();
    })();
    const response = await page.goto(
      "/timeline?vendor=%3Cscript%3E&type=party&from=2023-13&to=yesterday&cursor=%27%20OR%201%3D1",
    );
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("时间线");
    await expect(page.getByTestId("event")).toHaveCount(all);
    await expect(page.getByRole("combobox", { name: "事件类型", exact: true })).toHaveValue("");
  });

  test("each event links to its evidence", async ({ page }) => {
    await page.goto("/timeline?vendor=huawei&type=release");
    await page
      .getByTestId("event")
      .first()
      .getByRole("link", { name: /查看原句/ })
      .click();
    await expect(page).toHaveURL(/\/articles\/\d+#s-\d+$/);
    await expect(page.locator(".sentence:target")).toContainText("盘古大模型3.0");
  });
});
