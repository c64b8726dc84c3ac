import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = process.cwd();
const work = mkdtempSync(path.join(os.tmpdir(), "moxing-cli-"));
const articles = path.join(work, "articles");

function ingest(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, MOXING_DATA_DIR: path.join(work, "db") };
  delete env.DATABASE_URL; // its own embedded database: the CLI is what is under test here
  return spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "lib/cli/ingest.ts", ...args], {
    cwd: root,
    env,
    encoding: "utf8",
    timeout: 120_000,
  });
}

describe("npm run ingest", () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("stores the valid files, names each rejected one with its reason, and exits 1", () => {
    spawnSync("mkdir", ["-p", articles]);
    copyFileSync(path.join(root, "seeds/000_fd29859c59ce52f4.txt"), path.join(articles, "good.txt"));
    writeFileSync(path.join(articles, "bad-link.txt"), "标题: 某文章\n链接: ftp://example.org/x\n总结: 正文。\n");
    const run = ingest(articles);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("1 new, 0 updated, 0 unchanged, 1 rejected");
    expect(run.stderr).toMatch(/rejected: .*bad-link\.txt:2: 链接: /);
    // the analysis ran in its worker thread (a worker that cannot start is reported, then bypassed)
    expect(run.stderr).not.toMatch(/analysis worker failed/);
  });

  it("changes nothing on a second run and exits 0 when nothing is rejected", () => {
    rmSync(path.join(articles, "bad-link.txt"));
    const run = ingest(articles);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("0 new, 0 updated, 1 unchanged, 0 rejected");
    expect(run.status).toBe(0);
  });
});
