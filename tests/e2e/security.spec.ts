// Article text is never markup (an XSS payload article shows as text everywhere), and pages carry a
// nonce-based Content-Security-Policy under which they still hydrate without violations.
import { expect, test, type Page } from "@playwright/test";

const TITLE = "<script>alert(1)</script>大模型安全测试<img src=x onerror=alert(2)>";

/** Fails the test on any dialog (alert) and records CSP violations reported by the browser. */
async function guard(page: Page) {
  const problems: string[] = [];
  page.on("dialog", async (d) => {
    problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text()))
      problems.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Refused to load (CSP violation): ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return problems;
}

async function xssArticleId(page: Page): Promise<number> {
  const res = await page.request.get(`/api/articles?q=${encodeURIComponent("安全测试")}`);
  expect(res.status()).toBe(200);
  const { items } = (await res.json()) as { items: { id: number; title: string }[] };
  const hit = items.find((a) => a.title === TITLE);
  expect(hit, "the xss-payload fixture is ingested").toBeDefined();
  return hit!.id;
}

async function expectNoInjectedMarkup(page: Page) {
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator("main b", { hasText: /^企业$/ }).count()).toBe(0);
  // A payload that became markup would be a script element of its own; the page's data scripts
  // carry the text only inside escaped JSON strings.
  const injected = await page.evaluate(
    () =>
      [...document.querySelectorAll("script")].filter(
        (s) => /^\s*alert\(/.test(s.textContent ?? "") || (!s.src && !s.nonce),
      ).length,
  );
  expect(injected).toBe(0);
}

test("an article whose title and body carry <script> shows them as text", async ({ page }) => {
  const problems = await guard(page);
  const id = await xssArticleId(page);
  await page.goto(`/articles/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(
    page.getByText("百川智能发布了Baichuan 4大模型<script>alert(1)</script>", { exact: false }).first(),
  ).toBeVisible();
  await expectNoInjectedMarkup(page);
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);
});

test("the payload is text in lists, the timeline, entity pages and search", async ({ page }) => {
  const problems = await guard(page);
  for (const path of ["/articles", "/timeline", "/vendors/baichuan", `/search?q=${encodeURIComponent("安全测试")}`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expectNoInjectedMarkup(page);
  }
  await page.goto("/articles");
  await expect(page.getByText(TITLE).first()).toBeVisible();
  await page.goto(`/search?q=${encodeURIComponent("安全测试")}`);
  await expect(page.getByText("<script>alert(1)</script>", { exact: false }).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);
});

test("pages send a nonce CSP and the security headers, and still hydrate", async ({ page }) => {
  const problems = await guard(page);
  const res = await page.goto("/");
  const headers = res!.headers();
  const csp = headers["content-security-policy"];
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  // Every script Next wrote carries this response's nonce.
  const scripts = await page.evaluate(() => [...document.querySelectorAll("script")].map((s) => s.nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);

  // Hydrated: the charts (drawn only by client-side React) appear, and client navigation works.
  await page.waitForLoadState("networkidle");
  const charts = page.locator(".recharts-responsive-container svg.recharts-surface");
  if ((await page.locator(".recharts-responsive-container").count()) > 0) await expect(charts.first()).toBeVisible();
  await page.goto("/timeline");
  await page.waitForLoadState("networkidle");
  const lang = page.getByRole("button", { name: /English|Switch to English/ }).first();
  if (await lang.count()) {
    await lang.click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  }
  expect(problems).toEqual([]);
});

test("API, exports and feeds are not HTML and allow nothing to run", async ({ request }) => {
  for (const path of ["/api/models", "/api/export/events.csv", "/feed.xml", "/api/models/no-such-model"]) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h["content-security-policy"], path).toContain("default-src 'none'");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["content-type"], path).not.toContain("text/html");
  }
  const feed = await (await request.get("/feed.xml")).text();
  expect(feed).not.toMatch(/<script/i);
  const csv = await (await request.get("/api/export/events.csv")).text();
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain("<script>alert(1)</script>");
});

test("the API page lists the endpoints from the OpenAPI document", async ({ page }) => {
  const problems = await guard(page);
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/API/);
  await expect(page.getByText("/api/models/{slug}", { exact: true })).toBeVisible();
  await expect(page.getByText("/feed.xml", { exact: true })).toBeVisible();
  const doc = await page.request.get("/api/openapi.json");
  expect((await doc.json()).openapi).toMatch(/^3\.1\./);
  expect(problems).toEqual([]);
});
