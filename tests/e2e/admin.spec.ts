// The admin area in a browser: login (wrong / right), pasting an article and previewing what would
// be extracted (nothing is saved here: the e2e database is shared with the other specs), the
// review queue, and the corrections: reject a model, re-date an event, fix a claim, see them on the
// public pages and in the history, undo them (each project on facts of its own, all undone at the
// end). The server runs with ADMIN_TOKEN=e2e-admin-token (playwright.config.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations } from "./helpers";

const TOKEN = "e2e-admin-token";

async function logIn(page: Page, next = "/admin", editor?: string) {
  await page.goto(`/admin?next=${encodeURIComponent(next)}`);
  await page.getByLabel(/管理令牌|Admin token/).fill(TOKEN);
  if (editor) await page.getByLabel(/你的名字|Your name/).fill(editor);
  await page.getByRole("button", { name: /登录|Log in/ }).click();
}

test("the admin pages ask for the token and refuse a wrong one", async ({ page, request }) => {
  await page.goto("/admin/ingest");
  await expect(page).toHaveURL(/\/admin\?next=%2Fadmin%2Fingest$/);
  await page.getByLabel(/管理令牌|Admin token/).fill("wrong-token");
  await page.getByRole("button", { name: /登录|Log in/ }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText(/令牌不正确|Wrong token/);
  await expect(page).toHaveURL(/error=1/);

  const api = await request.get("/api/admin/review");
  expect(api.status()).toBe(401);
  const withToken = await request.get("/api/admin/review", { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(withToken.status()).toBe(200);
});

test("a pasted article is previewed with its models, events, claims and quotes, as text", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await logIn(page, "/admin/ingest");
  await expect(page).toHaveURL(/\/admin\/ingest$/);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "moxing_admin");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict" });

  const fixture = readFileSync(path.join(process.cwd(), "tests", "fixtures", "articles", "xss-payload.txt"), "utf8");
  // typed only once the form is hydrated: a value filled in before that is reset by React
  await page.waitForLoadState("networkidle");
  const paste = page.getByLabel(/粘贴文章|Paste an article/);
  await expect(async () => {
    await paste.fill(fixture);
    await expect(paste).toHaveValue(fixture, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await page.getByRole("button", { name: /^(预览|Preview)$/ }).click();
  const preview = page.getByTestId("preview");
  await expect(preview.getByRole("heading", { level: 2 })).toHaveText(
    "<script>alert(1)</script>大模型安全测试<img src=x onerror=alert(2)>",
  );
  await expect(preview.getByText(/无变化|Unchanged/)).toBeVisible(); // the fixture is already stored
  await expect(preview.getByText("百川智能").first()).toBeVisible();
  await expect(preview.getByText("open_public")).toBeVisible();
  await expect(preview.locator("blockquote").first()).toContainText("2024年6月18日");
  expect(await page.locator('img[src="x"]').count()).toBe(0);

  await page.getByLabel(/粘贴文章|Paste an article/).fill("标题: 没有链接\n总结: 正文");
  await page.getByRole("button", { name: /^(预览|Preview)$/ }).click();
  await expect(preview.getByText(/pasted\.txt/).first()).toBeVisible();
  await expect(preview.getByText(/链接/).first()).toBeVisible();
  expect(dialogs).toEqual([]);
});

test("the review queue lists discovered models with their example sentence", async ({ page }) => {
  await logIn(page, "/admin/review");
  await expect(page).toHaveURL(/\/admin\/review$/);
  const row = page.getByTestId("review-model-baichuan-4");
  await expect(row).toBeVisible();
  await expect(row.locator("blockquote")).toContainText("<script>alert(1)</script>");
  await expect(row.getByRole("button", { name: /确认|Confirm/ })).toBeVisible();
  await expect(row.getByRole("button", { name: /合并到|Merge into/ })).toBeVisible();
});

/** Facts of fixture articles no other spec looks at, one set per project (they run at once). */
const TARGETS = {
  desktop: {
    model: "glm-3-turbo",
    article: "讯飞星火认知大模型V3.5发布",
    event: { shown: "2023-05-06", to: "2023-05", vendor: "iflytek", label: "2023年5月" },
    claim: { model: "spark", from: 350000, to: 400000 },
  },
  phone: {
    model: "skywork-13b",
    article: "商湯發佈日日新5.0大模型",
    event: { shown: "2024-04-23", to: "2024-04", vendor: "sensetime", label: "2024年4月" },
    claim: { model: "sensenova-5-0", from: 200000, to: 210000 },
  },
} as const;

test("an editor rejects a model, re-dates an event and fixes a claim, sees them everywhere, and undoes them", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(180_000); // a dozen pages and saves, each re-reading its articles
  const project = testInfo.project.name as keyof typeof TARGETS;
  const target = TARGETS[project];
  const editor = `E2E ${project}`;
  const shot = (name: string) => page.screenshot({ path: `test-results/admin-${name}-${project}.png`, fullPage: true });
  const status = page.locator("main").getByRole("status");
  await logIn(page, "/admin/review", editor);
  await expect(page).toHaveURL(/\/admin\/review$/);
  await expectNoHorizontalOverflow(page);
  await expectNoSeriousA11yViolations(page);

  // 1. reject the model, with a reason
  await page.goto("/admin/review?kind=model");
  const row = page.getByTestId(`review-model-${target.model}`);
  await expect(row.locator("blockquote")).toBeVisible();
  await row.getByPlaceholder(/为什么是错的/).fill("不是本文报道的模型");
  await shot("reject");
  await row.getByRole("button", { name: "驳回" }).click();
  await expect(status).toContainText("已完成：驳回");
  await expect(page.getByTestId(`review-model-${target.model}`)).toHaveCount(0);
  expect((await request.get(`/api/models/${target.model}`)).status()).toBe(404);

  // 2. re-date the event: the article filter, then the edit form (keyboard: the summary opens with Enter)
  await page.goto("/admin/review?kind=event");
  await page.getByRole("combobox", { name: /^文章/ }).selectOption({ label: target.article });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/kind=event&article=\d+/);
  const event = page.locator('[data-testid^="fact-event-"]').filter({ hasText: target.event.shown }).first();
  await expect(event.locator("blockquote")).toBeVisible();
  await event.locator("summary", { hasText: "修改" }).focus();
  await page.keyboard.press("Enter");
  const date = event.getByLabel(/^日期/);
  await expect(date).toBeVisible();
  await date.fill(target.event.to);
  await event.getByLabel("理由（可选）").fill("原文只写到月份");
  await shot("redate");
  await event.getByRole("button", { name: "保存修改" }).click();
  await expect(status).toContainText("已完成：修改");
  const moved = page
    .locator('[data-testid^="fact-event-"]')
    .filter({ hasText: new RegExp(`${target.event.to}(?![-\\d])`) })
    .first();
  await expect(moved).toContainText("已审核");

  // 3. fix the claim's value
  await page.goto(
    page
      .url()
      .replace("kind=event", "kind=claim")
      .replace(/&?done=[^&]*|&?id=\d+/g, ""),
  );
  const claim = page
    .locator('[data-testid^="fact-claim-"]')
    .filter({ hasText: String(target.claim.from) })
    .first();
  await claim.locator("summary", { hasText: "修改" }).click();
  await claim.getByLabel("数值").fill(String(target.claim.to));
  await claim.getByRole("button", { name: "保存修改" }).click();
  await expect(status).toContainText("已完成：修改");
  await expect(page.locator('[data-testid^="fact-claim-"]').filter({ hasText: String(target.claim.to) })).toContainText(
    "已审核",
  );
  await shot("review");

  // the public pages and the API show the corrections, marked reviewed by this editor
  await page.goto(`/timeline?vendor=${target.event.vendor}`);
  const card = page.getByTestId("event").filter({ hasText: "已审核" }).first();
  await expect(card).toContainText(target.event.label);
  await expect(card.locator("span[title]").filter({ hasText: "已审核" })).toHaveAttribute(
    "title",
    new RegExp(`由 ${editor} 于 \\d{4}`),
  );
  await shot("timeline");
  const claims = await (await request.get(`/api/claims?model=${target.claim.model}`)).json();
  expect(claims.items).toEqual(
    expect.arrayContaining([expect.objectContaining({ value: target.claim.to, reviewed: true, reviewedBy: editor })]),
  );

  // 4. the history lists all three, with who, why and before -> after
  await page.goto("/admin/history");
  const mine = page.locator('[data-testid^="history-"]').filter({ hasText: editor });
  await expect(mine).toHaveCount(3);
  const fix = mine.filter({ hasText: String(target.claim.to) });
  await expect(fix.getByRole("row").filter({ hasText: "数值" })).toHaveText(
    new RegExp(`数值\\s*${target.claim.from}\\s*${target.claim.to}`),
  );
  await expect(mine.filter({ hasText: "不是本文报道的模型" })).toContainText("驳回");
  await expectNoHorizontalOverflow(page);
  await expectNoSeriousA11yViolations(page);
  await shot("history");

  // 5. undo every one: the extracted facts come back
  for (let i = 0; i < 3; i++) {
    await mine
      .filter({ has: page.getByRole("button", { name: "撤销" }) })
      .first()
      .getByRole("button", { name: "撤销" })
      .click();
    await expect(mine.getByRole("button", { name: "撤销" })).toHaveCount(2 - i);
    await expect(status).toContainText("已完成：撤销");
  }
  await expect(mine.getByRole("button", { name: "撤销" })).toHaveCount(0);
  await expect(mine.filter({ hasText: /已于 .* 由 E2E/ })).toHaveCount(3);
  expect((await request.get(`/api/models/${target.model}`)).status()).toBe(200);
  await page.goto(`/timeline?vendor=${target.event.vendor}`);
  await expect(page.getByTestId("event").filter({ hasText: "已审核" })).toHaveCount(0);
  const restored = await (await request.get(`/api/claims?model=${target.claim.model}`)).json();
  expect(restored.items).toEqual(
    expect.arrayContaining([expect.objectContaining({ value: target.claim.from, reviewed: false })]),
  );
});

test("the correction endpoints refuse a session's request from another site", async ({ page }) => {
  const body = { kind: "model", key: "baichuan-4", reason: "x" };
  await logIn(page, "/admin/history");
  await expect(page).toHaveURL(/\/admin\/history$/);
  // the page's own context carries the session cookie
  const cross = await page.request.post("/api/admin/overrides/reject", {
    form: body,
    headers: { origin: "https://evil.example" },
  });
  expect(cross.status()).toBe(403);
  const history = await page.request.get("/api/admin/overrides?kind=model");
  expect(history.status()).toBe(200);
  expect((await history.json()).items.filter((o: { key: string }) => o.key === "baichuan-4")).toEqual([]);
});

test("a model's mentions can be picked for a split, from the keyboard", async ({ page }, testInfo) => {
  await logIn(page, "/admin/review");
  await page.goto("/admin/review?kind=model");
  await page.getByRole("combobox", { name: /^文章/ }).selectOption({ label: "讯飞星火认知大模型V3.5发布" });
  await page.getByRole("button", { name: "筛选" }).click();
  const row = page.getByTestId("review-model-spark");
  const summary = row.locator("summary", { hasText: "拆分" });
  await summary.focus();
  await page.keyboard.press("Enter");
  const boxes = row.getByRole("checkbox");
  expect(await boxes.count()).toBeGreaterThan(1);
  await boxes.first().focus();
  await page.keyboard.press("Space");
  await expect(boxes.first()).toBeChecked();
  await expect(row.locator("mark").first()).toBeVisible(); // the mention, marked in its sentence
  await expectNoHorizontalOverflow(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/admin-split-${testInfo.project.name}.png`, fullPage: true });
});
