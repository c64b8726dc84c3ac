// The admin area in a browser: login (wrong / right), pasting an article and previewing what would
// be extracted (nothing is saved here: the e2e database is shared with the other specs), and the
// review queue. The server runs with ADMIN_TOKEN=e2e-admin-token (playwright.config.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

const TOKEN = "e2e-admin-token";

async function logIn(page: Page, next = "/admin") {
  await page.goto(`/admin?next=${encodeURIComponent(next)}`);
  await page.getByLabel(/管理令牌|Admin token/).fill(TOKEN);
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
  await page.getByLabel(/粘贴文章|Paste an article/).fill(fixture);
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
