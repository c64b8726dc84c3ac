// Article text is never markup (an XSS payload article shows as text everywhere), and pages carry a
// strict Content-Security-Policy under which they still hydrate without violations: the hashes of what
// was rendered for pages served from the page cache, a per-request nonce for the admin pages.
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

/** The policy's script sources: its nonce, if any, and its hashes. */
function scriptSources(csp: string) {
  const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
  return {
    nonce: /'nonce-([^']+)'/.exec(scriptSrc)?.[1] ?? null,
    hashes: [...scriptSrc.matchAll(/'(sha(?:256|384|512)-[^']+)'/g)].map((m) => m[1]),
  };
}

/** Each script element of the page, inline with the hash of its text, or a file with its integrity. */
async function pageScripts(page: Page) {
  return page.evaluate(async () => {
    const digest = async (text: string) =>
      `sha256-${btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)))))}`;
    return Promise.all(
      [...document.querySelectorAll("script")].map(async (s) => ({
        src: s.getAttribute("src"),
        nonce: s.nonce,
        integrity: s.getAttribute("integrity"),
        hash: s.src ? null : await digest(s.textContent ?? ""),
        text: (s.textContent ?? "").slice(0, 80),
      })),
    );
  });
}

async function expectNoInjectedMarkup(page: Page, csp: string) {
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator("main b", { hasText: /^企业$/ }).count()).toBe(0);
  // A payload that became markup would be a script element of its own, one the policy does not allow;
  // the page's data scripts carry the text only inside escaped JSON strings.
  const { nonce, hashes } = scriptSources(csp);
  const scripts = await pageScripts(page);
  // (script files are left to the policy itself: guard() reports any it refused)
  const injected = scripts.filter(
    (s) => /^\s*alert\(/.test(s.text) || (!s.src && !((nonce && s.nonce === nonce) || hashes.includes(s.hash!))),
  );
  expect(injected).toEqual([]);
}

test("an article whose title and body carry <script> shows them as text", async ({ page }) => {
  const problems = await guard(page);
  const id = await xssArticleId(page);
  const res = await page.goto(`/articles/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(
    page.getByText("百川智能发布了Baichuan 4大模型<script>alert(1)</script>", { exact: false }).first(),
  ).toBeVisible();
  await expectNoInjectedMarkup(page, res!.headers()["content-security-policy"]);
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);
});

test("the payload is text in lists, the timeline, entity pages and search", async ({ page }) => {
  const problems = await guard(page);
  for (const path of ["/articles", "/timeline", "/vendors/baichuan", `/search?q=${encodeURIComponent("安全测试")}`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expectNoInjectedMarkup(page, res!.headers()["content-security-policy"]);
  }
  await page.goto("/articles");
  await expect(page.getByText(TITLE).first()).toBeVisible();
  await page.goto(`/search?q=${encodeURIComponent("安全测试")}`);
  await expect(page.getByText("<script>alert(1)</script>", { exact: false }).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);
});

test("pages are served under a policy of their own hashes, with the security headers, and still hydrate", async ({
  page,
}) => {
  const problems = await guard(page);
  await page.request.get("/"); // rendered once, so that the next response is one served to everyone
  const res = await page.goto("/");
  const headers = res!.headers();
  expect(headers["x-moxing-cache"]).toBe("hit");
  const csp = headers["content-security-policy"];
  const { nonce, hashes } = scriptSources(csp);
  expect(nonce).toBeNull();
  expect(hashes.length).toBeGreaterThan(5);
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["cache-control"]).toMatch(/^public, max-age=0, s-maxage=\d+/);
  // Every inline script Next wrote is listed by its hash, every script file it names by its integrity hash.
  const scripts = await pageScripts(page);
  const inline = scripts.filter((s) => !s.src);
  expect(inline.length).toBeGreaterThan(0);
  for (const s of inline) expect(hashes, s.text).toContain(s.hash);
  const files = [...(await res!.text()).matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].map((m) => m[0]);
  expect(files.length).toBeGreaterThan(0);
  for (const tag of files) expect(hashes, tag).toContain(/integrity="([^"]+)"/.exec(tag)?.[1]);

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

test("admin pages, rendered per request, keep a fresh nonce", async ({ request }) => {
  const a = (await request.get("/admin")).headers()["content-security-policy"];
  const b = (await request.get("/admin")).headers()["content-security-policy"];
  expect(scriptSources(a).nonce).toBeTruthy();
  expect(scriptSources(b).nonce).not.toBe(scriptSources(a).nonce);
});

test("pages, the API and exports answer If-None-Match with 304, headers included", async ({ request }) => {
  for (const path of ["/", "/models/hunyuan", "/api/models", "/api/events?vendor=tencent", "/api/export/events.csv"]) {
    await request.get(path);
    const first = await request.get(path);
    const etag = first.headers()["etag"];
    expect(etag, path).toMatch(/^"[\w-]+"$/);
    const again = await request.get(path, { headers: { "if-none-match": etag } });
    expect(again.status(), path).toBe(304);
    expect(await again.body(), path).toHaveLength(0);
    expect(again.headers()["etag"], path).toBe(etag);
    expect(again.headers()["content-security-policy"], path).toBe(first.headers()["content-security-policy"]);
    expect(again.headers()["x-content-type-options"], path).toBe("nosniff");
    const other = await request.get(path, { headers: { "if-none-match": '"something-else"' } });
    expect(other.status(), path).toBe(200);
  }
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
