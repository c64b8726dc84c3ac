// Pages and the API while the database is down and after it is back, in one running server: its own
// PostgreSQL (a throwaway server on a free loopback port) and its own server (lib/cli/serve.ts) on the build the
// e2e run made (E2E_APP_DIR to use another build).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { canRunOwnServer, freePort, ownServer, runIngestCli } from "../support/reliability";
import { startSharedCache } from "../support/shared-cache";

test.describe.configure({ mode: "serial" });
test.skip(!canRunOwnServer(), "needs the PostgreSQL binaries and a postgres user");
test.skip(({ isMobile }) => isMobile, "one viewport is enough: this is about the server, not the layout");

let db: Awaited<ReturnType<typeof ownServer>>;
let server: ChildProcess;
let base: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  db = await ownServer();
  const ingest = await runIngestCli([path.join(process.cwd(), "seeds")], { DATABASE_URL: db.url }).done;
  expect(ingest.code, ingest.stderr).toBe(0);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const appDir = process.env.E2E_APP_DIR ?? process.cwd();
  server = spawn(
    process.execPath,
    ["--import", "tsx", path.join(appDir, "lib", "cli", "serve.ts"), "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd: appDir,
      env: { ...process.env, DATABASE_URL: db.url, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      stdio: "ignore",
    },
  );
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${base}/api/ping`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
});

test.afterAll(() => {
  if (server?.pid && server.exitCode === null) process.kill(server.pid, "SIGTERM");
  db?.destroy();
});

test("pages rendered before are served stale with a notice, others and the API show the outage, then all recover", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  // app/error.tsx's heading ("出错了"); not getByRole("alert"): Next's route announcer is one too
  const errorState = page.getByRole("heading", { name: "出错了" });
  const staleNotice = page.locator("[data-stale-page]");
  await page.goto(`${base}/`);
  await expect(page.locator("main")).toBeVisible();
  await expect(errorState).toHaveCount(0);
  await expect(staleNotice).toHaveCount(0);
  // the charts draw on the client once measured: read the page when every one of them is drawn
  const chartsDrawn = async () => {
    const charts = page.locator("main .recharts-responsive-container");
    await expect(charts.first()).toBeVisible();
    await expect(page.locator("main .recharts-responsive-container svg.recharts-surface")).toHaveCount(
      await charts.count(),
    );
  };
  await chartsDrawn();
  const overview = await page.locator("main").innerText();
  expect((await request.get(`${base}/api/events?vendor=tencent`)).status()).toBe(200);

  db.stop();
  const api = await request.get(`${base}/api/events?vendor=tencent`);
  expect(api.status()).toBe(503);
  expect(await api.json()).toEqual({ error: expect.stringMatching(/database unavailable/) });
  // rendered before: the last good render, with a notice saying so (once the server has noticed the outage)
  await expect(async () => {
    const res = await page.goto(`${base}/`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()["x-moxing-cache"]).toBe("stale");
    expect(res?.headers()["cache-control"]).toBe("no-store");
  }).toPass({ timeout: 15_000 });
  // drawn by a style element before the body's content (React owns <body>; it leaves <head> alone)
  await expect(staleNotice).toHaveCount(1);
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.body, "::before").content))
    .toMatch(/最新数据暂时无法读取：这是 \d{4}-\d\d-\d\d \d\d:\d\d 时的页面/);
  await chartsDrawn();
  expect(await page.locator("main").innerText()).toBe(overview);
  await expect(errorState).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("stale-overview.png"), fullPage: false });
  // never rendered: the error state
  await page.goto(`${base}/timeline`);
  await expect(errorState).toBeVisible();

  db.start();
  await expect
    .poll(async () => (await request.get(`${base}/api/events?vendor=tencent`)).status(), { timeout: 30_000 })
    .toBe(200);
  await page.goto(`${base}/timeline`);
  await expect(errorState).toHaveCount(0);
  await expect(page.locator("main")).toContainText("文心一言");
  await page.goto(`${base}/`);
  await expect(staleNotice).toHaveCount(0);
  await expect(errorState).toHaveCount(0);
});

test("keeps query results between writes, and shows another process's ingestion at once", async ({ page }) => {
  test.setTimeout(120_000);
  // any data read starts listening; after the outage above, listening resumes by itself. Each probe is a
  // URL the page cache has never answered, so it is rendered and reads the database: a page kept while
  // the listener was still reconnecting would answer from the page cache and keep no query result.
  let probe = 0;
  await expect
    .poll(
      async () => {
        await page.goto(`${base}/articles?probe=${probe++}`);
        await page.goto(`${base}/status`);
        const status = page.locator("[data-query-cache]");
        return `${await status.getAttribute("data-query-cache")}: ${await status.innerText()}`;
      },
      { timeout: 30_000 },
    )
    .toMatch(/^listening: .*当前保留 [1-9]\d* 条/);

  const title = "星河智算发布“天枢”大模型";
  const article = [
    `标题: ${title}`,
    "链接: https://example.com/tech/tianshu-release.html",
    "总结: 2024年3月5日，星河智算科技有限公司发布“天枢”大模型，面向金融和政务行业提供服务。",
    "关键词: 天枢, 大模型",
    "AI技术: 大语言模型",
    "行业: 金融, 政务",
    "重大事件摘要: 星河智算发布天枢大模型。",
  ].join("\n");
  // served from the page cache before the write
  await page.goto(`${base}/articles`);
  const cached = await page.goto(`${base}/articles`);
  expect(cached?.headers()["x-moxing-cache"]).toBe("hit");
  await expect(page.locator("main")).not.toContainText(title);

  // the ingestion CLI is another process: its commit reaches this server as a notification
  const dir = mkdtempSync(path.join(os.tmpdir(), "moxing-e2e-cache-"));
  try {
    writeFileSync(path.join(dir, "tianshu.txt"), article);
    const ingest = await runIngestCli([dir], { DATABASE_URL: db.url }).done;
    expect(ingest.code, ingest.stderr).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await expect(async () => {
    await page.goto(`${base}/articles`);
    await expect(page.locator("main")).toContainText(title, { timeout: 500 });
  }).toPass({ timeout: 5_000 });
});

test("behind a shared cache, another process's ingestion shows within 5 s", async () => {
  test.setTimeout(120_000);
  const cache = await startSharedCache(base);
  try {
    const get = async (p: string) => {
      const res = await fetch(`${cache.url}${p}`);
      return { status: res.status, text: await res.text() };
    };
    // the shared cache holds the page, serves it while fresh, then revalidates it (304s from the server)
    const started = Date.now();
    while (Date.now() - started < 4_000) {
      expect((await get("/articles")).status).toBe(200);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(cache.counts.fresh).toBeGreaterThan(0);
    expect(cache.counts.revalidated).toBeGreaterThan(0);

    const title = "云岫科技发布“听澜”大模型";
    const dir = mkdtempSync(path.join(os.tmpdir(), "moxing-e2e-shared-"));
    try {
      writeFileSync(
        path.join(dir, "tinglan.txt"),
        [
          `标题: ${title}`,
          "链接: https://example.com/tech/tinglan-release.html",
          "总结: 2024年4月9日，云岫科技有限公司发布“听澜”大模型，面向教育行业提供服务。",
          "关键词: 听澜, 大模型",
          "AI技术: 大语言模型",
          "行业: 教育",
          "重大事件摘要: 云岫科技发布听澜大模型。",
        ].join("\n"),
      );
      expect((await get("/articles")).text).not.toContain(title);
      const ingest = await runIngestCli([dir], { DATABASE_URL: db.url }).done;
      expect(ingest.code, ingest.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const written = Date.now();
    let seenAfter = Infinity;
    while (Date.now() - written < 10_000) {
      if ((await get("/articles")).text.includes(title)) {
        seenAfter = Date.now() - written;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(seenAfter).toBeLessThanOrEqual(5_000);
  } finally {
    await cache.close();
  }
});
