import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { authenticate, createSession, editorName, verifySession } from "@/lib/admin/auth";
import { rejectRequestSchema, setRequestSchema } from "@/lib/admin/override-schema";

describe("what an editor's correction may say", () => {
  const event = (fields: Record<string, unknown>) =>
    setRequestSchema.parse({ kind: "event", key: "release|turbo|acme|2024", ...fields });

  it("reads a date's precision from how it is written, and an empty one as unknown", () => {
    expect(event({ date: "2024" })).toMatchObject({ date: { value: "2024", precision: "year" } });
    expect(event({ date: "2024-05" })).toMatchObject({ date: { value: "2024-05", precision: "month" } });
    expect(event({ date: "2024-05-17" })).toMatchObject({ date: { value: "2024-05-17", precision: "day" } });
    expect(event({ date: "" })).toMatchObject({ date: { value: null, precision: "unknown" } });
    for (const bad of ["2024-02-30", "2024-13", "24-05", "May 2024", "1800"])
      expect(setRequestSchema.safeParse({ kind: "event", key: "k", date: bad }).success, bad).toBe(false);
  });

  it("clears a field sent empty, keeps one left out, and reads numbers from form text", () => {
    expect(event({ model: "", organization: "acme" })).toMatchObject({ model: null, organization: "acme" });
    expect(event({})).not.toHaveProperty("model");
    const claim = setRequestSchema.parse({ kind: "claim", key: "k", value: "1.5e3", unit: "%" });
    expect(claim).toMatchObject({ value: 1500, unit: "%" });
    expect(setRequestSchema.safeParse({ kind: "claim", key: "k", value: "80%" }).success).toBe(false);
    expect(setRequestSchema.safeParse({ kind: "model", key: "turbo", vendor: "Not A Slug" }).success).toBe(false);
    expect(setRequestSchema.safeParse({ kind: "mention", key: "x" }).success).toBe(false);
  });

  it("wants a reason for a rejection and returns forms only to the admin pages", () => {
    expect(rejectRequestSchema.safeParse({ kind: "model", key: "draft", reason: " " }).success).toBe(false);
    const ok = rejectRequestSchema.parse({
      kind: "model",
      key: "draft",
      reason: "quoted word",
      back: "/admin/history",
    });
    expect(ok.back).toBe("/admin/history");
    for (const back of ["https://evil.example/", "//evil.example", "/admin/../x", "/search"])
      expect(rejectRequestSchema.parse({ kind: "model", key: "draft", reason: "r", back }).back, back).toBeUndefined();
    expect(
      rejectRequestSchema.parse({ kind: "mention", article: "12", start: "4", end: "9", reason: "r" }),
    ).toMatchObject({ article: 12, start: 4, end: 9 });
  });
});

describe("the editor's name in the session", () => {
  beforeEach(() => vi.stubEnv("ADMIN_TOKEN", "token-one"));
  afterEach(() => vi.unstubAllEnvs());
  const withCookie = (value: string) =>
    new Request("http://127.0.0.1/api/admin/overrides", { headers: { cookie: `moxing_admin=${value}` } });

  it("is carried, signed, and read back; a session without one names the admin", () => {
    const named = createSession("token-one", Date.now(), "李伟");
    expect(verifySession(named)).toBe(true);
    expect(authenticate(withCookie(named))).toEqual({ ok: true, via: "cookie", editor: "李伟" });
    expect(authenticate(withCookie(createSession("token-one")))).toMatchObject({ editor: "admin" });
    const bearer = new Request("http://127.0.0.1/x", { headers: { authorization: "Bearer token-one" } });
    expect(authenticate(bearer)).toMatchObject({ ok: true, via: "bearer", editor: "token" });
  });

  it("cannot be changed without the token", () => {
    const [issued, , signature] = createSession("token-one", Date.now(), "李伟").split(".");
    const forged = `${issued}.${Buffer.from("someone else").toString("base64url")}.${signature}`;
    expect(verifySession(forged)).toBe(false);
    expect(authenticate(withCookie(forged))).toMatchObject({ ok: false });
  });

  it("is a short line of visible text", () => {
    expect(editorName("  Li\u0000 Wei\n ")).toBe("Li Wei");
    expect(editorName("x".repeat(100))).toHaveLength(40);
    expect(editorName("\u200b")).toBeNull();
    expect(editorName(undefined)).toBeNull();
  });
});
