import { describe, expect, it } from "vitest";
import { baseUrlFor, publicBaseUrl } from "@/lib/api/public-url";

const env = (MOXING_PUBLIC_URL?: string) => ({ MOXING_PUBLIC_URL });
const request = (url: string, host?: string) => new Request(url, host ? { headers: { host } } : undefined);

describe("publicBaseUrl", () => {
  it("is null when unset or blank", () => {
    expect(publicBaseUrl(env())).toBeNull();
    expect(publicBaseUrl(env("  "))).toBeNull();
  });

  it("keeps origin and path prefix, without the trailing slash", () => {
    expect(publicBaseUrl(env("https://moxing.example.org/"))).toBe("https://moxing.example.org");
    expect(publicBaseUrl(env("https://news.example.com/tracker//"))).toBe("https://news.example.com/tracker");
  });

  it("refuses what is not an http(s) base URL, naming the variable", () => {
    expect(() => publicBaseUrl(env("moxing.example.org"))).toThrow(/MOXING_PUBLIC_URL is not a URL/);
    expect(() => publicBaseUrl(env("ftp://moxing.example.org"))).toThrow(/http or https/);
    expect(() => publicBaseUrl(env("https://moxing.example.org/?a=1"))).toThrow(/no query/);
  });
});

describe("baseUrlFor", () => {
  it("prefers the configured URL over whatever the request says", () => {
    expect(baseUrlFor(request("http://localhost:3000/feed.xml", "127.0.0.1:3000"), env("https://m.example"))).toBe(
      "https://m.example",
    );
  });

  it("falls back to the Host the client used, not the address the server bound", () => {
    expect(baseUrlFor(request("http://localhost:3941/feed.xml", "127.0.0.1:3941"), env())).toBe(
      "http://127.0.0.1:3941",
    );
    expect(baseUrlFor(request("http://localhost:3941/feed.xml", "[::1]:3941"), env())).toBe("http://[::1]:3941");
  });

  it("ignores a Host header that is not a host", () => {
    for (const host of ['evil.example"/><x', "a b", "host/path", "user@host"])
      expect(baseUrlFor(request("http://localhost:3941/feed.xml", host), env())).toBe("http://localhost:3941");
  });
});
