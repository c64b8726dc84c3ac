// The market views as an analyst uses them: who raised what from whom, who listed where, what a
// million tokens cost and when that changed, how many services the regulator counts (apart from the
// models a research centre counts), what was open-sourced under which licence. Every row cites its
// sentence; the filters live in the URL; each page fits a phone. The facts come from the fixture
// articles in tests/fixtures/articles (moonshot-b-round-funding, zhipu-hkex-listing,
// price-war-may-2024, genai-filings-q1-2025, qwen25-open-source).
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations, settle } from "./helpers";

/** Follows a row's "go to sentence" link and checks the highlighted sentence says `text`. */
async function expectCitedSentence(page: Page, row: Locator, text: string | RegExp) {
  await expect(row.locator("blockquote").first()).toContainText(text);
  await row
    .getByRole("link", { name: /查看原句|Go to sentence/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/articles\/\d+#s-\d+$/);
  await expect(page.locator(".sentence:target")).toContainText(text);
}

/** The price points as shown: a table on wide screens, cards on phones (the other one is hidden). */
const priceRows = (page: Page) => page.getByTestId("price-row").filter({ visible: true });

async function shoot(page: Page, name: string, project: string) {
  await settle(page);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: `test-results/markets-${name}-${project}.png`, fullPage: true });
}

test.describe("funding and listings", () => {
  test("a round shows its company, amount with its bound, valuation and investors, citing its sentence", async ({
    page,
  }, testInfo) => {
    await page.goto("/funding");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("融资与上市");
    const round = page.getByTestId("funding-round").filter({ hasText: "月之暗面" }).first();
    await expect(round).toBeVisible();
    await expect(round.getByTestId("amount")).toHaveText("超过10亿美元");
    await expect(round).toContainText("B轮");
    await expect(round.getByTestId("valuation")).toContainText("25亿美元");
    await expect(round.getByTestId("valuation")).toContainText("投后");
    const lead = round.getByTestId("investor").and(page.locator('[data-lead="true"]'));
    await expect(lead).toHaveText(["阿里巴巴"]);
    const others = round.getByTestId("investor").and(page.locator('[data-lead="false"]'));
    await expect(others).toContainText(["红杉中国"]);
    await expect(round.getByRole("link", { name: "阿里巴巴" })).toHaveAttribute("href", "/vendors/alibaba");
    await shoot(page, "funding", testInfo.project.name);
    await expectCitedSentence(page, round, "10亿美元");
  });

  test("a listing shows the exchange and the amount raised", async ({ page }) => {
    await page.goto("/funding");
    const listing = page.getByTestId("listing").filter({ hasText: "智谱" }).first();
    await expect(listing).toContainText("港交所");
    await expect(listing).toContainText("2026年1月8日");
    await expect(listing.getByTestId("amount")).toContainText("43.48亿港元");
    await expect(listing.locator("blockquote")).toContainText("2513");
  });

  test("filters live in the URL; a malformed one falls back; no match shows the empty state", async ({ page }) => {
    await page.goto("/funding");
    const all = await page.getByTestId("funding-round").count();
    await page.getByRole("combobox", { name: "公司", exact: true }).selectOption({ label: "月之暗面" });
    await expect(page).toHaveURL(/[?&]company=moonshot(&|$)/);
    await expect(page.getByTestId("funding-round").first()).toBeVisible();
    const companies = await page
      .getByTestId("funding-round")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-company")));
    expect(new Set(companies)).toEqual(new Set(["moonshot"]));

    await page.goto("/funding?investor=alibaba");
    await expect(page.getByTestId("funding-round").filter({ hasText: "月之暗面" })).not.toHaveCount(0);

    const res = await page.goto("/funding?round=Z%3Cscript%3E&from=2024-13&company=%27%3B");
    expect(res?.status()).toBe(200);
    await expect(page.getByTestId("funding-round")).toHaveCount(all);
    await expect(page.getByRole("combobox", { name: "轮次", exact: true })).toHaveValue("");

    await page.goto("/funding?company=baidu");
    await expect(page.getByRole("main")).toContainText("没有符合条件的融资。");
  });

  test("in English the bound reads ≥ and the round its English name", async ({ page }) => {
    await page.goto("/");
    await page.evaluate(() => (document.cookie = "NEXT_LOCALE=en; path=/"));
    await page.goto("/funding?company=moonshot");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Funding and listings");
    const round = page.getByTestId("funding-round").first();
    await expect(round.getByTestId("amount")).toHaveText("≥ US$1 billion");
    await expect(round).toContainText("Series B");
    await expect(round).toContainText("Led by");
    await settle(page);
    await expectNoSeriousA11yViolations(page);
  });

  test("a vendor page lists the rounds it raised and the rounds it invested in", async ({ page }, testInfo) => {
    await page.goto("/vendors/moonshot");
    const raised = page.getByTestId("vendor-funding");
    await expect(raised.getByTestId("funding-round").first().getByTestId("amount")).toHaveText("超过10亿美元");
    await shoot(page, "vendor-moonshot", testInfo.project.name);

    await page.goto("/vendors/alibaba");
    const invested = page.locator("section", { has: page.getByRole("heading", { name: "参与投资的融资" }) });
    await expect(invested.getByTestId("funding-round").filter({ hasText: "月之暗面" })).toBeVisible();
  });
});

test.describe("prices", () => {
  test("the price of a model per million tokens, dated and cited, and the chart of the price war", async ({
    page,
  }, testInfo) => {
    await page.goto("/prices");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("价格");
    await expect(page.getByTestId("price-chart").locator("svg.recharts-surface")).toBeVisible();
    const glm = priceRows(page).filter({ hasText: "GLM-3 Turbo" });
    const point = glm.filter({ hasText: "1元/百万 tokens" }).first();
    await expect(point).toContainText("2024年5月11日");
    const qwen = priceRows(page).filter({ hasText: "Qwen-Long" });
    await expect(qwen.filter({ hasText: "0.5元/百万 tokens" }).first()).toBeVisible();
    // a cut that states both prices keeps them
    await expect(qwen.getByTestId("before-after").first()).toContainText("20 → 0.5元/百万 tokens");
    await shoot(page, "prices", testInfo.project.name);
    await expectCitedSentence(page, point, "GLM-3 Turbo");
  });

  test("filtered to one model in the URL; a model page keeps its price history", async ({ page }, testInfo) => {
    await page.goto("/prices");
    await page.getByRole("combobox", { name: "模型", exact: true }).selectOption({ label: "Qwen-Long" });
    await expect(page).toHaveURL(/[?&]model=[a-z0-9-]+(&|$)/);
    const rows = priceRows(page);
    await expect(rows.first()).toBeVisible();
    const models = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-model")));
    expect(new Set(models).size).toBe(1);

    await page.goto("/prices?model=hunyuan");
    await expect(page.getByRole("main")).toContainText("没有符合条件的价格。");

    await page.goto("/prices");
    await priceRows(page).filter({ hasText: "GLM-3 Turbo" }).first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/models\/[a-z0-9-]+$/);
    const history = page.getByTestId("model-prices");
    await expect(
      history.getByTestId("price-row").filter({ visible: true }).filter({ hasText: "1元/百万 tokens" }).first(),
    ).toBeVisible();
    await shoot(page, "model-prices", testInfo.project.name);
  });
});

test.describe("filings", () => {
  test("the regulator's count and a research centre's count are separate series, each with its definition", async ({
    page,
  }, testInfo) => {
    await page.goto("/filings");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("备案与统计");
    await expect(page.getByTestId("filings-chart").locator("svg.recharts-surface")).toBeVisible();
    const filed = page.locator('[data-testid="filing-series"][data-metric="services_filed"]');
    await expect(filed).toHaveCount(1);
    await expect(filed).toContainText("302");
    await expect(filed).toContainText("346");
    await expect(filed).toContainText("2024年12月31日");
    const released = page.locator('[data-testid="filing-series"][data-metric="models_released"]');
    await expect(released.filter({ hasText: "79" })).toHaveCount(1);
    await expect(released.filter({ hasText: "302" })).toHaveCount(0);
    // the definitions, as metrics.json gives them, beside the chart
    const legend = page.getByRole("list", { name: "图例与定义" });
    await expect(legend).toContainText("向国家网信办完成备案的生成式人工智能服务");
    await expect(legend).toContainText("不等于备案数");
    await shoot(page, "filings", testInfo.project.name);
    const point = filed.getByTestId("filing-point").filter({ hasText: "302" }).first();
    await expectCitedSentence(page, point, "302款");
  });

  test("filtered by metric in the URL; nothing stated by an organisation shows the empty state", async ({ page }) => {
    await page.goto("/filings");
    await page.getByRole("combobox", { name: "统计口径", exact: true }).selectOption("services_filed");
    await expect(page).toHaveURL(/[?&]metric=services_filed(&|$)/);
    await expect(page.locator('[data-testid="filing-series"][data-metric="models_released"]')).toHaveCount(0);
    await expect(page.locator('[data-testid="filing-series"][data-metric="services_filed"]')).toHaveCount(1);

    await page.goto("/filings?statedBy=baidu");
    await expect(page.getByRole("main")).toContainText("没有符合条件的统计数字。");
  });
});

test.describe("open source", () => {
  test("a release shows its licence and the sizes released, citing its sentence", async ({ page }, testInfo) => {
    await page.goto("/open-source");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("开源发布");
    const release = page.getByTestId("release").filter({ hasText: "通义千问2.5" }).first();
    await expect(release.getByTestId("licence")).toHaveText("Apache-2.0");
    const sizes = release.getByTestId("sizes");
    await expect(sizes).toContainText("7B");
    await expect(sizes).toContainText("72B");
    await shoot(page, "open-source", testInfo.project.name);
    await expectCitedSentence(page, release, "Qwen2.5");
  });

  test("filtered by licence in the URL", async ({ page }) => {
    await page.goto("/open-source?licence=Apache-2.0");
    await expect(page.getByRole("combobox", { name: "许可证", exact: true })).toHaveValue("Apache-2.0");
    const licences = await page.getByTestId("licence").allInnerTexts();
    expect(licences.length).toBeGreaterThan(0);
    expect(new Set(licences)).toEqual(new Set(["Apache-2.0"]));
  });
});

test("every market page is reachable from the navigation", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "主导航" });
  for (const [name, path, heading] of [
    ["融资", "/funding", "融资与上市"],
    ["价格", "/prices", "价格"],
    ["备案", "/filings", "备案与统计"],
    ["开源", "/open-source", "开源发布"],
  ] as const) {
    await nav.getByRole("link", { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(nav.getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "page");
  }
});
