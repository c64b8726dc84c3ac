// Every page, as a phone and a desktop sees it, light and dark: no serious accessibility problems,
// nothing wider than the screen, Chinese in a CJK font, and a screenshot of each kept as an artifact.
import { expect, test } from "@playwright/test";
import { expectCjkFont, expectNoHorizontalOverflow, expectNoSeriousA11yViolations, settle, snap } from "./helpers";

const PAGES: { name: string; path: string; heading: RegExp }[] = [
  { name: "overview", path: "/", heading: /中国大模型概览/ },
  { name: "models", path: "/models", heading: /模型/ },
  { name: "model-hunyuan", path: "/models/hunyuan", heading: /混元/ },
  { name: "vendors", path: "/vendors", heading: /机构/ },
  { name: "vendor-baidu", path: "/vendors/baidu", heading: /百度/ },
  { name: "industries", path: "/industries", heading: /行业/ },
  { name: "industry-finance", path: "/industries/finance", heading: /金融/ },
  { name: "timeline", path: "/timeline", heading: /时间线/ },
  { name: "funding", path: "/funding", heading: /融资与上市/ },
  { name: "prices", path: "/prices", heading: /价格/ },
  { name: "filings", path: "/filings", heading: /备案与统计/ },
  { name: "open-source", path: "/open-source", heading: /开源发布/ },
  { name: "vendor-moonshot", path: "/vendors/moonshot", heading: /月之暗面/ },
  { name: "funding-empty", path: "/funding?company=baidu", heading: /融资与上市/ },
  { name: "articles", path: "/articles", heading: /文章/ },
  { name: "article", path: "/articles", heading: /./ },
  { name: "search", path: "/search?q=%E7%9B%98%E5%8F%A4", heading: /搜索/ },
  { name: "search-empty", path: "/search?q=zzzzqqqq", heading: /搜索/ },
  { name: "models-empty", path: "/models?vendor=openai", heading: /模型/ },
  { name: "not-found", path: "/models/no-such-model", heading: /页面不存在/ },
  { name: "status", path: "/status", heading: /服务运行中/ },
];

for (const p of PAGES)
  for (const scheme of ["light", "dark"] as const) {
    test(`${p.name} (${scheme}): accessible, fits the screen, Chinese in a CJK font`, async ({ page }, testInfo) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(p.path);
      if (p.name === "article") {
        // the first article in the list, as a reader would open it
        await page.getByTestId("article-item").first().getByRole("link").first().click();
        await expect(page).toHaveURL(/\/articles\/\d+$/);
      }
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.heading);
      await settle(page);
      await expectCjkFont(page);
      await expectNoHorizontalOverflow(page);
      await expectNoSeriousA11yViolations(page);
      await snap(page, testInfo, p.name, scheme === "dark" ? "-dark" : "");
    });
  }

test("keyboard: skip link, then focus is visible on the navigation", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到正文" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Tab");
  const focused = page.locator(":focus-visible");
  await expect(focused).toHaveCount(1);
  const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
});

test("the English interface is accessible too", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await page.evaluate(() => (document.cookie = "NEXT_LOCALE=en; path=/"));
  for (const path of ["/", "/timeline", "/models/pangu-3-0", "/funding", "/prices", "/filings", "/open-source"]) {
    await page.goto(path);
    await settle(page);
    await expectNoSeriousA11yViolations(page);
  }
  await snap(page, testInfo, "model-pangu-en");
});
