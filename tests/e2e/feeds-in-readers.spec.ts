// The Atom feeds as their users read them: Python's feedparser (Debian's python3-feedparser, the
// library behind many feed readers) parses them without complaint, and every link in them points
// where the reader fetched the feed from.
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";

// Debian's interpreter, where python3-feedparser installs (a python3 earlier on PATH may not have it)
const PYTHON = process.env.FEEDPARSER_PYTHON ?? "/usr/bin/python3";

const READ = `
import json, sys, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
links = [l["href"] for l in d.feed.get("links", [])] + [l["href"] for e in d.entries for l in e.get("links", [])]
print(json.dumps({"bozo": bool(d.bozo), "error": str(d.get("bozo_exception", "")), "version": d.version,
                  "entries": len(d.entries), "titles": [e.title for e in d.entries], "links": links}))
`;

interface Parsed {
  bozo: boolean;
  error: string;
  version: string;
  entries: number;
  titles: string[];
  links: string[];
}

for (const path of ["/feed.xml", "/feeds/vendors/tencent.xml", "/feeds/models/hunyuan.xml"]) {
  test(`feedparser reads ${path} cleanly, its links on the address it was fetched from`, async ({
    request,
    baseURL,
  }) => {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    const parsed = JSON.parse(execFileSync(PYTHON, ["-c", READ], { input: await res.body() }).toString()) as Parsed;
    expect(parsed.error).toBe("");
    expect(parsed.bozo).toBe(false);
    expect(parsed.version).toBe("atom10");
    expect(parsed.entries).toBeGreaterThan(0);
    for (const title of parsed.titles) expect(title.trim()).not.toBe("");
    expect(parsed.links.length).toBeGreaterThan(parsed.entries);
    for (const link of parsed.links) expect(link.startsWith(`${baseURL}/`), link).toBe(true);
  });
}
