"use client";
// Last resort when the root layout itself fails: no providers, so plain bilingual text.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body
        style={{ fontFamily: '"Noto Sans CJK SC", system-ui, sans-serif', padding: "4rem 1rem", textAlign: "center" }}
      >
        <h1>出错了 · Something went wrong</h1>
        <button type="button" onClick={() => reset()} style={{ marginTop: "1rem", padding: "0.5rem 1rem" }}>
          重试 · Try again
        </button>
      </body>
    </html>
  );
}
